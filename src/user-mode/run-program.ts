// Runs one guest program to completion: load, build the stack, then translate and run
// until it exits or dies of a signal.
import { readFileSync } from 'node:fs';
import { parseElf, type ElfFile } from '../loader/elf.js';
import { loadImage } from '../loader/image.js';
import { loadInterpreter } from '../loader/interp.js';
import {
  AT_BASE, AT_CLKTCK, AT_EGID, AT_ENTRY, AT_EUID, AT_FLAGS, AT_GID, AT_HWCAP, AT_HWCAP2,
  AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_SECURE, AT_UID, buildStack,
} from '../loader/stack.js';
import { AddressSpace, GUARD_SIZE, GuestFault, WINDOW_SIZE } from '../memory/address-space.js';
import { GuestExit, Kernel } from '../syscalls/kernel.js';
import { PathPrefix } from '../syscalls/path-prefix.js';
import { CpuState, Exit } from '../translate/cpu-state.js';
import { Translator } from '../translate/translator.js';
import type { Log } from './log.js';
import { translationCacheFor } from './cache-files.js';
import { randomSource } from './random.js';
import type { UserTarget } from './user-target.js';

export const SIGILL = 4, SIGTRAP = 5, SIGSEGV = 11;

export type Outcome = { kind: 'exit'; status: number } | { kind: 'signal'; signal: number };

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

export function runProgram(target: UserTarget, o: ProgramOptions): Outcome {
  const { bytes, elf } = readProgram(o.path, target.elfMachine);
  const prefix = new PathPrefix(o.prefix);
  const mem = new AddressSpace();
  const mmapTop = STACK_TOP - o.stackSize - STACK_GAP;
  const image = loadImage(mem, elf, bytes);
  // A dynamically linked program starts in its interpreter, which maps the rest.
  const interp = elf.interpreter === null
    ? null
    : loadInterpreter(mem, elf.interpreter, prefix, target.elfMachine, mmapTop);
  const random = randomSource(o.seed);
  const atRandom = new Uint8Array(16);
  random(atRandom);
  const uid = process.getuid?.() ?? 0, gid = process.getgid?.() ?? 0;
  const stack = buildStack(mem, {
    top: STACK_TOP,
    size: o.stackSize,
    argv: o.argv,
    envp: o.envp,
    execfn: o.argv[0] ?? o.path,
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
  const log = o.log;
  const strace = o.strace || log.has('strace');
  const state = new CpuState(target.ops.slotCount, target.ops.vectorBytes);
  target.setStart(state, stack.sp);
  const kernel = new Kernel({
    mem,
    abi: target.linux,
    brk: image.end,
    mmapTop,
    argv: o.argv,
    envp: o.envp,
    exePath: o.path,
    strace: strace ? (line) => log.write(line) : undefined,
    report: (message) => log.write(`tsqemu: ${message}`),
    random,
    prefix,
    mainState: state,
    threads: { cloneState: (parent, sp, tls) => cloneState(target, parent, sp, tls) },
  });
  const observed = log.has('in_asm') || log.has('exec') || log.has('cpu');
  const cache = observed ? undefined : translationCacheFor(target.ops.name, 'max', bytes);
  const translator = new Translator(target.ops, mem, {
    cache,
    singleBlock: log.has('exec') || log.has('cpu'),
    onBlock: log.has('in_asm') ? (insns) => log.write(formatBlock(insns)) : undefined,
    onExec: log.has('exec') || log.has('cpu')
      ? (pc, cpu) => {
          if (log.has('cpu')) log.write(target.dumpState(cpu, pc));
          if (log.has('exec')) log.write(`Trace 0: 0x${pc.toString(16).padStart(16, '0')}`);
        }
      : undefined,
  });
  kernel.process.mainThread.pc = interp?.entry ?? image.entry;
  try {
    return runThreads(target, translator, kernel, mem, log);
  } finally {
    cache?.save();
  }
}

/** Regions a thread runs before the next one gets the CPU (when there is another). */
const TIME_SLICE = 2000;

/** Runs the process's threads until it exits or dies of a signal. */
function runThreads(target: UserTarget, translator: Translator, kernel: Kernel, mem: AddressSpace, log: Log): Outcome {
  const args = new Float64Array(6);
  const scheduler = kernel.process.scheduler;
  for (;;) {
    const t = scheduler.next();
    if (!t) throw new Error('deadlock: every guest thread waits on a futex without a timeout');
    if (t.pendingResult !== null) {
      target.setSyscallResult(t.state, t.pendingResult);
      t.pendingResult = null;
    }
    t.yielded = false;
    const state = t.state;
    do {
      try {
        t.pc = translator.run(state, t.pc, scheduler.count > 1 ? TIME_SLICE : Infinity);
      } catch (err) {
        if (err instanceof GuestFault) return { kind: 'signal', signal: SIGSEGV };
        throw err;
      }
      const exc = state.exc;
      state.exc = Exit.None;
      if (exc === Exit.Syscall) {
        target.syscallArgs(state, args);
        let result: number;
        try {
          result = kernel.syscall(target.syscallNumber(state), args, t);
        } catch (err) {
          if (err instanceof GuestExit) return { kind: 'exit', status: err.status };
          throw err;
        }
        if (!t.waiting && !t.exited) target.setSyscallResult(state, result);
      } else if (exc === Exit.Illegal) {
        if (log.has('unimp')) {
          const word = mem.view.getUint32(t.pc, true).toString(16).padStart(8, '0');
          log.write(`unimplemented instruction 0x${word} at 0x${t.pc.toString(16)}`);
        }
        return { kind: 'signal', signal: SIGILL };
      } else if (exc === Exit.Breakpoint) {
        return { kind: 'signal', signal: SIGTRAP };
      } else {
        break; // time slice used up
      }
    } while (!t.waiting && !t.exited && !t.yielded);
  }
}

/** A new thread's registers: the parent's, with its own stack, TLS and a 0 clone result. */
function cloneState(target: UserTarget, parent: CpuState, sp: number, tls: number | undefined): CpuState {
  const child = new CpuState(target.ops.slotCount, target.ops.vectorBytes);
  child.r.set(parent.r);
  child.v8.set(parent.v8);
  const setPair = (slot: number, v: number): void => {
    child.r[slot] = v % 2 ** 32 | 0;
    child.r[slot + 1] = Math.floor(v / 2 ** 32) | 0;
  };
  if (sp) setPair(target.stackPointerSlot, sp);
  if (tls !== undefined) setPair(target.threadPointerSlot, tls);
  target.setSyscallResult(child, 0);
  return child;
}

function formatBlock(insns: ReadonlyArray<{ pc: number; word: number; text(): string }>): string {
  const lines = insns.map(
    (i) => `0x${i.pc.toString(16).padStart(16, '0')}:  ${(i.word >>> 0).toString(16).padStart(8, '0')}      ${i.text()}`,
  );
  return `----------------\nIN: \n${lines.join('\n')}\n`;
}
