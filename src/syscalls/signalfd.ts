// signalfd: pending signals read as 128-byte struct signalfd_siginfo records instead of
// being delivered (the guest blocks them first). A read takes the signals of the mask
// pending for the process that made the fd — its threads' own, then the process's —
// where Linux takes those of the reading thread: the same for one thread.
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import type { Readiness } from './open-file.js';
import type { SigInfo } from './siginfo.js';
import { SIGBUS, SIGCHLD, SIGFPE, SIGILL, SIGSEGV, SIGTRAP, SI_KERNEL, SI_TIMER, UNBLOCKABLE } from './signals.js';

const RECORD = 128;
const FAULTS: ReadonlySet<number> = new Set([SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP]);

/** struct signalfd_siginfo from a siginfo_t (fields by the si_code's layout, as Linux copies them). */
function toRecord(info: SigInfo, dst: DataView, at: number): void {
  const src = new DataView(info.bytes.buffer, info.bytes.byteOffset, info.bytes.length);
  const union = (off: number): number => src.getInt32(16 + off, true);
  dst.setUint32(at, info.signo, true);
  dst.setInt32(at + 4, src.getInt32(4, true), true);
  dst.setInt32(at + 8, info.code, true);
  if (info.code === SI_TIMER) {
    dst.setUint32(at + 24, union(0), true); // ssi_tid
    dst.setUint32(at + 32, union(4), true); // ssi_overrun
    dst.setBigUint64(at + 48, src.getBigUint64(24, true), true); // ssi_ptr
    dst.setInt32(at + 44, union(8), true); // ssi_int
    return;
  }
  const fromKernel = info.code > 0 && info.code < SI_KERNEL; // a signal-specific si_code
  if (fromKernel && FAULTS.has(info.signo)) {
    dst.setBigUint64(at + 72, src.getBigUint64(16, true), true); // ssi_addr
    return;
  }
  dst.setUint32(at + 12, union(0), true); // ssi_pid
  dst.setUint32(at + 16, union(4), true); // ssi_uid
  if (fromKernel && info.signo === SIGCHLD) {
    dst.setInt32(at + 40, union(8), true); // ssi_status
  } else if (info.code < 0) {
    dst.setBigUint64(at + 48, src.getBigUint64(24, true), true); // ssi_ptr
    dst.setInt32(at + 44, union(8), true); // ssi_int
  }
}

export class SignalFd extends AnonFile {
  private mask: bigint;

  constructor(private readonly owner: GuestProcess, mask: bigint, flags: number, nonblock: number) {
    super('signalfd', flags, nonblock);
    this.mask = mask & ~UNBLOCKABLE;
  }

  setMask(mask: bigint): void {
    this.mask = mask & ~UNBLOCKABLE;
  }

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (dst.length < RECORD) throw new SysError(E.EINVAL);
    if (!this.pending()) this.waitFor(() => this.pending());
    const view = new DataView(dst.buffer, dst.byteOffset, dst.length);
    let n = 0;
    for (; n + RECORD <= dst.length; n += RECORD) {
      const info = this.take();
      if (!info) break;
      dst.fill(0, n, n + RECORD);
      toRecord(info, view, n);
    }
    return n;
  }

  readiness(): Readiness {
    return { readable: this.pending(), writable: false, hangup: false, error: false };
  }

  private pending(): boolean {
    const p = this.owner;
    return ((p.sharedPending.set | p.threads.reduce((s, t) => s | t.pending.set, 0n)) & this.mask) !== 0n;
  }

  private take(): SigInfo | null {
    const p = this.owner;
    for (const t of p.threads) {
      const info = t.pending.takeAny(this.mask);
      if (info) return info;
    }
    return p.sharedPending.takeAny(this.mask);
  }
}
