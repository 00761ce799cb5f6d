// Logical immediates, bitfield moves, EXTR, variable shifts, divide, multiply, the
// one-source bit operations and CRC32, against BigInt models of the Arm ARM pseudocode;
// plus the 64-bit division helpers against BigInt. Words from aarch64-linux-gnu-as.
import { describe, expect, it } from 'vitest';
import { a64sdiv64, a64udiv64, runtime } from '../../src/targets/aarch64/insns/dp-reg.js';
import { hi as hiResult } from '../../src/translate/int64.js';
import { runA64 } from './driver.js';

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;
const maskOf = (sf: number): bigint => (sf ? M64 : M32);
const widthOf = (sf: number): number => (sf ? 64 : 32);
const ones = (n: number): bigint => (1n << BigInt(n)) - 1n;
const ror = (v: bigint, r: number, w: number): bigint =>
  r === 0 ? v : ((v >> BigInt(r)) | (v << BigInt(w - r))) & ones(w);

const VALUES = [
  0n, 1n, M64, 1n << 63n, (1n << 63n) - 1n, 0x8000_0000n, 0x7fff_ffffn, 0xffff_ffffn, 0x1_0000_0000n,
  0x0123_4567_89ab_cdefn, 0xfedc_ba98_7654_3210n, 0xffff_ffff_8000_0000n, 0x8000_0000_0000_0001n, 0x5555_aaaa_3333_ccccn,
];

