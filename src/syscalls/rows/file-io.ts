// Moving bytes: read, write and their vector and positioned forms, and lseek.
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import { MAX_RW_COUNT, readableView, writableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import { raisingSigpipe } from '../sigpipe.js';
import type { GuestThread } from '../thread.js';
import { mayTransfer } from '../tty-job-control.js';
import { gatherIovecs, guestIovecs, readIntoIovecs } from '../iovec-io.js';
import { openFile, readableFile, writableFile } from './fd-access.js';
import { IN_ACCESS, IN_MODIFY, notifyChange } from '../fs-notify.js';

const count = (v: number): number => Math.min(ulong(v), MAX_RW_COUNT);

/** A pread/pwrite position: never negative. */
export function position(v: number): number {
  if (v < 0) throw new SysError(E.EINVAL);
  return v;
}

/** Reads `fd` with `io`, after the process's writes to shared mappings of the file reached it. */
export function reading(p: GuestProcess, fd: number, io: (file: OpenFile) => number): number {
  const file = readableFile(p, fd);
  const n = p.kernel.shared.fileIo(p, file, false, () => io(file));
  if (n > 0 && file.path !== undefined) notifyChange(file.path, IN_ACCESS);
  return n;
}

/** Writes `fd` with `io`; the process's shared mappings of the file then show the new bytes. */
export function writing(p: GuestProcess, t: GuestThread, fd: number, io: (file: OpenFile) => number): number {
  const file = writableFile(p, fd);
  const n = raisingSigpipe(p, t, () => p.kernel.shared.fileIo(p, file, true, () => io(file)));
  if (n > 0 && file.path !== undefined) notifyChange(file.path, IN_MODIFY);
  return n;
}

export const fileIoRows: SyscallRow[] = [
  sys('read', ['fd', 'ptr', 'size'], (p, a, t) => !mayTransfer(p, t, readableFile(p, a[0]), false) ? 0
    : reading(p, a[0], (f) => f.read(writableView(p.mem, a[1], count(a[2]))))),
  sys('write', ['fd', 'ptr', 'size'], (p, a, t) => !mayTransfer(p, t, writableFile(p, a[0]), true) ? 0
    : writing(p, t, a[0], (f) => f.write(readableView(p.mem, a[1], count(a[2]))))),
  sys('pread64', ['fd', 'ptr', 'size', 'long'], (p, a) =>
    reading(p, a[0], (f) => f.read(writableView(p.mem, a[1], count(a[2])), position(a[3])))),
  sys('pwrite64', ['fd', 'ptr', 'size', 'long'], (p, a, t) =>
    writing(p, t, a[0], (f) => f.write(readableView(p.mem, a[1], count(a[2])), position(a[3])))),
  sys('readv', ['fd', 'ptr', 'int'], (p, a, t) => !mayTransfer(p, t, readableFile(p, a[0]), false) ? 0
    : reading(p, a[0], (f) => readIntoIovecs(p, f, guestIovecs(p, a[1], a[2])))),
  sys('writev', ['fd', 'ptr', 'int'], (p, a, t) => !mayTransfer(p, t, writableFile(p, a[0]), true) ? 0
    : writing(p, t, a[0], (f) => f.write(gatherIovecs(p, guestIovecs(p, a[1], a[2]))))),
  sys('lseek', ['fd', 'long', 'whence'], (p, a) => openFile(p, a[0]).seek(a[1], int(a[2]))),
];
