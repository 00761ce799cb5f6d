// The program interpreter (PT_INTERP, the dynamic loader): found through the -L prefix,
// validated like the program itself, and mapped at a free base below the mmap area,
// where Linux's first mmap would put it.
import { readFileSync } from 'node:fs';
import type { AddressSpace } from '../memory/address-space.js';
import { errnoFromNodeCode, errnoMessage } from '../syscalls/errno.js';
import type { PathPrefix } from '../syscalls/path-prefix.js';
import { ElfError, parseElf } from './elf.js';
import { findDynBase, loadImage, type LoadedImage } from './image.js';
import { imageFile } from './image-file.js';

/** A problem with the interpreter; the message names it. */
export class InterpreterError extends ElfError {}

export interface LoadedInterpreter extends LoadedImage {
  /** The file actually read (the guest's path under the prefix, or on the host). */
  hostPath: string;
}

export function loadInterpreter(
  mem: AddressSpace, guestPath: string, prefix: PathPrefix, machine: number, top: number,
): LoadedInterpreter {
  const hostPath = prefix.hostPath(guestPath);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(hostPath);
  } catch (err) {
    const text = errnoMessage(errnoFromNodeCode((err as NodeJS.ErrnoException).code));
    const hint = prefix.active ? '' : ' (point -L or QEMU_LD_PREFIX at the guest\'s sysroot)';
    throw new InterpreterError(`cannot open interpreter ${hostPath}: ${text}${hint}`);
  }
  try {
    const elf = parseElf(bytes, machine);
    const base = elf.type === 'dyn' ? findDynBase(mem, elf, top) : 0;
    return { ...loadImage(mem, elf, bytes, base, imageFile(hostPath, bytes)), hostPath };
  } catch (err) {
    if (err instanceof ElfError) throw new InterpreterError(`interpreter ${hostPath}: ${err.message}`);
    throw err;
  }
}
