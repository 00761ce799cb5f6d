// Decoding and disassembly: the 32-bit encodings against riscv64-linux-gnu-objdump, every
// compressed encoding against its 32-bit equivalent (same definition, same disassembly,
// same generated code), and the reserved and illegal encodings.
import { describe, expect, it } from 'vitest';
import { decodeHalf, decodeWord } from '../../src/targets/riscv64/decoder.js';
import { encodeImm, formatImm, type Format } from '../../src/targets/riscv64/insn-def.js';
import { Emitter } from '../../src/translate/emitter.js';
import { CODE } from './driver.js';

// [word, objdump -d text] (binutils 2.40, .option norvc; comments dropped)
const OBJDUMP: [number, string][] = [
  [0x00558513, 'add a0,a1,5'],
  [0xff900513, 'li a0,-7'],
  [0x00058513, 'mv a0,a1'],
  [0x00000013, 'nop'],
  [0x0005851b, 'sext.w a0,a1'],
  [0xffd5851b, 'addw a0,a1,-3'],
  [0x0645a513, 'slti a0,a1,100'],
  [0x0015b513, 'seqz a0,a1'],
  [0x00c5b513, 'sltiu a0,a1,12'],
  [0xfff5c513, 'not a0,a1'],
  [0x0035c513, 'xor a0,a1,3'],
  [0x0035e513, 'or a0,a1,3'],
  [0x0ff5f513, 'zext.b a0,a1'],
  [0xff05f513, 'and a0,a1,-16'],
  [0x00359513, 'sll a0,a1,0x3'],
  [0x03f5d513, 'srl a0,a1,0x3f'],
  [0x4205d513, 'sra a0,a1,0x20'],
  [0x0035951b, 'sllw a0,a1,0x3'],
  [0x01f5d51b, 'srlw a0,a1,0x1f'],
  [0x4005d51b, 'sraw a0,a1,0x0'],
  [0x00c58533, 'add a0,a1,a2'],
  [0x40c58533, 'sub a0,a1,a2'],
  [0x40c00533, 'neg a0,a2'],
  [0x00c59533, 'sll a0,a1,a2'],
  [0x00c5a533, 'slt a0,a1,a2'],
  [0x0005a533, 'sltz a0,a1'],
  [0x00c02533, 'sgtz a0,a2'],
  [0x00c5b533, 'sltu a0,a1,a2'],
  [0x00c03533, 'snez a0,a2'],
  [0x00c5c533, 'xor a0,a1,a2'],
  [0x00c5d533, 'srl a0,a1,a2'],
  [0x40c5d533, 'sra a0,a1,a2'],
  [0x00c5e533, 'or a0,a1,a2'],
  [0x00c5f533, 'and a0,a1,a2'],
  [0x00c5853b, 'addw a0,a1,a2'],
  [0x40c5853b, 'subw a0,a1,a2'],
  [0x40c0053b, 'negw a0,a2'],
  [0x00c5953b, 'sllw a0,a1,a2'],
  [0x00c5d53b, 'srlw a0,a1,a2'],
  [0x40c5d53b, 'sraw a0,a1,a2'],
  [0x12345537, 'lui a0,0x12345'],
  [0xfffff517, 'auipc a0,0xfffff'],
  [0xfff58503, 'lb a0,-1(a1)'],
  [0x00259503, 'lh a0,2(a1)'],
  [0x00412503, 'lw a0,4(sp)'],
  [0x7f813503, 'ld a0,2040(sp)'],
  [0x0005c503, 'lbu a0,0(a1)'],
  [0x0065d503, 'lhu a0,6(a1)'],
  [0x8005e503, 'lwu a0,-2048(a1)'],
  [0x00a580a3, 'sb a0,1(a1)'],
  [0x00a59123, 'sh a0,2(a1)'],
  [0xfea12e23, 'sw a0,-4(sp)'],
  [0x00113423, 'sd ra,8(sp)'],
  [0x000500e7, 'jalr a0'],
  [0x00008067, 'ret'],
  [0x00078067, 'jr a5'],
  [0x010505e7, 'jalr a1,16(a0)'],
  [0x0ff0000f, 'fence'],
  [0x0330000f, 'fence rw,rw'],
  [0x0210000f, 'fence r,w'],
  [0x8330000f, 'fence.tso'],
  [0x0000100f, 'fence.i'],
  [0x0100000f, 'pause'], // objdump 2.40 without Zihintpause: "fence w,unknown"
  [0x00000073, 'ecall'],
  [0x00100073, 'ebreak'],
  [0x02c58533, 'mul a0,a1,a2'],
  [0x02c59533, 'mulh a0,a1,a2'],
  [0x02c5a533, 'mulhsu a0,a1,a2'],
  [0x02c5b533, 'mulhu a0,a1,a2'],
  [0x02c5c533, 'div a0,a1,a2'],
  [0x02c5d533, 'divu a0,a1,a2'],
  [0x02c5e533, 'rem a0,a1,a2'],
  [0x02c5f533, 'remu a0,a1,a2'],
  [0x02c5853b, 'mulw a0,a1,a2'],
  [0x02c5c53b, 'divw a0,a1,a2'],
  [0x02c5d53b, 'divuw a0,a1,a2'],
  [0x02c5e53b, 'remw a0,a1,a2'],
  [0x02c5f53b, 'remuw a0,a1,a2'],
  [0x1005a52f, 'lr.w a0,(a1)'],
  [0x1405b52f, 'lr.d.aq a0,(a1)'],
  [0x18c5a52f, 'sc.w a0,a2,(a1)'],
  [0x1ac5b52f, 'sc.d.rl a0,a2,(a1)'],
  [0x08c5a52f, 'amoswap.w a0,a2,(a1)'],
  [0x06c5b52f, 'amoadd.d.aqrl a0,a2,(a1)'],
  [0x20c5a52f, 'amoxor.w a0,a2,(a1)'],
  [0x60c5b52f, 'amoand.d a0,a2,(a1)'],
  [0x40c5a52f, 'amoor.w a0,a2,(a1)'],
  [0x80c5b52f, 'amomin.d a0,a2,(a1)'],
  [0xa0c5a52f, 'amomax.w a0,a2,(a1)'],
  [0xc0c5b52f, 'amominu.d a0,a2,(a1)'],
  [0xe0c5a52f, 'amomaxu.w a0,a2,(a1)'],
  [0x00412507, 'flw fa0,4(sp)'],
  [0xff853507, 'fld fa0,-8(a0)'],
  [0x00b12227, 'fsw fa1,4(sp)'],
  [0x00813827, 'fsd fs0,16(sp)'],
  [0x00c5f553, 'fadd.s fa0,fa1,fa2'],
  [0x02c59553, 'fadd.d fa0,fa1,fa2,rtz'],
  [0x0ac5f553, 'fsub.d fa0,fa1,fa2'],
  [0x10c58553, 'fmul.s fa0,fa1,fa2,rne'],
  [0x1ac5f553, 'fdiv.d fa0,fa1,fa2'],
  [0x5a05f553, 'fsqrt.d fa0,fa1'],
  [0x5805c553, 'fsqrt.s fa0,fa1,rmm'],
  [0x6ac5f543, 'fmadd.d fa0,fa1,fa2,fa3'],
  [0x68c5f547, 'fmsub.s fa0,fa1,fa2,fa3'],
  [0x6ac5a54b, 'fnmsub.d fa0,fa1,fa2,fa3,rdn'],
  [0x6ac5f54f, 'fnmadd.d fa0,fa1,fa2,fa3'],
  [0x22c58553, 'fsgnj.d fa0,fa1,fa2'],
  [0x22b58553, 'fmv.d fa0,fa1'],
  [0x20b59553, 'fneg.s fa0,fa1'],
  [0x22b5a553, 'fabs.d fa0,fa1'],
  [0x22c59553, 'fsgnjn.d fa0,fa1,fa2'],
  [0x2ac58553, 'fmin.d fa0,fa1,fa2'],
  [0x28c59553, 'fmax.s fa0,fa1,fa2'],
  [0xa2c5a553, 'feq.d a0,fa1,fa2'],
  [0xa0c59553, 'flt.s a0,fa1,fa2'],
  [0xa2c58553, 'fle.d a0,fa1,fa2'],
  [0xe2059553, 'fclass.d a0,fa1'],
  [0xc2059553, 'fcvt.w.d a0,fa1,rtz'],
  [0xc015f553, 'fcvt.wu.s a0,fa1'],
  [0xc225f553, 'fcvt.l.d a0,fa1'],
  [0xc235b553, 'fcvt.lu.d a0,fa1,rup'],
  [0xd2058553, 'fcvt.d.w fa0,a1'],
  [0xd225f553, 'fcvt.d.l fa0,a1'],
  [0xd0359553, 'fcvt.s.lu fa0,a1,rtz'],
  [0x4015f553, 'fcvt.s.d fa0,fa1'],
  [0x42058553, 'fcvt.d.s fa0,fa1'],
  [0xe0058553, 'fmv.x.w a0,fa1'],
  [0xe2058553, 'fmv.x.d a0,fa1'],
  [0xf0058553, 'fmv.w.x fa0,a1'],
  [0xf2058553, 'fmv.d.x fa0,a1'],
  [0x00102573, 'frflags a0'],
  [0x00151073, 'fsflags a0'],
  [0x002515f3, 'fsrm a1,a0'],
  [0x00302573, 'frcsr a0'],
  [0x00351073, 'fscsr a0'],
  [0x0021d073, 'fsrmi zero,3'],
  [0x0010e073, 'csrs fflags,1'],
  [0x00153073, 'csrc fflags,a0'],
  [0xc0002573, 'rdcycle a0'],
  [0xc0102573, 'rdtime a0'],
  [0xc0202573, 'rdinstret a0'],
  [0x0035a573, 'csrrs a0,fcsr,a1'],
  [0x08c5853b, 'add.uw a0,a1,a2'],
  [0x0805853b, 'zext.w a0,a1'],
  [0x20c5a533, 'sh1add a0,a1,a2'],
  [0x20c5c53b, 'sh2add.uw a0,a1,a2'],
  [0x0825951b, 'slli.uw a0,a1,0x2'],
  [0x40c5f533, 'andn a0,a1,a2'],
  [0x40c5e533, 'orn a0,a1,a2'],
  [0x40c5c533, 'xnor a0,a1,a2'],
  [0x60059513, 'clz a0,a1'],
  [0x6015951b, 'ctzw a0,a1'],
  [0x60259513, 'cpop a0,a1'],
  [0x0ac5e533, 'max a0,a1,a2'],
  [0x0ac5d533, 'minu a0,a1,a2'],
  [0x60459513, 'sext.b a0,a1'],
  [0x60559513, 'sext.h a0,a1'],
  [0x0805c53b, 'zext.h a0,a1'],
  [0x60c59533, 'rol a0,a1,a2'],
  [0x60c5d53b, 'rorw a0,a1,a2'],
  [0x6215d513, 'ror a0,a1,0x21'],
  [0x6075d51b, 'rorw a0,a1,0x7'],
  [0x2875d513, 'orc.b a0,a1'],
  [0x6b85d513, 'rev8 a0,a1'],
  [0x0ac59533, 'clmul a0,a1,a2'],
  [0x0ac5b533, 'clmulh a0,a1,a2'],
  [0x0ac5a533, 'clmulr a0,a1,a2'],
  [0x48c59533, 'bclr a0,a1,a2'],
  [0x4a859513, 'bclr a0,a1,0x28'],
  [0x48c5d533, 'bext a0,a1,a2'],
  [0x4835d513, 'bext a0,a1,0x3'],
  [0x68c59533, 'binv a0,a1,a2'],
  [0x6bf59513, 'binv a0,a1,0x3f'],
  [0x28c59533, 'bset a0,a1,a2'],
  [0x28059513, 'bset a0,a1,0x0'],
];