const BITFIELD: [number, string][] = [
  [0xd37ff820, 'lsl x0, x1, #1'],
  [0xd3618020, 'lsl x0, x1, #31'],
  [0xd3607c20, 'lsl x0, x1, #32'],
  [0xd35f7820, 'lsl x0, x1, #33'],
  [0xd3410020, 'lsl x0, x1, #63'],
  [0xd340fc20, 'lsr x0, x1, #0'],
  [0x9340fc20, 'asr x0, x1, #0'],
  [0xd341fc20, 'lsr x0, x1, #1'],
  [0x9341fc20, 'asr x0, x1, #1'],
  [0xd35ffc20, 'lsr x0, x1, #31'],
  [0x935ffc20, 'asr x0, x1, #31'],
  [0xd360fc20, 'lsr x0, x1, #32'],
  [0x9360fc20, 'asr x0, x1, #32'],
  [0xd37ffc20, 'lsr x0, x1, #63'],
  [0x937ffc20, 'asr x0, x1, #63'],
  [0x93401c20, 'sxtb x0, w1'],
  [0x93403c20, 'sxth x0, w1'],
  [0x93407c20, 'sxtw x0, w1'],
  [0x53001c20, 'uxtb w0, w1'],
  [0x53003c20, 'uxth w0, w1'],
  [0x13001c20, 'sxtb w0, w1'],
  [0x13003c20, 'sxth w0, w1'],
  [0xd3400020, 'ubfx x0, x1, #0, #1'],
  [0x93400020, 'sbfx x0, x1, #0, #1'],
  [0xd3407c20, 'ubfx x0, x1, #0, #32'],
  [0x93407c20, 'sxtw x0, w1'],
  [0xd341fc20, 'lsr x0, x1, #1'],
  [0x9341fc20, 'asr x0, x1, #1'],
  [0xd35f8020, 'ubfx x0, x1, #31, #2'],
  [0x935f8020, 'sbfx x0, x1, #31, #2'],
  [0xd360fc20, 'lsr x0, x1, #32'],
  [0x9360fc20, 'asr x0, x1, #32'],
  [0xd368fc20, 'lsr x0, x1, #40'],
  [0x9368fc20, 'asr x0, x1, #40'],
  [0xd37cfc20, 'lsr x0, x1, #60'],
  [0x937cfc20, 'asr x0, x1, #60'],
  [0xd3401c20, 'ubfx x0, x1, #0, #8'],
  [0x93401c20, 'sxtb x0, w1'],
  [0xd3618420, 'ubfx x0, x1, #33, #1'],
  [0x93618420, 'sbfx x0, x1, #33, #1'],
  [0xd37f0020, 'ubfiz x0, x1, #1, #1'],
  [0x937f0020, 'sbfiz x0, x1, #1, #1'],
  [0xb37f0020, 'bfi x0, x1, #1, #1'],
  [0xd3610420, 'ubfiz x0, x1, #31, #2'],
  [0x93610420, 'sbfiz x0, x1, #31, #2'],
  [0xb3610420, 'bfi x0, x1, #31, #2'],
  [0xd3607c20, 'lsl x0, x1, #32'],
  [0x93607c20, 'sbfiz x0, x1, #32, #32'],
  [0xb3607c20, 'bfi x0, x1, #32, #32'],
  [0xd37ff820, 'lsl x0, x1, #1'],
  [0x937ff820, 'sbfiz x0, x1, #1, #63'],
  [0xb37ff820, 'bfi x0, x1, #1, #63'],
  [0xd3783c20, 'ubfiz x0, x1, #8, #16'],
  [0x93783c20, 'sbfiz x0, x1, #8, #16'],
  [0xb3783c20, 'bfi x0, x1, #8, #16'],
  [0xd3410020, 'lsl x0, x1, #63'],
  [0x93410020, 'sbfiz x0, x1, #63, #1'],
  [0xb3410020, 'bfi x0, x1, #63, #1'],
  [0xd3624c20, 'ubfiz x0, x1, #30, #20'],
  [0x93624c20, 'sbfiz x0, x1, #30, #20'],
  [0xb3624c20, 'bfi x0, x1, #30, #20'],
  [0xb3400020, 'bfxil x0, x1, #0, #1'],
  [0xb340fc20, 'bfxil x0, x1, #0, #64'],
  [0xb341fc20, 'bfxil x0, x1, #1, #63'],
  [0xb35f8020, 'bfxil x0, x1, #31, #2'],
  [0xb360fc20, 'bfxil x0, x1, #32, #32'],
  [0xb368fc20, 'bfxil x0, x1, #40, #24'],
  [0xb37cfc20, 'bfxil x0, x1, #60, #4'],
  [0xb3783fe0, 'bfc x0, #8, #16'],
  [0xb3641fe0, 'bfc x0, #28, #8'],
  [0x531f7820, 'lsl w0, w1, #1'],
  [0x53103c20, 'lsl w0, w1, #16'],
  [0x53010020, 'lsl w0, w1, #31'],
  [0x53007c20, 'lsr w0, w1, #0'],
  [0x13007c20, 'asr w0, w1, #0'],
  [0x53017c20, 'lsr w0, w1, #1'],
  [0x13017c20, 'asr w0, w1, #1'],
  [0x531f7c20, 'lsr w0, w1, #31'],
  [0x131f7c20, 'asr w0, w1, #31'],
  [0x53000020, 'ubfx w0, w1, #0, #1'],
  [0x13000020, 'sbfx w0, w1, #0, #1'],
  [0x33000020, 'bfxil w0, w1, #0, #1'],
  [0x53042c20, 'ubfx w0, w1, #4, #8'],
  [0x13042c20, 'sbfx w0, w1, #4, #8'],
  [0x33042c20, 'bfxil w0, w1, #4, #8'],
  [0x531f7c20, 'lsr w0, w1, #31'],
  [0x131f7c20, 'asr w0, w1, #31'],
  [0x331f7c20, 'bfxil w0, w1, #31, #1'],
  [0x53007820, 'ubfx w0, w1, #0, #31'],
  [0x13007820, 'sbfx w0, w1, #0, #31'],
  [0x33007820, 'bfxil w0, w1, #0, #31'],
  [0x53017c20, 'lsr w0, w1, #1'],
  [0x13017c20, 'asr w0, w1, #1'],
  [0x33017c20, 'bfxil w0, w1, #1, #31'],
  [0x53107c20, 'lsr w0, w1, #16'],
  [0x13107c20, 'asr w0, w1, #16'],
  [0x33107c20, 'bfxil w0, w1, #16, #16'],
  [0x531f0020, 'ubfiz w0, w1, #1, #1'],
  [0x131f0020, 'sbfiz w0, w1, #1, #1'],
  [0x331f0020, 'bfi w0, w1, #1, #1'],
  [0x53185c20, 'lsl w0, w1, #8'],
  [0x13185c20, 'sbfiz w0, w1, #8, #24'],
  [0x33185c20, 'bfi w0, w1, #8, #24'],
  [0x53010020, 'lsl w0, w1, #31'],
  [0x13010020, 'sbfiz w0, w1, #31, #1'],
  [0x33010020, 'bfi w0, w1, #31, #1'],
  [0x531c0c20, 'ubfiz w0, w1, #4, #4'],
  [0x131c0c20, 'sbfiz w0, w1, #4, #4'],
  [0x331c0c20, 'bfi w0, w1, #4, #4'],
  [0x531f7420, 'ubfiz w0, w1, #1, #30'],
  [0x131f7420, 'sbfiz w0, w1, #1, #30'],
  [0x331f7420, 'bfi w0, w1, #1, #30'],
];
// [word, text, immediate]
const LOGIC_IMM: [number, string, bigint][] = [
  [0x9200f020, 'and x0, x1, #0x5555555555555555', 0x5555555555555555n],
  [0xb200f020, 'orr x0, x1, #0x5555555555555555', 0x5555555555555555n],
  [0xd200f020, 'eor x0, x1, #0x5555555555555555', 0x5555555555555555n],
  [0xf200f020, 'ands x0, x1, #0x5555555555555555', 0x5555555555555555n],
  [0x9201f020, 'and x0, x1, #0xaaaaaaaaaaaaaaaa', 0xaaaaaaaaaaaaaaaan],
  [0xb201f020, 'orr x0, x1, #0xaaaaaaaaaaaaaaaa', 0xaaaaaaaaaaaaaaaan],
  [0xd201f020, 'eor x0, x1, #0xaaaaaaaaaaaaaaaa', 0xaaaaaaaaaaaaaaaan],
  [0xf201f020, 'ands x0, x1, #0xaaaaaaaaaaaaaaaa', 0xaaaaaaaaaaaaaaaan],
  [0x9200e420, 'and x0, x1, #0x3333333333333333', 0x3333333333333333n],
  [0xb200e420, 'orr x0, x1, #0x3333333333333333', 0x3333333333333333n],
  [0xd200e420, 'eor x0, x1, #0x3333333333333333', 0x3333333333333333n],
  [0xf200e420, 'ands x0, x1, #0x3333333333333333', 0x3333333333333333n],
  [0x9200cc20, 'and x0, x1, #0xf0f0f0f0f0f0f0f', 0xf0f0f0f0f0f0f0fn],
  [0xb200cc20, 'orr x0, x1, #0xf0f0f0f0f0f0f0f', 0xf0f0f0f0f0f0f0fn],
  [0xd200cc20, 'eor x0, x1, #0xf0f0f0f0f0f0f0f', 0xf0f0f0f0f0f0f0fn],
  [0xf200cc20, 'ands x0, x1, #0xf0f0f0f0f0f0f0f', 0xf0f0f0f0f0f0f0fn],
  [0x92009c20, 'and x0, x1, #0xff00ff00ff00ff', 0xff00ff00ff00ffn],
  [0xb2009c20, 'orr x0, x1, #0xff00ff00ff00ff', 0xff00ff00ff00ffn],
  [0xd2009c20, 'eor x0, x1, #0xff00ff00ff00ff', 0xff00ff00ff00ffn],
  [0xf2009c20, 'ands x0, x1, #0xff00ff00ff00ff', 0xff00ff00ff00ffn],
  [0x92003c20, 'and x0, x1, #0xffff0000ffff', 0xffff0000ffffn],
  [0xb2003c20, 'orr x0, x1, #0xffff0000ffff', 0xffff0000ffffn],
  [0xd2003c20, 'eor x0, x1, #0xffff0000ffff', 0xffff0000ffffn],
  [0xf2003c20, 'ands x0, x1, #0xffff0000ffff', 0xffff0000ffffn],
  [0x92407c20, 'and x0, x1, #0xffffffff', 0xffffffffn],
  [0xb2407c20, 'orr x0, x1, #0xffffffff', 0xffffffffn],
  [0xd2407c20, 'eor x0, x1, #0xffffffff', 0xffffffffn],
  [0xf2407c20, 'ands x0, x1, #0xffffffff', 0xffffffffn],
  [0x92607c20, 'and x0, x1, #0xffffffff00000000', 0xffffffff00000000n],
  [0xb2607c20, 'orr x0, x1, #0xffffffff00000000', 0xffffffff00000000n],
  [0xd2607c20, 'eor x0, x1, #0xffffffff00000000', 0xffffffff00000000n],
  [0xf2607c20, 'ands x0, x1, #0xffffffff00000000', 0xffffffff00000000n],
  [0x92410020, 'and x0, x1, #0x8000000000000000', 0x8000000000000000n],
  [0xb2410020, 'orr x0, x1, #0x8000000000000000', 0x8000000000000000n],
  [0xd2410020, 'eor x0, x1, #0x8000000000000000', 0x8000000000000000n],
  [0xf2410020, 'ands x0, x1, #0x8000000000000000', 0x8000000000000000n],
  [0x9240f820, 'and x0, x1, #0x7fffffffffffffff', 0x7fffffffffffffffn],
  [0xb240f820, 'orr x0, x1, #0x7fffffffffffffff', 0x7fffffffffffffffn],
  [0xd240f820, 'eor x0, x1, #0x7fffffffffffffff', 0x7fffffffffffffffn],
  [0xf240f820, 'ands x0, x1, #0x7fffffffffffffff', 0x7fffffffffffffffn],
  [0x927ff820, 'and x0, x1, #0xfffffffffffffffe', 0xfffffffffffffffen],
  [0xb27ff820, 'orr x0, x1, #0xfffffffffffffffe', 0xfffffffffffffffen],
  [0xd27ff820, 'eor x0, x1, #0xfffffffffffffffe', 0xfffffffffffffffen],
  [0xf27ff820, 'ands x0, x1, #0xfffffffffffffffe', 0xfffffffffffffffen],
  [0x92400020, 'and x0, x1, #0x1', 0x1n],
  [0xb2400020, 'orr x0, x1, #0x1', 0x1n],
  [0xd2400020, 'eor x0, x1, #0x1', 0x1n],
  [0xf2400020, 'ands x0, x1, #0x1', 0x1n],
  [0x92484c20, 'and x0, x1, #0xff00000000000fff', 0xff00000000000fffn],
  [0xb2484c20, 'orr x0, x1, #0xff00000000000fff', 0xff00000000000fffn],
  [0xd2484c20, 'eor x0, x1, #0xff00000000000fff', 0xff00000000000fffn],
  [0xf2484c20, 'ands x0, x1, #0xff00000000000fff', 0xff00000000000fffn],
  [0x92410420, 'and x0, x1, #0x8000000000000001', 0x8000000000000001n],
  [0xb2410420, 'orr x0, x1, #0x8000000000000001', 0x8000000000000001n],
  [0xd2410420, 'eor x0, x1, #0x8000000000000001', 0x8000000000000001n],
  [0xf2410420, 'ands x0, x1, #0x8000000000000001', 0x8000000000000001n],
  [0x9202cc20, 'and x0, x1, #0xc3c3c3c3c3c3c3c3', 0xc3c3c3c3c3c3c3c3n],
  [0xb202cc20, 'orr x0, x1, #0xc3c3c3c3c3c3c3c3', 0xc3c3c3c3c3c3c3c3n],
  [0xd202cc20, 'eor x0, x1, #0xc3c3c3c3c3c3c3c3', 0xc3c3c3c3c3c3c3c3n],
  [0xf202cc20, 'ands x0, x1, #0xc3c3c3c3c3c3c3c3', 0xc3c3c3c3c3c3c3c3n],
  [0x9203e420, 'and x0, x1, #0x6666666666666666', 0x6666666666666666n],
  [0xb203e420, 'orr x0, x1, #0x6666666666666666', 0x6666666666666666n],
  [0xd203e420, 'eor x0, x1, #0x6666666666666666', 0x6666666666666666n],
  [0xf203e420, 'ands x0, x1, #0x6666666666666666', 0x6666666666666666n],
  [0x920f3820, 'and x0, x1, #0xfffe0000fffe0000', 0xfffe0000fffe0000n],
  [0xb20f3820, 'orr x0, x1, #0xfffe0000fffe0000', 0xfffe0000fffe0000n],
  [0xd20f3820, 'eor x0, x1, #0xfffe0000fffe0000', 0xfffe0000fffe0000n],
  [0xf20f3820, 'ands x0, x1, #0xfffe0000fffe0000', 0xfffe0000fffe0000n],
  [0x92610020, 'and x0, x1, #0x80000000', 0x80000000n],
  [0xb2610020, 'orr x0, x1, #0x80000000', 0x80000000n],
  [0xd2610020, 'eor x0, x1, #0x80000000', 0x80000000n],
  [0xf2610020, 'ands x0, x1, #0x80000000', 0x80000000n],
  [0x92408020, 'and x0, x1, #0x1ffffffff', 0x1ffffffffn],
  [0xb2408020, 'orr x0, x1, #0x1ffffffff', 0x1ffffffffn],
  [0xd2408020, 'eor x0, x1, #0x1ffffffff', 0x1ffffffffn],
  [0xf2408020, 'ands x0, x1, #0x1ffffffff', 0x1ffffffffn],
  [0x1200f020, 'and w0, w1, #0x55555555', 0x55555555n],
  [0x3200f020, 'orr w0, w1, #0x55555555', 0x55555555n],
  [0x5200f020, 'eor w0, w1, #0x55555555', 0x55555555n],
  [0x7200f020, 'ands w0, w1, #0x55555555', 0x55555555n],
  [0x12001c20, 'and w0, w1, #0xff', 0xffn],
  [0x32001c20, 'orr w0, w1, #0xff', 0xffn],
  [0x52001c20, 'eor w0, w1, #0xff', 0xffn],
  [0x72001c20, 'ands w0, w1, #0xff', 0xffn],
  [0x12010020, 'and w0, w1, #0x80000000', 0x80000000n],
  [0x32010020, 'orr w0, w1, #0x80000000', 0x80000000n],
  [0x52010020, 'eor w0, w1, #0x80000000', 0x80000000n],
  [0x72010020, 'ands w0, w1, #0x80000000', 0x80000000n],
  [0x12007820, 'and w0, w1, #0x7fffffff', 0x7fffffffn],
  [0x32007820, 'orr w0, w1, #0x7fffffff', 0x7fffffffn],
  [0x52007820, 'eor w0, w1, #0x7fffffff', 0x7fffffffn],
  [0x72007820, 'ands w0, w1, #0x7fffffff', 0x7fffffffn],
  [0x121f7820, 'and w0, w1, #0xfffffffe', 0xfffffffen],
  [0x321f7820, 'orr w0, w1, #0xfffffffe', 0xfffffffen],
  [0x521f7820, 'eor w0, w1, #0xfffffffe', 0xfffffffen],
  [0x721f7820, 'ands w0, w1, #0xfffffffe', 0xfffffffen],
  [0x12041c20, 'and w0, w1, #0xf000000f', 0xf000000fn],
  [0x32041c20, 'orr w0, w1, #0xf000000f', 0xf000000fn],
  [0x52041c20, 'eor w0, w1, #0xf000000f', 0xf000000fn],
  [0x72041c20, 'ands w0, w1, #0xf000000f', 0xf000000fn],
  [0x12009c20, 'and w0, w1, #0xff00ff', 0xff00ffn],
  [0x32009c20, 'orr w0, w1, #0xff00ff', 0xff00ffn],
  [0x52009c20, 'eor w0, w1, #0xff00ff', 0xff00ffn],
  [0x72009c20, 'ands w0, w1, #0xff00ff', 0xff00ffn],
  [0x12000020, 'and w0, w1, #0x1', 0x1n],
  [0x32000020, 'orr w0, w1, #0x1', 0x1n],
  [0x52000020, 'eor w0, w1, #0x1', 0x1n],
  [0x72000020, 'ands w0, w1, #0x1', 0x1n],
  [0x1202e420, 'and w0, w1, #0xcccccccc', 0xccccccccn],
  [0x3202e420, 'orr w0, w1, #0xcccccccc', 0xccccccccn],
  [0x5202e420, 'eor w0, w1, #0xcccccccc', 0xccccccccn],
  [0x7202e420, 'ands w0, w1, #0xcccccccc', 0xccccccccn],
  [0x927cec3f, 'and sp, x1, #0xfffffffffffffff0', 0xfffffffffffffff0n],
  [0x32000c3f, 'orr wsp, w1, #0xf', 0xfn],
  [0xd240003f, 'eor sp, x1, #0x1', 0x1n],
  [0xb200f3e0, 'mov x0, #0x5555555555555555', 0x5555555555555555n],
  [0x3204cfe0, 'mov w0, #0xf0f0f0f0', 0xf0f0f0f0n],
  [0xf2401c3f, 'tst x1, #0xff', 0xffn],
  [0x7201003f, 'tst w1, #0x80000000', 0x80000000n],
  [0x92401c21, 'and x1, x1, #0xff', 0xffn],
];
const EXTR: [number, string][] = [
  [0x93c20020, 'extr x0, x1, x2, #0'],
  [0x93c20420, 'extr x0, x1, x2, #1'],
  [0x93c27c20, 'extr x0, x1, x2, #31'],
  [0x93c28020, 'extr x0, x1, x2, #32'],
  [0x93c28420, 'extr x0, x1, x2, #33'],
  [0x93c2fc20, 'extr x0, x1, x2, #63'],
  [0x13820020, 'extr w0, w1, w2, #0'],
  [0x13820420, 'extr w0, w1, w2, #1'],
  [0x13824020, 'extr w0, w1, w2, #16'],
  [0x13827c20, 'extr w0, w1, w2, #31'],
  [0x93c13420, 'ror x0, x1, #13'],
  [0x13811c20, 'ror w0, w1, #7'],
  [0x93c2a021, 'extr x1, x1, x2, #40'],
];

