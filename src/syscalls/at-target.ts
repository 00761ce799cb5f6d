// What an *at() call acts on: a path resolved against a directory fd (following a final
// symlink or not), or with AT_EMPTY_PATH and "" the file an fd refers to.
import { fstatSync, lstatSync, statSync, type BigIntStats } from 'node:fs';
import { AT } from './constants.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { guestPathAt, readGuestPath } from './paths.js';

export type Target = { fd: number } | { path: string; follow: boolean };

export function targetAt(p: GuestProcess, dirfd: number, pathAddr: number, flags: number): Target {
  if (flags & AT.AT_EMPTY_PATH && readGuestPath(p, pathAddr) === '') return fdTarget(p, dirfd);
  return { path: guestPathAt(p, dirfd, pathAddr), follow: !(flags & AT.AT_SYMLINK_NOFOLLOW) };
}

/** The host fd of a guest fd, or its path when it has none (O_PATH). */
export function fdTarget(p: GuestProcess, fd: number): Target {
  const f = p.fds.get(fd);
  if (f.hostFd !== undefined) return { fd: f.hostFd };
  if (f.path !== undefined) return { path: f.path, follow: false };
  throw new SysError(E.EINVAL); // an in-kernel pipe: nothing on the host to change
}

export function statOf(t: Target): BigIntStats {
  if ('fd' in t) return fstatSync(t.fd, { bigint: true });
  return t.follow ? statSync(t.path, { bigint: true }) : lstatSync(t.path, { bigint: true });
}