/**
 * objdump 2.40 prints the immediate forms of these under the register form's name
 * ("add a0,a1,5" for addi): the spec mnemonic has an "i".
 */
const IMMEDIATE_FORMS = new Set(['add', 'addw', 'xor', 'or', 'and', 'sll', 'srl', 'sra', 'sllw', 'srlw', 'sraw', 'ror', 'rorw', 'bclr', 'bext', 'binv', 'bset']);
function normalize(text: string): string {
  const [name, ops = ''] = text.split(' ');
  const last = ops.split(',').at(-1) ?? '';
  if (IMMEDIATE_FORMS.has(name) && /^-?(0x[0-9a-f]+|\d+)$/.test(last)) return `${name.replace(/w$/, '')}i${name.endsWith('w') ? 'w' : ''} ${ops}`;
  return text;
}

// [compressed, 32-bit equivalent, assembly of the compressed form]
const COMPRESSED: [number, number, string][] = [
  [0x0808, 0x01010513, 'c.addi4spn a0, sp, 16'],
  [0x1fe4, 0x3fc10493, 'c.addi4spn s1, sp, 1020'],
  [0x2588, 0x0085b507, 'c.fld fa0, 8(a1)'],
  [0x3c64, 0x0f843487, 'c.fld fs1, 248(s0)'],
  [0x41c8, 0x0045a503, 'c.lw a0, 4(a1)'],
  [0x5f7c, 0x07c72783, 'c.lw a5, 124(a4)'],
  [0x6588, 0x0085b503, 'c.ld a0, 8(a1)'],
  [0x7fe0, 0x0f87b403, 'c.ld s0, 248(a5)'],
  [0xa988, 0x00a5b827, 'c.fsd fa0, 16(a1)'],
  [0xc1a8, 0x04a5a023, 'c.sw a0, 64(a1)'],
  [0xfaf0, 0x0ec6b823, 'c.sd a2, 240(a3)'],
  [0x0001, 0x00000013, 'c.nop'],
  [0x1501, 0xfe050513, 'c.addi a0, -32'],
  [0x0ffd, 0x01ff8f93, 'c.addi t6, 31'],
  [0x2505, 0x0015051b, 'c.addiw a0, 1'],
  [0x3dfd, 0xfffd8d9b, 'c.addiw s11, -1'],
  [0x557d, 0xfff00513, 'c.li a0, -1'],
  [0x40fd, 0x01f00093, 'c.li ra, 31'],
  [0x7101, 0xe0010113, 'c.addi16sp sp, -512'],
  [0x617d, 0x1f010113, 'c.addi16sp sp, 496'],
  [0x6141, 0x01010113, 'c.addi16sp sp, 16'],
  [0x6505, 0x00001537, 'c.lui a0, 1'],
  [0x7281, 0xfffe02b7, 'c.lui t0, 0xfffe0'],
  [0x64fd, 0x0001f4b7, 'c.lui s1, 31'],
  [0x8105, 0x00155513, 'c.srli a0, 1'],
  [0x90fd, 0x03f4d493, 'c.srli s1, 63'],
  [0x9781, 0x4207d793, 'c.srai a5, 32'],
  [0x9901, 0xfe057513, 'c.andi a0, -32'],
  [0x883d, 0x00f47413, 'c.andi s0, 15'],
  [0x8d0d, 0x40b50533, 'c.sub a0, a1'],
  [0x8c25, 0x00944433, 'c.xor s0, s1'],
  [0x8f5d, 0x00f76733, 'c.or a4, a5'],
  [0x8e75, 0x00d67633, 'c.and a2, a3'],
  [0x9d0d, 0x40b5053b, 'c.subw a0, a1'],
  [0x9fa1, 0x008787bb, 'c.addw a5, s0'],
  [0x0506, 0x00151513, 'c.slli a0, 1'],
  [0x1ffe, 0x03ff9f93, 'c.slli t6, 63'],
  [0x2522, 0x00813507, 'c.fldsp fa0, 8(sp)'],
  [0x3ffe, 0x1f813f87, 'c.fldsp ft11, 504(sp)'],
  [0x4512, 0x00412503, 'c.lwsp a0, 4(sp)'],
  [0x5ffe, 0x0fc12f83, 'c.lwsp t6, 252(sp)'],
  [0x60a2, 0x00813083, 'c.ldsp ra, 8(sp)'],
  [0x7dfe, 0x1f813d83, 'c.ldsp s11, 504(sp)'],
  [0x8502, 0x00050067, 'c.jr a0'],
  [0x8082, 0x00008067, 'c.jr ra'],
  [0x852e, 0x00b00533, 'c.mv a0, a1'],
  [0x9002, 0x00100073, 'c.ebreak'],
  [0x9282, 0x000280e7, 'c.jalr t0'],
  [0x952e, 0x00b50533, 'c.add a0, a1'],
  [0xa42a, 0x00a13427, 'c.fsdsp fa0, 8(sp)'],
  [0xbfee, 0x1fb13c27, 'c.fsdsp fs11, 504(sp)'],
  [0xc22a, 0x00a12223, 'c.swsp a0, 4(sp)'],
  [0xdffe, 0x0ff12e23, 'c.swsp t6, 252(sp)'],
  [0xe406, 0x00113423, 'c.sdsp ra, 8(sp)'],
  [0xffee, 0x1fb13c23, 'c.sdsp s11, 504(sp)'],
  [0xc901, 0x00050863, 'c.beqz a0, .+16'],
  [0xf081, 0xf00490e3, 'c.bnez s1, .-256'],
  [0xcffd, 0x0e078f63, 'c.beqz a5, .+254'],
  [0xaffd, 0x7fe0006f, 'c.j .+2046'],
  [0xb001, 0x801ff06f, 'c.j .-2048'],
  [0xa021, 0x0080006f, 'c.j .+8'],
];

