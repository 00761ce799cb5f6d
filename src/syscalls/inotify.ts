// An inotify instance: its watches (by inode) and its queue of struct inotify_event
// records, read whole; a read waits while the queue is empty.
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import { addWatcher, removeWatcher, type FsWatcher, type Inode, type InodeKey } from './fs-notify.js';
import { OutsideChangeWatch } from './host-changes.js';
import type { Readiness } from './open-file.js';

const IN_Q_OVERFLOW = 0x4000;
export const IN_IGNORED = 0x8000, IN_ONESHOT = 0x80000000;
/** struct inotify_event without its name: wd, mask, cookie, len. */
const EVENT_HEADER = 16;
/** /proc/sys/fs/inotify/max_queued_events. */
const MAX_QUEUED = 16384;

interface Watch {
  readonly wd: number;
  readonly inode: InodeKey;
  mask: number;
  /** For a file (not a directory): what sees other host programs' changes to it. */
  readonly outside?: OutsideChangeWatch;
}

interface QueuedEvent { readonly wd: number; readonly mask: number; readonly cookie: number; readonly name: string }

/** One event as the guest reads it: the name NUL-padded to a multiple of the header size. */
function encode(e: QueuedEvent): Uint8Array {
  const name = Buffer.from(e.name, 'utf8');
  const len = e.name === '' ? 0 : Math.ceil((name.length + 1) / EVENT_HEADER) * EVENT_HEADER;
  const bytes = new Uint8Array(EVENT_HEADER + len);
  const d = new DataView(bytes.buffer);
  d.setInt32(0, e.wd, true);
  d.setUint32(4, e.mask >>> 0, true);
  d.setUint32(8, e.cookie >>> 0, true);
  d.setUint32(12, len, true);
  bytes.set(name, EVENT_HEADER);
  return bytes;
}

export class Inotify extends AnonFile implements FsWatcher {
  private readonly watches = new Map<number, Watch>();
  private readonly queue: Uint8Array[] = [];
  private last: QueuedEvent | undefined;
  private nextWd = 1;

  /** `wake`: kernel.hostEvent, for events that other host programs' changes cause. */
  constructor(statusFlags: number, nonblock: number, private readonly wake: () => void) {
    super('inotify', statusFlags, nonblock);
    addWatcher(this);
  }

  /** inotify_add_watch of `path`: a new watch, or the same wd with its mask replaced or added to. */
  watch(self: Inode, path: string, mask: number, add: boolean, mustBeNew: boolean): number {
    const existing = [...this.watches.values()].find((w) => w.inode === self.key);
    if (existing) {
      if (mustBeNew) throw new SysError(E.EEXIST);
      existing.mask = add ? existing.mask | mask : mask;
      return existing.wd;
    }
    const wd = this.nextWd++;
    const outside = self.isDir ? undefined : new OutsideChangeWatch(self, path, this.wake);
    this.watches.set(wd, { wd, inode: self.key, mask, outside });
    return wd;
  }

  /** inotify_rm_watch (EINVAL for an unknown wd). */
  unwatch(wd: number): void {
    if (!this.watches.has(wd)) throw new SysError(E.EINVAL);
    this.end(wd);
  }

  notify(inode: InodeKey, mask: number, cookie: number, name: string | undefined): void {
    for (const w of [...this.watches.values()]) {
      if (w.inode !== inode || !(w.mask & mask & 0xfff)) continue;
      this.push({ wd: w.wd, mask, cookie, name: name ?? '' });
      if (w.mask & IN_ONESHOT) this.end(w.wd);
    }
  }

  gone(inode: InodeKey): void {
    for (const w of [...this.watches.values()]) if (w.inode === inode) this.end(w.wd);
  }

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    if (this.queue.length === 0) this.waitFor(() => this.queue.length > 0);
    if (this.queue[0].length > dst.length) throw new SysError(E.EINVAL);
    let n = 0;
    while (this.queue.length > 0 && n + this.queue[0].length <= dst.length) {
      const e = this.queue.shift()!;
      dst.set(e, n);
      n += e.length;
    }
    if (this.queue.length === 0) this.last = undefined;
    return n;
  }

  readiness(): Readiness {
    return { readable: this.queue.length > 0, writable: false, hangup: false, error: false };
  }

  bytesToRead(): number {
    return this.queue.reduce((n, e) => n + e.length, 0);
  }

  close(): void {
    removeWatcher(this);
    for (const w of this.watches.values()) w.outside?.stop();
  }

  private end(wd: number): void {
    this.watches.get(wd)?.outside?.stop();
    this.watches.delete(wd);
    this.push({ wd, mask: IN_IGNORED, cookie: 0, name: '' });
  }

  /** Queues an event, unless it repeats the last one queued (as Linux merges them). */
  private push(e: QueuedEvent): void {
    const l = this.last;
    if (l && l.wd === e.wd && l.mask === e.mask && l.cookie === e.cookie && l.name === e.name) return;
    if (this.queue.length >= MAX_QUEUED) {
      if (l?.mask !== IN_Q_OVERFLOW) this.queue.push(encode((this.last = { wd: -1, mask: IN_Q_OVERFLOW, cookie: 0, name: '' })));
      return;
    }
    this.queue.push(encode(e));
    this.last = e;
    this.wakeups.wakeReaders();
  }
}
