// A pidfd: a file that stands for a process (pidfd_open, clone's CLONE_PIDFD). It is
// readable, for poll and epoll, once the process has ended; read and write are EINVAL.
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import type { OpenFile, Readiness } from './open-file.js';

export class PidFd extends AnonFile {
  constructor(readonly process: GuestProcess, statusFlags: number, nonblock: number) {
    super('pidfd', statusFlags, nonblock);
  }

  read(): number {
    throw new SysError(E.EINVAL);
  }

  readiness(): Readiness {
    return { readable: this.process.exitStatus !== null, writable: false, hangup: false, error: false };
  }
}

/** The process `file` stands for (EBADF when it is not a pidfd). */
export function pidfdProcess(file: OpenFile): GuestProcess {
  if (!(file instanceof PidFd)) throw new SysError(E.EBADF);
  return file.process;
}
