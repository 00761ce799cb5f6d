// Add/sub (shifted and extended register, with carry), conditional compare/select and
// the flags they produce, as seen by r.nzcv and by B.cond/CSET/ADC consumers in the same
// block and in a later block. Expected values come from the BigInt model below (the Arm
// ARM's AddWithCarry and ConditionHolds); words from aarch64-linux-gnu-as.
import { describe, expect, it } from 'vitest';
import { runA64 } from './driver.js';

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;
const width = (sf: number): bigint => (sf ? 64n : 32n);
const maskOf = (sf: number): bigint => (sf ? M64 : M32);
const sx = (v: bigint, sf: number): bigint => BigInt.asIntN(Number(width(sf)), v);

/** Arm ARM AddWithCarry: result and NZCV (N=8, Z=4, C=2, V=1). */
function addWithCarry(x: bigint, y: bigint, c: number, sf: number): { r: bigint; nzcv: number } {
  const m = maskOf(sf);
  x &= m;
  y &= m;
  const unsigned = x + y + BigInt(c);
  const signed = sx(x, sf) + sx(y, sf) + BigInt(c);
  const r = unsigned & m;
  const n = (r >> (width(sf) - 1n)) & 1n ? 8 : 0;
  const z = r === 0n ? 4 : 0;
  const cf = r !== unsigned ? 2 : 0;
  const v = sx(r, sf) !== signed ? 1 : 0;
  return { r, nzcv: n | z | cf | v };
}
const addFlags = (x: bigint, y: bigint, sf: number) => addWithCarry(x, y, 0, sf);
const subFlags = (x: bigint, y: bigint, sf: number) => addWithCarry(x, ~y, 1, sf);
function logicFlags(r: bigint, sf: number): number {
  r &= maskOf(sf);
  return ((r >> (width(sf) - 1n)) & 1n ? 8 : 0) | (r === 0n ? 4 : 0);
}

/** Arm ARM ConditionHolds. */
function condHolds(c: number, nzcv: number): boolean {
  const n = (nzcv >> 3) & 1, z = (nzcv >> 2) & 1, cf = (nzcv >> 1) & 1, v = nzcv & 1;
  const base = [z === 1, cf === 1, n === 1, v === 1, cf === 1 && z === 0, n === v, n === v && z === 0, true][c >> 1];
  return c & 1 && c !== 15 ? !base : base;
}

function shiftVal(v: bigint, type: number, amount: number, sf: number): bigint {
  const m = maskOf(sf), w = width(sf), a = BigInt(amount);
  v &= m;
  switch (type) {
    case 0: return (v << a) & m;
    case 1: return v >> a;
    case 2: return BigInt.asUintN(Number(w), sx(v, sf) >> a);
    default: return ((v >> a) | (v << (w - a))) & m;
  }
}

function extendVal(v: bigint, option: number, shift: number, sf: number): bigint {
  const size = [8, 16, 32, 64][option & 3];
  let x = BigInt.asUintN(size, v);
  if (option & 4) x = BigInt.asIntN(size, x) & M64;
  return (x << BigInt(shift)) & maskOf(sf);
}

const PAIRS: [bigint, bigint][] = [
  [0x0123456789abcdefn, 0xfedcba9876543210n],
  [M64, 1n],
  [1n << 63n, 1n << 63n],
  [(1n << 63n) - 1n, 1n],
  [0xffffffffn, 0x80000001n], // carries across the 32-bit halves
  [0n, M64],
  [0x80000000n, 0xffffffff7fffffffn],
  [5n, 5n],
  [0x7fffffffn, 0xffffffffn],
  [0x1_0000_0000n, 1n],
];

