// Disassembly of the data-processing group against aarch64-linux-gnu-objdump (comments
// dropped), reserved encodings decoding to SIGILL, and a guard that the common
// instructions compile to inline int32 code rather than helper calls.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { Emitter } from '../../src/translate/emitter.js';
import { decodeWord } from '../../src/targets/aarch64/decoder.js';
import { CODE, runA64 } from './driver.js';

// [word, objdump text] (objdump -d, armv8.2-a+crc)
const OBJDUMP: [number, string][] = [
  [0x92401c20, 'and x0, x1, #0xff'],
  [0x12001c20, 'and w0, w1, #0xff'],
  [0xb2401fe0, 'orr x0, xzr, #0xff'],
  [0xb200f3e0, 'mov x0, #0x5555555555555555'],
  [0x3200f3e0, 'mov w0, #0x55555555'],
  [0x32003fe0, 'orr w0, wzr, #0xffff'],
  [0xb27c0c3f, 'orr sp, x1, #0xf0'],
  [0xb2103fe2, 'mov x2, #0xffff0000ffff0000'],
  [0xf2400420, 'ands x0, x1, #0x3'],
  [0xf240043f, 'tst x1, #0x3'],
  [0x52010083, 'eor w3, w4, #0x80000000'],
  [0x927cec1f, 'and sp, x0, #0xfffffffffffffff0'],
  [0x9343fc20, 'asr x0, x1, #3'],
  [0xd343fc20, 'lsr x0, x1, #3'],
  [0xd37df020, 'lsl x0, x1, #3'],
  [0x531d7020, 'lsl w0, w1, #3'],
  [0x53001c20, 'uxtb w0, w1'],
  [0x53003c20, 'uxth w0, w1'],
  [0xd3401c20, 'ubfx x0, x1, #0, #8'],
  [0x93401c20, 'sxtb x0, w1'],
  [0x93403c20, 'sxth x0, w1'],
  [0x93407c20, 'sxtw x0, w1'],
  [0x13001c20, 'sxtb w0, w1'],
  [0x13003c20, 'sxth w0, w1'],
  [0x131f7c20, 'asr w0, w1, #31'],
  [0x937c0820, 'sbfiz x0, x1, #4, #3'],
  [0x93442820, 'sbfx x0, x1, #4, #7'],
  [0xd37c0820, 'ubfiz x0, x1, #4, #3'],
  [0xd3442820, 'ubfx x0, x1, #4, #7'],
  [0xb37c0820, 'bfi x0, x1, #4, #3'],
  [0xb3442820, 'bfxil x0, x1, #4, #7'],
  [0xb37c0be0, 'bfc x0, #4, #3'],
  [0x33007c20, 'bfxil w0, w1, #0, #32'],
  [0xd3407c20, 'ubfx x0, x1, #0, #32'],
  [0x93c21420, 'extr x0, x1, x2, #5'],
  [0x93c11420, 'ror x0, x1, #5'],
  [0x13817c20, 'ror w0, w1, #31'],
  [0x8b020020, 'add x0, x1, x2'],
  [0x8b020c20, 'add x0, x1, x2, lsl #3'],
  [0x0b827c20, 'add w0, w1, w2, asr #31'],
  [0xcb0203e0, 'neg x0, x2'],
  [0xcb4213e0, 'neg x0, x2, lsr #4'],
  [0xeb0203e0, 'negs x0, x2'],
  [0xeb02043f, 'cmp x1, x2, lsl #1'],
  [0xab02003f, 'cmn x1, x2'],
  [0x8b2163e0, 'add x0, sp, x1'],
  [0x8b22603f, 'add sp, x1, x2'],
  [0x8b220020, 'add x0, x1, w2, uxtb'],
  [0x8b22c820, 'add x0, x1, w2, sxtw #2'],
  [0x8b22f020, 'add x0, x1, x2, sxtx #4'],
  [0x0b224020, 'add w0, w1, w2, uxtw'],
  [0x0b2243e0, 'add w0, wsp, w2'],
  [0x0b224be0, 'add w0, wsp, w2, lsl #2'],
  [0x8b226be0, 'add x0, sp, x2, lsl #2'],
  [0x8b226820, 'add x0, x1, x2, uxtx #2'],
  [0xeb2263ff, 'cmp sp, x2'],
  [0xeb226fff, 'cmp sp, x2, lsl #3'],
  [0xeb22c03f, 'cmp x1, w2, sxtw'],
  [0xab22243f, 'cmn x1, w2, uxth #1'],
  [0xeb220020, 'subs x0, x1, w2, uxtb'],
  [0x9a020020, 'adc x0, x1, x2'],
  [0x3a020020, 'adcs w0, w1, w2'],
  [0xda020020, 'sbc x0, x1, x2'],
  [0xfa020020, 'sbcs x0, x1, x2'],
  [0xda0203e0, 'ngc x0, x2'],
  [0x7a0203e0, 'ngcs w0, w2'],
  [0x8ac20c20, 'and x0, x1, x2, ror #3'],
  [0x8a220020, 'bic x0, x1, x2'],
  [0xaa0203e0, 'mov x0, x2'],
  [0xaa020fe0, 'orr x0, xzr, x2, lsl #3'],
  [0x2a0203e0, 'mov w0, w2'],
  [0xaa2203e0, 'mvn x0, x2'],
  [0xaaa217e0, 'mvn x0, x2, asr #5'],
  [0x2a220020, 'orn w0, w1, w2'],
  [0xca42fc20, 'eor x0, x1, x2, lsr #63'],
  [0xca220020, 'eon x0, x1, x2'],
  [0xea020020, 'ands x0, x1, x2'],
  [0xea02083f, 'tst x1, x2, lsl #2'],
  [0xea220020, 'bics x0, x1, x2'],
  [0xea22003f, 'bics xzr, x1, x2'],
  [0x9a820020, 'csel x0, x1, x2, eq'],
  [0x9a821420, 'csinc x0, x1, x2, ne'],
  [0x9a9f17e0, 'cset x0, eq'],
  [0x9a811420, 'cinc x0, x1, eq'],
  [0x9a81e420, 'csinc x0, x1, x1, al'],
  [0x5a9fb3e0, 'csetm w0, ge'],
  [0x5a81b020, 'cinv w0, w1, ge'],
  [0xda81c420, 'cneg x0, x1, le'],
  [0xda82c420, 'csneg x0, x1, x2, gt'],
  [0xfa411004, 'ccmp x0, x1, #0x4, ne'],
  [0x3a5fe80f, 'ccmn w0, #0x1f, #0xf, al'],
  [0xfa430800, 'ccmp x0, #0x3, #0x0, eq'],
  [0x9ac22020, 'lsl x0, x1, x2'],
  [0x1ac22420, 'lsr w0, w1, w2'],
  [0x9ac22820, 'asr x0, x1, x2'],
  [0x1ac22c20, 'ror w0, w1, w2'],
  [0x9ac20820, 'udiv x0, x1, x2'],
  [0x1ac20c20, 'sdiv w0, w1, w2'],
  [0x9b020c20, 'madd x0, x1, x2, x3'],
  [0x9b027c20, 'mul x0, x1, x2'],
  [0x1b028c20, 'msub w0, w1, w2, w3'],
  [0x1b02fc20, 'mneg w0, w1, w2'],
  [0x9b220c20, 'smaddl x0, w1, w2, x3'],
  [0x9b227c20, 'smull x0, w1, w2'],
  [0x9b22fc20, 'smnegl x0, w1, w2'],
  [0x9ba27c20, 'umull x0, w1, w2'],
  [0x9ba29420, 'umsubl x0, w1, w2, x5'],
  [0x9ba2fc20, 'umnegl x0, w1, w2'],
  [0x9b427c20, 'smulh x0, x1, x2'],
  [0x9bc27c20, 'umulh x0, x1, x2'],
  [0xdac00020, 'rbit x0, x1'],
  [0x5ac00020, 'rbit w0, w1'],
  [0xdac00420, 'rev16 x0, x1'],
  [0x5ac00420, 'rev16 w0, w1'],
  [0xdac00820, 'rev32 x0, x1'],
  [0xdac00c20, 'rev x0, x1'],
  [0x5ac00820, 'rev w0, w1'],
  [0xdac01020, 'clz x0, x1'],
  [0x5ac01420, 'cls w0, w1'],
  [0x1ac24020, 'crc32b w0, w1, w2'],
  [0x1ac24420, 'crc32h w0, w1, w2'],
  [0x1ac24820, 'crc32w w0, w1, w2'],
  [0x9ac24c20, 'crc32x w0, w1, x2'],
  [0x1ac25020, 'crc32cb w0, w1, w2'],
  [0x9ac25c20, 'crc32cx w0, w1, x2'],
  [0x910003e0, 'mov x0, sp'],
  [0x9100001f, 'mov sp, x0'],
  [0x8b020020, 'add x0, x1, x2'],
  [0x4b010be0, 'neg w0, w1, lsl #2'],
  [0xeb0103e0, 'negs x0, x1'],
  [0x6b22103f, 'cmp w1, w2, uxtb #4'],
  [0x8b225020, 'add x0, x1, w2, uxtw #4'],
  [0x8b420020, 'add x0, x1, x2, lsr #0'],
  [0x8ac20020, 'and x0, x1, x2, ror #0'],
  [0x8b226020, 'add x0, x1, x2, uxtx'],
  [0xeb0203ff, 'cmp xzr, x2'],
  [0xab0203e0, 'adds x0, xzr, x2'],
  [0x8b0203e0, 'add x0, xzr, x2'],
  [0x4b820fe0, 'neg w0, w2, asr #3'],
  [0x72001c3f, 'tst w1, #0xff'],
  [0xb201f020, 'orr x0, x1, #0xaaaaaaaaaaaaaaaa'],
  [0xb270bfe0, 'orr x0, xzr, #0xffffffffffff0000'],
  [0x320f3be0, 'orr w0, wzr, #0xfffe0000'],
  [0x8b21ebff, 'add sp, sp, x1, sxtx #2'],
  [0x8b214be0, 'add x0, sp, w1, uxtw #2'],
  [0x0b22c020, 'add w0, w1, w2, sxtw'],
  [0x8b22403f, 'add sp, x1, w2, uxtw'],
  [0xab2163e0, 'adds x0, sp, x1'],
  [0xab226020, 'adds x0, x1, x2, uxtx'],
  [0xcb2163e0, 'sub x0, sp, x1'],
  [0x6b22403f, 'cmp w1, w2, uxtw'],
  [0x6b2243ff, 'cmp wsp, w2'],
  [0x6b2247ff, 'cmp wsp, w2, lsl #1'],
  [0x2b2243ff, 'cmn wsp, w2'],
  [0xb340fc20, 'bfxil x0, x1, #0, #64'],
  [0xd340fc20, 'lsr x0, x1, #0'],
  [0x9340fc20, 'asr x0, x1, #0'],
  [0xd3400020, 'ubfx x0, x1, #0, #1'],
  [0xd3410020, 'lsl x0, x1, #63'],
  [0x531f7c20, 'lsr w0, w1, #31'],
  [0x53007c20, 'lsr w0, w1, #0'],
  [0x13007c20, 'asr w0, w1, #0'],
  [0xd3607c20, 'lsl x0, x1, #32'],
  [0xfa41e004, 'ccmp x0, x1, #0x4, al'],
  [0x1a82f020, 'csel w0, w1, w2, nv'],
  [0xdac003e0, 'rbit x0, xzr'],
  [0x93c20020, 'extr x0, x1, x2, #0'],
  [0x93c10020, 'ror x0, x1, #0'],
  [0x1b027c20, 'mul w0, w1, w2'],
  [0x1a9ff7e0, 'csinc w0, wzr, wzr, nv'],
];