describe('logical (immediate)', () => {
  it('and/orr/eor/ands with immediates of every element size', () => {
    for (const [word, text, imm] of LOGIC_IMM) {
      const sf = word >>> 31, opc = (word >>> 29) & 3, rn = (word >>> 5) & 31, rd = word & 31;
      for (const v of VALUES) {
        const r = runA64([word], { x: { 0: 0x77n, 1: v }, sp: 0x9990n, nzcv: 0b0011 });
        const a = rn === 31 ? 0n : v & maskOf(sf);
        const res = [a & imm, a | imm, a ^ imm, a & imm][opc];
        const out = rd === 31 ? (opc === 3 ? null : r.sp) : r.x[rd];
        if (out !== null) expect(out, `${text} ${v.toString(16)}`).toBe(res);
        const flags = opc === 3 ? ((res >> BigInt(widthOf(sf) - 1)) & 1n ? 8 : 0) | (res === 0n ? 4 : 0) : 0b0011;
        expect(r.nzcv, text).toBe(flags);
      }
    }
  });
});

/** SBFM (opc 0), BFM (1), UBFM (2) as the Arm ARM writes them, with wmask and tmask. */
function bitfieldModel(sf: number, opc: number, immr: number, imms: number, src: bigint, dst: bigint): bigint {
  const w = widthOf(sf), m = maskOf(sf);
  src &= m;
  const wmask = ror(ones(imms + 1), immr, w);
  const tmask = ones(((imms - immr) & (w - 1)) + 1);
  const d = opc === 1 ? dst & m : 0n;
  const bot = (d & ~wmask) | (ror(src, immr, w) & wmask);
  const top = opc === 0 ? ((src >> BigInt(imms)) & 1n ? m : 0n) : d;
  return ((top & ~tmask) | (bot & tmask)) & m;
}