// [mnemonic, sf, words for each shift type (lsl, lsr, asr, then ror for logical ops) and amount]
const SHIFTED: [string, number, number[]][] = [
  // add x0, x1, x2, {lsl,lsr,asr} #{0,1,31,32,33,63}
  ['add', 1, [0x8b020020, 0x8b020420, 0x8b027c20, 0x8b028020, 0x8b028420, 0x8b02fc20, 0x8b420020, 0x8b420420, 0x8b427c20, 0x8b428020, 0x8b428420, 0x8b42fc20, 0x8b820020, 0x8b820420, 0x8b827c20, 0x8b828020, 0x8b828420, 0x8b82fc20]],
  // adds x0, x1, x2, {lsl,lsr,asr} #{0,1,31,32,33,63}
  ['adds', 1, [0xab020020, 0xab020420, 0xab027c20, 0xab028020, 0xab028420, 0xab02fc20, 0xab420020, 0xab420420, 0xab427c20, 0xab428020, 0xab428420, 0xab42fc20, 0xab820020, 0xab820420, 0xab827c20, 0xab828020, 0xab828420, 0xab82fc20]],
  // sub x0, x1, x2, {lsl,lsr,asr} #{0,1,31,32,33,63}
  ['sub', 1, [0xcb020020, 0xcb020420, 0xcb027c20, 0xcb028020, 0xcb028420, 0xcb02fc20, 0xcb420020, 0xcb420420, 0xcb427c20, 0xcb428020, 0xcb428420, 0xcb42fc20, 0xcb820020, 0xcb820420, 0xcb827c20, 0xcb828020, 0xcb828420, 0xcb82fc20]],
  // subs x0, x1, x2, {lsl,lsr,asr} #{0,1,31,32,33,63}
  ['subs', 1, [0xeb020020, 0xeb020420, 0xeb027c20, 0xeb028020, 0xeb028420, 0xeb02fc20, 0xeb420020, 0xeb420420, 0xeb427c20, 0xeb428020, 0xeb428420, 0xeb42fc20, 0xeb820020, 0xeb820420, 0xeb827c20, 0xeb828020, 0xeb828420, 0xeb82fc20]],
  // and x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['and', 1, [0x8a020020, 0x8a020420, 0x8a027c20, 0x8a028020, 0x8a028420, 0x8a02fc20, 0x8a420020, 0x8a420420, 0x8a427c20, 0x8a428020, 0x8a428420, 0x8a42fc20, 0x8a820020, 0x8a820420, 0x8a827c20, 0x8a828020, 0x8a828420, 0x8a82fc20, 0x8ac20020, 0x8ac20420, 0x8ac27c20, 0x8ac28020, 0x8ac28420, 0x8ac2fc20]],
  // ands x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['ands', 1, [0xea020020, 0xea020420, 0xea027c20, 0xea028020, 0xea028420, 0xea02fc20, 0xea420020, 0xea420420, 0xea427c20, 0xea428020, 0xea428420, 0xea42fc20, 0xea820020, 0xea820420, 0xea827c20, 0xea828020, 0xea828420, 0xea82fc20, 0xeac20020, 0xeac20420, 0xeac27c20, 0xeac28020, 0xeac28420, 0xeac2fc20]],
  // orr x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['orr', 1, [0xaa020020, 0xaa020420, 0xaa027c20, 0xaa028020, 0xaa028420, 0xaa02fc20, 0xaa420020, 0xaa420420, 0xaa427c20, 0xaa428020, 0xaa428420, 0xaa42fc20, 0xaa820020, 0xaa820420, 0xaa827c20, 0xaa828020, 0xaa828420, 0xaa82fc20, 0xaac20020, 0xaac20420, 0xaac27c20, 0xaac28020, 0xaac28420, 0xaac2fc20]],
  // eor x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['eor', 1, [0xca020020, 0xca020420, 0xca027c20, 0xca028020, 0xca028420, 0xca02fc20, 0xca420020, 0xca420420, 0xca427c20, 0xca428020, 0xca428420, 0xca42fc20, 0xca820020, 0xca820420, 0xca827c20, 0xca828020, 0xca828420, 0xca82fc20, 0xcac20020, 0xcac20420, 0xcac27c20, 0xcac28020, 0xcac28420, 0xcac2fc20]],
  // bic x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['bic', 1, [0x8a220020, 0x8a220420, 0x8a227c20, 0x8a228020, 0x8a228420, 0x8a22fc20, 0x8a620020, 0x8a620420, 0x8a627c20, 0x8a628020, 0x8a628420, 0x8a62fc20, 0x8aa20020, 0x8aa20420, 0x8aa27c20, 0x8aa28020, 0x8aa28420, 0x8aa2fc20, 0x8ae20020, 0x8ae20420, 0x8ae27c20, 0x8ae28020, 0x8ae28420, 0x8ae2fc20]],
  // bics x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['bics', 1, [0xea220020, 0xea220420, 0xea227c20, 0xea228020, 0xea228420, 0xea22fc20, 0xea620020, 0xea620420, 0xea627c20, 0xea628020, 0xea628420, 0xea62fc20, 0xeaa20020, 0xeaa20420, 0xeaa27c20, 0xeaa28020, 0xeaa28420, 0xeaa2fc20, 0xeae20020, 0xeae20420, 0xeae27c20, 0xeae28020, 0xeae28420, 0xeae2fc20]],
  // orn x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['orn', 1, [0xaa220020, 0xaa220420, 0xaa227c20, 0xaa228020, 0xaa228420, 0xaa22fc20, 0xaa620020, 0xaa620420, 0xaa627c20, 0xaa628020, 0xaa628420, 0xaa62fc20, 0xaaa20020, 0xaaa20420, 0xaaa27c20, 0xaaa28020, 0xaaa28420, 0xaaa2fc20, 0xaae20020, 0xaae20420, 0xaae27c20, 0xaae28020, 0xaae28420, 0xaae2fc20]],
  // eon x0, x1, x2, {lsl,lsr,asr,ror} #{0,1,31,32,33,63}
  ['eon', 1, [0xca220020, 0xca220420, 0xca227c20, 0xca228020, 0xca228420, 0xca22fc20, 0xca620020, 0xca620420, 0xca627c20, 0xca628020, 0xca628420, 0xca62fc20, 0xcaa20020, 0xcaa20420, 0xcaa27c20, 0xcaa28020, 0xcaa28420, 0xcaa2fc20, 0xcae20020, 0xcae20420, 0xcae27c20, 0xcae28020, 0xcae28420, 0xcae2fc20]],
  // add w0, w1, w2, {lsl,lsr,asr} #{0,1,15,31}
  ['add', 0, [0x0b020020, 0x0b020420, 0x0b023c20, 0x0b027c20, 0x0b420020, 0x0b420420, 0x0b423c20, 0x0b427c20, 0x0b820020, 0x0b820420, 0x0b823c20, 0x0b827c20]],
  // adds w0, w1, w2, {lsl,lsr,asr} #{0,1,15,31}
  ['adds', 0, [0x2b020020, 0x2b020420, 0x2b023c20, 0x2b027c20, 0x2b420020, 0x2b420420, 0x2b423c20, 0x2b427c20, 0x2b820020, 0x2b820420, 0x2b823c20, 0x2b827c20]],
  // sub w0, w1, w2, {lsl,lsr,asr} #{0,1,15,31}
  ['sub', 0, [0x4b020020, 0x4b020420, 0x4b023c20, 0x4b027c20, 0x4b420020, 0x4b420420, 0x4b423c20, 0x4b427c20, 0x4b820020, 0x4b820420, 0x4b823c20, 0x4b827c20]],
  // subs w0, w1, w2, {lsl,lsr,asr} #{0,1,15,31}
  ['subs', 0, [0x6b020020, 0x6b020420, 0x6b023c20, 0x6b027c20, 0x6b420020, 0x6b420420, 0x6b423c20, 0x6b427c20, 0x6b820020, 0x6b820420, 0x6b823c20, 0x6b827c20]],
  // and w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['and', 0, [0x0a020020, 0x0a020420, 0x0a023c20, 0x0a027c20, 0x0a420020, 0x0a420420, 0x0a423c20, 0x0a427c20, 0x0a820020, 0x0a820420, 0x0a823c20, 0x0a827c20, 0x0ac20020, 0x0ac20420, 0x0ac23c20, 0x0ac27c20]],
  // ands w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['ands', 0, [0x6a020020, 0x6a020420, 0x6a023c20, 0x6a027c20, 0x6a420020, 0x6a420420, 0x6a423c20, 0x6a427c20, 0x6a820020, 0x6a820420, 0x6a823c20, 0x6a827c20, 0x6ac20020, 0x6ac20420, 0x6ac23c20, 0x6ac27c20]],
  // orr w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['orr', 0, [0x2a020020, 0x2a020420, 0x2a023c20, 0x2a027c20, 0x2a420020, 0x2a420420, 0x2a423c20, 0x2a427c20, 0x2a820020, 0x2a820420, 0x2a823c20, 0x2a827c20, 0x2ac20020, 0x2ac20420, 0x2ac23c20, 0x2ac27c20]],
  // eor w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['eor', 0, [0x4a020020, 0x4a020420, 0x4a023c20, 0x4a027c20, 0x4a420020, 0x4a420420, 0x4a423c20, 0x4a427c20, 0x4a820020, 0x4a820420, 0x4a823c20, 0x4a827c20, 0x4ac20020, 0x4ac20420, 0x4ac23c20, 0x4ac27c20]],
  // bic w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['bic', 0, [0x0a220020, 0x0a220420, 0x0a223c20, 0x0a227c20, 0x0a620020, 0x0a620420, 0x0a623c20, 0x0a627c20, 0x0aa20020, 0x0aa20420, 0x0aa23c20, 0x0aa27c20, 0x0ae20020, 0x0ae20420, 0x0ae23c20, 0x0ae27c20]],
  // bics w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['bics', 0, [0x6a220020, 0x6a220420, 0x6a223c20, 0x6a227c20, 0x6a620020, 0x6a620420, 0x6a623c20, 0x6a627c20, 0x6aa20020, 0x6aa20420, 0x6aa23c20, 0x6aa27c20, 0x6ae20020, 0x6ae20420, 0x6ae23c20, 0x6ae27c20]],
  // orn w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['orn', 0, [0x2a220020, 0x2a220420, 0x2a223c20, 0x2a227c20, 0x2a620020, 0x2a620420, 0x2a623c20, 0x2a627c20, 0x2aa20020, 0x2aa20420, 0x2aa23c20, 0x2aa27c20, 0x2ae20020, 0x2ae20420, 0x2ae23c20, 0x2ae27c20]],
  // eon w0, w1, w2, {lsl,lsr,asr,ror} #{0,1,15,31}
  ['eon', 0, [0x4a220020, 0x4a220420, 0x4a223c20, 0x4a227c20, 0x4a620020, 0x4a620420, 0x4a623c20, 0x4a627c20, 0x4aa20020, 0x4aa20420, 0x4aa23c20, 0x4aa27c20, 0x4ae20020, 0x4ae20420, 0x4ae23c20, 0x4ae27c20]],
];
const SHIFT_AMOUNTS = [[0, 1, 15, 31], [0, 1, 31, 32, 33, 63]];

