// What System V shared memory, semaphores and message queues have in common: keys,
// ids, the ipc64_perm owner and mode, permission checks, and the *ctl commands on them.
// Every guest process runs in one kernel, so one table per kind and kernel is what
// Linux's IPC namespace is: unrelated guest processes meet through a key.
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';

export const IPC_PRIVATE = 0;
export const IPC_CREAT = 0o1000, IPC_EXCL = 0o2000, IPC_NOWAIT = 0o4000;
export const IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;
/** Set in the *ctl command by 64-bit callers (glibc always passes it): the only layout here. */
const IPC_64 = 0x100;
/** Ids are a slot index plus this times a sequence number, as in Linux. */
const SEQ_MULTIPLIER = 32768;
/** struct ipc64_perm: key, uid, gid, cuid, cgid, mode (u32 each), seq (u16), padding. */
export const IPC64_PERM_SIZE = 48;

export interface IpcPerm {
  key: number;
  uid: number;
  gid: number;
  readonly cuid: number;
  readonly cgid: number;
  /** The 9 permission bits and the kind's own state bits (SHM_DEST, SHM_LOCKED). */
  mode: number;
  readonly seq: number;
}

export interface IpcObject {
  readonly id: number;
  readonly perm: IpcPerm;
  /** Last change by the *ctl calls (seconds). */
  ctime: number;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The command without IPC_64. */
export const ctlCommand = (cmd: number): number => cmd & ~IPC_64;

/** One kind's objects (by id and by key). */
export class IpcIds<T extends IpcObject> {
  private readonly byId = new Map<number, T>();
  private seq = 0;

  constructor(private readonly maxIds: number) {}

  get all(): IterableIterator<T> {
    return this.byId.values();
  }

  /** The highest slot index in use (IPC_INFO's result), -1 when none. */
  get highestIndex(): number {
    let max = -1;
    for (const id of this.byId.keys()) max = Math.max(max, id % SEQ_MULTIPLIER);
    return max;
  }

  /** *get: the object for `key`, created by `make` when there is none (or the key is IPC_PRIVATE). */
  get(p: GuestProcess, key: number, flags: number, make: (id: number, perm: IpcPerm) => T, fits: (o: T) => void): number {
    const existing = key === IPC_PRIVATE ? undefined : [...this.byId.values()].find((o) => o.perm.key === key);
    if (existing) {
      if ((flags & (IPC_CREAT | IPC_EXCL)) === (IPC_CREAT | IPC_EXCL)) throw new SysError(E.EEXIST);
      checkAccess(p, existing.perm, flags & 0o777);
      fits(existing);
      return existing.id;
    }
    if (key !== IPC_PRIVATE && !(flags & IPC_CREAT)) throw new SysError(E.ENOENT);
    const index = this.freeIndex();
    const seq = this.seq++ % SEQ_MULTIPLIER;
    const id = seq * SEQ_MULTIPLIER + index;
    const { uid, gid } = p.creds;
    const perm: IpcPerm = {
      key, uid: uid.effective, gid: gid.effective, cuid: uid.effective, cgid: gid.effective, mode: flags & 0o777, seq,
    };
    this.byId.set(id, make(id, perm));
    return id;
  }

  /** The object `id` names (EINVAL when there is none). */
  lookup(id: number): T {
    const o = this.byId.get(id);
    if (!o) throw new SysError(E.EINVAL);
    return o;
  }

  /** *_STAT: the object in slot `index` (EINVAL when empty). */
  atIndex(index: number): T {
    for (const [id, o] of this.byId) if (id % SEQ_MULTIPLIER === index) return o;
    throw new SysError(E.EINVAL);
  }

  remove(o: T): void {
    this.byId.delete(o.id);
  }

  private freeIndex(): number {
    const used = new Set([...this.byId.keys()].map((id) => id % SEQ_MULTIPLIER));
    for (let i = 0; i < this.maxIds; i++) if (!used.has(i)) return i;
    throw new SysError(E.ENOSPC);
  }
}

/** Linux's ipcperms (POSIX message queues check the same way): `want` (rwx bits in any of the three triads) against the owner/group/other bits. */
export function checkAccess(p: GuestProcess, perm: Pick<IpcPerm, 'mode' | 'uid' | 'gid' | 'cuid' | 'cgid'>, want: number): void {
  const requested = ((want >> 6) | (want >> 3) | want) & 7;
  const { uid, gid, groups } = p.creds;
  let granted = perm.mode;
  if (uid.effective === perm.cuid || uid.effective === perm.uid) granted >>= 6;
  else if (gid.effective === perm.cgid || gid.effective === perm.gid || groups.includes(perm.gid)) granted >>= 3;
  if (requested & ~granted & 7 && !p.creds.privileged) throw new SysError(E.EACCES);
}

/** IPC_SET and IPC_RMID: only the owner, the creator or a privileged process (else EPERM). */
export function checkOwner(p: GuestProcess, perm: IpcPerm): void {
  const euid = p.creds.uid.effective;
  if (euid !== perm.uid && euid !== perm.cuid && !p.creds.privileged) throw new SysError(E.EPERM);
}

/** Writes struct ipc64_perm into `d` at 0. */
export function putPerm(d: DataView, perm: IpcPerm): void {
  d.setInt32(0, perm.key, true);
  [perm.uid, perm.gid, perm.cuid, perm.cgid, perm.mode].forEach((v, i) => d.setUint32(4 + i * 4, v, true));
  d.setUint16(24, perm.seq, true);
}

/** IPC_SET: the new owner and permission bits from a guest ipc64_perm. */
export function setPerm(p: GuestProcess, perm: IpcPerm, d: DataView): void {
  checkOwner(p, perm);
  perm.uid = d.getUint32(4, true);
  perm.gid = d.getUint32(8, true);
  perm.mode = (perm.mode & ~0o777) | (d.getUint32(20, true) & 0o777);
}

/** A guest struct of `size` bytes read whole (EFAULT when it is not readable). */
export function readStruct(p: GuestProcess, addr: number, size: number): DataView {
  const bytes = p.mem.readBytes(addr, size);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Fills a zeroed struct of `size` bytes with `fill` and writes it to the guest. */
export function writeStruct(p: GuestProcess, addr: number, size: number, fill: (d: DataView) => void): void {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  p.mem.writeBytes(addr, bytes);
}
