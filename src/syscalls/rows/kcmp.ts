// kcmp: whether two processes share a kernel object (an open file description, their
// memory, fd table, signal handlers...). Linux orders objects by a scrambled address;
// here each object gets a number the first time it is compared.
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { sys, type SyscallRow } from '../row.js';

const KCMP_FILE = 0, KCMP_VM = 1, KCMP_FILES = 2, KCMP_FS = 3, KCMP_SIGHAND = 4, KCMP_IO = 5, KCMP_SYSVSEM = 6;
const KCMP_EPOLL_TFD = 7;

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

function idOf(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = nextObjectId++));
  return id;
}

/** 0 same, 1 or 2 ordered as the kernel's answer is. */
function order(a: object, b: object): number {
  const x = idOf(a), y = idOf(b);
  return x === y ? 0 : x < y ? 1 : 2;
}

function processOf(p: GuestProcess, pid: number): GuestProcess {
  const q = p.kernel.processOfTask(pid);
  if (!q || pid <= 0) throw new SysError(E.ESRCH);
  return q;
}

function kcmp(p: GuestProcess, pid1: number, pid2: number, type: number, idx1: number, idx2: number): number {
  const a = processOf(p, pid1), b = processOf(p, pid2);
  switch (type) {
    case KCMP_FILE: return order(a.fds.get(idx1), b.fds.get(idx2));
    case KCMP_VM: return order(a.mm, b.mm);
    case KCMP_FILES: return order(a.fds, b.fds);
    case KCMP_SIGHAND: return order(a.actions, b.actions);
    // No process shares its cwd/root, I/O context or semaphore undo list with another here.
    case KCMP_FS: case KCMP_IO: case KCMP_SYSVSEM: return order(a, b);
    case KCMP_EPOLL_TFD:
      p.reportOnce('kcmp:epoll', 'kcmp KCMP_EPOLL_TFD is not supported');
      throw new SysError(E.EOPNOTSUPP);
    default: throw new SysError(E.EINVAL);
  }
}

export const kcmpRows: SyscallRow[] = [
  sys('kcmp', ['int', 'int', 'int', 'long', 'long'], (p, a) => kcmp(p, int(a[0]), int(a[1]), int(a[2]), a[3], a[4])),
];
