// How a host program's stdin, stdout and stderr reach the guest's fds 0, 1 and 2: a
// host fd is handed over as it is; an in-kernel pipe end is pumped while the program
// runs (guest writes go to the program's stdin, its output into the guest's pipe), so
// that guest processes can talk to it as it goes. Anything else is /dev/null to it.
import type { Readable, Writable } from 'node:stream';
import type { GuestProcess } from './guest-process.js';
import type { OpenFile } from './open-file.js';
import { appendToPipe, drainPipe, isPipeEnd } from './pipe.js';

export type Stdio = 'ignore' | 'pipe' | number;

/** What guest fd `fd` is to the host program, and the file behind it. */
export function stdioOf(p: GuestProcess, fd: number): { stdio: Stdio; file: OpenFile | undefined } {
  let file: OpenFile;
  try {
    file = p.fds.get(fd);
  } catch {
    return { stdio: 'ignore', file: undefined };
  }
  if (file.hostFd !== undefined) return { stdio: file.hostFd, file };
  if (isPipeEnd(file)) return { stdio: 'pipe', file };
  p.reportOnce('host-stdio', `execve: a host program's fd ${fd} is /dev/null (its guest file cannot be handed over)`);
  return { stdio: 'ignore', file };
}

/** One direction of a pumped pipe; `step` moves what can be moved now. */
export interface Pump {
  step(): void;
}

/**
 * Guest pipe -> the program's stdin: what guest processes write is passed on; when no
 * writer is left and the pipe is empty, the program sees end of file.
 */
export function pumpToHost(pipe: OpenFile, stdin: Writable, changed: () => void): Pump {
  let ended = false;
  stdin.on('error', () => { ended = true; }); // the program closed its stdin: EPIPE is its business
  return {
    step() {
      if (ended) return;
      const data = drainPipe(pipe);
      if (data.length > 0) {
        stdin.write(data);
        changed(); // writers waiting for room may go on
      }
      if (pipe.readiness?.().hangup) {
        ended = true;
        stdin.end();
      }
    },
  };
}

/**
 * The program's stdout or stderr -> guest pipe, paused while the pipe is full; when the
 * guest's readers are all gone, the stream is closed (the program gets EPIPE/SIGPIPE).
 */
export function pumpFromHost(output: Readable, pipe: OpenFile, changed: () => void): Pump {
  output.on('data', (chunk: Buffer) => {
    if (pipe.readiness?.().error) {
      output.destroy();
      return;
    }
    appendToPipe(pipe, chunk);
    if (!pipe.readiness?.().writable) output.pause();
    changed();
  });
  return {
    step() {
      if (output.isPaused() && pipe.readiness?.().writable) output.resume();
    },
  };
}