// Reserved or unallocated encodings inside this group's patterns (objdump: "undefined").
const UNDEFINED: [number, string][] = [
  [0x12400000, 'logical imm, 32-bit with N=1'],
  [0x9240fc20, 'logical imm, all-ones element'],
  [0x1300fc20, 'sbfm w, imms >= 32'],
  [0x133f0020, 'bfm w, immr >= 32'],
  [0xd3000000, 'ubfm x with N=0'],
  [0x8bc20020, 'add shifted, shift type 3'],
  [0x0b028020, 'add w shifted, amount 32'],
  [0x8b221420, 'add extended, shift 5'],
  [0x93822020, 'extr x with N=0'],
  [0x13c20020, 'extr w with N=1'],
  [0x13828020, 'extr w, lsb 32'],
  [0x5ac00c20, 'rev (64-bit opcode) with sf=0'],
  [0x1ac24c20, 'crc32x with sf=0'],
  [0x9ac24020, 'crc32b with sf=1'],
  [0x9a820820, 'csel with op2=2'],
  [0x9b42fc20, 'smulh with o0=1'],
  [0x9bc2fc20, 'umulh with o0=1'],
  [0x3a400010, 'ccmn imm with o3=1'],
  [0x3a400c00, 'ccmn imm with o2=1'],
  [0xda010420, 'dp 1-source with opcode2 != 0'],
  [0x1ac21020, 'dp 2-source opcode 000100'],
];

