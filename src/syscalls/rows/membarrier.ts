// membarrier: every guest thread runs on the one host thread, between regions, so each
// barrier is already satisfied when the call is made; what remains is the bookkeeping
// Linux checks (registration before the private expedited commands).
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { Mm } from '../mm.js';
import { sys, type SyscallRow } from '../row.js';

const QUERY = 0;
const GLOBAL = 1 << 0;
const GLOBAL_EXPEDITED = 1 << 1;
const REGISTER_GLOBAL_EXPEDITED = 1 << 2;
const PRIVATE_EXPEDITED = 1 << 3;
const REGISTER_PRIVATE_EXPEDITED = 1 << 4;
const PRIVATE_EXPEDITED_SYNC_CORE = 1 << 5;
const REGISTER_PRIVATE_EXPEDITED_SYNC_CORE = 1 << 6;
const GET_REGISTRATIONS = 1 << 9;
/** The rseq commands are left out: rseq itself is not offered. */
const SUPPORTED = GLOBAL | GLOBAL_EXPEDITED | REGISTER_GLOBAL_EXPEDITED | PRIVATE_EXPEDITED
  | REGISTER_PRIVATE_EXPEDITED | PRIVATE_EXPEDITED_SYNC_CORE | REGISTER_PRIVATE_EXPEDITED_SYNC_CORE | GET_REGISTRATIONS;

/** The REGISTER_* commands an address space has made (a new one, after fork or exec, has none). */
const registrations = new WeakMap<Mm, number>();

/** What each expedited command needs registered first. */
const NEEDS: ReadonlyMap<number, number> = new Map([
  [PRIVATE_EXPEDITED, REGISTER_PRIVATE_EXPEDITED],
  [PRIVATE_EXPEDITED_SYNC_CORE, REGISTER_PRIVATE_EXPEDITED_SYNC_CORE],
]);
const REGISTERS = REGISTER_GLOBAL_EXPEDITED | REGISTER_PRIVATE_EXPEDITED | REGISTER_PRIVATE_EXPEDITED_SYNC_CORE;

function membarrier(p: GuestProcess, cmd: number, flags: number): number {
  if (flags !== 0) throw new SysError(E.EINVAL);
  const registered = registrations.get(p.mm) ?? 0;
  if (cmd === QUERY) return SUPPORTED;
  if (cmd === GET_REGISTRATIONS) return registered;
  if ((cmd & SUPPORTED) === 0 || (cmd & (cmd - 1)) !== 0) throw new SysError(E.EINVAL);
  if (cmd & REGISTERS) {
    registrations.set(p.mm, registered | cmd);
    return 0;
  }
  const needed = NEEDS.get(cmd);
  if (needed !== undefined && !(registered & needed)) throw new SysError(E.EPERM);
  return 0;
}

export const membarrierRows: SyscallRow[] = [
  sys('membarrier', ['int', 'hex', 'int'], (p, a) => membarrier(p, int(a[0]), int(a[1]))),
];