describe('bitfield moves', () => {
  it('every alias form, 32 and 64 bit', () => {
    for (const [word, text] of BITFIELD) {
      const sf = word >>> 31, opc = (word >>> 29) & 3, immr = (word >>> 16) & 63, imms = (word >>> 10) & 63;
      const rn = (word >>> 5) & 31;
      for (const v of VALUES) {
        const dst = 0xa5a5_5a5a_f00f_0ff0n;
        const r = runA64([word], { x: { 0: dst, 1: v } });
        expect(r.x[0], `${text} ${v.toString(16)}`).toBe(bitfieldModel(sf, opc, immr, imms, rn === 31 ? 0n : v, dst));
      }
    }
  });
});

describe('extract', () => {
  it('extr and ror', () => {
    for (const [word, text] of EXTR) {
      const sf = word >>> 31, lsb = BigInt((word >>> 10) & 63), rm = (word >>> 16) & 31, rd = word & 31;
      for (const a of VALUES) {
        for (const b of [0x1234_5678_9abc_def0n, M64, 0n]) {
          const r = runA64([word], { x: { 1: a, 2: b } });
          const w = BigInt(widthOf(sf)), m = maskOf(sf);
          const low = rm === 1 ? a & m : b & m;
          const want = ((((a & m) << w) | low) >> lsb) & m;
          expect(r.x[rd], `${text} ${a.toString(16)} ${b.toString(16)}`).toBe(want);
        }
      }
    }
  });
});

