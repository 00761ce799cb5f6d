// System V semaphores: semget, semop, semtimedop, semctl. A semop that cannot go ahead
// waits (WouldBlock) until all of its operations can be done at once. SEM_UNDO
// adjustments of a process that ended are made the next time anyone looks at a
// semaphore (any call, or a waiter's check), which is as soon as it can matter.
import { int, u32 } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { Kernel } from '../kernel.js';
import { deadlineOf } from '../poll-wait.js';
import { sys, type SyscallRow } from '../row.js';
import {
  checkAccess, checkOwner, ctlCommand, IPC_INFO, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT, IPC64_PERM_SIZE, IpcIds,
  nowSeconds, putPerm, readStruct, setPerm, writeStruct, type IpcObject, type IpcPerm,
} from '../sysv/ipc-ids.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';

const GETPID = 11, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17;
const SEM_STAT = 18, SEM_INFO = 19, SEM_STAT_ANY = 20;
const SEM_UNDO = 0x1000;
const SEMMSL = 32000, SEMMNI = 32000, SEMOPM = 500, SEMVMX = 32767, SEMAEM = SEMVMX;
const SEMID64_DS_SIZE = 88;
/** struct sembuf: sem_num (u16), sem_op (s16), sem_flg (s16). */
const SEMBUF_SIZE = 6;

interface SemOp { num: number; op: number; flags: number }

interface Waiter { readonly thread: GuestThread; readonly sop: SemOp }

export interface SemaphoreSet extends IpcObject {
  readonly values: number[];
  /** The pid of the last process to change each semaphore. */
  readonly pids: number[];
  otime: number;
  removed: boolean;
  readonly waiters: Set<Waiter>;
}

class Semaphores {
  readonly ids = new IpcIds<SemaphoreSet>(SEMMNI);
  /** SEM_UNDO: per process and set, what to add back to each semaphore when the process ends. */
  readonly undo = new Map<GuestProcess, Map<SemaphoreSet, number[]>>();
  /** The set and wait of each thread waiting in semop (to tell it EIDRM when the set goes). */
  readonly waiting = new WeakMap<GuestThread, { set: SemaphoreSet; waiter: Waiter }>();

  /** Makes the SEM_UNDO adjustments of processes that have ended. */
  settle(): void {
    for (const [p, sets] of this.undo) {
      if (p.exitStatus === null) continue;
      for (const [set, adj] of sets) {
        if (set.removed) continue;
        adj.forEach((a, i) => {
          if (a === 0) return;
          set.values[i] = Math.min(SEMVMX, Math.max(0, set.values[i] + a));
          set.pids[i] = p.pid;
        });
      }
      this.undo.delete(p);
    }
  }

  /** SETVAL/SETALL: earlier adjustments of these semaphores no longer apply. */
  forgetUndo(set: SemaphoreSet, num?: number): void {
    for (const sets of this.undo.values()) {
      const adj = sets.get(set);
      if (adj) adj.forEach((_a, i) => { if (num === undefined || i === num) adj[i] = 0; });
    }
  }
}

const namespaces = new WeakMap<Kernel, Semaphores>();

function semaphores(k: Kernel): Semaphores {
  let ns = namespaces.get(k);
  if (!ns) namespaces.set(k, (ns = new Semaphores()));
  ns.settle();
  return ns;
}

/** /proc/sysvipc/sem. */
export const listSemaphoreSets = (k: Kernel): SemaphoreSet[] => [...semaphores(k).ids.all];

function semget(p: GuestProcess, key: number, nsems: number, flags: number): number {
  if (nsems < 0 || nsems > SEMMSL) throw new SysError(E.EINVAL);
  return semaphores(p.kernel).ids.get(p, key, flags, (id: number, perm: IpcPerm): SemaphoreSet => {
    if (nsems === 0) throw new SysError(E.EINVAL);
    return {
      id, perm, values: new Array<number>(nsems).fill(0), pids: new Array<number>(nsems).fill(0),
      otime: 0, ctime: nowSeconds(), removed: false, waiters: new Set(),
    };
  }, (set) => {
    if (nsems > set.values.length) throw new SysError(E.EINVAL);
  });
}

