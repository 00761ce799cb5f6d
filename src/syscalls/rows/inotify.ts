// inotify_init1, inotify_add_watch, inotify_rm_watch (events: fs-notify.ts, queue: inotify.ts).
import { lstatSync, realpathSync } from 'node:fs';
import { int, u32 } from '../args.js';
import { E, SysError } from '../errno.js';
import { inodeFromStat } from '../fs-notify.js';
import type { GuestProcess } from '../guest-process.js';
import { IN_ONESHOT, Inotify } from '../inotify.js';
import { guestPathAt } from '../paths.js';
import { sys, type SyscallRow } from '../row.js';
import { AT_FDCWD } from '../constants.js';
import { openFile } from './fd-access.js';

const IN_ALL_EVENTS = 0xfff;
const IN_ONLYDIR = 0x01000000, IN_DONT_FOLLOW = 0x02000000, IN_EXCL_UNLINK = 0x04000000;
const IN_MASK_CREATE = 0x10000000, IN_MASK_ADD = 0x20000000;
const IN_VALID = IN_ALL_EVENTS | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_MASK_CREATE | IN_MASK_ADD | IN_ONESHOT;

function inotifyInit(p: GuestProcess, flags: number): number {
  const { cloexec, nonblock } = p.abi.openFlags;
  if (flags & ~(cloexec | nonblock)) throw new SysError(E.EINVAL);
  const wake = (): void => p.kernel.hostEvent();
  return p.fds.add(new Inotify(flags & nonblock, nonblock, wake), (flags & cloexec) !== 0);
}

function instance(p: GuestProcess, fd: number): Inotify {
  const file = openFile(p, fd);
  if (!(file instanceof Inotify)) throw new SysError(E.EINVAL);
  return file;
}

function addWatch(p: GuestProcess, fd: number, pathAddr: number, mask: number): number {
  const inotify = instance(p, fd);
  if (!(mask & IN_ALL_EVENTS) || mask & ~IN_VALID) throw new SysError(E.EINVAL);
  if (mask & IN_MASK_ADD && mask & IN_MASK_CREATE) throw new SysError(E.EINVAL);
  const given = guestPathAt(p, AT_FDCWD, pathAddr);
  const path = mask & IN_DONT_FOLLOW ? given : realpathSync(given);
  const self = inodeFromStat(lstatSync(path, { bigint: true }));
  if (mask & IN_ONLYDIR && !self.isDir) throw new SysError(E.ENOTDIR);
  // See fs-notify.ts for why other programs' changes are not seen.
  p.reportOnce('inotify', "inotify: other host programs' changes are seen only as IN_MODIFY and IN_ATTRIB of watched files");
  const kept = mask & (IN_ALL_EVENTS | IN_ONESHOT);
  return inotify.watch(self, path, kept, (mask & IN_MASK_ADD) !== 0, (mask & IN_MASK_CREATE) !== 0);
}

export const inotifyRows: SyscallRow[] = [
  sys('inotify_init1', ['hex'], (p, a) => inotifyInit(p, int(a[0]))),
  sys('inotify_add_watch', ['fd', 'path', 'hex'], (p, a) => addWatch(p, int(a[0]), a[1], u32(a[2]))),
  sys('inotify_rm_watch', ['fd', 'int'], (p, a) => {
    instance(p, int(a[0])).unwatch(int(a[1]));
    return 0;
  }),
];
