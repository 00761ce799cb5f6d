// Exclusive and ordered loads/stores: LDXR/LDAXR/STXR/STLXR (B, H, W, X), the pair forms
// LDXP/LDAXP/STXP/STLXP, LDAR/STLR, LDLAR/STLLR and LDAPR.
//
// The exclusive monitor is the SLOT_EXCL_* state: a load-exclusive records address, size
// and the value loaded; a store-exclusive succeeds only if the monitor holds the same
// address and size and memory still holds that value (a compare-and-swap, so it stays
// correct when guest threads interleave between blocks), and closes the monitor either way.
// Guest threads run interleaved at block boundaries, so acquire/release ordering needs no code.
// Every access here must be aligned to its whole size (a pair: both registers), else SIGBUS.
import type { Emitter } from '../../../translate/emitter.js';
import { emitAlignmentCheck, emitLoad, emitStore, type AccessSize } from '../../../translate/memory-emit.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import { hi, hiSp, lo, loSp, rName, setW, setX, wName, xSpName } from '../regs.js';
import { SLOT_EXCL_ADDR, SLOT_EXCL_SIZE, SLOT_EXCL_VALUE } from '../state.js';
import { loadWords, seq, storeWords } from './ldst-common.js';

const SUFFIX = ['b', 'h', '', ''];
const base = (e: Emitter, rn: number) => ({ lo: loSp(e, rn), hi: hiSp(e, rn), off: 0 });
const mem = (rn: number): string => `[${xSpName(rn)}]`;
/** SIGBUS unless [rn] is aligned to `bytes`. */
const aligned = (e: Emitter, rn: number, bytes: number): string => emitAlignmentCheck(e, loSp(e, rn), hiSp(e, rn), bytes);

/** Records a successful load-exclusive of `words` (1..4 int32s) at [rn]. */
function openMonitor(e: Emitter, rn: number, bytes: number, words: readonly string[]): string {
  const parts = [
    e.assign(SLOT_EXCL_ADDR, loSp(e, rn)),
    e.assign(SLOT_EXCL_ADDR + 1, hiSp(e, rn)),
    e.assign(SLOT_EXCL_SIZE, String(bytes)),
  ];
  words.forEach((w, i) => parts.push(e.assign(SLOT_EXCL_VALUE + i, w)));
  return parts.join(' ');
}

/**
 * A store-exclusive of `bytes` at [rn] storing `values` (int32 words; one value of up to
 * 4 bytes, or two/four words): status 0 into Ws on success, 1 on failure.
 */
function storeExclusive(e: Emitter, rs: number, rn: number, bytes: number, values: readonly string[]): string {
  const check = aligned(e, rn, bytes);
  const a = base(e, rn);
  const status = e.tmp();
  let current: { code: string; words: string[] };
  if (bytes <= 4) {
    const r = emitLoad(e, bytes as AccessSize, a);
    current = { code: r.code, words: [r.lo] };
  } else {
    current = loadWords(e, a, bytes);
  }
  const store = values.length === 1 ? emitStore(e, bytes as AccessSize, a, values[0]) : storeWords(e, a, values);
  const same = current.words.map((w, i) => `${w} === ${e.slot(SLOT_EXCL_VALUE + i)}`).join(' && ');
  const open = `${e.slot(SLOT_EXCL_SIZE)} === ${bytes} && ${e.slot(SLOT_EXCL_ADDR)} === ${a.lo} && ${e.slot(SLOT_EXCL_ADDR + 1)} === ${a.hi}`;
  return seq(
    check,
    `${status} = 1;`,
    `if (${open}) {\n${current.code}\nif (${same}) {\n${store}\n${status} = 0; } }`,
    e.assign(SLOT_EXCL_SIZE, '0'),
    setW(e, rs, status),
  );
}

/** Loads `bytes` at [rn] into Rt (zero-extended); `exclusive` also opens the monitor. */
function loadOne(e: Emitter, size: number, rt: number, rn: number, exclusive: boolean): string {
  const bytes = (1 << size) as AccessSize;
  const check = aligned(e, rn, bytes);
  const ld = emitLoad(e, bytes, base(e, rn));
  const words = bytes === 8 ? [ld.lo, ld.hi] : [ld.lo];
  const monitor = exclusive ? openMonitor(e, rn, bytes, words) : '';
  return seq(check, ld.code, monitor, size === 3 ? setX(e, rt, ld.lo, ld.hi) : setW(e, rt, ld.lo));
}