const LSLV_X = 0x9ac22020; // lsl x0, x1, x2
const LSRV_X = 0x9ac22420; // lsr x0, x1, x2
const ASRV_X = 0x9ac22820; // asr x0, x1, x2
const RORV_X = 0x9ac22c20; // ror x0, x1, x2
const LSLV_W = 0x1ac22020; // lsl w0, w1, w2
const LSRV_W = 0x1ac22420; // lsr w0, w1, w2
const ASRV_W = 0x1ac22820; // asr w0, w1, w2
const RORV_W = 0x1ac22c20; // ror w0, w1, w2
const UDIV_X = 0x9ac20820; // udiv x0, x1, x2
const SDIV_X = 0x9ac20c20; // sdiv x0, x1, x2
const UDIV_W = 0x1ac20820; // udiv w0, w1, w2
const SDIV_W = 0x1ac20c20; // sdiv w0, w1, w2
const MADD_X = 0x9b020c20; // madd x0, x1, x2, x3
const MSUB_X = 0x9b028c20; // msub x0, x1, x2, x3
const MUL_X = 0x9b027c20; // mul x0, x1, x2
const MNEG_X = 0x9b02fc20; // mneg x0, x1, x2
const MADD_W = 0x1b020c20; // madd w0, w1, w2, w3
const MSUB_W = 0x1b028c20; // msub w0, w1, w2, w3
const MUL_W = 0x1b027c20; // mul w0, w1, w2
const SMADDL = 0x9b220c20; // smaddl x0, w1, w2, x3
const SMSUBL = 0x9b228c20; // smsubl x0, w1, w2, x3
const UMADDL = 0x9ba20c20; // umaddl x0, w1, w2, x3
const UMSUBL = 0x9ba28c20; // umsubl x0, w1, w2, x3
const SMULL = 0x9b227c20; // smull x0, w1, w2
const UMULL = 0x9ba27c20; // umull x0, w1, w2
const SMULH = 0x9b427c20; // smulh x0, x1, x2
const UMULH = 0x9bc27c20; // umulh x0, x1, x2
const RBIT_X = 0xdac00020; // rbit x0, x1
const RBIT_W = 0x5ac00020; // rbit w0, w1
const REV16_X = 0xdac00420; // rev16 x0, x1
const REV16_W = 0x5ac00420; // rev16 w0, w1
const REV32_X = 0xdac00820; // rev32 x0, x1
const REV_X = 0xdac00c20; // rev x0, x1
const REV_W = 0x5ac00820; // rev w0, w1
const CLZ_X = 0xdac01020; // clz x0, x1
const CLZ_W = 0x5ac01020; // clz w0, w1
const CLS_X = 0xdac01420; // cls x0, x1
const CLS_W = 0x5ac01420; // cls w0, w1
const CRC32X = 0x9ac14c00; // crc32x w0, w0, x1
const CRC32B = 0x1ac24000; // crc32b w0, w0, w2
const CRC32CX = 0x9ac15c00; // crc32cx w0, w0, x1
const CRC32CB = 0x1ac25000; // crc32cb w0, w0, w2
const CRC32H = 0x1ac24400; // crc32h w0, w0, w2
const CRC32W = 0x1ac24800; // crc32w w0, w0, w2
const CRC32CH = 0x1ac25400; // crc32ch w0, w0, w2
const CRC32CW = 0x1ac25800; // crc32cw w0, w0, w2
const MVN_W0 = 0x2a2003e0; // mvn w0, w0

