// Which host mount a file is on, from /proc/self/mountinfo: statx's stx_mnt_id and its
// STATX_ATTR_MOUNT_ROOT attribute. The table is read again at most once a second.
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { devMajor, devMinor } from './file-stat.js';

interface Mount {
  id: number;
  /** "major:minor" of the mounted file system. */
  dev: string;
  point: string;
}

const REFRESH_MS = 1000;
let table: { read: number; mounts: Mount[] } | undefined;

/** mountinfo escapes spaces and the like as \ooo. */
const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

function mounts(): Mount[] {
  const now = performance.now();
  if (table && now - table.read < REFRESH_MS) return table.mounts;
  let text = '';
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    // not a Linux host: no mount is known
  }
  const list = text.split('\n').filter(Boolean).map((line) => {
    const f = line.split(' ');
    return { id: Number(f[0]), dev: f[2], point: unescape(f[4]) };
  });
  table = { read: now, mounts: list };
  return list;
}

/**
 * The mount holding `path` (a file on device `dev`; a final symlink itself unless
 * `follow`), and whether the path is that mount's root; undefined when not found.
 */
export function mountOf(path: string, dev: bigint, follow: boolean): { id: number; isRoot: boolean } | undefined {
  let real: string;
  try {
    real = follow ? realpathSync(path) : join(realpathSync(dirname(path)), basename(path));
  } catch {
    return undefined;
  }
  const key = `${devMajor(dev)}:${devMinor(dev)}`;
  let best: Mount | undefined;
  for (const m of mounts()) {
    const under = real === m.point || real.startsWith(m.point === '/' ? '/' : `${m.point}/`);
    if (m.dev === key && under && (!best || m.point.length >= best.point.length)) best = m;
  }
  return best && { id: best.id, isRoot: real === best.point };
}
