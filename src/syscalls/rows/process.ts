// The process and its identity: ids, uname, limits, and getrandom (CPU usage: cpu-usage.ts).
import { loadavg, freemem, totalmem, uptime } from 'node:os';
import { int, ulong } from '../args.js';
import { GRND } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  readRlimitFromGuest, writeRlimitToGuest, writeSysinfoToGuest, writeUtsnameToGuest,
} from '../guest-structs.js';
import { writableView } from '../guest-buffer.js';
import { sys, type SyscallRow } from '../row.js';
import { utsNames } from '../uts-names.js';

const RELEASE = '6.1.0';
const VERSION = '#1 SMP PREEMPT_DYNAMIC tsqemu';
/** Linux's cap on one getrandom call. */
const GETRANDOM_MAX = 33554431;

function checkSelf(p: GuestProcess, pid: number): void {
  if (pid !== 0 && pid !== p.pid) throw new SysError(E.ESRCH);
}

/** The caller (pid 0) or another live process. */
function processOf(p: GuestProcess, pid: number): GuestProcess {
  if (pid === 0) return p;
  const q = p.kernel.processById(pid);
  if (!q || q.exitStatus !== null || pid < 0) throw new SysError(E.ESRCH);
  return q;
}

/** Moves the caller or one of its children to process group `pgid` (0: its own pid). */
function setpgid(p: GuestProcess, pid: number, pgid: number): number {
  if (pgid < 0) throw new SysError(E.EINVAL);
  const q = processOf(p, pid);
  if (q !== p && q.parent !== p) throw new SysError(E.ESRCH);
  if (q.sid !== p.sid || q.pid === q.sid) throw new SysError(E.EPERM);
  const group = pgid === 0 ? q.pid : pgid;
  if (group !== q.pid && ![...p.kernel.processes].some((r) => r.pgid === group && r.sid === p.sid)) {
    throw new SysError(E.EPERM);
  }
  q.pgid = group;
  return 0;
}

/** A new session and process group led by the caller (EPERM for a group leader). */
function setsid(p: GuestProcess): number {
  if ([...p.kernel.processes].some((q) => q.pgid === p.pid)) throw new SysError(E.EPERM);
  p.sid = p.pgid = p.pid;
  return p.pid;
}

function prlimit(p: GuestProcess, pid: number, resource: number, next: number, old: number): number {
  checkSelf(p, pid);
  const current = p.limits.get(resource);
  if (next) p.limits.set(resource, readRlimitFromGuest(p.mem, next));
  if (old) writeRlimitToGuest(p.mem, old, current);
  return 0;
}

function getrandom(p: GuestProcess, buf: number, len: number, flags: number): number {
  if (flags & ~(GRND.GRND_NONBLOCK | GRND.GRND_RANDOM | GRND.GRND_INSECURE)
    || (flags & GRND.GRND_RANDOM && flags & GRND.GRND_INSECURE)) throw new SysError(E.EINVAL);
  const dst = writableView(p.mem, buf, Math.min(len, GETRANDOM_MAX));
  const bytes = new Uint8Array(dst.length); // the source need not handle shared memory
  p.options.random(bytes);
  dst.set(bytes);
  return dst.length;
}

export const processRows: SyscallRow[] = [
  sys('uname', ['ptr'], (p, a) => {
    writeUtsnameToGuest(p.mem, a[0], {
      sysname: 'Linux', release: RELEASE, version: VERSION, machine: p.abi.machine, ...utsNames(p.kernel),
    });
    return 0;
  }),
  sys('getpid', [], (p) => p.pid),
  sys('getppid', [], (p) => p.ppid),
  sys('getpgid', ['int'], (p, a) => processOf(p, int(a[0])).pgid),
  sys('getsid', ['int'], (p, a) => processOf(p, int(a[0])).sid),
  sys('setpgid', ['int', 'int'], (p, a) => setpgid(p, int(a[0]), int(a[1]))),
  sys('setsid', [], (p) => setsid(p)),
  // glibc registers rseq when the kernel has it; without it, it carries on.
  sys('rseq', ['ptr', 'uint', 'int', 'hex'], () => {
    throw new SysError(E.ENOSYS);
  }, { quiet: true }),
  sys('prlimit64', ['int', 'resource', 'ptr', 'ptr'], (p, a) => prlimit(p, int(a[0]), int(a[1]), a[2], a[3])),
  sys('getrlimit', ['resource', 'ptr'], (p, a) => prlimit(p, 0, int(a[0]), 0, a[1])),
  sys('setrlimit', ['resource', 'ptr'], (p, a) => prlimit(p, 0, int(a[0]), a[1], 0)),
  sys('sysinfo', ['ptr'], (p, a) => {
    writeSysinfoToGuest(p.mem, a[0], {
      uptime: uptime(), loads: loadavg().map((l) => l * 65536), totalram: totalmem(), freeram: freemem(),
      sharedram: 0, bufferram: 0, totalswap: 0, freeswap: 0, procs: p.kernel.scheduler.count,
    });
    return 0;
  }),
  sys('umask', ['mode'], (p, a) => {
    const old = p.umask;
    p.umask = int(a[0]) & 0o777;
    return old;
  }),
  sys('getrandom', ['ptr', 'size', 'hex'], (p, a) => getrandom(p, a[0], ulong(a[1]), int(a[2]))),
];
