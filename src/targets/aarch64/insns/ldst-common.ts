// Addressing and multi-word memory access shared by the load/store groups.
//
// An access is emitted in this order, so a faulting access leaves every register as it
// was and a load's base register can be its destination:
//   setup (address into temps) → access (loaded values into temps) → wbCompute (new base
//   into temps) → destination registers → wbAssign (base register).
import { GUARD_SIZE, PERM_CODE, PERM_READ, PERM_WRITE } from '../../../memory/address-space.js';
import type { Emitter } from '../../../translate/emitter.js';
import { emitLoad, emitStore, type Address } from '../../../translate/memory-emit.js';
import { add64 } from '../alu.js';
import { hi, hiSp, lo, loSp, setXSp, wName, xName, xSpName } from '../regs.js';

export const enum Index {
  Offset = 0,
  Post = 1,
  Pre = 2,
}

export interface Access {
  setup: string;
  addr: Address;
  wbCompute: string;
  wbAssign: string;
}

/** Writes back base + (lo, hi) to Xn|SP. */
function writeback(e: Emitter, rn: number, incLo: string, incHi: string): { wbCompute: string; wbAssign: string } {
  const r = add64(e, { lo: loSp(e, rn), hi: hiSp(e, rn) }, { lo: incLo, hi: incHi });
  return { wbCompute: r.code, wbAssign: setXSp(e, rn, r.lo, r.hi) };
}

/** [Xn|SP, #imm], [Xn|SP, #imm]! or [Xn|SP], #imm. */
export function immAccess(e: Emitter, rn: number, imm: number, index: Index): Access {
  const addr = { lo: loSp(e, rn), hi: hiSp(e, rn), off: index === Index.Post ? 0 : imm };
  if (index === Index.Offset) return { setup: '', addr, wbCompute: '', wbAssign: '' };
  return { setup: '', addr, ...writeback(e, rn, String(imm | 0), imm < 0 ? '-1' : '0') };
}

/** [Xn|SP], then Xn += Xm (rm != 31) or += imm (rm == 31): the SIMD structure post-index. */
export function postIndexAccess(e: Emitter, rn: number, post: boolean, rm: number, imm: number): Access {
  const addr = { lo: loSp(e, rn), hi: hiSp(e, rn), off: 0 };
  if (!post) return { setup: '', addr, wbCompute: '', wbAssign: '' };
  const wb = rm === 31 ? writeback(e, rn, String(imm), '0') : writeback(e, rn, lo(e, rm), hi(e, rm));
  return { setup: '', addr, ...wb };
}

/** Register-offset option field values. */
export const UXTW = 2, LSL = 3, SXTW = 6, SXTX = 7;

/** [Xn|SP, Rm{, extend {#shift}}]: the 64-bit address computed inline. */
export function regAccess(e: Emitter, rn: number, rm: number, option: number, shift: number): Access {
  const ml = lo(e, rm);
  let offLo = shift ? `(${ml} << ${shift})` : ml;
  let offHi: string;
  if (option === UXTW) offHi = shift ? `(${ml} >>> ${32 - shift})` : '0';
  else if (option === SXTW) offHi = shift ? `(${ml} >> ${32 - shift})` : `(${ml} >> 31)`;
  else {
    const mh = hi(e, rm);
    offHi = shift ? `((${mh} << ${shift}) | (${ml} >>> ${32 - shift}))` : mh;
  }
  if (rm === 31) offLo = offHi = '0';
  const r = add64(e, { lo: loSp(e, rn), hi: hiSp(e, rn) }, { lo: offLo, hi: offHi });
  return { setup: r.code, addr: { lo: r.lo, hi: r.hi, off: 0 }, wbCompute: '', wbAssign: '' };
}

/** A constant address (PC-relative literal). */
export function constAccess(address: number): Access {
  const addr = { lo: String(address | 0), hi: String(Math.floor(address / 2 ** 32) | 0), off: 0 };
  return { setup: '', addr, wbCompute: '', wbAssign: '' };
}

/**
 * Loads `bytes` (4 or a multiple of 8) contiguous bytes into int32 temps, little-endian
 * word order. Blocks larger than 8 bytes take one permission check on the fast path.
 */
