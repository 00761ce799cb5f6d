// The objects mmap maps besides private anonymous memory: host files (reached through
// an fd of the emulator's own, so the guest may close its fd, or unlink the file, and
// keep the mapping) and shared anonymous memory.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { readBytesAt, type MappedObject } from '../memory/mapping-backing.js';

/** Reads all of dst at `offset` from a host fd (short only at end of file). */
function readFully(hostFd: number, dst: Uint8Array, offset: number): number {
  let done = 0;
  while (done < dst.length) {
    const n = readSync(hostFd, dst, done, dst.length - done, offset + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The bytes of [offset, offset + src.length) that lie before `size`. */
const within = (src: Uint8Array, offset: number, size: number): Uint8Array =>
  src.subarray(0, Math.max(0, Math.min(src.length, size - offset)));

export class HostFileObject implements MappedObject {
  version = 0;
  private readonly fd: number;

  /** `hostFd` is the guest's fd; the object opens the same file again through /proc. */
  constructor(readonly name: string, readonly dev: bigint, readonly ino: bigint, hostFd: number) {
    const link = `/proc/self/fd/${hostFd}`;
    try {
      this.fd = openSync(link, 'r+');
    } catch {
      this.fd = openSync(link, 'r'); // read-only files: only read-only or private mappings exist
    }
  }

  read(dst: Uint8Array, offset: number): number {
    return readFully(this.fd, dst, offset);
  }

  write(src: Uint8Array, offset: number): void {
    // Like Linux, a shared mapping never extends its file: bytes past the end are dropped.
    const bytes = within(src, offset, Number(fstatSync(this.fd).size));
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
    this.version++;
  }

  /** The file changed by other means (a write through an fd). */
  changed(): void {
    this.version++;
  }

  close(): void {
    closeSync(this.fd);
  }
}

let nextShmemIno = 1n;

/** MAP_SHARED|MAP_ANONYMOUS memory: Linux backs it with a deleted /dev/zero inode. */
export class AnonymousSharedObject implements MappedObject {
  version = 0;
  readonly dev = 1n; // 00:01, the kernel's internal shmem mount
  readonly ino = nextShmemIno++;
  private readonly bytes: Uint8Array;

  /** `name`: what /proc/<pid>/maps shows (System V segments have their own). */
  constructor(size: number, readonly name = '/dev/zero (deleted)') {
    this.bytes = new Uint8Array(size);
  }

  read(dst: Uint8Array, offset: number): number {
    return readBytesAt(this.bytes, dst, offset);
  }

  write(src: Uint8Array, offset: number): void {
    this.bytes.set(within(src, offset, this.bytes.length), offset);
    this.version++;
  }
}
