// The address space: brk, mmap, munmap, mprotect, mremap, madvise.
import { readSync } from 'node:fs';
import { int, ulong } from '../args.js';
import { MAP, MAP_TYPE, MAP_TYPES, PROT, S_IFMT, S_IFREG } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { MapSource } from '../memory-map.js';
import { O_RDWR, O_WRONLY } from '../open-flags.js';
import { sys, type SyscallRow } from '../row.js';
import { openFile } from './fd-access.js';

/** Reads all of dst at `offset` (short only at end of file). */
function readFully(hostFd: number, dst: Uint8Array, offset: number): number {
  let done = 0;
  while (done < dst.length) {
    const n = readSync(hostFd, dst, done, dst.length - done, offset + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** A file mapping copies the file's bytes: writes never reach the file. */
function fileSource(p: GuestProcess, fd: number, prot: number, flags: number): MapSource {
  const file = openFile(p, fd);
  const acc = file.flags & p.abi.openFlags.accmode;
  const hostFd = file.hostFd;
  if (acc === O_WRONLY) throw new SysError(E.EACCES);
  if (hostFd === undefined || (file.stat().mode & S_IFMT) !== S_IFREG) throw new SysError(E.ENODEV);
  if ((flags & MAP_TYPE) !== MAP_TYPES.MAP_PRIVATE && prot & PROT.PROT_WRITE) {
    if (acc !== O_RDWR) throw new SysError(E.EACCES);
    p.reportOnce('MAP_SHARED', 'mmap: writable MAP_SHARED file mappings are private copies');
  }
  return { name: file.path ?? `/dev/fd/${fd}`, read: (dst, offset) => readFully(hostFd, dst, offset) };
}

function mmap(p: GuestProcess, a: readonly number[]): number {
  const prot = int(a[2]);
  const flags = int(a[3]);
  const offset = a[5];
  if (offset < 0) throw new SysError(E.EINVAL);
  const source = flags & MAP.MAP_ANONYMOUS ? undefined : fileSource(p, int(a[4]), prot, flags);
  return p.memory.mmap(ulong(a[0]), ulong(a[1]), prot, flags, source, offset);
}

export const memoryRows: SyscallRow[] = [
  sys('brk', ['ptr'], (p, a) => p.memory.brk(ulong(a[0])), { result: 'hex' }),
  sys('mmap', ['ptr', 'size', 'prot', 'mapflags', 'fd', 'hex'], mmap, { result: 'hex' }),
  sys('munmap', ['ptr', 'size'], (p, a) => {
    p.memory.munmap(ulong(a[0]), ulong(a[1]));
    return 0;
  }),
  sys('mprotect', ['ptr', 'size', 'prot'], (p, a) => {
    p.memory.mprotect(ulong(a[0]), ulong(a[1]), int(a[2]));
    return 0;
  }),
  sys('mremap', ['ptr', 'size', 'size', 'mremapflags', 'ptr'], (p, a) =>
    p.memory.mremap(ulong(a[0]), ulong(a[1]), ulong(a[2]), int(a[3]), ulong(a[4])), { result: 'hex' }),
  sys('madvise', ['ptr', 'size', 'advice'], (p, a) => {
    p.memory.madvise(ulong(a[0]), ulong(a[1]), int(a[2]));
    return 0;
  }),
];