export function loadWords(e: Emitter, a: Address, bytes: number): { code: string; words: string[] } {
  if (bytes === 4) {
    const r = emitLoad(e, 4, a);
    return { code: r.code, words: [r.lo] };
  }
  if (bytes === 8) {
    const r = emitLoad(e, 8, a);
    return { code: r.code, words: [r.lo, r.hi] };
  }
  if (Math.abs(a.off) >= GUARD_SIZE) throw new RangeError(`offset ${a.off} too large for the inline path`);
  const t = e.tmp();
  const words = Array.from({ length: bytes / 4 }, () => e.tmp());
  const fast = words.map((w, i) => `${w} = DV.getInt32(${t}${i ? ` + ${4 * i}` : ''}, true);`).join(' ');
  const slow: string[] = [];
  for (let i = 0; i < words.length; i += 2) {
    slow.push(`${words[i]} = M.load64(${a.lo}, ${a.hi}, ${a.off + 4 * i}, ${e.pc}); ${words[i + 1]} = M.hi;`);
  }
  if (e.compact) return { code: slow.join(' '), words };
  const check = `${a.hi} === 0 && (P[${t} >>> 12] & ${PERM_READ}) !== 0 && (${t} & 4095) <= ${4096 - bytes}`;
  const code = `${t} = (${a.lo} + ${a.off}) >>> 0;\nif (${check}) { ${fast} } else { ${slow.join(' ')} }`;
  return { code, words };
}

/** Stores int32 word expressions (1 or an even count) contiguously; the counterpart of loadWords. */
export function storeWords(e: Emitter, a: Address, words: readonly string[]): string {
  if (words.length === 1) return emitStore(e, 4, a, words[0]);
  if (words.length === 2) return emitStore(e, 8, a, words[0], words[1]);
  const bytes = 4 * words.length;
  if (Math.abs(a.off) >= GUARD_SIZE) throw new RangeError(`offset ${a.off} too large for the inline path`);
  const t = e.tmp();
  const fast = words.map((w, i) => `DV.setInt32(${t}${i ? ` + ${4 * i}` : ''}, ${w}, true);`).join(' ');
  const slow: string[] = [];
  for (let i = 0; i < words.length; i += 2) {
    slow.push(`M.store64(${a.lo}, ${a.hi}, ${a.off + 4 * i}, ${words[i]}, ${words[i + 1]}, ${e.pc});`);
  }
  if (e.compact) return slow.join(' ');
  const check = `${a.hi} === 0 && (P[${t} >>> 12] & ${PERM_WRITE | PERM_CODE}) === ${PERM_WRITE} && (${t} & 4095) <= ${4096 - bytes}`;
  return `${t} = (${a.lo} + ${a.off}) >>> 0;\nif (${check}) { ${fast} } else { ${slow.join(' ')} }`;
}

/** Joins the non-empty parts of an emitted instruction. */
export const seq = (...parts: string[]): string => parts.filter((p) => p).join('\n');

// ---- disassembly ----

export function immOperand(rn: number, imm: number, index: Index): string {
  const base = xSpName(rn);
  if (index === Index.Post) return `[${base}], #${imm}`;
  if (index === Index.Pre) return `[${base}, #${imm}]!`;
  return imm === 0 ? `[${base}]` : `[${base}, #${imm}]`;
}

export function regOperand(rn: number, rm: number, option: number, s: number, scale: number): string {
  const amount = s ? ` #${scale}` : '';
  const base = xSpName(rn);
  if (option === LSL) return s ? `[${base}, ${xName(rm)}, lsl #${scale}]` : `[${base}, ${xName(rm)}]`;
  if (option === SXTX) return `[${base}, ${xName(rm)}, sxtx${amount}]`;
  return `[${base}, ${wName(rm)}, ${option === UXTW ? 'uxtw' : 'sxtw'}${amount}]`;
}

/** Pattern `idx` field of the imm9 forms (bits 11..10): 00 unscaled, 01 post, 10 unprivileged, 11 pre. */
export const imm9Index = (idx: number): Index => (idx === 1 ? Index.Post : idx === 3 ? Index.Pre : Index.Offset);
/** Pattern `idx` field of the pair forms (bits 24..23): 00 no-allocate, 01 post, 10 offset, 11 pre. */
export const pairIndex = (idx: number): Index => (idx === 1 ? Index.Post : idx === 3 ? Index.Pre : Index.Offset);