/**
 * The values after all of `sops`, or the operation that must wait. ERANGE when one
 * would take a semaphore past SEMVMX.
 */
function outcome(set: SemaphoreSet, sops: readonly SemOp[]): number[] | SemOp {
  const values = [...set.values];
  for (const s of sops) {
    const v = values[s.num];
    if (s.op > 0 && v + s.op > SEMVMX) throw new SysError(E.ERANGE);
    if ((s.op === 0 && v !== 0) || v + s.op < 0) return s;
    values[s.num] = v + s.op;
  }
  return values;
}

function readSops(p: GuestProcess, addr: number, n: number): SemOp[] {
  if (n < 1) throw new SysError(E.EINVAL);
  if (n > SEMOPM) throw new SysError(E.E2BIG);
  const d = readStruct(p, addr, n * SEMBUF_SIZE);
  return Array.from({ length: n }, (_x, i) => ({
    num: d.getUint16(i * SEMBUF_SIZE, true), op: d.getInt16(i * SEMBUF_SIZE + 2, true), flags: d.getInt16(i * SEMBUF_SIZE + 4, true),
  }));
}

function recordUndo(ns: Semaphores, p: GuestProcess, set: SemaphoreSet, sops: readonly SemOp[]): void {
  for (const s of sops) {
    if (!(s.flags & SEM_UNDO) || s.op === 0) continue;
    let sets = ns.undo.get(p);
    if (!sets) ns.undo.set(p, (sets = new Map()));
    let adj = sets.get(set);
    if (!adj) sets.set(set, (adj = new Array<number>(set.values.length).fill(0)));
    adj[s.num] -= s.op;
  }
}

function semtimedop(p: GuestProcess, t: GuestThread, id: number, sopsAddr: number, n: number, timeout: number): number {
  const ns = semaphores(p.kernel);
  const before = ns.waiting.get(t);
  if (before) {
    ns.waiting.delete(t);
    before.set.waiters.delete(before.waiter);
    if (before.set.removed && before.set.id === id) throw new SysError(E.EIDRM);
  }
  const sops = readSops(p, sopsAddr, n);
  const set = ns.ids.lookup(id);
  if (sops.some((s) => s.num >= set.values.length)) throw new SysError(E.EFBIG);
  checkAccess(p, set.perm, sops.some((s) => s.op !== 0) ? 0o222 : 0o444);
  const result = outcome(set, sops);
  if (Array.isArray(result)) {
    set.values.splice(0, result.length, ...result);
    for (const s of sops) set.pids[s.num] = p.pid;
    set.otime = nowSeconds();
    recordUndo(ns, p, set, sops);
    return 0;
  }
  if (result.flags & IPC_NOWAIT) throw new SysError(E.EAGAIN);
  const deadline = deadlineOf(p, timeout);
  const waiter = { thread: t, sop: result };
  set.waiters.add(waiter);
  ns.waiting.set(t, { set, waiter });
  const ready = (): boolean => {
    ns.settle();
    try {
      return set.removed || Array.isArray(outcome(set, sops));
    } catch {
      return true; // the call runs again and reports it
    }
  };
  throw new WouldBlock({ ready, deadline, timeoutResult: -E.EAGAIN, restart: 'eintr' });
}

/** GETNCNT/GETZCNT: how many threads wait for semaphore `num` to grow, or to be zero. */
function waitingFor(ns: Semaphores, set: SemaphoreSet, num: number, zero: boolean): number {
  let n = 0;
  for (const w of set.waiters) {
    const live = w.thread.waiting !== null && ns.waiting.get(w.thread)?.waiter === w;
    if (live && w.sop.num === num && (w.sop.op === 0) === zero) n++;
  }
  return n;
}

function writeSemid(p: GuestProcess, addr: number, set: SemaphoreSet): void {
  writeStruct(p, addr, SEMID64_DS_SIZE, (d) => {
    putPerm(d, set.perm);
    d.setBigInt64(IPC64_PERM_SIZE, BigInt(set.otime), true);
    d.setBigInt64(56, BigInt(set.ctime), true);
    d.setBigUint64(64, BigInt(set.values.length), true);
  });
}