/** The result and flags (or null when flags are untouched) of a shifted-register op. */
function shiftedModel(op: string, sf: number, a: bigint, b: bigint): { r: bigint; nzcv: number | null } {
  const m = maskOf(sf);
  const base = op.replace(/s$/, '');
  const setsFlags = op.endsWith('s') && op !== 'orr';
  if (base === 'add' || base === 'sub') {
    const res = base === 'add' ? addFlags(a, b, sf) : subFlags(a, b, sf);
    return { r: res.r, nzcv: setsFlags ? res.nzcv : null };
  }
  const operand = ['bic', 'orn', 'eon'].includes(base) ? ~b & m : b;
  const r = ['and', 'bic'].includes(base) ? a & operand : ['orr', 'orn'].includes(base) ? a | operand : a ^ operand;
  return { r: r & m, nzcv: setsFlags ? logicFlags(r, sf) : null };
}

describe('add/sub and logical (shifted register)', () => {
  for (const [op, sf, words] of SHIFTED) {
    it(`${op} ${sf ? 'x' : 'w'}: every shift type and amount`, () => {
      const amounts = SHIFT_AMOUNTS[sf];
      words.forEach((word, i) => {
        const type = Math.floor(i / amounts.length), amount = amounts[i % amounts.length];
        for (const [a, b] of PAIRS) {
          const r = runA64([word], { x: { 0: 0x5a5an, 1: a, 2: b }, nzcv: 0b1010 });
          const want = shiftedModel(op, sf, a & maskOf(sf), shiftVal(b, type, amount, sf));
          const ctx = `${op} type ${type} #${amount} a=${a.toString(16)} b=${b.toString(16)}`;
          expect(r.x[0], ctx).toBe(want.r);
          expect(r.nzcv, ctx).toBe(want.nzcv ?? 0b1010);
          expect(r.x[1], ctx).toBe(a);
          expect(r.x[2], ctx).toBe(b);
        }
      });
    });
  }

  it('NEG, MOV and MVN aliases read the zero register', () => {
    // neg x0, x2, lsr #4; mov x3, x2; mvn w4, w2, asr #5
    const r = runA64([0xcb4213e0, 0xaa0203e3, 0x2aa217e4], { x: { 2: 0x8000_0000_0000_00f0n } });
    expect(r.x[0]).toBe((-(0x8000_0000_0000_00f0n >> 4n)) & M64);
    expect(r.x[3]).toBe(0x8000_0000_0000_00f0n);
    expect(r.x[4]).toBe(~(0xf0n >> 5n) & M32);
  });
});

