// Resource limits as getrlimit/prlimit64 report them. Nothing enforces them except
// RLIMIT_NOFILE (the fd table) — they are what a program sizes itself by.
import { RLIMIT, RLIM_NLIMITS } from './constants.js';
import { E, SysError } from './errno.js';
import { RLIM_INFINITY, type Rlimit } from './guest-structs.js';

const INF = RLIM_INFINITY;
const MiB = 1024n * 1024n;

// Typical values of a Linux login session.
const DEFAULTS = new Map<number, Rlimit>([
  [RLIMIT.RLIMIT_STACK, { cur: 8n * MiB, max: INF }],
  [RLIMIT.RLIMIT_CORE, { cur: 0n, max: INF }],
  [RLIMIT.RLIMIT_NPROC, { cur: 63_471n, max: 63_471n }],
  [RLIMIT.RLIMIT_NOFILE, { cur: 1024n, max: 1_048_576n }],
  [RLIMIT.RLIMIT_MEMLOCK, { cur: 8n * MiB, max: 8n * MiB }],
  [RLIMIT.RLIMIT_SIGPENDING, { cur: 63_471n, max: 63_471n }],
  [RLIMIT.RLIMIT_MSGQUEUE, { cur: 819_200n, max: 819_200n }],
  [RLIMIT.RLIMIT_NICE, { cur: 0n, max: 0n }],
  [RLIMIT.RLIMIT_RTPRIO, { cur: 0n, max: 0n }],
]);

export class ResourceLimits {
  private readonly limits = new Map<number, Rlimit>();

  get(resource: number): Rlimit {
    if (resource < 0 || resource >= RLIM_NLIMITS) throw new SysError(E.EINVAL);
    return this.limits.get(resource) ?? DEFAULTS.get(resource) ?? { cur: INF, max: INF };
  }

  set(resource: number, r: Rlimit): void {
    this.get(resource);
    if (r.cur > r.max) throw new SysError(E.EINVAL);
    this.limits.set(resource, { ...r });
  }

  /** fork: the child starts with the same limits. */
  copy(): ResourceLimits {
    const c = new ResourceLimits();
    for (const [r, v] of this.limits) c.limits.set(r, { ...v });
    return c;
  }

  /** The soft RLIMIT_NOFILE as a table size. */
  get maxFds(): number {
    return Number(this.get(RLIMIT.RLIMIT_NOFILE).cur);
  }
}
