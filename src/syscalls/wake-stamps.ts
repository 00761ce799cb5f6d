// When a file last woke its readers (data, the other end closing) and its writers
// (room, the readers going), as stamps of one kernel-wide count: an edge-triggered
// epoll item reports again after each wake-up, and ready items are reported in the
// order they woke, as Linux's ready list has them.
let last = 0;

/** A fresh stamp, later than every one given before. */
export const nextStamp = (): number => ++last;

export class WakeStamps {
  /** The latest wake-up of the readers (0: none yet). */
  input = 0;
  /** The latest wake-up of the writers (0: none yet). */
  output = 0;

  wakeReaders(): void {
    this.input = nextStamp();
  }

  wakeWriters(): void {
    this.output = nextStamp();
  }
}