// [mnemonic, sf, words for options uxtb..sxtx, each with shifts 0..4]
const EXTENDED: [string, number, number[]][] = [
  // add x0, x1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['add', 1, [0x8b220020, 0x8b220420, 0x8b220820, 0x8b220c20, 0x8b221020, 0x8b222020, 0x8b222420, 0x8b222820, 0x8b222c20, 0x8b223020, 0x8b224020, 0x8b224420, 0x8b224820, 0x8b224c20, 0x8b225020, 0x8b226020, 0x8b226420, 0x8b226820, 0x8b226c20, 0x8b227020, 0x8b228020, 0x8b228420, 0x8b228820, 0x8b228c20, 0x8b229020, 0x8b22a020, 0x8b22a420, 0x8b22a820, 0x8b22ac20, 0x8b22b020, 0x8b22c020, 0x8b22c420, 0x8b22c820, 0x8b22cc20, 0x8b22d020, 0x8b22e020, 0x8b22e420, 0x8b22e820, 0x8b22ec20, 0x8b22f020]],
  // adds x0, x1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['adds', 1, [0xab220020, 0xab220420, 0xab220820, 0xab220c20, 0xab221020, 0xab222020, 0xab222420, 0xab222820, 0xab222c20, 0xab223020, 0xab224020, 0xab224420, 0xab224820, 0xab224c20, 0xab225020, 0xab226020, 0xab226420, 0xab226820, 0xab226c20, 0xab227020, 0xab228020, 0xab228420, 0xab228820, 0xab228c20, 0xab229020, 0xab22a020, 0xab22a420, 0xab22a820, 0xab22ac20, 0xab22b020, 0xab22c020, 0xab22c420, 0xab22c820, 0xab22cc20, 0xab22d020, 0xab22e020, 0xab22e420, 0xab22e820, 0xab22ec20, 0xab22f020]],
  // sub x0, x1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['sub', 1, [0xcb220020, 0xcb220420, 0xcb220820, 0xcb220c20, 0xcb221020, 0xcb222020, 0xcb222420, 0xcb222820, 0xcb222c20, 0xcb223020, 0xcb224020, 0xcb224420, 0xcb224820, 0xcb224c20, 0xcb225020, 0xcb226020, 0xcb226420, 0xcb226820, 0xcb226c20, 0xcb227020, 0xcb228020, 0xcb228420, 0xcb228820, 0xcb228c20, 0xcb229020, 0xcb22a020, 0xcb22a420, 0xcb22a820, 0xcb22ac20, 0xcb22b020, 0xcb22c020, 0xcb22c420, 0xcb22c820, 0xcb22cc20, 0xcb22d020, 0xcb22e020, 0xcb22e420, 0xcb22e820, 0xcb22ec20, 0xcb22f020]],
  // subs x0, x1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['subs', 1, [0xeb220020, 0xeb220420, 0xeb220820, 0xeb220c20, 0xeb221020, 0xeb222020, 0xeb222420, 0xeb222820, 0xeb222c20, 0xeb223020, 0xeb224020, 0xeb224420, 0xeb224820, 0xeb224c20, 0xeb225020, 0xeb226020, 0xeb226420, 0xeb226820, 0xeb226c20, 0xeb227020, 0xeb228020, 0xeb228420, 0xeb228820, 0xeb228c20, 0xeb229020, 0xeb22a020, 0xeb22a420, 0xeb22a820, 0xeb22ac20, 0xeb22b020, 0xeb22c020, 0xeb22c420, 0xeb22c820, 0xeb22cc20, 0xeb22d020, 0xeb22e020, 0xeb22e420, 0xeb22e820, 0xeb22ec20, 0xeb22f020]],
  // add w0, w1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['add', 0, [0x0b220020, 0x0b220420, 0x0b220820, 0x0b220c20, 0x0b221020, 0x0b222020, 0x0b222420, 0x0b222820, 0x0b222c20, 0x0b223020, 0x0b224020, 0x0b224420, 0x0b224820, 0x0b224c20, 0x0b225020, 0x0b226020, 0x0b226420, 0x0b226820, 0x0b226c20, 0x0b227020, 0x0b228020, 0x0b228420, 0x0b228820, 0x0b228c20, 0x0b229020, 0x0b22a020, 0x0b22a420, 0x0b22a820, 0x0b22ac20, 0x0b22b020, 0x0b22c020, 0x0b22c420, 0x0b22c820, 0x0b22cc20, 0x0b22d020, 0x0b22e020, 0x0b22e420, 0x0b22e820, 0x0b22ec20, 0x0b22f020]],
  // adds w0, w1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['adds', 0, [0x2b220020, 0x2b220420, 0x2b220820, 0x2b220c20, 0x2b221020, 0x2b222020, 0x2b222420, 0x2b222820, 0x2b222c20, 0x2b223020, 0x2b224020, 0x2b224420, 0x2b224820, 0x2b224c20, 0x2b225020, 0x2b226020, 0x2b226420, 0x2b226820, 0x2b226c20, 0x2b227020, 0x2b228020, 0x2b228420, 0x2b228820, 0x2b228c20, 0x2b229020, 0x2b22a020, 0x2b22a420, 0x2b22a820, 0x2b22ac20, 0x2b22b020, 0x2b22c020, 0x2b22c420, 0x2b22c820, 0x2b22cc20, 0x2b22d020, 0x2b22e020, 0x2b22e420, 0x2b22e820, 0x2b22ec20, 0x2b22f020]],
  // sub w0, w1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['sub', 0, [0x4b220020, 0x4b220420, 0x4b220820, 0x4b220c20, 0x4b221020, 0x4b222020, 0x4b222420, 0x4b222820, 0x4b222c20, 0x4b223020, 0x4b224020, 0x4b224420, 0x4b224820, 0x4b224c20, 0x4b225020, 0x4b226020, 0x4b226420, 0x4b226820, 0x4b226c20, 0x4b227020, 0x4b228020, 0x4b228420, 0x4b228820, 0x4b228c20, 0x4b229020, 0x4b22a020, 0x4b22a420, 0x4b22a820, 0x4b22ac20, 0x4b22b020, 0x4b22c020, 0x4b22c420, 0x4b22c820, 0x4b22cc20, 0x4b22d020, 0x4b22e020, 0x4b22e420, 0x4b22e820, 0x4b22ec20, 0x4b22f020]],
  // subs w0, w1, {w2,x2}, {uxtb,uxth,uxtw,uxtx,sxtb,sxth,sxtw,sxtx} #{0..4}
  ['subs', 0, [0x6b220020, 0x6b220420, 0x6b220820, 0x6b220c20, 0x6b221020, 0x6b222020, 0x6b222420, 0x6b222820, 0x6b222c20, 0x6b223020, 0x6b224020, 0x6b224420, 0x6b224820, 0x6b224c20, 0x6b225020, 0x6b226020, 0x6b226420, 0x6b226820, 0x6b226c20, 0x6b227020, 0x6b228020, 0x6b228420, 0x6b228820, 0x6b228c20, 0x6b229020, 0x6b22a020, 0x6b22a420, 0x6b22a820, 0x6b22ac20, 0x6b22b020, 0x6b22c020, 0x6b22c420, 0x6b22c820, 0x6b22cc20, 0x6b22d020, 0x6b22e020, 0x6b22e420, 0x6b22e820, 0x6b22ec20, 0x6b22f020]],
];

