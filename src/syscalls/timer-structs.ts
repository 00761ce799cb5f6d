// The guest's timer settings: struct itimerspec (timerfd, POSIX timers) and struct
// itimerval (setitimer), both { interval; value } of two 16-byte times. A field out of
// range (negative, or a fraction of a second too big) is EINVAL, as Linux checks.
import type { AddressSpace } from '../memory/address-space.js';
import { E, SysError } from './errno.js';
import type { TimerSetting } from './interval-timer.js';

const NS = 1_000_000_000n;
const SIZE = 32;

/** The nanoseconds per unit of the fraction field: 1 for timespec, 1000 for timeval. */
type Unit = 1n | 1000n;

function read(mem: AddressSpace, addr: number, unit: Unit): TimerSetting {
  const bytes = mem.readBytes(addr, SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, SIZE);
  const time = (at: number): bigint => {
    const sec = d.getBigInt64(at, true);
    const frac = d.getBigInt64(at + 8, true);
    if (sec < 0n || frac < 0n || frac * unit >= NS) throw new SysError(E.EINVAL);
    return sec * NS + frac * unit;
  };
  return { intervalNs: time(0), valueNs: time(16) };
}

function write(mem: AddressSpace, addr: number, s: TimerSetting, unit: Unit): void {
  const bytes = new Uint8Array(SIZE);
  const d = new DataView(bytes.buffer);
  [s.intervalNs, s.valueNs].forEach((ns, i) => {
    d.setBigInt64(i * 16, ns / NS, true);
    d.setBigInt64(i * 16 + 8, (ns % NS) / unit, true);
  });
  mem.writeBytes(addr, bytes);
}

export const readItimerspecFromGuest = (mem: AddressSpace, addr: number): TimerSetting => read(mem, addr, 1n);
export const writeItimerspecToGuest = (mem: AddressSpace, addr: number, s: TimerSetting): void => write(mem, addr, s, 1n);
export const readItimervalFromGuest = (mem: AddressSpace, addr: number): TimerSetting => read(mem, addr, 1000n);

/** struct itimerval: an armed timer's time left shows as a microsecond at least (0 means disarmed). */
export function writeItimervalToGuest(mem: AddressSpace, addr: number, s: TimerSetting): void {
  const valueNs = s.valueNs > 0n && s.valueNs < 1000n ? 1000n : s.valueNs;
  write(mem, addr, { valueNs, intervalNs: s.intervalNs }, 1000n);
}