describe('variable shifts', () => {
  const amounts = [0n, 1n, 15n, 31n, 32n, 33n, 63n, 64n, 65n, 127n, M64, 0x1_0000_0020n];
  const cases: [string, number, number, number][] = [
    ['lsl x', LSLV_X, 1, 0], ['lsr x', LSRV_X, 1, 1], ['asr x', ASRV_X, 1, 2], ['ror x', RORV_X, 1, 3],
    ['lsl w', LSLV_W, 0, 0], ['lsr w', LSRV_W, 0, 1], ['asr w', ASRV_W, 0, 2], ['ror w', RORV_W, 0, 3],
  ];
  for (const [name, word, sf, type] of cases) {
    it(`${name}: the amount is taken modulo the width`, () => {
      const w = widthOf(sf), m = maskOf(sf);
      for (const v of VALUES) {
        for (const amt of amounts) {
          const n = Number(amt % BigInt(w));
          const x = v & m;
          const want = [
            (x << BigInt(n)) & m,
            x >> BigInt(n),
            BigInt.asUintN(w, BigInt.asIntN(w, x) >> BigInt(n)),
            ror(x, n, w),
          ][type];
          expect(runA64([word], { x: { 1: v, 2: amt } }).x[0], `${name} ${v.toString(16)} by ${amt}`).toBe(want);
        }
      }
    });
  }
});