function storeOne(e: Emitter, size: number, rt: number, rn: number): string {
  const bytes = (1 << size) as AccessSize;
  return seq(aligned(e, rn, bytes), emitStore(e, bytes, base(e, rn), lo(e, rt), size === 3 ? hi(e, rt) : '0'));
}

const exclName = (f: Fields, pair: boolean): string =>
  `${f.L ? 'ld' : 'st'}${f.o0 ? (f.L ? 'a' : 'l') : ''}x${pair ? 'p' : 'r'}${pair ? '' : SUFFIX[f.size]}`;

export const insns = defineInsns([
  {
    name: 'LDXR_STXR', pattern: 'size:2 001000 0 L:1 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    emit: (f, e) => {
      if (f.L) return loadOne(e, f.size, f.rt, f.rn, true);
      const bytes = 1 << f.size;
      return storeExclusive(e, f.rs, f.rn, bytes, bytes === 8 ? [lo(e, f.rt), hi(e, f.rt)] : [lo(e, f.rt)]);
    },
    asm: (f) => {
      const rt = rName(f.size === 3 ? 1 : 0, f.rt);
      return f.L ? `${exclName(f, false)} ${rt}, ${mem(f.rn)}` : `${exclName(f, false)} ${wName(f.rs)}, ${rt}, ${mem(f.rn)}`;
    },
  },
  {
    // bit 31 = 0 here is CASP (ldst-atomic.ts)
    name: 'LDXP_STXP', pattern: '1 sz:1 001000 0 L:1 1 rs:5 o0:1 rt2:5 rn:5 rt:5',
    emit: (f, e) => {
      const bytes = f.sz ? 16 : 8;
      if (!f.L) {
        const values = f.sz ? [lo(e, f.rt), hi(e, f.rt), lo(e, f.rt2), hi(e, f.rt2)] : [lo(e, f.rt), lo(e, f.rt2)];
        return storeExclusive(e, f.rs, f.rn, bytes, values);
      }
      const check = aligned(e, f.rn, bytes);
      const ld = loadWords(e, base(e, f.rn), bytes);
      const w = ld.words;
      const set = f.sz ? seq(setX(e, f.rt, w[0], w[1]), setX(e, f.rt2, w[2], w[3])) : seq(setW(e, f.rt, w[0]), setW(e, f.rt2, w[1]));
      return seq(check, ld.code, openMonitor(e, f.rn, bytes, w), set);
    },
    asm: (f) => {
      const regs = `${rName(f.sz, f.rt)}, ${rName(f.sz, f.rt2)}, ${mem(f.rn)}`;
      return f.L ? `${exclName(f, true)} ${regs}` : `${exclName(f, true)} ${wName(f.rs)}, ${regs}`;
    },
  },
  {
    // o0: 1 LDAR/STLR, 0 LDLAR/STLLR (LORegions: the same as acquire/release here)
    name: 'LDAR_STLR', pattern: 'size:2 001000 1 L:1 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    emit: (f, e) => (f.L ? loadOne(e, f.size, f.rt, f.rn, false) : storeOne(e, f.size, f.rt, f.rn)),
    asm: (f) => `${f.L ? 'ld' : 'st'}${f.o0 ? '' : 'l'}${f.L ? 'a' : 'l'}r${SUFFIX[f.size]} ${rName(f.size === 3 ? 1 : 0, f.rt)}, ${mem(f.rn)}`,
  },
  {
    name: 'LDAPR', pattern: 'size:2 111000 101 11111 1100 00 rn:5 rt:5', feature: 'lrcpc',
    emit: (f, e) => loadOne(e, f.size, f.rt, f.rn, false),
    asm: (f) => `ldapr${SUFFIX[f.size]} ${rName(f.size === 3 ? 1 : 0, f.rt)}, ${mem(f.rn)}`,
  },
]);

export const runtime = {};
