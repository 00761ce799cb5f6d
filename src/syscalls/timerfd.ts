// timerfd: an interval timer read as a file. A read of 8 bytes returns how many times
// it expired since the last read (waiting until it has, unless non-blocking).
import { AnonFile } from './anon-file.js';
import { clockNowNs } from './clocks.js';
import { E, SysError } from './errno.js';
import { IntervalTimer, type TimerSetting } from './interval-timer.js';
import type { Readiness } from './open-file.js';
import type { TimerQueue } from './timer-queue.js';

const WORD = 8;

export class TimerFd extends AnonFile {
  private expirations = 0n;
  private readonly timer: IntervalTimer;

  constructor(
    queue: TimerQueue,
    /** The clock absolute settings are in. */
    readonly clock: number,
    flags: number,
    nonblock: number,
  ) {
    super('timerfd', flags, nonblock);
    this.timer = new IntervalTimer(queue, (count) => {
      this.expirations += BigInt(count);
      this.wakeups.wakeReaders();
    });
  }

  /** timerfd_settime: a new setting clears the expirations not yet read. */
  set(s: TimerSetting, absolute: boolean): TimerSetting {
    const old = this.timer.set(s, absolute ? clockNowNs(this.clock) : undefined);
    this.expirations = 0n;
    return old;
  }

  get(): TimerSetting {
    return this.timer.get();
  }

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (dst.length < WORD) throw new SysError(E.EINVAL);
    this.timer.catchUp();
    if (this.expirations === 0n) this.waitFor(() => this.readiness().readable);
    new DataView(dst.buffer, dst.byteOffset, WORD).setBigUint64(0, this.expirations, true);
    this.expirations = 0n;
    return WORD;
  }

  readiness(): Readiness {
    this.timer.catchUp();
    return { readable: this.expirations > 0n, writable: false, hangup: false, error: false };
  }

  close(): void {
    this.timer.disarm();
  }
}
