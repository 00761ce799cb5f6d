// Disassembly of every load/store form, checked against aarch64-linux-gnu-objdump, and
// unallocated encodings in the load/store space that must stay undefined (SIGILL).
import { describe, expect, it } from 'vitest';
import { decodeWord } from '../../src/targets/aarch64/decoder.js';

/** [word, objdump text] (operands as objdump prints them). */
const CASES: [number, string][] = [
  [0xf9400020, 'ldr x0, [x1]'],
  [0xf9400420, 'ldr x0, [x1, #8]'],
  [0xf8408c20, 'ldr x0, [x1, #8]!'],
  [0xf85f8420, 'ldr x0, [x1], #-8'],
  [0xf8400c20, 'ldr x0, [x1, #0]!'],
  [0xf8400420, 'ldr x0, [x1], #0'],
  [0xf85f8020, 'ldur x0, [x1, #-8]'],
  [0xf8400020, 'ldur x0, [x1]'],
  [0xf8408820, 'ldtr x0, [x1, #8]'],
  [0x38c00820, 'ldtrsb w0, [x1]'],
  [0xf8626820, 'ldr x0, [x1, x2]'],
  [0xf8627820, 'ldr x0, [x1, x2, lsl #3]'],
  [0xf8624820, 'ldr x0, [x1, w2, uxtw]'],
  [0xf862d820, 'ldr x0, [x1, w2, sxtw #3]'],
  [0xf862e820, 'ldr x0, [x1, x2, sxtx]'],
  [0x38627820, 'ldrb w0, [x1, x2, lsl #0]'],
  [0x38625820, 'ldrb w0, [x1, w2, uxtw #0]'],
  [0x38624820, 'ldrb w0, [x1, w2, uxtw]'],
  [0x39bfffe0, 'ldrsb x0, [sp, #4095]'],
  [0x78dfec20, 'ldrsh w0, [x1, #-2]!'],
  [0xf9800400, 'prfm pldl1keep, [x0, #8]'],
  [0xf8a16815, 'prfm pstl3strm, [x0, x1]'],
  [0xf980001f, 'prfm #0x1f, [x0]'],
  [0xf89f8000, 'prfum pldl1keep, [x0, #-8]'],
  [0xa94107e0, 'ldp x0, x1, [sp, #16]'],
  [0xa8c27bfd, 'ldp x29, x30, [sp], #32'],
  [0xa9be7bfd, 'stp x29, x30, [sp, #-32]!'],
  [0x29000440, 'stp w0, w1, [x2]'],
  [0x697f0440, 'ldpsw x0, x1, [x2, #-8]'],
  [0xa8410440, 'ldnp x0, x1, [x2, #16]'],
  [0xac000440, 'stnp q0, q1, [x2]'],
  [0xadc10440, 'ldp q0, q1, [x2, #32]!'],
  [0xc85f7c20, 'ldxr x0, [x1]'],
  [0x085f7c20, 'ldxrb w0, [x1]'],
  [0xc8027c20, 'stxr w2, x0, [x1]'],
  [0x4802ffe0, 'stlxrh w2, w0, [sp]'],
  [0xc87f8440, 'ldaxp x0, x1, [x2]'],
  [0x88238440, 'stlxp w3, w0, w1, [x2]'],
  [0x88dffc20, 'ldar w0, [x1]'],
  [0xc89ffc20, 'stlr x0, [x1]'],
  [0xf8bfc020, 'ldapr x0, [x1]'],
  [0x38bfc020, 'ldaprb w0, [x1]'],
  [0x08df7c20, 'ldlarb w0, [x1]'],
  [0x489f7c20, 'stllrh w0, [x1]'],
  [0x3dc00420, 'ldr q0, [x1, #16]'],
  [0x3c626820, 'ldr b0, [x1, x2]'],
  [0x7c22d820, 'str h0, [x1, w2, sxtw #1]'],
  [0x3ce27820, 'ldr q0, [x1, x2, lsl #4]'],
  [0xfc5ff020, 'ldur d0, [x1, #-1]'],
  [0x4c407000, 'ld1 {v0.16b}, [x0]'],
  [0x4cdfa000, 'ld1 {v0.16b, v1.16b}, [x0], #32'],
  [0x4c402000, 'ld1 {v0.16b-v3.16b}, [x0]'],
  [0x4cc36c00, 'ld1 {v0.2d-v2.2d}, [x0], x3'],
  [0x4c00a81f, 'st1 {v31.4s, v0.4s}, [x0]'],
  [0x4cc28400, 'ld2 {v0.8h, v1.8h}, [x0], x2'],
  [0x0c404000, 'ld3 {v0.8b-v2.8b}, [x0]'],
  [0x4cdf0800, 'ld4 {v0.4s-v3.4s}, [x0], #64'],
  [0x0d409000, 'ld1 {v0.s}[1], [x0]'],
  [0x4ddf1c00, 'ld1 {v0.b}[15], [x0], #1'],
  [0x4dc58400, 'ld1 {v0.d}[1], [x0], x5'],
  [0x4d207800, 'st4 {v0.h-v3.h}[7], [x0]'],
  [0x0ddf7000, 'ld3 {v0.h-v2.h}[2], [x0], #6'],
  [0x4d40c800, 'ld1r {v0.4s}, [x0]'],
  [0x0dffc000, 'ld2r {v0.8b, v1.8b}, [x0], #2'],
  [0x4de1ec00, 'ld4r {v0.2d-v3.2d}, [x0], x1'],
  [0x0c407c00, 'ld1 {v0.1d}, [x0]'],
  [0x4c40001e, 'ld4 {v30.16b, v31.16b, v0.16b, v1.16b}, [x0]'],
  [0x4c404bff, 'ld3 {v31.4s, v0.4s, v1.4s}, [sp]'],
  [0x0c406000, 'ld1 {v0.8b-v2.8b}, [x0]'],
  [0x4d829000, 'st1 {v0.s}[3], [x0], x2'],
  [0x385fb820, 'ldtrb w0, [x1, #-5]'],
  [0xf87f6820, 'ldr x0, [x1, xzr]'],
  [0xb87f5820, 'ldr w0, [x1, wzr, uxtw #2]'],
  [0xb8800820, 'ldtrsw x0, [x1]'],
  [0x78801020, 'ldursh x0, [x1, #1]'],
  [0x791ffc20, 'strh w0, [x1, #4094]'],
  [0xbc1fcc20, 'str s0, [x1, #-4]!'],
  [0xfc0087ff, 'str d31, [sp], #8'],
  [0x7d400421, 'ldr h1, [x1, #2]'],
  [0x887f0440, 'ldxp w0, w1, [x2]'],
  [0xc82507e0, 'stxp w5, x0, x1, [sp]'],
  [0x085ffc83, 'ldaxrb w3, [x4]'],
  [0xc809fce8, 'stlxr w9, x8, [x7]'],
  [0xc8df7c20, 'ldlar x0, [x1]'],
  [0x489ffc20, 'stlrh w0, [x1]'],
  [0x78bfc3e3, 'ldaprh w3, [sp]'],
  [0x0d40a400, 'ld3 {v0.d-v2.d}[0], [x0]'],
  [0x0cc17400, 'ld1 {v0.4h}, [x0], x1'],
  [0x4c9f4925, 'st3 {v5.4s-v7.4s}, [x9], #48'],
  [0x4dffe000, 'ld4r {v0.16b-v3.16b}, [x0], #4'],
  [0x0ddecfff, 'ld1r {v31.1d}, [sp], x30'],
  [0x0d004000, 'st1 {v0.h}[0], [x0]'],
  [0x3dbfffff, 'str q31, [sp, #65520]'],
  [0x2ce007e0, 'ldp s0, s1, [sp], #-256'],
  [0x3c100000, 'stur b0, [x0, #-256]'],
  [0x784ff800, 'ldtrh w0, [x0, #255]'],
  [0x78000800, 'sttrh w0, [x0]'],
  [0xb89ff0c5, 'ldursw x5, [x6, #-1]'],
  [0xb862f820, 'ldr w0, [x1, x2, sxtx #2]'],
  [0x78a2d820, 'ldrsh x0, [x1, w2, sxtw #1]'],
  [0xa91f8440, 'stp x0, x1, [x2, #504]'],
  [0x68e00440, 'ldpsw x0, x1, [x2], #-256'],
  [0x6c600440, 'ldnp d0, d1, [x2, #-512]'],
  [0x2c1f8440, 'stnp s0, s1, [x2, #252]'],
];

