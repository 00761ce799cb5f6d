// memfd_create's anonymous files: a host temporary file, unlinked as soon as it is
// made, so that read, write, ftruncate, fstat and mmap (private or shared) all work as
// on any host file; only its name is the guest's ("/memfd:NAME (deleted)"). File seals
// (F_ADD_SEALS) are kept and enforced here: writes, growth, shrinking, shared writable
// mappings.
import { closeSync, fstatSync, openSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FCNTL, SEEK } from './constants.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { HostFile } from './host-file.js';
import type { OpenFile } from './open-file.js';
import type { OpenFlagBits } from './open-flags.js';
import { O_RDONLY, O_RDWR } from './open-flags.js';

// F_SEAL_* (include/uapi/linux/fcntl.h)
const F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8, F_SEAL_FUTURE_WRITE = 0x10;
const ALL_SEALS = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE;
const NO_WRITES = F_SEAL_WRITE | F_SEAL_FUTURE_WRITE;

let made = 0;

export class MemfdFile extends HostFile {
  /** What /proc/<pid>/fd/N and /proc/<pid>/maps show for it. */
  readonly procLink: string;
  /** F_SEAL_* bits; without MFD_ALLOW_SEALING it is born sealed against more seals. */
  seals: number;
  private readonly appendBit: number;

  constructor(name: string, bits: OpenFlagBits, allowSealing: boolean) {
    const hostPath = join(tmpdir(), `tsqemu-memfd-${process.pid}-${made++}`);
    const fd = openSync(hostPath, 'wx+', 0o600);
    try {
      unlinkSync(hostPath);
      super(fd, O_RDWR | bits.largefile, undefined, bits);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    this.procLink = `/memfd:${name} (deleted)`;
    this.seals = allowSealing ? 0 : F_SEAL_SEAL;
    this.appendBit = bits.append;
  }

  override write(src: Uint8Array, at?: number): number {
    if (this.seals & NO_WRITES) throw new SysError(E.EPERM);
    if (this.seals & F_SEAL_GROW) {
      const size = this.size();
      const start = at ?? (this.flags & this.appendBit ? size : this.seek(0, SEEK.SEEK_CUR));
      if (start + src.length > size) throw new SysError(E.EPERM);
    }
    return super.write(src, at);
  }

  /** ftruncate to `length`: refused by the shrink and grow seals. */
  checkTruncate(length: number): void {
    const size = this.size();
    if ((length < size && this.seals & F_SEAL_SHRINK) || (length > size && this.seals & F_SEAL_GROW)) {
      throw new SysError(E.EPERM);
    }
  }

  /** mmap MAP_SHARED with PROT_WRITE: refused once writes are sealed. */
  checkSharedWritable(): void {
    if (this.seals & NO_WRITES) throw new SysError(E.EPERM);
  }

  private size(): number {
    return Number(fstatSync(this.hostFd).size);
  }
}

/** fcntl's F_ADD_SEALS and F_GET_SEALS; undefined for other commands. */
export function fcntlSeals(p: GuestProcess, file: OpenFile, cmd: number, arg: number): number | undefined {
  if (cmd !== FCNTL.F_ADD_SEALS && cmd !== FCNTL.F_GET_SEALS) return undefined;
  if (!(file instanceof MemfdFile)) throw new SysError(E.EINVAL);
  if (cmd === FCNTL.F_GET_SEALS) return file.seals;
  const seals = arg | 0;
  if (seals & ~ALL_SEALS) throw new SysError(E.EINVAL);
  if ((file.flags & p.abi.openFlags.accmode) === O_RDONLY) throw new SysError(E.EPERM);
  if (file.seals & F_SEAL_SEAL) throw new SysError(E.EPERM);
  if (seals & F_SEAL_WRITE && p.kernel.shared.mappedWritable(file)) throw new SysError(E.EBUSY);
  file.seals |= seals;
  return 0;
}