describe('divide', () => {
  const divisors = [0n, 1n, M64, 2n, 3n, 10n, 0xffff_ffffn, 0x1_0000_0000n, 0x1_0000_0001n, 1n << 63n, (1n << 63n) - 1n,
    0xffff_ffff_0000_0000n, 0x8000_0000n, 7n, M64 - 6n];
  const model = (sf: number, signed: boolean, a: bigint, b: bigint): bigint => {
    const w = widthOf(sf), m = maskOf(sf);
    a &= m;
    b &= m;
    if (b === 0n) return 0n;
    if (!signed) return a / b;
    return BigInt.asUintN(w, BigInt.asIntN(w, a) / BigInt.asIntN(w, b)); // BigInt division truncates toward zero
  };
  const cases: [string, number, number, boolean][] = [
    ['udiv x', UDIV_X, 1, false], ['sdiv x', SDIV_X, 1, true], ['udiv w', UDIV_W, 0, false], ['sdiv w', SDIV_W, 0, true],
  ];
  for (const [name, word, sf, signed] of cases) {
    it(`${name}: zero divisor gives 0, INT_MIN / -1 wraps`, () => {
      for (const a of [...VALUES, 100n, M64 - 99n, 0xffff_ffff_ffff_fff9n]) {
        for (const b of divisors) {
          expect(runA64([word], { x: { 1: a, 2: b } }).x[0], `${name} ${a.toString(16)} / ${b.toString(16)}`).toBe(model(sf, signed, a, b));
        }
      }
    });
  }

  it('edge results spelled out', () => {
    const min = 1n << 63n;
    expect(runA64([SDIV_X], { x: { 1: min, 2: M64 } }).x[0]).toBe(min);
    expect(runA64([SDIV_W], { x: { 1: 0x8000_0000n, 2: M32 } }).x[0]).toBe(0x8000_0000n);
    expect(runA64([SDIV_X], { x: { 1: M64 - 6n, 2: 2n } }).x[0]).toBe(M64 - 2n); // -7 / 2 = -3
    expect(runA64([UDIV_X], { x: { 1: 123n, 2: 0n } }).x[0]).toBe(0n);
    expect(runA64([SDIV_W], { x: { 0: M64, 1: 5n, 2: 0n } }).x[0]).toBe(0n);
  });

  it('a64udiv64 and a64sdiv64 agree with BigInt on random operands of every magnitude', () => {
    let s = 0x9e3779b97f4a7c15n;
    const next = (): bigint => {
      s = (s * 6364136223846793005n + 1442695040888963407n) & M64;
      const bits = Number(s >> 58n) + 1; // 1..64 significant bits
      return (s ^ (s >> 29n) ^ (s << 17n)) & ones(bits) & M64;
    };
    const lo = (v: bigint): number => Number(BigInt.asIntN(32, v));
    const hi = (v: bigint): number => Number(BigInt.asIntN(32, v >> 32n));
    const join = (l: number): bigint => ((BigInt(hiResult[0] >>> 0) << 32n) | BigInt(l >>> 0));
    for (let i = 0; i < 20000; i++) {
      const a = i % 7 === 0 ? M64 - next() : next();
      const b = i % 5 === 0 ? M64 - next() : next();
      const q = join(a64udiv64(lo(a), hi(a), lo(b), hi(b)));
      expect(q, `${a} / ${b}`).toBe(b === 0n ? 0n : a / b);
      const sq = join(a64sdiv64(lo(a), hi(a), lo(b), hi(b)));
      const sa = BigInt.asIntN(64, a), sb = BigInt.asIntN(64, b);
      expect(sq, `${sa} / ${sb}`).toBe(sb === 0n ? 0n : BigInt.asUintN(64, sa / sb));
    }
  });
});

describe('multiply', () => {
  const vals = [0n, 1n, M64, 1n << 63n, (1n << 63n) - 1n, 0xffff_ffffn, 0x8000_0000n, 0x7fff_ffffn, 0x1_0000_0001n,
    0x0123_4567_89ab_cdefn, 0xfedc_ba98_7654_3210n, 0xffff_ffff_8000_0000n];
  const s32 = (v: bigint): bigint => BigInt.asIntN(32, v);
  const u32 = (v: bigint): bigint => v & M32;
  const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
  const cases: [string, number, (a: bigint, b: bigint, c: bigint) => bigint][] = [
    ['madd x', MADD_X, (a, b, c) => (c + a * b) & M64],
    ['msub x', MSUB_X, (a, b, c) => (c - a * b) & M64],
    ['mul x', MUL_X, (a, b) => (a * b) & M64],
    ['mneg x', MNEG_X, (a, b) => -(a * b) & M64],
    ['madd w', MADD_W, (a, b, c) => (c + a * b) & M32],
    ['msub w', MSUB_W, (a, b, c) => (c - a * b) & M32],
    ['mul w', MUL_W, (a, b) => (a * b) & M32],
    ['smaddl', SMADDL, (a, b, c) => (c + s32(a) * s32(b)) & M64],
    ['smsubl', SMSUBL, (a, b, c) => (c - s32(a) * s32(b)) & M64],
    ['umaddl', UMADDL, (a, b, c) => (c + u32(a) * u32(b)) & M64],
    ['umsubl', UMSUBL, (a, b, c) => (c - u32(a) * u32(b)) & M64],
    ['smull', SMULL, (a, b) => (s32(a) * s32(b)) & M64],
    ['umull', UMULL, (a, b) => (u32(a) * u32(b)) & M64],
    ['smulh', SMULH, (a, b) => ((s64(a) * s64(b)) >> 64n) & M64],
    ['umulh', UMULH, (a, b) => (a * b) >> 64n],
  ];
  for (const [name, word, model] of cases) {
    it(name, () => {
      for (const a of vals) {
        for (const b of vals) {
          const c = 0x8000_0000_ffff_fff1n;
          const r = runA64([word], { x: { 0: 0x1234n, 1: a, 2: b, 3: c } });
          expect(r.x[0], `${name} ${a.toString(16)} ${b.toString(16)}`).toBe(model(a, b, c));
        }
      }
    });
  }
});