describe('add/sub (extended register)', () => {
  for (const [op, sf, words] of EXTENDED) {
    it(`${op} ${sf ? 'x' : 'w'}: every extension and shift`, () => {
      words.forEach((word, i) => {
        const option = Math.floor(i / 5), shift = i % 5;
        for (const [a, b] of PAIRS) {
          const r = runA64([word], { x: { 1: a, 2: b }, nzcv: 0b0101 });
          const operand = extendVal(b, option, shift, sf);
          const res = op.startsWith('add') ? addFlags(a, operand, sf) : subFlags(a, operand, sf);
          const ctx = `${op} option ${option} #${shift} a=${a.toString(16)} b=${b.toString(16)}`;
          expect(r.x[0], ctx).toBe(res.r);
          expect(r.nzcv, ctx).toBe(op.endsWith('s') ? res.nzcv : 0b0101);
        }
      });
    });
  }

  it('uses SP as the base and the destination', () => {
    const sp = 0x7fff_0000_1000n;
    const x2 = 0xffff_ffff_ffff_fff0n; // w2 = -16 as sxtw
    expect(runA64([ADD_SP_SXTW3], { sp, x: { 2: x2 } }).x[0]).toBe((sp + (-16n << 3n)) & M64);
    expect(runA64([SUB_SP_SP_LSL4], { sp, x: { 2: 3n } }).sp).toBe(sp - 48n);
    const cmp = runA64([CMP_SP_X2], { sp, x: { 2: sp + 1n } });
    expect(cmp.nzcv).toBe(subFlags(sp, sp + 1n, 1).nzcv);
    expect(cmp.sp).toBe(sp);
    // a W result clears the high half
    expect(runA64([ADD_W0_WSP_UXTH1], { sp: 0x1_ffff_fff0n, x: { 0: M64, 2: 0x1_8000n } }).x[0]).toBe((0xffff_fff0n + 0x1_0000n) & M32);
    expect(runA64([ADD_WSP_W1_W2], { x: { 1: 0x1_0000_0010n, 2: 0x20n } }).sp).toBe(0x30n);
    const adds = runA64([ADDS_X0_SP_X2], { sp: M64 - 15n, x: { 2: 16n } });
    expect(adds.x[0]).toBe(0n);
    expect(adds.nzcv).toBe(0b0110);
  });
});

const ADD_SP_SXTW3 = 0x8b22cfe0; // add x0, sp, w2, sxtw #3
const SUB_SP_SP_LSL4 = 0xcb2273ff; // sub sp, sp, x2, lsl #4
const CMP_SP_X2 = 0xeb2263ff; // cmp sp, x2
const ADD_W0_WSP_UXTH1 = 0x0b2227e0; // add w0, wsp, w2, uxth #1
const ADD_WSP_W1_W2 = 0x0b22403f; // add wsp, w1, w2
const ADDS_X0_SP_X2 = 0xab2263e0; // adds x0, sp, x2
const ADC_X = 0x9a020020; // adc x0, x1, x2
const ADCS_X = 0xba020020; // adcs x0, x1, x2
const SBC_X = 0xda020020; // sbc x0, x1, x2
const SBCS_X = 0xfa020020; // sbcs x0, x1, x2
const ADC_W = 0x1a020020; // adc w0, w1, w2
const ADCS_W = 0x3a020020; // adcs w0, w1, w2
const SBC_W = 0x5a020020; // sbc w0, w1, w2
const SBCS_W = 0x7a020020; // sbcs w0, w1, w2
const NGC_X = 0xda0203e0; // ngc x0, x2
const NGCS_W = 0x7a0203e0; // ngcs w0, w2
const ADDS_X0_X0_X2 = 0xab020000; // adds x0, x0, x2
const ADCS_X1_X1_X3 = 0xba030021; // adcs x1, x1, x3
const SUBS_X0_X0_X2 = 0xeb020000; // subs x0, x0, x2
const SBCS_X1_X1_X3 = 0xfa030021; // sbcs x1, x1, x3
const CSET_X4_CS = 0x9a9f37e4; // cset x4, cs
const CMP_X1_X2 = 0xeb02003f; // cmp x1, x2
const CMP_W1_W2 = 0x6b02003f; // cmp w1, w2
const CMN_X1_X2 = 0xab02003f; // cmn x1, x2
const CMN_W1_W2 = 0x2b02003f; // cmn w1, w2
const ADDS_X3_X1_X2 = 0xab020023; // adds x3, x1, x2
const SUBS_W3_W1_W2 = 0x6b020023; // subs w3, w1, w2
const TST_X1_X2 = 0xea02003f; // tst x1, x2
const ANDS_W3_W1_W2 = 0x6a020023; // ands w3, w1, w2
const BICS_X3_X1_X2 = 0xea220023; // bics x3, x1, x2
const TST_X1_IMM = 0xf241043f; // tst x1, #0x8000000000000001
const ADCS_X3_X1_X2 = 0xba020023; // adcs x3, x1, x2
const SBCS_W3_W1_W2 = 0x7a020023; // sbcs w3, w1, w2
const CMP_X1_IMM = 0xf100403f; // cmp x1, #0x10
const CMP_W1_W2_SXTB = 0x6b22803f; // cmp w1, w2, sxtb
const B_NEXT = 0x14000001; // b .+4
const MOV_X0_1 = 0xd2800020; // mov x0, #0x1
const ADC_X0_ZR_ZR = 0x9a1f03e0; // adc x0, xzr, xzr
const CCMN_W3_W4 = 0x3a440060; // ccmn w3, w4, #0x0, eq
const CCMP_X3_IMM5 = 0xfa450860; // ccmp x3, #0x5, #0x0, eq
const CCMN_X3_IMM31 = 0xba5f0860; // ccmn x3, #0x1f, #0x0, eq
const CSEL_X = 0x9a820020; // csel x0, x1, x2, eq
const CSINC_X = 0x9a820420; // csinc x0, x1, x2, eq
const CSINV_X = 0xda820020; // csinv x0, x1, x2, eq
const CSNEG_X = 0xda820420; // csneg x0, x1, x2, eq
const CSEL_W = 0x1a820020; // csel w0, w1, w2, eq
const CSINC_W = 0x1a820420; // csinc w0, w1, w2, eq
const CSINV_W = 0x5a820020; // csinv w0, w1, w2, eq
const CSNEG_W = 0x5a820420; // csneg w0, w1, w2, eq