/** The JS an instruction emits (region code), with the next PC as if it were 4 bytes. */
function emitted(def: { emit: (f: never, e: Emitter) => string }, fields: unknown): string {
  const e = new Emitter(new Set([CODE]), false);
  e.startInsn(CODE, CODE + 4);
  return def.emit(fields as never, e);
}

describe('riscv64 decoding', () => {
  it('disassembles like objdump', () => {
    const got = OBJDUMP.map(([w]) => decodeWord(w)?.def.asm(decodeWord(w)!.fields, CODE) ?? 'illegal');
    expect(got).toEqual(OBJDUMP.map(([, text]) => normalize(text)));
  });

  it('decodes every compressed encoding to its 32-bit equivalent', () => {
    for (const [h, w, text] of COMPRESSED) {
      const c = decodeHalf(h), d = decodeWord(w);
      expect(c, text).not.toBeNull();
      expect(d, text).not.toBeNull();
      expect(c!.def.name, text).toBe(d!.def.name);
      expect(c!.def.asm(c!.fields, CODE), text).toBe(d!.def.asm(d!.fields, CODE));
      expect(emitted(c!.def, c!.fields), text).toBe(emitted(d!.def, d!.fields));
    }
  });

  it('runs HINTs (writes to x0) as their 32-bit forms', () => {
    // c.li zero, 5; c.addi zero, 1 (not c.nop); c.mv zero, a0; c.add zero, a0; c.slli zero, 3; c.lui zero, 1
    for (const h of [0x4015, 0x0005, 0x802a, 0x902a, 0x000e, 0x6005]) expect(decodeHalf(h), h.toString(16)).not.toBeNull();
  });

  it('rejects the reserved compressed encodings', () => {
    const reserved = [
      0x0000, // c.unimp (c.addi4spn with nzuimm 0)
      0x0010, // c.addi4spn a2, sp, 0
      0x2001, // c.addiw zero (rd = 0)
      0x6101, // c.addi16sp sp, 0
      0x6081, // c.lui ra, 0
      0x4002, // c.lwsp zero
      0x6002, // c.ldsp zero
      0x8002, // c.jr zero
      0x8000, // quadrant 0, funct3 100
      0x9c41, // c.subw with funct2 10 (reserved)
      0x9c61, // and 11
    ];
    for (const h of reserved) expect(decodeHalf(h), h.toString(16)).toBeNull();
  });

  it('rejects illegal 32-bit encodings', () => {
    const illegal = [
      0x02c5d553, // fadd.d fa0, fa1, fa2 with rm 101 (reserved)
      0x02c5e553, // ... rm 110
      0x7c002573, // csrr a0, 0x7c0 (no such CSR in user mode)
      0xc0051073, // csrw cycle, a0 (read-only)
      0xc0015073, // csrwi cycle, 2
      0x04c58533, // add with funct7 0000010
      0xffffffff,
      0x00000000 | 0x7f, // opcode 1111111
      0x0000705b, // an unused major opcode (custom-2)
      0x30200073, // mret
      0x10500073, // wfi
    ];
    for (const w of illegal) expect(decodeWord(w), w.toString(16)).toBeNull();
  });

  it('the scattered immediates of the S, B, U and J formats round-trip', () => {
    const ranges: [Format, number, number, number][] = [['S', -2048, 2047, 1], ['B', -4096, 4094, 2], ['J', -(1 << 20), (1 << 20) - 2, 2]];
    for (const [format, min, max, step] of ranges) {
      for (let imm = min; imm <= max; imm += step * 7 + step) expect(formatImm(format, encodeImm(format, imm)), `${format} ${imm}`).toBe(imm);
      expect(formatImm(format, encodeImm(format, max))).toBe(max);
    }
    for (const imm of [0, 0x1000, 0x7ffff000, -0x80000000, -0x1000]) expect(formatImm('U', encodeImm('U', imm))).toBe(imm | 0);
    // a known word: sw a3,20(a1) and beq a1,a2,.+8 (objdump)
    expect(formatImm('S', 0x00d5aa23)).toBe(20);
    expect(formatImm('B', 0x00c58463)).toBe(8);
  });

  it('names the counters and the FP CSRs like objdump', () => {
    expect(decodeWord(0xc0002573)!.def.asm(decodeWord(0xc0002573)!.fields, 0)).toBe('rdcycle a0');
    expect(decodeWord(0x00302573)!.def.asm(decodeWord(0x00302573)!.fields, 0)).toBe('frcsr a0');
  });
});
