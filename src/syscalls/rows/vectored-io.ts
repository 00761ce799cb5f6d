// preadv, pwritev and their flagged forms preadv2/pwritev2: readv/writev at a position.
import { int } from '../args.js';
import { SEEK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { gatherIovecs, guestIovecs, readIntoIovecs } from '../iovec-io.js';
import { withoutWaiting } from '../no-wait.js';
import type { OpenFile } from '../open-file.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { mayTransfer } from '../tty-job-control.js';
import { readableFile, writableFile } from './fd-access.js';
import { position, reading, writing } from './file-io.js';

/** RWF_* flags of preadv2/pwritev2 (linux/fs.h). */
const RWF_HIPRI = 0x1;
const RWF_DSYNC = 0x2;
const RWF_SYNC = 0x4;
const RWF_NOWAIT = 0x8;
const RWF_APPEND = 0x10;
/** The flags accepted: HIPRI and the sync ones change nothing a guest can see here. */
const RWF_SUPPORTED = RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND;

/** The position of a *v2 call: -1 means the file offset, as readv/writev. */
const positionOrOffset = (v: number): number | undefined => (v === -1 ? undefined : position(v));

function checkFlags(flags: number): void {
  if ((flags & ~RWF_SUPPORTED) !== 0) throw new SysError(E.EOPNOTSUPP);
}

/** RWF_NOWAIT: what would wait fails with EAGAIN instead. */
const waitingUnless = (flags: number, io: () => number): number => (flags & RWF_NOWAIT ? withoutWaiting(io) : io());

function preadv2(p: GuestProcess, t: GuestThread, a: readonly number[], at: number | undefined, flags: number): number {
  checkFlags(flags);
  if (at === undefined && !mayTransfer(p, t, readableFile(p, a[0]), false)) return 0;
  return reading(p, a[0], (f) => waitingUnless(flags, () => readIntoIovecs(p, f, guestIovecs(p, a[1], a[2]), at)));
}

/** RWF_APPEND writes at the end of the file; at the file offset, that offset moves there too. */
function appendPosition(f: OpenFile, at: number | undefined): number | undefined {
  if (at === undefined) {
    f.seek(0, SEEK.SEEK_END);
    return undefined;
  }
  return Number(f.stat().size);
}

function pwritev2(p: GuestProcess, t: GuestThread, a: readonly number[], at: number | undefined, flags: number): number {
  checkFlags(flags);
  if (at === undefined && !mayTransfer(p, t, writableFile(p, a[0]), true)) return 0;
  return writing(p, t, a[0], (f) => {
    const bytes = gatherIovecs(p, guestIovecs(p, a[1], a[2]));
    const where = flags & RWF_APPEND ? appendPosition(f, at) : at;
    return waitingUnless(flags, () => f.write(bytes, where));
  });
}

// On a 64-bit ABI the position is the fourth register whole; the fifth (its "high half") is ignored.
export const vectoredIoRows: SyscallRow[] = [
  sys('preadv', ['fd', 'ptr', 'int', 'long'], (p, a, t) => preadv2(p, t, a, position(a[3]), 0)),
  sys('pwritev', ['fd', 'ptr', 'int', 'long'], (p, a, t) => pwritev2(p, t, a, position(a[3]), 0)),
  sys('preadv2', ['fd', 'ptr', 'int', 'long', 'long', 'hex'], (p, a, t) => preadv2(p, t, a, positionOrOffset(a[3]), int(a[5]))),
  sys('pwritev2', ['fd', 'ptr', 'int', 'long', 'long', 'hex'], (p, a, t) => pwritev2(p, t, a, positionOrOffset(a[3]), int(a[5]))),
];
