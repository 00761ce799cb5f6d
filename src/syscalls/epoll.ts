// epoll: an interest list of (fd, open file) pairs and what each asks for. A wait
// reports the items whose file's readiness (poll-wait.ts) meets their events:
// level-triggered items as long as that holds; edge-triggered ones once per wake-up of
// the file's readers or writers (OpenFile.wakeups; for files without them, once per
// new readiness bit); one-shot items once, until EPOLL_CTL_MOD re-arms them. Ready
// items come in the order they became ready (the wake-up that made them so), a
// reported level-triggered item going to the back, as Linux's ready list has them.
// An item goes when its open file description is closed everywhere, as in Linux.
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import { isFileHeld } from './fd-table.js';
import type { OpenFile, Readiness } from './open-file.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRNORM, pollEvents } from './poll-wait.js';
import { nextStamp } from './wake-stamps.js';

export const EPOLLEXCLUSIVE = 1 << 28, EPOLLWAKEUP = 1 << 29, EPOLLONESHOT = 1 << 30,
  EPOLLET = 1 << 31;
/** The bits that are requests about the item rather than events. */
const MODE_BITS = EPOLLEXCLUSIVE | EPOLLWAKEUP | EPOLLONESHOT | EPOLLET;
const INPUT_EVENTS = POLLIN | POLLRDNORM | POLLHUP | POLLRDHUP;
const OUTPUT_EVENTS = POLLOUT | POLLWRNORM | POLLERR;

export interface EpollEvent {
  readonly events: number;
  readonly data: bigint;
}

interface Interest {
  readonly fd: number;
  readonly file: OpenFile;
  events: number;
  data: bigint;
  /** When it was added or last modified (a wake-up stamp). */
  armedAt: number;
  /** Its place in the ready list (a stamp), or null while it is not on it. */
  queuedAt: number | null;
  /** A one-shot item that has reported: silent until EPOLL_CTL_MOD. */
  disabled: boolean;
  /** Edge-triggered: the file's wake-up stamps when it last reported (null: not since armed). */
  seen: { input: number; output: number } | null;
  /** Edge-triggered, for files without wake-up stamps: the events last reported. */
  seenEvents: number;
}

export class Epoll extends AnonFile {
  private items: Interest[] = [];

  constructor(flags: number, nonblock: number) {
    super('eventpoll', flags, nonblock);
  }

  read(): number {
    throw new SysError(E.EINVAL);
  }

  readiness(): Readiness {
    return { readable: this.collect(1, false).length > 0, writable: false, hangup: false, error: false };
  }

  private find(fd: number, file: OpenFile): Interest | undefined {
    return this.items.find((i) => i.fd === fd && i.file === file);
  }

  add(fd: number, file: OpenFile, ev: EpollEvent): void {
    if (this.find(fd, file)) throw new SysError(E.EEXIST);
    if (file instanceof Epoll && file.reaches(this)) throw new SysError(E.ELOOP);
    this.items.push({ fd, file, ...armed(ev) });
  }

  modify(fd: number, file: OpenFile, ev: EpollEvent): void {
    const item = this.existing(fd, file);
    if (item.events & EPOLLEXCLUSIVE) throw new SysError(E.EINVAL);
    Object.assign(item, armed(ev));
  }

  remove(fd: number, file: OpenFile): void {
    const item = this.existing(fd, file);
    this.items = this.items.filter((i) => i !== item);
  }

  /**
   * Up to `max` events ready now, in ready-list order. When `consume`, they count as
   * reported (edge and one-shot bookkeeping, the list's order); otherwise this only looks.
   */
  collect(max: number, consume: boolean): EpollEvent[] {
    this.items = this.items.filter((i) => isFileHeld(i.file));
    const ready: Array<{ item: Interest; ev: number }> = [];
    for (const item of this.items) {
      if (item.disabled) continue;
      const ev = pollEvents(item.file, item.events & ~MODE_BITS) & item.events;
      if (ev === 0) {
        item.queuedAt = null;
        item.seenEvents = 0;
        continue;
      }
      item.seenEvents &= ev; // an event that went away and comes back is a new edge
      if (item.events & EPOLLET && !woken(item, ev)) continue;
      item.queuedAt ??= readySince(item, ev);
      ready.push({ item, ev });
    }
    ready.sort((a, b) => a.item.queuedAt! - b.item.queuedAt!);
    const taken = ready.slice(0, max);
    if (consume) for (const { item, ev } of taken) reported(item, ev);
    return taken.map(({ item, ev }) => ({ events: ev, data: item.data }));
  }

  private existing(fd: number, file: OpenFile): Interest {
    const item = this.find(fd, file);
    if (!item) throw new SysError(E.ENOENT);
    return item;
  }

  /** Whether `target` is this epoll or one it watches, at any depth (adding it would loop). */
  private reaches(target: Epoll): boolean {
    return this === target || this.items.some((i) => i.file instanceof Epoll && i.file.reaches(target));
  }
}

/** An item's state when added or modified: POLLERR and POLLHUP are always asked for. */
function armed(ev: EpollEvent): Omit<Interest, 'fd' | 'file'> {
  return {
    events: ev.events | POLLERR | POLLHUP, data: ev.data, armedAt: nextStamp(), queuedAt: null, disabled: false,
    seen: null, seenEvents: 0,
  };
}

/** When an item that was not on the ready list became ready: the wake-up that made it so (now, without stamps). */
function readySince(item: Interest, ev: number): number {
  const w = item.file.wakeups;
  if (!w) return nextStamp();
  const woke = Math.max(ev & INPUT_EVENTS ? w.input : 0, ev & OUTPUT_EVENTS ? w.output : 0);
  return Math.max(item.armedAt, woke);
}

/** An item has reported `ev`: a level-triggered one goes to the back of the ready list, the others leave it. */
function reported(item: Interest, ev: number): void {
  item.queuedAt = null;
  if (item.events & EPOLLONESHOT) item.disabled = true;
  if (item.events & EPOLLET) {
    const w = item.file.wakeups;
    item.seen = { input: w?.input ?? 0, output: w?.output ?? 0 };
    item.seenEvents = ev;
  } else if (!(item.events & EPOLLONESHOT)) {
    item.queuedAt = nextStamp();
  }
}

/** Whether an edge-triggered item has something new to report: the file woke up since it last did. */
function woken(item: Interest, ev: number): boolean {
  if (!item.seen) return true;
  const now = item.file.wakeups;
  if (!now) return (ev & ~item.seenEvents) !== 0;
  return ((ev & INPUT_EVENTS) !== 0 && now.input !== item.seen.input)
    || ((ev & OUTPUT_EVENTS) !== 0 && now.output !== item.seen.output);
}
