// execve of one of the host's own programs (a shell, echo...): the guest process
// becomes it. The program runs on the host (child_process.spawn) while the guest goes
// on; its stdio are the guest's fds 0-2 (host-stdio.ts); signals sent to the guest
// process go to it; when it ends, the guest process ends with its status (wait4 sees
// it) and kernel.hostEvent() wakes whoever waits.
import { spawn, type StdioOptions } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { GuestProcess } from './guest-process.js';
import { pumpFromHost, pumpToHost, stdioOf, type Pump } from './host-stdio.js';
import { leaveOldImage } from './leave-image.js';
import { exitGroup, killProcess } from './process-exit.js';
import type { GuestThread } from './thread.js';
import { forgetTerminalSettings } from './tty.js';
import { WouldBlock } from './wait.js';

/** How often pipes are pumped while a host program runs (ms). */
const PUMP_INTERVAL_MS = 2;
/** How long output may still arrive after the program exited (ms). */
const OUTPUT_GRACE_MS = 100;
/** The status of a program that could not be started at all, as a shell reports it. */
const NOT_STARTED = 127;

function environment(envp: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of envp) {
    const i = e.indexOf('=');
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
  }
  return env;
}

/**
 * Starts the host program in place of the process's image. Past the point of no return
 * as execve is: the calling thread never runs guest code again and the call does not
 * return; the process ends when the program does.
 */
export function runHostProgram(p: GuestProcess, t: GuestThread, hostPath: string, argv: readonly string[], envp: readonly string[]): number {
  const k = p.kernel;
  leaveOldImage(p, t, hostPath, argv, envp);
  const io = [0, 1, 2].map((fd) => stdioOf(p, fd));
  const child = spawn(hostPath, argv.slice(1), {
    argv0: argv[0] ?? hostPath, cwd: p.cwd, env: environment(envp), stdio: io.map((x) => x.stdio) as StdioOptions,
  });
  const changed = (): void => k.hostEvent();
  const pumps: Pump[] = [];
  io.forEach(({ stdio, file }, fd) => {
    if (stdio !== 'pipe' || !file) return;
    const stream = child.stdio[fd];
    if (fd === 0) pumps.push(pumpToHost(file, stream as Writable, changed));
    else pumps.push(pumpFromHost(stream as Readable, file, changed));
  });
  const timer = pumps.length > 0 ? setInterval(() => pumps.forEach((x) => x.step()), PUMP_INTERVAL_MS) : undefined;
  timer?.unref();
  k.scheduler.hostWork++;
  const end = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (p.hostProgram === null) return; // ended already ('error', 'close' or 'exit')
    k.scheduler.hostWork--;
    clearInterval(timer);
    p.hostProgram = null;
    forgetTerminalSettings(k);
    if (p.exitStatus === null) {
      if (signal) killProcess(k, p, constants.signals[signal], false);
      else exitGroup(k, p, code ?? 0);
    }
    k.hostEvent();
  };
  child.on('error', (err) => {
    k.reportOnce(`host-exec:${hostPath}`, `cannot run host program ${hostPath}: ${err.message}`);
    end(NOT_STARTED, null);
  });
  // Its end is 'close' (its output is all in); a program that left a background child
  // holding its stdout has ended all the same a moment after 'exit'.
  child.on('close', end);
  child.on('exit', (code, signal) => setTimeout(() => end(code, signal), OUTPUT_GRACE_MS).unref());
  p.hostProgram = { kill: (sig) => child.kill(sig) };
  throw new WouldBlock({ deadline: Infinity, timeoutResult: 0, restart: 'eintr', uninterruptible: true });
}