describe('add/sub with carry', () => {
  const ops: [string, number, number, boolean, boolean][] = [
    // name, word, sf, subtract, sets flags
    ['adc x', ADC_X, 1, false, false], ['adcs x', ADCS_X, 1, false, true],
    ['sbc x', SBC_X, 1, true, false], ['sbcs x', SBCS_X, 1, true, true],
    ['adc w', ADC_W, 0, false, false], ['adcs w', ADCS_W, 0, false, true],
    ['sbc w', SBC_W, 0, true, false], ['sbcs w', SBCS_W, 0, true, true],
  ];
  for (const [name, word, sf, sub, s] of ops) {
    it(`${name} with carry in 0 and 1`, () => {
      for (const [a, b] of PAIRS) {
        for (const c of [0, 1]) {
          const init = c ? 0b0010 : 0b1101;
          const r = runA64([word], { x: { 0: 0x77n, 1: a, 2: b }, nzcv: init });
          const want = addWithCarry(a, sub ? ~b : b, c, sf);
          const ctx = `${name} a=${a.toString(16)} b=${b.toString(16)} c=${c}`;
          expect(r.x[0], ctx).toBe(want.r);
          expect(r.nzcv, ctx).toBe(s ? want.nzcv : init);
        }
      }
    });
  }

  it('NGC and NGCS', () => {
    expect(runA64([NGC_X], { x: { 2: 5n }, nzcv: 0b0010 }).x[0]).toBe(M64 - 4n); // 0 - 5 - 0
    expect(runA64([NGC_X], { x: { 2: 5n }, nzcv: 0 }).x[0]).toBe(M64 - 5n); // 0 - 5 - 1
    const r = runA64([NGCS_W], { x: { 0: M64, 2: 0n }, nzcv: 0b0010 });
    expect(r.x[0]).toBe(0n);
    expect(r.nzcv).toBe(0b0110);
  });

  it('chains a 128-bit add and subtract through the carry', () => {
    const vals = [0n, 1n, M64, (1n << 128n) - 1n, 1n << 64n, (1n << 127n) - 1n, 0xffff_ffff_ffff_ffff_0000_0000_ffff_ffffn,
      0x0123_4567_89ab_cdef_fedc_ba98_7654_3210n];
    const M128 = (1n << 128n) - 1n;
    for (const a of vals) {
      for (const b of vals) {
        const x = { 0: a & M64, 1: a >> 64n, 2: b & M64, 3: b >> 64n };
        const add = runA64([ADDS_X0_X0_X2, ADCS_X1_X1_X3, CSET_X4_CS], { x });
        const sum = a + b;
        expect((add.x[1] << 64n) | add.x[0]).toBe(sum & M128);
        expect(add.x[4]).toBe(sum > M128 ? 1n : 0n);
        const sub = runA64([SUBS_X0_X0_X2, SBCS_X1_X1_X3, CSET_X4_CS], { x });
        expect((sub.x[1] << 64n) | sub.x[0]).toBe((a - b) & M128);
        expect(sub.x[4]).toBe(a >= b ? 1n : 0n);
        // the high half's flags, from the model
        expect(sub.nzcv).toBe(addWithCarry(a >> 64n, ~(b >> 64n), (a & M64) >= (b & M64) ? 1 : 0, 1).nzcv);
      }
    }
  });

  it('reads C from a flag setter in the same block and in an earlier block', () => {
    const setters: [number[], (a: bigint, b: bigint) => number][] = [
      [[CMP_X1_X2], (a, b) => subFlags(a, b, 1).nzcv],
      [[CMP_W1_W2], (a, b) => subFlags(a, b, 0).nzcv],
      [[ADDS_X3_X1_X2], (a, b) => addFlags(a, b, 1).nzcv],
      [[CMN_W1_W2], (a, b) => addFlags(a, b, 0).nzcv],
      [[TST_X1_X2], () => 0],
    ];
    for (const [setter, flags] of setters) {
      for (const [a, b] of PAIRS) {
        const c = BigInt((flags(a, b) >> 1) & 1);
        expect(runA64([...setter, ADC_X0_ZR_ZR], { x: { 1: a, 2: b } }).x[0]).toBe(c);
        expect(runA64([...setter, B_NEXT, ADC_X0_ZR_ZR], { x: { 1: a, 2: b } }).x[0]).toBe(c);
      }
    }
  });
});

