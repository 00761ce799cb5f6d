// User and group ids: the get*id and set*id families, and supplementary groups
// (credentials.ts holds them; the privileged one is effective uid 0).
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { writeU32ToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';

const NGROUPS_MAX = 65536;

const id = (v: number): number => v >>> 0;

function writeIds(p: GuestProcess, addrs: readonly number[], ids: readonly number[]): number {
  addrs.forEach((addr, i) => writeU32ToGuest(p.mem, addr, ids[i]));
  return 0;
}

function getgroups(p: GuestProcess, size: number, list: number): number {
  const groups = p.creds.groups;
  if (size < 0) throw new SysError(E.EINVAL);
  if (size === 0) return groups.length;
  if (size < groups.length) throw new SysError(E.EINVAL);
  groups.forEach((g, i) => writeU32ToGuest(p.mem, list + 4 * i, g));
  return groups.length;
}

function setgroups(p: GuestProcess, size: number, list: number): number {
  if (size < 0 || size > NGROUPS_MAX) throw new SysError(E.EINVAL);
  if (!p.creds.privileged) throw new SysError(E.EPERM);
  p.creds.groups = Array.from({ length: size }, (_, i) => p.mem.read32(list + 4 * i) >>> 0);
  return 0;
}

export const credentialRows: SyscallRow[] = [
  sys('getuid', [], (p) => p.creds.uid.real),
  sys('geteuid', [], (p) => p.creds.uid.effective),
  sys('getgid', [], (p) => p.creds.gid.real),
  sys('getegid', [], (p) => p.creds.gid.effective),
  sys('getresuid', ['ptr', 'ptr', 'ptr'], (p, a) => {
    const u = p.creds.uid;
    return writeIds(p, a.slice(0, 3), [u.real, u.effective, u.saved]);
  }),
  sys('getresgid', ['ptr', 'ptr', 'ptr'], (p, a) => {
    const g = p.creds.gid;
    return writeIds(p, a.slice(0, 3), [g.real, g.effective, g.saved]);
  }),
  sys('setuid', ['int'], (p, a) => {
    p.creds.uid.set(id(a[0]), p.creds.privileged);
    return 0;
  }),
  sys('setgid', ['int'], (p, a) => {
    p.creds.gid.set(id(a[0]), p.creds.privileged);
    return 0;
  }),
  sys('setreuid', ['int', 'int'], (p, a) => {
    p.creds.uid.setReal(id(a[0]), id(a[1]), p.creds.privileged);
    return 0;
  }),
  sys('setregid', ['int', 'int'], (p, a) => {
    p.creds.gid.setReal(id(a[0]), id(a[1]), p.creds.privileged);
    return 0;
  }),
  sys('setresuid', ['int', 'int', 'int'], (p, a) => {
    p.creds.uid.setAll(id(a[0]), id(a[1]), id(a[2]), p.creds.privileged);
    return 0;
  }),
  sys('setresgid', ['int', 'int', 'int'], (p, a) => {
    p.creds.gid.setAll(id(a[0]), id(a[1]), id(a[2]), p.creds.privileged);
    return 0;
  }),
  sys('setfsuid', ['int'], (p, a) => p.creds.uid.setFs(id(a[0]), p.creds.privileged)),
  sys('setfsgid', ['int'], (p, a) => p.creds.gid.setFs(id(a[0]), p.creds.privileged)),
  sys('getgroups', ['int', 'ptr'], (p, a) => getgroups(p, int(a[0]), a[1])),
  sys('setgroups', ['int', 'ptr'], (p, a) => setgroups(p, int(a[0]), a[1])),
];
