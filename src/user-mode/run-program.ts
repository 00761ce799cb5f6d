// Runs one guest program to completion: load it, set up the kernel, then run the
// guest's threads (and the processes it forks) until the first process exits or dies
// of a signal.
import { readFileSync } from 'node:fs';
import { parseElf, type ElfFile } from '../loader/elf.js';
import { loadImage } from '../loader/image.js';
import { loadInterpreter } from '../loader/interp.js';
import {
  AT_BASE, AT_CLKTCK, AT_EGID, AT_ENTRY, AT_EUID, AT_FLAGS, AT_GID, AT_HWCAP, AT_HWCAP2,
  AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_SECURE, AT_UID, buildStack,
} from '../loader/stack.js';
import { AddressSpace, GUARD_SIZE, PAGE_SIZE, PERM_EXEC, PERM_READ, WINDOW_SIZE } from '../memory/address-space.js';
import { Kernel, type Outcome } from '../syscalls/kernel.js';
import { PathPrefix } from '../syscalls/path-prefix.js';
import { sleepMs } from '../syscalls/sleep.js';
import { CpuState } from '../translate/cpu-state.js';
import { translationCacheFor } from './cache-files.js';
import { cpuHooks } from './cpu-hooks.js';
import { forwardHostSignals } from './host-signals.js';
import type { Log } from './log.js';
import { Machine } from './machine.js';
import { randomSource } from './random.js';
import type { UserTarget } from './user-target.js';

export type { Outcome } from '../syscalls/kernel.js';

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

/** The stack sits just below the top guard; mmap allocations grow down beneath it. */
const STACK_TOP = WINDOW_SIZE - GUARD_SIZE;
const STACK_GAP = 0x100000;

/** Thrown for files that cannot be run: the CLI prints "<file>: <message>". */
export class LoadError extends Error {}

function readProgram(path: string, machine: number): { bytes: Uint8Array; elf: ElfFile } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LoadError(code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : `cannot read (${code})`);
  }
  return { bytes, elf: parseElf(bytes, machine) };
}

/** What to load: the program, its arguments, and where its stack goes. */
export interface ImageSpec {
  /** Host path of the executable. */
  path: string;
  argv: readonly string[];
  envp: readonly string[];
  /** AT_EXECFN: the name the program was run by. */
  execfn: string;
  stackSize: number;
  prefix: PathPrefix;
  random: (buf: Uint8Array) => void;
}

/** A program loaded into a fresh address space, ready to start. */
export interface LoadedProgram {
  mem: AddressSpace;
  /** The initial program break. */
  brk: number;
  /** mmap places mappings below this address. */
  mmapTop: number;
  /** The page holding the signal return trampoline. */
  sigreturnTrampoline: number;
  /** The first instruction: the interpreter's entry, or the program's. */
  entry: number;
  /** The initial stack pointer (argc, argv, envp, auxv). */
  sp: number;
  /** The executable's bytes (what its translation cache is keyed by). */
  bytes: Uint8Array;
}

/**
 * Loads a guest ELF program as Linux's execve would: its segments, its interpreter
 * (PT_INTERP, through the -L prefix), the initial stack, and the signal trampoline.
 * Used at start-up and by execve.
 */
export function loadProgram(target: UserTarget, spec: ImageSpec): LoadedProgram {
  const { bytes, elf } = readProgram(spec.path, target.elfMachine);
  const mem = new AddressSpace();
  const mmapTop = STACK_TOP - spec.stackSize - STACK_GAP;
  const image = loadImage(mem, elf, bytes);
  // A dynamically linked program starts in its interpreter, which maps the rest.
  const interp = elf.interpreter === null
    ? null
    : loadInterpreter(mem, elf.interpreter, spec.prefix, target.elfMachine, mmapTop);
  const atRandom = new Uint8Array(16);
  spec.random(atRandom);
  const uid = process.getuid?.() ?? 0, gid = process.getgid?.() ?? 0;
  const stack = buildStack(mem, {
    top: STACK_TOP,
    size: spec.stackSize,
    argv: spec.argv,
    envp: spec.envp,
    execfn: spec.execfn,
    platform: target.platform,
    random: atRandom,
    auxv: [
      [AT_PHDR, image.phdr], [AT_PHENT, elf.phentsize], [AT_PHNUM, elf.phnum], [AT_PAGESZ, 4096],
      [AT_BASE, interp?.bias ?? 0], [AT_FLAGS, 0], [AT_ENTRY, image.entry], [AT_UID, uid], [AT_EUID, uid],
      [AT_GID, gid], [AT_EGID, gid], [AT_SECURE, 0], [AT_HWCAP, target.hwcap],
      ...(target.hwcap2 !== undefined ? [[AT_HWCAP2, target.hwcap2] as const] : []),
      [AT_CLKTCK, 100], ...target.extraAuxv,
    ],
  });
  // The trampoline page sits in the gap between the mmap area and the stack, so that
  // it moves no mapping from where Linux would put it.
  const trampoline = mmapTop;
  mem.map(trampoline, PAGE_SIZE, PERM_READ | PERM_EXEC, '[sigpage]');
  mem.poke(trampoline, target.signalFrame.trampoline);
  return {
    mem, brk: image.end, mmapTop, sigreturnTrampoline: trampoline, entry: interp?.entry ?? image.entry, sp: stack.sp, bytes,
  };
}

/** Loads the program and sets up the kernel and the run loop, ready to run. */
export function startProgram(target: UserTarget, o: ProgramOptions): Machine {
  const prefix = new PathPrefix(o.prefix);
  const random = randomSource(o.seed);
  const program = loadProgram(target, {
    path: o.path, argv: o.argv, envp: o.envp, execfn: o.argv[0] ?? o.path, stackSize: o.stackSize, prefix, random,
  });
  const log = o.log;
  const strace = o.strace || log.has('strace');
  const state = new CpuState(target.ops.slotCount, target.ops.vectorBytes);
  target.setStart(state, program.sp);
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
  });
  kernel.process.mainThread.pc = program.entry;
  const observed = log.has('in_asm') || log.has('exec') || log.has('cpu');
  const machine = new Machine(target, kernel, log, {
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
export class DeadlockError extends Error {
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
      if (!('idleUntil' in r)) return r;
      const ms = r.idleUntil - performance.now();
      if (ms < SHORT_SLEEP_MS) {
        sleepMs(ms);
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Until the first wait ends, or a signal arrives from outside (forever, if need be).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms === Infinity ? 2 ** 31 - 1 : ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
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