// b.eq .+8 ... b.al .+8
const B_COND_8 = [0x54000040, 0x54000041, 0x54000042, 0x54000043, 0x54000044, 0x54000045, 0x54000046, 0x54000047, 0x54000048, 0x54000049, 0x5400004a, 0x5400004b, 0x5400004c, 0x5400004d, 0x5400004e];
// cset x0, eq ... cset x0, le
const CSET_X0 = [0x9a9f17e0, 0x9a9f07e0, 0x9a9f37e0, 0x9a9f27e0, 0x9a9f57e0, 0x9a9f47e0, 0x9a9f77e0, 0x9a9f67e0, 0x9a9f97e0, 0x9a9f87e0, 0x9a9fb7e0, 0x9a9fa7e0, 0x9a9fd7e0, 0x9a9fc7e0];
// csel x0, x1, x2, eq ... csel x0, x1, x2, nv
const CSEL_X0 = [0x9a820020, 0x9a821020, 0x9a822020, 0x9a823020, 0x9a824020, 0x9a825020, 0x9a826020, 0x9a827020, 0x9a828020, 0x9a829020, 0x9a82a020, 0x9a82b020, 0x9a82c020, 0x9a82d020, 0x9a82e020, 0x9a82f020];
// csel w0, w1, w2, eq ... csel w0, w1, w2, nv
const CSEL_W0 = [0x1a820020, 0x1a821020, 0x1a822020, 0x1a823020, 0x1a824020, 0x1a825020, 0x1a826020, 0x1a827020, 0x1a828020, 0x1a829020, 0x1a82a020, 0x1a82b020, 0x1a82c020, 0x1a82d020, 0x1a82e020, 0x1a82f020];
// ccmp x3, x4, #0, eq ... ccmp x3, x4, #9, nv
const CCMP_X3_X4 = [0xfa440060, 0xfa441067, 0xfa44206e, 0xfa443065, 0xfa44406c, 0xfa445063, 0xfa44606a, 0xfa447061, 0xfa448068, 0xfa44906f, 0xfa44a066, 0xfa44b06d, 0xfa44c064, 0xfa44d06b, 0xfa44e062, 0xfa44f069];
// ccmn w3, #0, #0, eq ... ccmn w3, #30, #5, nv
const CCMN_W3_IMM = [0x3a400860, 0x3a42186b, 0x3a442866, 0x3a463861, 0x3a48486c, 0x3a4a5867, 0x3a4c6862, 0x3a4e786d, 0x3a508868, 0x3a529863, 0x3a54a86e, 0x3a56b869, 0x3a58c864, 0x3a5ad86f, 0x3a5ce86a, 0x3a5ef865];

// Flag setters with their NZCV (a = x1, b = x2, carry in from the initial C).
const SETTERS: [string, number, (a: bigint, b: bigint, c: number) => number][] = [
  ['cmp x1, x2', CMP_X1_X2, (a, b) => subFlags(a, b, 1).nzcv],
  ['cmp w1, w2', CMP_W1_W2, (a, b) => subFlags(a, b, 0).nzcv],
  ['cmn x1, x2', CMN_X1_X2, (a, b) => addFlags(a, b, 1).nzcv],
  ['cmn w1, w2', CMN_W1_W2, (a, b) => addFlags(a, b, 0).nzcv],
  ['adds x3, x1, x2', ADDS_X3_X1_X2, (a, b) => addFlags(a, b, 1).nzcv],
  ['subs w3, w1, w2', SUBS_W3_W1_W2, (a, b) => subFlags(a, b, 0).nzcv],
  ['tst x1, x2', TST_X1_X2, (a, b) => logicFlags(a & b, 1)],
  ['ands w3, w1, w2', ANDS_W3_W1_W2, (a, b) => logicFlags(a & b, 0)],
  ['bics x3, x1, x2', BICS_X3_X1_X2, (a, b) => logicFlags(a & ~b, 1)],
  ['tst x1, #0x8000000000000001', TST_X1_IMM, (a) => logicFlags(a & 0x8000_0000_0000_0001n, 1)],
  ['adcs x3, x1, x2', ADCS_X3_X1_X2, (a, b, c) => addWithCarry(a, b, c, 1).nzcv],
  ['sbcs w3, w1, w2', SBCS_W3_W1_W2, (a, b, c) => addWithCarry(a, ~b, c, 0).nzcv],
  ['cmp x1, #0x10', CMP_X1_IMM, (a) => subFlags(a, 16n, 1).nzcv],
  ['cmp w1, w2, sxtb', CMP_W1_W2_SXTB, (a, b) => subFlags(a, BigInt.asIntN(8, b), 0).nzcv],
];

const COND_PAIRS: [bigint, bigint][] = [
  ...PAIRS,
  [3n, 5n], [5n, 3n], [M64 - 2n, 3n], [0x8000_0000_0000_0010n, 0x10n], [0x7fff_ffffn, 0x8000_0000n], [0x10n, 0x10n],
];

describe('condition codes from every kind of flag setter', () => {
  for (const [name, word, model] of SETTERS) {
    it(`${name}: r.nzcv, B.cond and CSET in the same block and across blocks`, () => {
      COND_PAIRS.forEach(([a, b], i) => {
        const init = i & 1 ? 0b0010 : 0b1001;
        const flags = model(a, b, (init >> 1) & 1);
        const x = { 0: 2n, 1: a, 2: b };
        const ctx = (c: number, how: string): string => `${name} a=${a.toString(16)} b=${b.toString(16)} cond ${c} ${how}`;
        expect(runA64([word], { x, nzcv: init }).nzcv, ctx(-1, 'nzcv')).toBe(flags);
        for (let c = 0; c < 15; c++) {
          const taken = condHolds(c, flags) ? 2n : 1n;
          expect(runA64([word, B_COND_8[c], MOV_X0_1], { x, nzcv: init }).x[0], ctx(c, 'b.cond')).toBe(taken);
          expect(runA64([word, B_NEXT, B_COND_8[c], MOV_X0_1], { x, nzcv: init }).x[0], ctx(c, 'b.cond later')).toBe(taken);
          if (c === 14) continue;
          const set = condHolds(c, flags) ? 1n : 0n;
          expect(runA64([word, CSET_X0[c]], { x, nzcv: init }).x[0], ctx(c, 'cset')).toBe(set);
          expect(runA64([word, B_NEXT, CSET_X0[c]], { x, nzcv: init }).x[0], ctx(c, 'cset later')).toBe(set);
        }
      });
    });
  }

  it('a loop counts down with SUBS and B.NE across iterations', () => {
    // 1: add x0, x0, x1; subs x2, x2, #1; b.ne 1b
    const r = runA64([0x8b010000, 0xf1000442, 0x54ffffc1], { x: { 0: 0n, 1: 3n, 2: 1000n } });
    expect(r.x[0]).toBe(3000n);
    expect(r.nzcv).toBe(0b0110);
  });
});

