// memfd_create's anonymous files: a host temporary file, unlinked as soon as it is
// made, so that read, write, ftruncate, fstat and mmap (private or shared) all work as
// on any host file; only its name is the guest's ("/memfd:NAME (deleted)").
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostFile } from './host-file.js';
import type { OpenFlagBits } from './open-flags.js';
import { O_RDWR } from './open-flags.js';

let made = 0;

export class MemfdFile extends HostFile {
  /** What /proc/<pid>/fd/N and /proc/<pid>/maps show for it. */
  readonly procLink: string;

  constructor(name: string, bits: OpenFlagBits) {
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
  }
}
