// System V shared memory: shmget, shmat, shmdt, shmctl. A segment is shared anonymous
// memory (the object MAP_SHARED|MAP_ANONYMOUS uses, see shared-pages.ts), so fork
// children and any guest process that attaches it see one set of bytes.
import { int, ulong } from '../args.js';
import { MAP, MAP_TYPES, PROT } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { Kernel } from '../kernel.js';
import { perKernel } from '../per-kernel.js';
import { AnonymousSharedObject } from '../mapped-objects.js';
import { sys, type SyscallRow } from '../row.js';
import {
  checkAccess, checkOwner, ctlCommand, IPC_INFO, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT, IPC64_PERM_SIZE, IpcIds, nowSeconds,
  putPerm, readStruct, setPerm, writeStruct, type IpcObject, type IpcPerm,
} from '../sysv/ipc-ids.js';
import { PAGE_SIZE, pageCeil } from '../../memory/address-space.js';

const SHM_RDONLY = 0o10000, SHM_RND = 0o20000, SHM_REMAP = 0o40000, SHM_EXEC = 0o100000;
const SHM_LOCK = 11, SHM_UNLOCK = 12, SHM_STAT = 13, SHM_INFO = 14, SHM_STAT_ANY = 15;
/** Mode bits: marked for removal once nothing attaches it; locked in memory. */
const SHM_DEST = 0o1000, SHM_LOCKED = 0o2000;
const SHMMIN = 1, SHMMNI = 4096, SHMMAX = Number.MAX_SAFE_INTEGER - 2 ** 24;
const SHMID64_DS_SIZE = 112;

export interface Segment extends IpcObject {
  readonly size: number;
  readonly object: AnonymousSharedObject;
  readonly cpid: number;
  lpid: number;
  atime: number;
  dtime: number;
}

/** What /proc/<pid>/maps shows for a segment. */
const segmentName = (key: number): string => `/SYSV${(key >>> 0).toString(16).padStart(8, '0')} (deleted)`;

const segments = perKernel(() => new IpcIds<Segment>(SHMMNI));

/** /proc/sysvipc/shm: the segments with how many attachments each has. */
export function listSegments(k: Kernel): { segment: Segment; attached: number }[] {
  return [...sweep(k).all].map((segment) => ({ segment, attached: attachCount(k, segment) }));
}

/** How many attachments of `s` live processes have (each shmat's mapping starts at the segment's start). */
function attachCount(k: Kernel, s: Segment): number {
  let n = 0;
  for (const p of k.processes) {
    if (p.exitStatus !== null) continue;
    for (const m of p.mem.maps) if (m.backing?.object === s.object && m.start + m.backing.delta === 0) n++;
  }
  return n;
}

/** Segments removed with IPC_RMID go once the last attachment has (detached, exited or exec'd). */
function sweep(k: Kernel): IpcIds<Segment> {
  const table = segments(k);
  for (const s of [...table.all]) if (s.perm.mode & SHM_DEST && attachCount(k, s) === 0) table.remove(s);
  return table;
}

function shmget(p: GuestProcess, key: number, size: number, flags: number): number {
  return sweep(p.kernel).get(p, key, flags, (id: number, perm: IpcPerm): Segment => {
    if (size < SHMMIN || size > SHMMAX) throw new SysError(E.EINVAL);
    return {
      id, perm, size, object: new AnonymousSharedObject(pageCeil(size), segmentName(key)), cpid: p.pid, lpid: 0,
      atime: 0, dtime: 0, ctime: nowSeconds(),
    };
  }, (s) => {
    if (size > s.size) throw new SysError(E.EINVAL);
  });
}

function shmat(p: GuestProcess, id: number, addr: number, flags: number): number {
  const s = sweep(p.kernel).lookup(id);
  const readOnly = (flags & SHM_RDONLY) !== 0;
  checkAccess(p, s.perm, readOnly ? 0o444 : 0o666);
  let at = addr;
  if (at % PAGE_SIZE !== 0) {
    if (!(flags & SHM_RND)) throw new SysError(E.EINVAL);
    at -= at % PAGE_SIZE;
  }
  const size = pageCeil(s.size);
  if (at !== 0 && !(flags & SHM_REMAP) && p.mem.isMapped(at, size)) throw new SysError(E.EINVAL);
  const prot = PROT.PROT_READ | (readOnly ? 0 : PROT.PROT_WRITE) | (flags & SHM_EXEC ? PROT.PROT_EXEC : 0);
  const start = p.memory.mmap(at, size, prot, MAP_TYPES.MAP_SHARED | (at !== 0 ? MAP.MAP_FIXED : 0),
    { object: s.object, mayWrite: !readOnly }, 0);
  s.atime = nowSeconds();
  s.lpid = p.pid;
  return start;
}

