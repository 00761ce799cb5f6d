// An open file description: what one or more guest fds refer to (dup shares it,
// and with it the offset and status flags).
import type { FileStat } from './file-stat.js';
import type { DirEntry } from './dir-list.js';
import type { WakeStamps } from './wake-stamps.js';

export interface OpenFile {
  /** Guest status flags (access mode, O_APPEND, O_NONBLOCK, ...) as F_GETFL shows them. */
  flags: number;
  /** The host path it was opened by, when known: *at() calls and getdents64 use it. */
  readonly path: string | undefined;
  /** What /proc/<pid>/fd/N says for a file without a path ("/memfd:x (deleted)", "anon_inode:[eventfd]"). */
  readonly procLink?: string;
  readonly isDirectory: boolean;
  /** The host fd, for what only the host can answer (ttys, fsync); none for in-memory files. */
  readonly hostFd: number | undefined;
  /** Directory listing and position, kept between getdents64 calls. */
  dirEntries?: DirEntry[];
  /** Reads at the file offset (advancing it), or at `at` without moving it (pread). */
  read(dst: Uint8Array, at?: number): number;
  /** readv as one read spread over the buffers (a datagram socket gives one message, not one per buffer). */
  readVector?(dsts: Uint8Array[]): number;
  write(src: Uint8Array, at?: number): number;
  /** lseek; returns the new offset. */
  seek(offset: number, whence: number): number;
  stat(): FileStat;
  /** The last fd referring to it was closed. */
  close(): void;
  /** What a read or write would do now (poll); files without it are always ready. */
  readiness?(): Readiness;
  /** FIONREAD: how many bytes a read could take now (pipes and sockets). */
  bytesToRead?(): number;
  /** When it last woke its readers and writers (epoll's edge-triggered mode and report order). */
  readonly wakeups?: WakeStamps;
}

export interface Readiness {
  /** There is data to read (a read would not wait either when `hangup`: end of file). */
  readonly readable: boolean;
  /** A write would not wait. */
  readonly writable: boolean;
  /** The other end is closed (a pipe's writers: POLLHUP; its readers: POLLERR). */
  readonly hangup: boolean;
  readonly error: boolean;
  /** The peer will send nothing more (a socket shut down for writing at the other end: POLLRDHUP). */
  readonly peerClosed?: boolean;
}