describe('conditional compare', () => {
  it('ccmp x3, x4 under every condition of cmp x1, x2', () => {
    const vals: [bigint, bigint, bigint, bigint][] = [
      [1n, 1n, 5n, 7n], [1n, 2n, 7n, 5n], [M64, 0n, 1n << 63n, 1n], [0n, M64, (1n << 63n) - 1n, M64], [9n, 9n, 9n, 9n],
    ];
    for (const [a, b, p, q] of vals) {
      const first = subFlags(a, b, 1).nzcv;
      for (let c = 0; c < 16; c++) {
        const want = condHolds(c, first) ? subFlags(p, q, 1).nzcv : (c * 7) & 15;
        const x = { 1: a, 2: b, 3: p, 4: q };
        expect(runA64([CMP_X1_X2, CCMP_X3_X4[c]], { x }).nzcv, `cond ${c}`).toBe(want);
        for (let d = 0; d < 14; d++) {
          const set = condHolds(d, want) ? 1n : 0n;
          expect(runA64([CMP_X1_X2, CCMP_X3_X4[c], CSET_X0[d]], { x }).x[0]).toBe(set);
          expect(runA64([CMP_X1_X2, B_NEXT, CCMP_X3_X4[c], B_NEXT, CSET_X0[d]], { x }).x[0]).toBe(set);
        }
      }
    }
  });

  it('ccmn w3, #imm under every condition of cmp w1, w2', () => {
    for (const [a, b, p] of [[1n, 1n, M32], [2n, 1n, 0x7fff_fff0n], [0x8000_0000n, 1n, 0xffff_ffe2n], [0n, 0n, 0n]]) {
      const first = subFlags(a, b, 0).nzcv;
      for (let c = 0; c < 16; c++) {
        const want = condHolds(c, first) ? addFlags(p, BigInt(c * 2), 0).nzcv : (c * 11) & 15;
        expect(runA64([CMP_W1_W2, CCMN_W3_IMM[c]], { x: { 1: a, 2: b, 3: p } }).nzcv, `cond ${c}`).toBe(want);
      }
    }
  });

  it('ccmn x/w register and ccmp immediate forms', () => {
    // the initial flags hold EQ (Z set) or not
    const x = { 3: M64 - 4n, 4: 5n };
    expect(runA64([CCMN_W3_W4], { x, nzcv: 0b0100 }).nzcv).toBe(addFlags(x[3], 5n, 0).nzcv);
    expect(runA64([CCMN_W3_W4], { x, nzcv: 0b1000 }).nzcv).toBe(0);
    expect(runA64([CCMP_X3_IMM5], { x, nzcv: 0b0100 }).nzcv).toBe(subFlags(x[3], 5n, 1).nzcv);
    expect(runA64([CCMN_X3_IMM31], { x, nzcv: 0b0100 }).nzcv).toBe(addFlags(x[3], 31n, 1).nzcv);
  });
});

describe('conditional select', () => {
  it('csel picks by every condition after cmp', () => {
    for (const [a, b] of COND_PAIRS) {
      const flags = subFlags(a, b, 1).nzcv;
      for (let c = 0; c < 16; c++) {
        const x = { 1: a, 2: b };
        const want = condHolds(c, flags) ? a : b;
        expect(runA64([CMP_X1_X2, CSEL_X0[c]], { x }).x[0]).toBe(want);
        expect(runA64([CMP_X1_X2, B_NEXT, CSEL_X0[c]], { x }).x[0]).toBe(want);
        expect(runA64([CMP_X1_X2, CSEL_W0[c]], { x: { 0: M64, ...x } }).x[0]).toBe(want & M32);
      }
    }
  });

  it('csinc, csinv and csneg compute their alternative with 64-bit carries', () => {
    const vals = [0n, M64, 0xffff_ffffn, 1n << 63n, 5n, 0x1_0000_0000n];
    for (const m of vals) {
      const x = { 1: 0x1111n, 2: m };
      const eq = 0b0100, ne = 0;
      expect(runA64([CSINC_X], { x, nzcv: ne }).x[0]).toBe((m + 1n) & M64);
      expect(runA64([CSINV_X], { x, nzcv: ne }).x[0]).toBe(~m & M64);
      expect(runA64([CSNEG_X], { x, nzcv: ne }).x[0]).toBe(-m & M64);
      expect(runA64([CSINC_W], { x, nzcv: ne }).x[0]).toBe((m + 1n) & M32);
      expect(runA64([CSINV_W], { x, nzcv: ne }).x[0]).toBe(~m & M32);
      expect(runA64([CSNEG_W], { x, nzcv: ne }).x[0]).toBe(-m & M32);
      for (const w of [CSEL_X, CSINC_X, CSINV_X, CSNEG_X]) expect(runA64([w], { x, nzcv: eq }).x[0]).toBe(0x1111n);
      for (const w of [CSEL_W, CSINC_W, CSINV_W, CSNEG_W]) expect(runA64([w], { x: { 0: M64, ...x }, nzcv: eq }).x[0]).toBe(0x1111n);
    }
  });
});
