// The address space: brk, mmap, munmap, mprotect, mremap, madvise, msync, mincore,
// the mlock family, and memfd_create.
import { PAGE_SIZE } from '../../memory/address-space.js';
import { int, ulong } from '../args.js';
import { MAP, MAP_TYPE, MAP_TYPES, PROT, S_IFMT, S_IFREG } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { MapSource } from '../memory-map.js';
import { MemfdFile } from '../memfd.js';
import { O_RDWR, O_WRONLY } from '../open-flags.js';
import { sys, type SyscallRow } from '../row.js';
import { openFile } from './fd-access.js';

// msync flags, mlock2 and mlockall flags, memfd_create flags (asm-generic/mman-common.h, memfd.h)
const MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;
const MLOCK_ONFAULT = 1;
const MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4;
const MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, MFD_HUGETLB = 4, MFD_NOEXEC_SEAL = 8, MFD_EXEC = 0x10;
/** memfd names are at most 249 bytes (NAME_MAX less "memfd:"). */
const MFD_NAME_MAX = 249;

/** The page-aligned range [addr, addr+len) of msync, mincore and mlock, which must all be mapped. */
function mappedRange(p: GuestProcess, addr: number, len: number): number {
  if (addr % PAGE_SIZE) throw new SysError(E.EINVAL);
  return p.memory.mappedSize(addr, len);
}

function msync(p: GuestProcess, addr: number, len: number, flags: number): number {
  if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) || (flags & MS_ASYNC && flags & MS_SYNC)) {
    throw new SysError(E.EINVAL);
  }
  const size = mappedRange(p, addr, len);
  // MS_ASYNC too writes at once: the file has the bytes when the call returns.
  p.kernel.shared.sync(p.mm, addr, addr + size, (flags & MS_INVALIDATE) !== 0);
  return 0;
}

/** Every mapped page is resident: there is no swap behind guest memory. */
function mincore(p: GuestProcess, addr: number, len: number, vec: number): number {
  const size = mappedRange(p, addr, len);
  p.mem.writeBytes(vec, new Uint8Array(size / PAGE_SIZE).fill(1));
  return 0;
}

/** mlock and friends: guest memory never leaves RAM anyway, so locking only checks its arguments. */
function mlock(p: GuestProcess, addr: number, len: number, flags: number): number {
  if (flags & ~MLOCK_ONFAULT) throw new SysError(E.EINVAL);
  mappedRange(p, addr - (addr % PAGE_SIZE), len + (addr % PAGE_SIZE));
  return 0;
}

function mlockall(flags: number): number {
  if (flags === 0 || flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) || flags === MCL_ONFAULT) {
    throw new SysError(E.EINVAL);
  }
  return 0;
}

function memfdCreate(p: GuestProcess, nameAddr: number, flags: number): number {
  if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC)) throw new SysError(E.EINVAL);
  if (flags & MFD_HUGETLB) {
    p.reportOnce('MFD_HUGETLB', 'memfd_create: MFD_HUGETLB is not supported');
    throw new SysError(E.EINVAL);
  }
  const name = p.mem.readCString(nameAddr, MFD_NAME_MAX + 1);
  if (Buffer.byteLength(name) > MFD_NAME_MAX) throw new SysError(E.EINVAL);
  const file = new MemfdFile(name, p.abi.openFlags, (flags & MFD_ALLOW_SEALING) !== 0);
  return p.fds.add(file, (flags & MFD_CLOEXEC) !== 0);
}

/** The file `fd` names as a mapping's source, with the checks mmap makes of the fd. */
function fileSource(p: GuestProcess, fd: number, prot: number, flags: number): MapSource {
  const file = openFile(p, fd);
  const acc = file.flags & p.abi.openFlags.accmode;
  const hostFd = file.hostFd;
  if (acc === O_WRONLY) throw new SysError(E.EACCES);
  if (hostFd === undefined || (file.stat().mode & S_IFMT) !== S_IFREG) throw new SysError(E.ENODEV);
  const shared = (flags & MAP_TYPE) !== MAP_TYPES.MAP_PRIVATE;
  if (shared && prot & PROT.PROT_WRITE && acc !== O_RDWR) throw new SysError(E.EACCES);
  if (shared && prot & PROT.PROT_WRITE && file instanceof MemfdFile) file.checkSharedWritable();
  const name = file.procLink ?? file.path ?? `/dev/fd/${fd}`;
  const object = p.kernel.shared.fileObject(file, hostFd, name);
  return { object, mayWrite: acc === O_RDWR };
}

function mmap(p: GuestProcess, a: readonly number[]): number {
  const prot = int(a[2]);
  const flags = int(a[3]);
  const offset = a[5];
  if (offset < 0) throw new SysError(E.EINVAL);
  if (flags & MAP.MAP_GROWSDOWN) p.reportOnce('MAP_GROWSDOWN', 'mmap: MAP_GROWSDOWN mappings do not grow');
  const source = flags & MAP.MAP_ANONYMOUS ? undefined : fileSource(p, int(a[4]), prot, flags);
  return p.memory.mmap(ulong(a[0]), ulong(a[1]), prot, flags, source, offset);
}

export const memoryRows: SyscallRow[] = [
  sys('brk', ['ptr'], (p, a) => p.memory.brk(ulong(a[0])), { result: 'hex' }),
  sys('mmap', ['ptr', 'size', 'prot', 'mapflags', 'fd', 'hex'], mmap, { result: 'hex' }),
  sys('munmap', ['ptr', 'size'], (p, a) => {
    p.memory.munmap(ulong(a[0]), ulong(a[1]));
    p.kernel.shared.collect();
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
  sys('msync', ['ptr', 'size', 'hex'], (p, a) => msync(p, ulong(a[0]), ulong(a[1]), int(a[2]))),
  sys('mincore', ['ptr', 'size', 'ptr'], (p, a) => mincore(p, ulong(a[0]), ulong(a[1]), a[2])),
  sys('mlock', ['ptr', 'size'], (p, a) => mlock(p, ulong(a[0]), ulong(a[1]), 0)),
  sys('mlock2', ['ptr', 'size', 'hex'], (p, a) => mlock(p, ulong(a[0]), ulong(a[1]), int(a[2]))),
  sys('munlock', ['ptr', 'size'], (p, a) => mlock(p, ulong(a[0]), ulong(a[1]), 0)),
  sys('mlockall', ['hex'], (_p, a) => mlockall(int(a[0]))),
  sys('munlockall', [], () => 0),
  sys('memfd_create', ['ptr', 'hex'], (p, a) => memfdCreate(p, a[0], int(a[1]))),
];
