// execve: the process gets a new program image in place. The file decides how:
//   "#!interpreter [arg]"  the interpreter runs with the script's path (up to 4 levels);
//   a guest ELF            loaded by the emulator into a new address space;
//   a host ELF             run on the host (host-exec.ts); the process ends with its status.
// Everything that can fail is checked before the old image is given up: a failed
// execve returns an error to the unchanged caller.
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { commFromPath } from './comm.js';
import { AT_FDCWD } from './constants.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { runHostProgram } from './host-exec.js';
import { leaveOldImage } from './leave-image.js';
import { MemoryMap } from './memory-map.js';
import { Mm } from './mm.js';
import type { LoadedImage } from './options.js';
import { readGuestPath, resolveAt } from './paths.js';
import { NO_ALT_STACK, type GuestThread } from './thread.js';

/** Bytes of the file execve looks at to recognize it (Linux's BINPRM_BUF_SIZE). */
const HEAD_SIZE = 256;
/** Interpreters of interpreters... Linux gives up after this many. */
const MAX_DEPTH = 4;
/** What argv and envp may take together (Linux: a quarter of the stack limit). */
const MAX_ARG_BYTES = 2 * 1024 * 1024;
const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

/** A NULL-terminated array of string pointers (argv, envp). */
export function readStringArray(p: GuestProcess, addr: number, budget: { left: number }): string[] {
  const out: string[] = [];
  if (!addr) return out;
  for (let i = 0; ; i++) {
    const ptr = p.mem.readU64(addr + 8 * i);
    if (!ptr) return out;
    const s = p.mem.readCString(ptr, MAX_ARG_BYTES);
    budget.left -= Buffer.byteLength(s) + 1 + 8;
    if (budget.left < 0) throw new SysError(E.E2BIG);
    out.push(s);
  }
}

/** The first bytes of an executable file (EACCES for what cannot be executed). */
function readHead(hostPath: string): Uint8Array {
  const st = statSync(hostPath); // ENOENT, ENOTDIR, ELOOP ...
  if (!st.isFile()) throw new SysError(E.EACCES);
  accessSync(hostPath, constants.X_OK);
  const fd = openSync(hostPath, 'r');
  try {
    const head = new Uint8Array(HEAD_SIZE);
    return head.subarray(0, readSync(fd, head, 0, HEAD_SIZE, 0));
  } finally {
    closeSync(fd);
  }
}

/** A "#!" line: the interpreter and its one optional argument. */
function parseShebang(head: Uint8Array): { interpreter: string; arg: string | undefined } {
  const text = Buffer.from(head.subarray(2)).toString('latin1');
  const nl = text.indexOf('\n');
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  if (nl < 0 && head.length === HEAD_SIZE) throw new SysError(E.ENOEXEC); // the line does not fit
  const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (!m) throw new SysError(E.ENOEXEC);
  return { interpreter: m[1], arg: m[2] };
}

type Program =
  | { kind: 'guest'; image: LoadedImage; hostPath: string; argv: string[] }
  | { kind: 'host'; hostPath: string; argv: string[] };

/** What running `filename` (at `hostPath`) with `argv` amounts to. */
function recognize(p: GuestProcess, filename: string, hostPath: string, argv: string[], envp: string[], depth: number): Program {
  const head = readHead(hostPath);
  if (head[0] === 0x23 && head[1] === 0x21) {
    if (depth >= MAX_DEPTH) throw new SysError(E.ELOOP);
    const { interpreter, arg } = parseShebang(head);
    const next = [interpreter, ...(arg !== undefined ? [arg] : []), filename, ...argv.slice(1)];
    return recognize(p, interpreter, resolveAt(p, AT_FDCWD, interpreter), next, envp, depth + 1);
  }
  if (head.length < 20 || ELF_MAGIC.some((b, i) => head[i] !== b)) throw new SysError(E.ENOEXEC);
  const machine = head[18] | (head[19] << 8);
  const loader = p.kernel.options.loader;
  if (loader && machine === loader.elfMachine) {
    return { kind: 'guest', image: loader.load(hostPath, argv, envp, filename, p.prefix), hostPath, argv };
  }
  if (loader && machine === loader.hostElfMachine) return { kind: 'host', hostPath, argv };
  throw new SysError(E.ENOEXEC);
}

/** execve / execveat. */
export function execve(p: GuestProcess, t: GuestThread, dirfd: number, pathAddr: number, argvAddr: number, envpAddr: number): number {
  const filename = readGuestPath(p, pathAddr);
  const budget = { left: MAX_ARG_BYTES };
  const argv = readStringArray(p, argvAddr, budget);
  const envp = readStringArray(p, envpAddr, budget);
  const program = recognize(p, filename, resolveAt(p, dirfd, filename), argv, envp, 0);
  t.comm = commFromPath(filename); // nothing fails from here on
  if (program.kind === 'host') return runHostProgram(p, t, program.hostPath, program.argv, envp);
  leaveOldImage(p, t, program.hostPath, program.argv, envp);
  replaceImage(p, t, program.image);
  return 0;
}

/** The point of no return: the process runs `image`, with one thread. */
function replaceImage(p: GuestProcess, t: GuestThread, image: LoadedImage): void {
  const k = p.kernel;
  const archProt = p.abi.archProt.reduce((bits, [bit]) => bits | bit, 0);
  p.mm = new Mm(image.mem, new MemoryMap(image.mem, image.brk, image.mmapTop, archProt), image.sigreturnTrampoline, image.auxv);
  // Handlers shared with another process (CLONE_SIGHAND) become the process's own.
  if ([...k.processes].some((q) => q !== p && q.exitStatus === null && q.actions === p.actions)) p.actions = p.actions.copy();
  p.actions.resetHandlers();
  t.altStack = NO_ALT_STACK;
  t.savedMask = null;
  t.tid = p.pid; // the thread that exec'd becomes the process's main thread
  k.cpu!.resetState(t.state, image.sp);
  t.pc = image.entry;
  t.keepRegisters = true;
}
