// capget/capset: the v1 (32-bit) and v2/v3 (64-bit) header and data layouts.
import { defaultCapabilities, mayChangeCapabilities, type CapabilitySets } from '../capabilities.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { sys, type SyscallRow } from '../row.js';

const CAP_V1 = 0x19980330, CAP_V2 = 0x20071026, CAP_V3 = 0x20080522;
/** struct __user_cap_data_struct: effective, permitted, inheritable (u32 each). */
const DATA_SIZE = 12;

/** How many 32-bit data structs the header's version uses; a wrong one gets V3 written back. */
function dataWords(p: GuestProcess, header: number): number {
  const version = p.mem.read32(header) >>> 0;
  if (version === CAP_V1) return 1;
  if (version === CAP_V2 || version === CAP_V3) return 2;
  p.mem.write32(header, CAP_V3);
  throw new SysError(E.EINVAL);
}

/** The process the header's pid names: the caller (0 or its own) or another one. */
function targetOf(p: GuestProcess, header: number): GuestProcess {
  const pid = p.mem.read32(header + 4);
  if (pid < 0) throw new SysError(E.EINVAL);
  if (pid === 0) return p;
  const q = p.kernel.processOfTask(pid);
  if (!q) throw new SysError(E.ESRCH);
  return q;
}

const setsOf = (q: GuestProcess): CapabilitySets => q.creds.capabilities ?? defaultCapabilities(q.creds.uid.effective);

function capget(p: GuestProcess, header: number, data: number): number {
  let words: number;
  try {
    words = dataWords(p, header);
  } catch (err) {
    if (data === 0) return 0; // a version probe
    throw err;
  }
  const sets = setsOf(targetOf(p, header));
  if (data === 0) return 0;
  const order = [sets.effective, sets.permitted, sets.inheritable];
  for (let w = 0; w < words; w++) {
    order.forEach((set, i) => p.mem.write32(data + w * DATA_SIZE + i * 4, Number((set >> BigInt(32 * w)) & 0xffffffffn) | 0));
  }
  return 0;
}

function capset(p: GuestProcess, header: number, data: number): number {
  const words = dataWords(p, header);
  if (targetOf(p, header) !== p) throw new SysError(E.EPERM); // only one's own
  const read = (i: number): bigint => {
    let v = 0n;
    for (let w = 0; w < words; w++) v |= BigInt(p.mem.read32(data + w * DATA_SIZE + i * 4) >>> 0) << BigInt(32 * w);
    return v;
  };
  const next = { effective: read(0), permitted: read(1), inheritable: read(2) };
  if (!mayChangeCapabilities(setsOf(p), next)) throw new SysError(E.EPERM);
  p.creds.capabilities = next;
  return 0;
}

export const capabilityRows: SyscallRow[] = [
  sys('capget', ['ptr', 'ptr'], (p, a) => capget(p, a[0], a[1])),
  sys('capset', ['ptr', 'ptr'], (p, a) => capset(p, a[0], a[1])),
];
