// execve of one of the host's own programs (a shell, echo...): it runs on the host
// with the guest's stdin, stdout and stderr where they can be handed over (host fds
// directly; in-kernel pipes through buffers), and the guest process ends with its
// status. The emulator waits for it: other guest processes do not run meanwhile.
import { spawnSync, type StdioOptions } from 'node:child_process';
import { constants } from 'node:os';
import type { GuestProcess } from './guest-process.js';
import { SysError, errnoFromNodeCode } from './errno.js';
import type { OpenFile } from './open-file.js';
import { appendToPipe, drainPipe, isPipeEnd } from './pipe.js';
import { exitGroup, killProcess } from './process-exit.js';

type Stdio = 'ignore' | 'pipe' | number;

/** How guest fd `fd` reaches the host program. */
function stdioOf(p: GuestProcess, fd: number): { stdio: Stdio; file: OpenFile | undefined } {
  let file: OpenFile;
  try {
    file = p.fds.get(fd);
  } catch {
    return { stdio: 'ignore', file: undefined };
  }
  if (file.hostFd !== undefined) return { stdio: file.hostFd, file };
  if (isPipeEnd(file)) return { stdio: 'pipe', file };
  return { stdio: 'ignore', file };
}

function environment(envp: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of envp) {
    const i = e.indexOf('=');
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
  }
  return env;
}

/** Runs the host program to its end; the calling guest process ends as it did. */
export function runHostProgram(p: GuestProcess, hostPath: string, argv: readonly string[], envp: readonly string[]): number {
  const io = [0, 1, 2].map((fd) => stdioOf(p, fd));
  const stdin = io[0];
  const input = stdin.stdio === 'pipe' && stdin.file ? drainPipe(stdin.file) : undefined;
  const r = spawnSync(hostPath, argv.slice(1), {
    argv0: argv[0] ?? hostPath,
    cwd: p.cwd,
    env: environment(envp),
    stdio: io.map((x) => x.stdio) as StdioOptions,
    input,
    maxBuffer: 2 ** 31,
  });
  if (r.error) throw new SysError(errnoFromNodeCode((r.error as NodeJS.ErrnoException).code));
  const outputs = [undefined, r.stdout, r.stderr];
  for (const fd of [1, 2]) {
    const { stdio, file } = io[fd];
    const out = outputs[fd];
    if (stdio === 'pipe' && file && out) appendToPipe(file, out);
  }
  const k = p.kernel;
  if (r.signal) killProcess(k, p, constants.signals[r.signal], false);
  else exitGroup(k, p, r.status ?? 0);
  return 0;
}