/** PC-relative literals print their target the way branches do (hex with 0x). */
const LITERALS: [number, number, string][] = [
  [0x400050, 0x58000080, 'ldr x0, 0x400060'],
  [0x400054, 0x98ffff80, 'ldrsw x0, 0x400044'],
  [0x400058, 0x9c000080, 'ldr q0, 0x400068'],
  [0x400068, 0xd800004a, 'prfm plil2keep, 0x400070'],
  [0x400000, 0x1c000040, 'ldr s0, 0x400008'],
  [0x400018, 0x5cffff81, 'ldr d1, 0x400008'],
];

/** objdump: ".inst ... ; undefined". */
const UNDEFINED = [
  0xb8c00400, // size 10, opc 11: no such load (post-index)
  0xf8800c00, // PRFM has no pre-index form
  0x68400000, // LDNP with opc 01
  0x7cc00000, // FP size 01 with opc 1x
  0x0c408c00, // LD2 .1d
  0x0c401000, // multiple-structure opcode 0001
  0x0d40d000, // LD1R with S = 1
  0x0d00c000, // ST1R does not exist
  0xf8600800, // register offset with option 000
  0xf8800800, // LDTR form of PRFM
  0x3c400800, // FP has no unprivileged form
  0xdc000000, // FP literal with opc 11
  0xec400000, // FP pair with opc 11
  0x0d408800, // LD1 .d lane with S = 1
  0x0d404400, // LD1 .h lane with size<0> = 1
];

describe('aarch64 load/store disassembly', () => {
  it.each(CASES.map(([word, text]) => [text, word] as const))('%s', (text, word) => {
    const d = decodeWord(word);
    expect(d).not.toBeNull();
    expect(d!.def.asm(d!.fields, 0)).toBe(text);
  });

  it('literal targets', () => {
    for (const [pc, word, text] of LITERALS) {
      const d = decodeWord(word)!;
      expect(d.def.asm(d.fields, pc)).toBe(text);
    }
  });

  it('unallocated encodings stay undefined', () => {
    for (const word of UNDEFINED) expect(decodeWord(word), word.toString(16)).toBeNull();
  });
});
