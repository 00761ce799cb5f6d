// execve's way into the loader: guest programs load into a new address space (the
// same code as at start-up), with the errors execve reports for files it cannot run.
import { EM_AARCH64, EM_RISCV, EM_X86_64, ElfError } from '../loader/elf.js';
import { InterpreterError } from '../loader/interp.js';
import { E, SysError } from '../syscalls/errno.js';
import type { LoadedImage, ProgramLoader } from '../syscalls/options.js';
import type { PathPrefix } from '../syscalls/path-prefix.js';
import { loadProgram, LoadError, type LoadedProgram } from './load-program.js';
import type { UserTarget } from './user-target.js';

/** e_machine of the programs this host runs natively. */
export function hostElfMachine(): number | undefined {
  switch (process.arch) {
    case 'x64': return EM_X86_64;
    case 'arm64': return EM_AARCH64;
    case 'riscv64': return EM_RISCV;
    default: return undefined;
  }
}

export function programLoader(
  target: UserTarget,
  stackSize: number,
  random: (buf: Uint8Array) => void,
  loaded: (program: LoadedProgram) => void,
): ProgramLoader {
  return {
    elfMachine: target.elfMachine,
    hostElfMachine: hostElfMachine(),
    load(hostPath: string, argv: readonly string[], envp: readonly string[], execfn: string, prefix: PathPrefix): LoadedImage {
      let program: LoadedProgram;
      try {
        program = loadProgram(target, { path: hostPath, argv, envp, execfn, stackSize, prefix, random });
      } catch (err) {
        // A missing interpreter is ENOENT, as in Linux; a file that is no valid ELF, ENOEXEC.
        if (err instanceof InterpreterError) throw new SysError(/cannot open/.test(err.message) ? E.ENOENT : E.ENOEXEC);
        if (err instanceof ElfError) throw new SysError(E.ENOEXEC);
        if (err instanceof LoadError) throw new SysError(E.ENOENT);
        if (err instanceof RangeError) throw new SysError(E.E2BIG); // arguments larger than the stack
        throw err;
      }
      loaded(program);
      return program;
    },
  };
}
