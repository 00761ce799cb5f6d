// The kernel's side of shared mappings (see shared-pages.ts for how pages stay in
// step): which address space runs now, the mapped host files by inode, and the
// points where the running address space must reach its objects or see them again.
import { PERM_WRITE } from '../memory/address-space.js';
import type { GuestProcess } from './guest-process.js';
import { inodeKey } from './fs-notify.js';
import { HostFileObject } from './mapped-objects.js';
import type { Mm } from './mm.js';
import type { OpenFile } from './open-file.js';
import { flushShared, loadShared } from './shared-pages.js';

/** The inode key of each open file read or written, asked of the host once. */
const fileKeys = new WeakMap<OpenFile, string>();

function keyOf(file: OpenFile): string {
  let key = fileKeys.get(file);
  if (key === undefined) {
    const st = file.stat();
    fileKeys.set(file, (key = inodeKey(st.dev, st.ino)));
  }
  return key;
}

export class SharedMemory {
  /** The address space guest code last ran in: the only one that may be ahead of its objects. */
  private current: Mm | null = null;
  /** Mapped host files, one object per inode, so all their mappings see one version. */
  private readonly files = new Map<string, HostFileObject>();

  /** `processes` lists every process, for finding files no mapping shows any more. */
  constructor(private readonly processes: () => Iterable<GuestProcess>) {}

  /** The run loop is about to run guest code in `mm`. */
  switchTo(mm: Mm): void {
    const prev = this.current;
    if (mm === prev) return;
    if (prev) flushShared(prev.mem);
    loadShared(mm.mem);
    this.current = mm;
    if (prev && !this.isLive(prev)) this.collect(); // it exec'd or ended
  }

  /** The object for a host file the guest maps (the same one for every mapping of it). */
  fileObject(file: OpenFile, hostFd: number, name: string): HostFileObject {
    const key = keyOf(file);
    let object = this.files.get(key);
    if (!object) {
      const st = file.stat();
      this.files.set(key, (object = new HostFileObject(name, st.dev, st.ino, hostFd)));
    }
    return object;
  }

  /**
   * A read or write of `file` through an fd of `p`: what p wrote through mappings of the
   * file reaches it first, and after a write p's mappings show the new bytes.
   */
  fileIo<T>(p: GuestProcess, file: OpenFile, writes: boolean, io: () => T): T {
    if (this.files.size === 0 || file.hostFd === undefined) return io();
    const object = this.files.get(keyOf(file));
    if (!object) return io();
    flushShared(p.mem);
    const result = io();
    if (writes) {
      object.changed();
      loadShared(p.mem);
    }
    return result;
  }

  /** Whether any process has a writable shared mapping of `file` (F_SEAL_WRITE is then refused). */
  mappedWritable(file: OpenFile): boolean {
    const object = this.files.get(keyOf(file));
    if (!object) return false;
    for (const p of this.processes()) {
      if (p.exitStatus !== null) continue;
      if (p.mem.maps.some((m) => m.backing?.object === object && m.backing?.shared && m.prot & PERM_WRITE)) return true;
    }
    return false;
  }

  /** msync: the mappings' changes reach their objects (and, invalidating, come back fresh). */
  sync(mm: Mm, start: number, end: number, invalidate: boolean): void {
    flushShared(mm.mem, start, end);
    if (!invalidate) return;
    flushShared(mm.mem); // nothing unwritten may be reloaded over
    loadShared(mm.mem);
  }

  /** Mappings went away (munmap, exit, exec): files nothing maps any more are closed. */
  collect(): void {
    if (this.files.size === 0) return;
    const mapped = new Set<HostFileObject>();
    for (const p of this.processes()) {
      if (p.exitStatus !== null) continue;
      for (const m of p.mem.maps) if (m.backing?.object instanceof HostFileObject) mapped.add(m.backing.object);
    }
    for (const [key, object] of this.files) {
      if (mapped.has(object)) continue;
      object.close();
      this.files.delete(key);
    }
  }

  /** A process ended: its writes to shared pages reach their objects. */
  ended(p: GuestProcess): void {
    if (this.isLive(p.mm)) return; // a vfork child: the parent goes on in that memory
    flushShared(p.mem);
    if (this.current === p.mm) this.current = null;
    this.collect();
  }

  private isLive(mm: Mm): boolean {
    for (const p of this.processes()) if (p.mm === mm && p.exitStatus === null) return true;
    return false;
  }
}