describe('data-processing disassembly', () => {
  it('matches objdump', () => {
    for (const [word, text] of OBJDUMP) {
      const d = decodeWord(word);
      expect(d, text).not.toBeNull();
      expect(d!.def.asm(d!.fields, 0), text).toBe(text);
    }
  });

  it('reserved encodings are not decoded and raise SIGILL', () => {
    for (const [word, what] of UNDEFINED) {
      expect(decodeWord(word), what).toBeNull();
      const r = runA64([word]);
      expect(r.exit, what).toBe(Exit.Illegal);
      expect(r.pc, what).toBe(CODE);
    }
  });
});

function emitted(word: number): string {
  const d = decodeWord(word)!;
  const e = new Emitter(new Set([CODE]), false);
  e.pc = CODE;
  e.nextPc = CODE + 4;
  return d.def.emit(d.fields, e);
}

describe('hot instructions compile inline', () => {
  // [word, text]; none may call a helper (H.*)
  const inline: [number, string][] = [
    [0x8b020c20, 'add x0, x1, x2, lsl #3'],
    [0x0b827c20, 'add w0, w1, w2, asr #31'],
    [0xeb02043f, 'cmp x1, x2, lsl #1'],
    [0x6b02003f, 'cmp w1, w2'],
    [0xcb0203e0, 'neg x0, x2'],
    [0x8ac20c20, 'and x0, x1, x2, ror #3'],
    [0xaa0203e0, 'mov x0, x2'],
    [0xca42fc20, 'eor x0, x1, x2, lsr #63'],
    [0xea02083f, 'tst x1, x2, lsl #2'],
    [0x92401c20, 'and x0, x1, #0xff'],
    [0x8b22c820, 'add x0, x1, w2, sxtw #2'],
    [0x8b2163e0, 'add x0, sp, x1'],
    [0x1b020c20, 'madd w0, w1, w2, w3'],
    [0x1b027c20, 'mul w0, w1, w2'],
    [0xd343fc20, 'lsr x0, x1, #3'],
    [0xd37df020, 'lsl x0, x1, #3'],
    [0x9343fc20, 'asr x0, x1, #3'],
    [0x93407c20, 'sxtw x0, w1'],
    [0x53001c20, 'uxtb w0, w1'],
    [0xd3442820, 'ubfx x0, x1, #4, #7'],
    [0xb37c0820, 'bfi x0, x1, #4, #3'],
    [0x93c21420, 'extr x0, x1, x2, #5'],
    [0x9ac22020, 'lsl x0, x1, x2'],
    [0x1ac22420, 'lsr w0, w1, w2'],
    [0x1ac20c20, 'sdiv w0, w1, w2'],
    [0xdac00c20, 'rev x0, x1'],
    [0xdac01020, 'clz x0, x1'],
  ];
  it('has no helper calls', () => {
    for (const [word, text] of inline) expect(emitted(word), text).not.toContain('H.');
  });
  it('a flag setter fuses with its consumers in the same block', () => {
    const sequences: [number[], string][] = [
      [[0xeb02003f, 0x9a820020], 'cmp x1, x2; csel x0, x1, x2, eq'],
      [[0x6b02003f, 0x9a9fd7e0], 'cmp w1, w2; cset x0, gt'],
      [[0xea02083f, 0x1a9f07e0], 'tst x1, x2, lsl #2; cset w0, ne'],
      [[0xeb020000, 0xfa030021], 'subs x0, x0, x2; sbcs x1, x1, x3'],
    ];
    for (const [words, text] of sequences) {
      const e = new Emitter(new Set([CODE]), false);
      const code = words.map((w) => {
        const d = decodeWord(w)!;
        return d.def.emit(d.fields, e);
      });
      expect(code.join('\n'), text).not.toContain('H.');
    }
  });
});
