// Loading a guest ELF program into a fresh address space, as Linux's execve does: its
// segments, its interpreter, the initial stack, and the signal return trampoline.
// Used at start-up and by execve.
import { readFileSync } from 'node:fs';
import { parseElf, type ElfFile } from '../loader/elf.js';
import { loadImage } from '../loader/image.js';
import { imageFile } from '../loader/image-file.js';
import { loadInterpreter } from '../loader/interp.js';
import {
  AT_BASE, AT_CLKTCK, AT_EGID, AT_ENTRY, AT_EUID, AT_FLAGS, AT_GID, AT_HWCAP, AT_HWCAP2,
  AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_SECURE, AT_UID, buildStack,
} from '../loader/stack.js';
import { AddressSpace, GUARD_SIZE, PAGE_SIZE, PERM_EXEC, PERM_READ, WINDOW_SIZE } from '../memory/address-space.js';
import type { PathPrefix } from '../syscalls/path-prefix.js';
import type { UserTarget } from './user-target.js';

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
  /** The auxiliary vector as written on the stack. */
  auxv: Uint8Array;
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
  const image = loadImage(mem, elf, bytes, undefined, imageFile(spec.path, bytes));
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
    auxv: mem.readBytes(stack.auxvStart, stack.auxvEnd - stack.auxvStart),
  };
}