describe('one-source bit operations', () => {
  const rbit = (v: bigint, w: number): bigint => {
    let r = 0n;
    for (let i = 0; i < w; i++) if ((v >> BigInt(i)) & 1n) r |= 1n << BigInt(w - 1 - i);
    return r;
  };
  const bytes = (v: bigint, n: number): bigint[] => Array.from({ length: n }, (_, i) => (v >> BigInt(8 * i)) & 0xffn);
  const fromBytes = (b: bigint[]): bigint => b.reduce((acc, x, i) => acc | (x << BigInt(8 * i)), 0n);
  /** Reverses bytes within each `chunk`-byte container of a w-bit value. */
  const revIn = (v: bigint, w: number, chunk: number): bigint => {
    const b = bytes(v, w / 8);
    const out: bigint[] = [];
    for (let i = 0; i < b.length; i += chunk) out.push(...b.slice(i, i + chunk).reverse());
    return fromBytes(out);
  };
  const clz = (v: bigint, w: number): bigint => {
    let n = 0n;
    for (let i = w - 1; i >= 0 && !((v >> BigInt(i)) & 1n); i--) n++;
    return n;
  };
  const cls = (v: bigint, w: number): bigint => {
    const top = (v >> BigInt(w - 1)) & 1n;
    let n = 0n;
    for (let i = w - 2; i >= 0 && ((v >> BigInt(i)) & 1n) === top; i--) n++;
    return n;
  };
  const cases: [string, number, number, (v: bigint, w: number) => bigint][] = [
    ['rbit x', RBIT_X, 1, rbit], ['rbit w', RBIT_W, 0, rbit],
    ['rev16 x', REV16_X, 1, (v, w) => revIn(v, w, 2)], ['rev16 w', REV16_W, 0, (v, w) => revIn(v, w, 2)],
    ['rev32 x', REV32_X, 1, (v, w) => revIn(v, w, 4)], ['rev x', REV_X, 1, (v, w) => revIn(v, w, 8)],
    ['rev w', REV_W, 0, (v, w) => revIn(v, w, 4)],
    ['clz x', CLZ_X, 1, clz], ['clz w', CLZ_W, 0, clz], ['cls x', CLS_X, 1, cls], ['cls w', CLS_W, 0, cls],
  ];
  for (const [name, word, sf, model] of cases) {
    it(name, () => {
      const extra = [0x0000_0000_0001_0000n, 0x0000_8000_0000_0000n, 0xffff_ffff_ffff_fffen, 0x3fff_ffff_ffff_ffffn, 0xc000_0000_0000_0000n];
      for (const v of [...VALUES, ...extra]) {
        const w = widthOf(sf);
        expect(runA64([word], { x: { 0: M64, 1: v } }).x[0], `${name} ${v.toString(16)}`).toBe(model(v & maskOf(sf), w));
      }
    });
  }
});

describe('CRC32', () => {
  // "123456789": CRC-32 check value 0xcbf43926, CRC-32C 0xe3069283 (with the usual
  // pre- and post-inversion, which the instructions leave to software)
  const head = 0x3837_3635_3433_3231n; // "12345678" little-endian
  const nine = 0x39n;
  it('crc32x + crc32b and crc32cx + crc32cb give the check values', () => {
    expect(runA64([CRC32X, CRC32B, MVN_W0], { x: { 0: M32, 1: head, 2: nine } }).x[0]).toBe(0xcbf43926n);
    expect(runA64([CRC32CX, CRC32CB, MVN_W0], { x: { 0: M32, 1: head, 2: nine } }).x[0]).toBe(0xe3069283n);
  });
  it('the same bytes through crc32w/crc32h/crc32b agree', () => {
    // crc32w "1234", crc32h "56", crc32h "78", crc32b "9" (w2 reloaded by each run)
    let acc = M32;
    for (const [w, data] of [[CRC32W, 0x3433_3231n], [CRC32H, 0x3635n], [CRC32H, 0x3837n], [CRC32B, nine]] as const) {
      acc = runA64([w], { x: { 0: acc, 2: data | 0xdead_0000_0000n } }).x[0];
    }
    expect(acc ^ M32).toBe(0xcbf43926n);
    acc = M32;
    for (const [w, data] of [[CRC32CW, 0x3433_3231n], [CRC32CH, 0x3635n], [CRC32CH, 0x3837n], [CRC32CB, nine]] as const) {
      acc = runA64([w], { x: { 0: acc, 2: data } }).x[0];
    }
    expect(acc ^ M32).toBe(0xe3069283n);
  });
  it('runtime helpers are exported under unique names', () => {
    expect(Object.keys(runtime).every((k) => k.startsWith('a64'))).toBe(true);
  });
});