/** struct seminfo: ten ints (IPC_INFO gives the limits, SEM_INFO the use in two of them). */
function semInfo(p: GuestProcess, ns: Semaphores, cmd: number, addr: number): number {
  const sets = [...ns.ids.all];
  const used = cmd === SEM_INFO;
  const fields = [SEMMNI, SEMMNI, SEMMNI * SEMMSL, SEMMNI * SEMMSL, SEMMSL, SEMOPM, SEMOPM, used ? sets.length : 0,
    SEMVMX, used ? sets.reduce((n, s) => n + s.values.length, 0) : SEMAEM];
  writeStruct(p, addr, 40, (d) => fields.forEach((v, i) => d.setInt32(i * 4, v, true)));
  return Math.max(ns.ids.highestIndex, 0);
}

function semctl(p: GuestProcess, id: number, num: number, command: number, arg: number): number {
  const cmd = ctlCommand(command);
  const ns = semaphores(p.kernel);
  if (cmd === IPC_INFO || cmd === SEM_INFO) return semInfo(p, ns, cmd, arg);
  if (cmd === SEM_STAT || cmd === SEM_STAT_ANY) {
    const set = ns.ids.atIndex(id);
    if (cmd === SEM_STAT) checkAccess(p, set.perm, 0o444);
    writeSemid(p, arg, set);
    return set.id;
  }
  const set = ns.ids.lookup(id);
  const one = (): number => {
    if (num < 0 || num >= set.values.length) throw new SysError(E.EINVAL);
    return num;
  };
  switch (cmd) {
    case IPC_STAT:
      checkAccess(p, set.perm, 0o444);
      writeSemid(p, arg, set);
      return 0;
    case IPC_SET:
      setPerm(p, set.perm, readStruct(p, arg, IPC64_PERM_SIZE));
      set.ctime = nowSeconds();
      return 0;
    case IPC_RMID:
      checkOwner(p, set.perm);
      set.removed = true; // its waiters wake and get EIDRM
      ns.ids.remove(set);
      return 0;
    case GETVAL: case GETPID: case GETNCNT: case GETZCNT: {
      checkAccess(p, set.perm, 0o444);
      const i = one();
      if (cmd === GETVAL) return set.values[i];
      if (cmd === GETPID) return set.pids[i];
      return waitingFor(ns, set, i, cmd === GETZCNT);
    }
    case GETALL:
      checkAccess(p, set.perm, 0o444);
      writeStruct(p, arg, set.values.length * 2, (d) => set.values.forEach((v, i) => d.setUint16(i * 2, v, true)));
      return 0;
    case SETVAL: {
      checkAccess(p, set.perm, 0o222);
      const i = one();
      const v = int(arg);
      if (v < 0 || v > SEMVMX) throw new SysError(E.ERANGE);
      set.values[i] = v;
      set.pids[i] = p.pid;
      ns.forgetUndo(set, i);
      set.ctime = nowSeconds();
      return 0;
    }
    case SETALL: {
      checkAccess(p, set.perm, 0o222);
      const d = readStruct(p, arg, set.values.length * 2);
      const values = set.values.map((_v, i) => d.getUint16(i * 2, true));
      if (values.some((v) => v > SEMVMX)) throw new SysError(E.ERANGE);
      set.values.splice(0, values.length, ...values);
      set.pids.fill(p.pid);
      ns.forgetUndo(set);
      set.ctime = nowSeconds();
      return 0;
    }
    default:
      throw new SysError(E.EINVAL);
  }
}

export const sysvSemRows: SyscallRow[] = [
  sys('semget', ['int', 'int', 'hex'], (p, a) => semget(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('semop', ['int', 'ptr', 'uint'], (p, a, t) => semtimedop(p, t, int(a[0]), a[1], u32(a[2]), 0)),
  sys('semtimedop', ['int', 'ptr', 'uint', 'ptr'], (p, a, t) => semtimedop(p, t, int(a[0]), a[1], u32(a[2]), a[3])),
  sys('semctl', ['int', 'int', 'int', 'hex'], (p, a) => semctl(p, int(a[0]), int(a[1]), int(a[2]), a[3])),
];
