// eventfd: a 64-bit counter as a file. A write of 8 bytes adds to it (waiting while
// the sum would pass 2^64-2); a read of 8 bytes takes all of it, or just 1 with
// EFD_SEMAPHORE (waiting while it is 0).
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import type { Readiness } from './open-file.js';

export const EFD_SEMAPHORE = 1;
const MAX_COUNT = 0xffff_ffff_ffff_fffen;
const WORD = 8;

export class EventFd extends AnonFile {
  private count: bigint;

  constructor(initial: number, flags: number, nonblock: number, private readonly semaphore: boolean) {
    super('eventfd', flags, nonblock);
    this.count = BigInt(initial >>> 0);
  }

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (dst.length < WORD) throw new SysError(E.EINVAL);
    if (this.count === 0n) this.waitFor(() => this.count > 0n);
    const taken = this.semaphore ? 1n : this.count;
    this.count -= taken;
    new DataView(dst.buffer, dst.byteOffset, WORD).setBigUint64(0, taken, true);
    this.wakeups.wakeWriters();
    return WORD;
  }

  write(src: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (src.length < WORD) throw new SysError(E.EINVAL);
    const add = new DataView(src.buffer, src.byteOffset, WORD).getBigUint64(0, true);
    if (add > MAX_COUNT) throw new SysError(E.EINVAL);
    if (this.count + add > MAX_COUNT) this.waitFor(() => this.count + add <= MAX_COUNT);
    this.count += add;
    this.wakeups.wakeReaders();
    return WORD;
  }

  readiness(): Readiness {
    return { readable: this.count > 0n, writable: this.count < MAX_COUNT, hangup: false, error: false };
  }
}
