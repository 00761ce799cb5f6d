// Runs one guest program to completion: load it, set up the kernel, then run the
// guest's threads (and the processes it forks) until the first process exits or dies
// of a signal.
import { Kernel, type Outcome } from '../syscalls/kernel.js';
import { hostWritesSettled } from '../syscalls/net/host-writes.js';
import { PathPrefix } from '../syscalls/path-prefix.js';
import { sleepMs } from '../syscalls/sleep.js';
import { CpuState } from '../translate/cpu-state.js';
import { translationCacheFor } from './cache-files.js';
import { cpuHooks } from './cpu-hooks.js';
import { fatalSignalMessage } from './fatal-signal.js';
import { forwardHostSignals } from './host-signals.js';
import { loadProgram } from './load-program.js';
import type { Log } from './log.js';
import { Machine } from './machine.js';
import { programLoader } from './program-loader.js';
import { randomSource } from './random.js';
import type { UserTarget } from './user-target.js';

export type { Outcome } from '../syscalls/kernel.js';
export { LoadError, loadProgram, type LoadedProgram } from './load-program.js';

export interface ProgramOptions {
  /** Host path of the guest executable. */
  path: string;
  argv: string[];
  envp: string[];
  stackSize: number;
  /** -L: the guest sysroot absolute paths (and the interpreter) are looked up in first. */
  prefix?: string;
  seed?: number;
  strace: boolean;
  log: Log;
}

/** Loads the program and sets up the kernel and the run loop, ready to run. */
function startProgram(target: UserTarget, o: ProgramOptions): Machine {
  const prefix = new PathPrefix(o.prefix);
  const random = randomSource(o.seed);
  const program = loadProgram(target, {
    path: o.path, argv: o.argv, envp: o.envp, execfn: o.argv[0] ?? o.path, stackSize: o.stackSize, prefix, random,
  });
  const log = o.log;
  const strace = o.strace || log.has('strace');
  const state = new CpuState(target.ops.slotCount, target.ops.vectorBytes);
  target.setStart(state, program.sp);
  let machine: Machine | undefined;
  const kernel = new Kernel({
    mem: program.mem,
    abi: target.linux,
    brk: program.brk,
    mmapTop: program.mmapTop,
    argv: o.argv,
    envp: o.envp,
    exePath: o.path,
    strace: strace ? (line) => log.write(line) : undefined,
    report: (message) => log.write(`tsqemu: ${message}`),
    random,
    prefix,
    mainState: state,
    cpu: cpuHooks(target),
    sigreturnTrampoline: program.sigreturnTrampoline,
    auxv: program.auxv,
    loader: programLoader(target, o.stackSize, random, (loaded) => machine?.loaded(loaded.mem, loaded.bytes)),
    copied: (parent, child) => machine?.copied(parent, child),
    killed: (p, sig) => {
      // qemu, whose child processes are qemus too, prints its line on their stderr.
      const message = target.coreDumpMessage === false ? undefined : fatalSignalMessage(sig);
      if (message) {
        try {
          p.fds.get(2).write(Buffer.from(message));
        } catch {
          // no stderr to write to
        }
      }
    },
  });
  kernel.process.mainThread.pc = program.entry;
  const observed = log.has('in_asm') || log.has('exec') || log.has('cpu');
  machine = new Machine(target, kernel, log, {
    singleBlock: log.has('exec') || log.has('cpu'),
    onBlock: log.has('in_asm') ? (insns) => log.write(formatBlock(insns)) : undefined,
    onExec: log.has('exec') || log.has('cpu')
      ? (pc, cpu) => {
          if (log.has('cpu')) log.write(target.dumpState(cpu, pc));
          if (log.has('exec')) log.write(`Trace 0: 0x${pc.toString(16).padStart(16, '0')}`);
        }
      : undefined,
  }, (bytes) => (observed ? undefined : translationCacheFor(target.ops.name, target.ops.cpu ?? 'max', bytes)));
  machine.loaded(program.mem, program.bytes);
  return machine;
}

/** Thrown when every guest thread waits for something that can never happen. */
class DeadlockError extends Error {
  constructor() {
    super('deadlock: every guest thread waits for something no other thread can do');
  }
}

/** Runs the program to the end without ever yielding to Node's event loop (no host signals). */
export function runProgram(target: UserTarget, o: ProgramOptions): Outcome {
  const machine = startProgram(target, o);
  try {
    for (;;) {
      const r = machine.run(Infinity);
      if (r === null) continue;
      if ('idleUntil' in r) {
        if (r.idleUntil === Infinity) throw new DeadlockError();
        sleepMs(r.idleUntil - performance.now());
        continue;
      }
      return r;
    }
  } finally {
    machine.saveCaches();
  }
}

/** How long the guest runs before Node's event loop gets a turn (host signals arrive there). */
const SLICE_MS = 20;
/** Waits shorter than this sleep the host thread (timers are coarser); longer ones use a timer. */
const SHORT_SLEEP_MS = 10;

/**
 * Runs the program to the end, forwarding SIGINT, SIGTERM and SIGHUP sent to the
 * emulator to the guest (they are delivered at the next block boundary).
 */
export async function runProgramAsync(target: UserTarget, o: ProgramOptions): Promise<Outcome> {
  const machine = startProgram(target, o);
  let wake: (() => void) | null = null;
  const stop = forwardHostSignals(machine.kernel, () => wake?.());
  try {
    for (;;) {
      const r = machine.run(SLICE_MS);
      if (r === null) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (!('idleUntil' in r)) {
        // What the guest sent through sockets before it ended still reaches the peer.
        await hostWritesSettled();
        return r;
      }
      const ms = r.idleUntil - performance.now();
      if (ms < SHORT_SLEEP_MS) {
        sleepMs(ms);
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Until the first wait ends, or something arrives from outside: a signal, host
      // I/O (forever, if need be).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms === Infinity ? 2 ** 31 - 1 : ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        machine.kernel.onHostEvent(wake);
      });
      wake = null;
      machine.kernel.onHostEvent(null);
    }
  } finally {
    stop();
    machine.saveCaches();
  }
}

function formatBlock(insns: ReadonlyArray<{ pc: number; word: number; text(): string }>): string {
  const lines = insns.map(
    (i) => `0x${i.pc.toString(16).padStart(16, '0')}:  ${(i.word >>> 0).toString(16).padStart(8, '0')}      ${i.text()}`,
  );
  return `----------------\nIN: \n${lines.join('\n')}\n`;
}
