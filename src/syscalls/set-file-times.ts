// Setting a file's access and modification times exactly. Node's utimes goes through
// a double and libuv keeps whole microseconds only, and it cannot leave one of the two
// times alone; the host's touch(1) can do both, so it is used whenever Node would not
// set exactly what the guest asked (nanoseconds, UTIME_OMIT).
import { futimesSync, lutimesSync, utimesSync } from 'node:fs';
import type { Target } from './at-target.js';
import { E, SysError, errnoFromNodeCode } from './errno.js';
import { runHostTool } from './host-tool.js';

/** One of utimensat's times: a point in time, now, or "leave it" (UTIME_OMIT). */
export type TimeSpec = { sec: number; nsec: number } | 'now' | 'omit';

/** Whether Node (seconds as a double, then whole microseconds) sets exactly this time. */
function nodeSetsExactly(t: TimeSpec): boolean {
  if (t === 'now') return true;
  if (t === 'omit' || t.nsec % 1000 !== 0) return false;
  const seconds = t.sec + t.nsec / 1e9;
  const sec = Math.trunc(seconds);
  const nsec = Math.trunc((seconds - sec) * 1e9);
  return sec === t.sec && nsec - (nsec % 1000) === t.nsec;
}

const asSeconds = (t: TimeSpec, now: number): number => (t === 'now' || t === 'omit' ? now : t.sec + t.nsec / 1e9);

/** touch -a or -m of one time, on the target's path (a host fd through /proc). */
function touch(target: Target, which: '-a' | '-m', t: TimeSpec): void {
  const path = 'fd' in target ? `/proc/${process.pid}/fd/${target.fd}` : target.path;
  const args = ['-c', which, ...('path' in target && !target.follow ? ['-h'] : [])];
  if (t !== 'now' && t !== 'omit') args.push('-d', `@${t.sec}.${String(t.nsec).padStart(9, '0')}`);
  const r = runHostTool('touch', [...args, '--', path]);
  if (r.status === 0) return;
  if (/Permission denied/.test(r.stderr)) throw new SysError(E.EACCES);
  if (/not permitted/.test(r.stderr)) throw new SysError(E.EPERM);
  throw new SysError(errnoFromNodeCode(r.error && 'code' in r.error ? String(r.error.code) : undefined));
}

export function setFileTimes(target: Target, atime: TimeSpec, mtime: TimeSpec): void {
  if (nodeSetsExactly(atime) && nodeSetsExactly(mtime)) {
    const now = Date.now() / 1000;
    const [a, m] = [asSeconds(atime, now), asSeconds(mtime, now)];
    if ('fd' in target) futimesSync(target.fd, a, m);
    else (target.follow ? utimesSync : lutimesSync)(target.path, a, m);
    return;
  }
  if (atime !== 'omit') touch(target, '-a', atime);
  if (mtime !== 'omit') touch(target, '-m', mtime);
}
