// The guest's clocks, read from the host's, in nanoseconds.
import { CLOCK } from './constants.js';
import { E, SysError } from './errno.js';

const realtimeNs = (): bigint => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
const monotonicNs = (): bigint => process.hrtime.bigint();
const cpuNs = (): bigint => {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
};

/** CONFIG_HZ=250: what the kernel reports for the coarse clocks. */
const COARSE_RES_NS = 4_000_000n;

const CLOCKS = new Map<number, { now: () => bigint; resNs: bigint }>([
  [CLOCK.CLOCK_REALTIME, { now: realtimeNs, resNs: 1n }],
  [CLOCK.CLOCK_MONOTONIC, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_PROCESS_CPUTIME_ID, { now: cpuNs, resNs: 1n }],
  // One guest thread: its CPU time is the process's.
  [CLOCK.CLOCK_THREAD_CPUTIME_ID, { now: cpuNs, resNs: 1n }],
  [CLOCK.CLOCK_MONOTONIC_RAW, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_REALTIME_COARSE, { now: realtimeNs, resNs: COARSE_RES_NS }],
  [CLOCK.CLOCK_MONOTONIC_COARSE, { now: monotonicNs, resNs: COARSE_RES_NS }],
  // Suspend time is the only difference from CLOCK_MONOTONIC; the host hides it from Node.
  [CLOCK.CLOCK_BOOTTIME, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_REALTIME_ALARM, { now: realtimeNs, resNs: 1n }],
  [CLOCK.CLOCK_BOOTTIME_ALARM, { now: monotonicNs, resNs: 1n }],
  // The kernel's TAI offset is 0 until NTP sets it; Node cannot read it.
  [CLOCK.CLOCK_TAI, { now: realtimeNs, resNs: 1n }],
]);

function clock(id: number): { now: () => bigint; resNs: bigint } {
  const c = CLOCKS.get(id);
  if (!c) throw new SysError(E.EINVAL);
  return c;
}

export const clockNowNs = (id: number): bigint => clock(id).now();
export const clockResolutionNs = (id: number): bigint => clock(id).resNs;
export const realtimeNowNs = realtimeNs;
export const monotonicNowNs = monotonicNs;
