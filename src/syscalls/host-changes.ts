// Changes other host programs make to a file the guest watches with inotify (tail -f of
// a log something else writes). Node's fs.watch says that the file changed; its size and
// times, against what the guest's own last event left (fs-notify.ts), say whether it
// was someone else, and then IN_MODIFY or IN_ATTRIB goes out and the run loop wakes.
import { watch, type FSWatcher } from 'node:fs';
import { notifyOutsideChange, trackAnnouncedState, type Inode } from './fs-notify.js';

export class OutsideChangeWatch {
  private readonly watcher: FSWatcher | undefined;

  constructor(private readonly self: Inode, path: string, wake: () => void) {
    trackAnnouncedState(self, true);
    try {
      this.watcher = watch(path, { persistent: false }, () => {
        if (notifyOutsideChange(path)) wake();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      this.watcher = undefined; // e.g. out of host inotify watches: the guest's own changes are still seen
    }
  }

  stop(): void {
    this.watcher?.close();
    trackAnnouncedState(this.self, false);
  }
}