function shmdt(p: GuestProcess, addr: number): number {
  const first = p.mem.maps.find((m) => m.start === addr && m.backing?.delta === -addr);
  const s = first && [...segments(p.kernel).all].find((x) => x.object === first.backing?.object);
  if (!s) throw new SysError(E.EINVAL);
  // Every piece of this attachment (mprotect may have split it), and nothing else.
  const pieces = p.mem.maps.filter((m) => m.backing?.object === s.object && m.backing.delta === -addr);
  for (const m of pieces) p.memory.munmap(m.start, m.end - m.start);
  s.dtime = nowSeconds();
  s.lpid = p.pid;
  sweep(p.kernel);
  return 0;
}

function writeShmid(p: GuestProcess, addr: number, s: Segment): void {
  writeStruct(p, addr, SHMID64_DS_SIZE, (d) => {
    putPerm(d, s.perm);
    d.setBigUint64(IPC64_PERM_SIZE, BigInt(s.size), true);
    d.setBigInt64(56, BigInt(s.atime), true);
    d.setBigInt64(64, BigInt(s.dtime), true);
    d.setBigInt64(72, BigInt(s.ctime), true);
    d.setInt32(80, s.cpid, true);
    d.setInt32(84, s.lpid, true);
    d.setBigUint64(88, BigInt(attachCount(p.kernel, s)), true);
  });
}

function shmInfo(p: GuestProcess, table: IpcIds<Segment>, cmd: number, addr: number): number {
  writeStruct(p, addr, 80, (d) => {
    if (cmd === IPC_INFO) { // struct shminfo64: shmmax, shmmin, shmmni, shmseg, shmall
      [SHMMAX, SHMMIN, SHMMNI, SHMMNI, SHMMAX / PAGE_SIZE].forEach((v, i) => d.setBigUint64(i * 8, BigInt(Math.floor(v)), true));
      return;
    }
    const all = [...table.all]; // struct shm_info: used_ids, then shm_tot, shm_rss (pages) ...
    const pages = all.reduce((n, s) => n + pageCeil(s.size) / PAGE_SIZE, 0);
    d.setInt32(0, all.length, true);
    d.setBigUint64(8, BigInt(pages), true);
    d.setBigUint64(16, BigInt(pages), true);
  });
  return Math.max(table.highestIndex, 0);
}

function shmctl(p: GuestProcess, id: number, command: number, buf: number): number {
  const cmd = ctlCommand(command);
  const table = sweep(p.kernel);
  if (cmd === IPC_INFO || cmd === SHM_INFO) return shmInfo(p, table, cmd, buf);
  if (cmd === SHM_STAT || cmd === SHM_STAT_ANY) {
    const s = table.atIndex(id);
    if (cmd === SHM_STAT) checkAccess(p, s.perm, 0o444);
    writeShmid(p, buf, s);
    return s.id;
  }
  const s = table.lookup(id);
  switch (cmd) {
    case IPC_STAT:
      checkAccess(p, s.perm, 0o444);
      writeShmid(p, buf, s);
      return 0;
    case IPC_SET:
      setPerm(p, s.perm, readStruct(p, buf, IPC64_PERM_SIZE));
      s.ctime = nowSeconds();
      return 0;
    case IPC_RMID:
      checkOwner(p, s.perm);
      s.perm.mode |= SHM_DEST;
      s.perm.key = IPC_PRIVATE; // no shmget finds it any more
      sweep(p.kernel);
      return 0;
    case SHM_LOCK: case SHM_UNLOCK:
      checkOwner(p, s.perm);
      s.perm.mode = cmd === SHM_LOCK ? s.perm.mode | SHM_LOCKED : s.perm.mode & ~SHM_LOCKED;
      return 0;
    default:
      throw new SysError(E.EINVAL);
  }
}

export const sysvShmRows: SyscallRow[] = [
  sys('shmget', ['int', 'size', 'hex'], (p, a) => shmget(p, int(a[0]), ulong(a[1]), int(a[2]))),
  sys('shmat', ['int', 'ptr', 'hex'], (p, a) => shmat(p, int(a[0]), ulong(a[1]), int(a[2])), { result: 'hex' }),
  sys('shmdt', ['ptr'], (p, a) => shmdt(p, ulong(a[0]))),
  sys('shmctl', ['int', 'int', 'ptr'], (p, a) => shmctl(p, int(a[0]), int(a[1]), a[2])),
];
