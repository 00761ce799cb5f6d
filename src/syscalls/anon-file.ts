// What the kernel's "anonymous inode" files have in common (eventfd, timerfd, epoll,
// signalfd): no path, no host fd, no offset; fstat shows the one shared anon inode;
// a read or write that cannot go on now fails with EAGAIN when O_NONBLOCK is set and
// otherwise waits until it can, then runs again.
import { E, SysError } from './errno.js';
import type { FileStat } from './file-stat.js';
import type { OpenFile, Readiness } from './open-file.js';
import { O_RDWR } from './open-flags.js';
import { WouldBlock } from './wait.js';
import { WakeStamps } from './wake-stamps.js';

/** The anon inode's st_mode: permission bits only, no file type (as Linux shows it). */
const ANON_MODE = 0o600;
const started = BigInt(Date.now()) * 1_000_000n;

export abstract class AnonFile implements OpenFile {
  readonly path = undefined;
  readonly hostFd = undefined;
  readonly isDirectory = false;
  readonly wakeups = new WakeStamps();
  flags: number;

  /** /proc/<pid>/fd/N's text: "anon_inode:[eventfd]" and the like. */
  readonly procLink: string;

  constructor(
    /** The kind Linux names it by: eventfd, timerfd, eventpoll, signalfd. */
    kind: string,
    /** Status flags besides the access mode (read and write, as Linux makes them all). */
    statusFlags: number,
    /** The ABI's O_NONBLOCK bit. */
    private readonly nonblock: number,
  ) {
    this.procLink = `anon_inode:[${kind}]`;
    this.flags = O_RDWR | statusFlags;
  }

  abstract read(dst: Uint8Array, at?: number): number;
  abstract readiness(): Readiness;

  write(_src: Uint8Array, _at?: number): number {
    throw new SysError(E.EINVAL);
  }

  seek(): number {
    throw new SysError(E.ESPIPE);
  }

  stat(): FileStat {
    return {
      dev: 0xdn, ino: 1n, mode: ANON_MODE, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0,
      rdev: 0n, size: 0n, blksize: 4096, blocks: 0n, atimeNs: started, mtimeNs: started, ctimeNs: started,
      birthtimeNs: 0n,
    };
  }

  close(): void {}

  /** EAGAIN when non-blocking; otherwise the call waits until `ready` and runs again. */
  protected waitFor(ready: () => boolean): never {
    if (this.flags & this.nonblock) throw new SysError(E.EAGAIN);
    throw new WouldBlock({ ready, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart' });
  }
}
