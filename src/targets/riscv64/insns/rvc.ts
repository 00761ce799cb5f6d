// The C extension: each 16-bit encoding is decoded into the fields of its 32-bit
// equivalent (rd, rs1, rs2, imm, ...) and reuses that instruction's definition, so the
// semantics exist once. Immediates are written as the spec writes them: the bits of an
// instruction field, most significant first, and the immediate bits they hold
// ("5:4|9:6|2|3"). Reserved encodings (and c.unimp, the all-zero halfword) are illegal;
// HINTs run as their 32-bit equivalents (which leave x0 alone).
import { matches, parsePattern, type Fields, type Pattern } from '../../common/decode-pattern.js';

export interface CompressedDef {
  /** Name of the compressed form, e.g. "C.ADDI4SPN". */
  readonly name: string;
  /** 16-bit encoding, most significant bit first; fields here are raw (see `expand`). */
  readonly pattern: string;
  /** Name of the 32-bit InsnDef it expands to. */
  readonly to: string;
  /** The 32-bit instruction's fields, or null for a reserved encoding. */
  readonly expand: (h: number) => Fields | null;
}

/** Bits hi..lo of a halfword. */
const bits = (h: number, hi: number, lo: number): number => (h >>> lo) & ((1 << (hi - lo + 1)) - 1);

const layouts = new Map<string, Array<[number, number]>>();

/**
 * The unsigned immediate held in bits hi..lo of h, laid out as `layout` says: "5:4|9:6|2|3"
 * means the first two bits are imm[5:4], the next four imm[9:6], then imm[2], then imm[3].
 */
function imm(h: number, hi: number, lo: number, layout: string): number {
  let parts = layouts.get(layout);
  if (!parts) {
    parts = layout.split('|').map((p) => {
      const [a, b] = p.split(':').map(Number);
      return [a, b ?? a] as [number, number];
    });
    layouts.set(layout, parts);
  }
  let pos = hi, value = 0;
  for (const [top, bottom] of parts) {
    const width = top - bottom + 1;
    value |= bits(h, pos, pos - width + 1) << bottom;
    pos -= width;
  }
  if (pos !== lo - 1) throw new Error(`layout ${layout} does not fill bits ${hi}..${lo}`);
  return value;
}

const sext = (v: number, width: number): number => (v << (32 - width)) >> (32 - width);
/** The 3-bit register fields rd', rs1', rs2' name x8..x15 (and f8..f15). */
const creg = (h: number, lo: number): number => 8 + bits(h, lo + 2, lo);
const rd = (h: number): number => bits(h, 11, 7);
const rs2 = (h: number): number => bits(h, 6, 2);
/** The 6-bit immediate of the CI format: imm[5] at bit 12, imm[4:0] at bits 6:2. */
const ci = (h: number): number => (bits(h, 12, 12) << 5) | bits(h, 6, 2);
const SP = 2, RA = 1;

export const COMPRESSED: readonly CompressedDef[] = [
  // ---- quadrant 0 ----
  {
    name: 'C.ADDI4SPN', pattern: '000 xxxxxxxx xxx 00', to: 'ADDI',
    expand: (h) => {
      const v = imm(h, 12, 5, '5:4|9:6|2|3');
      return v === 0 ? null : { rd: creg(h, 2), rs1: SP, imm: v };
    },
  },
  { name: 'C.FLD', pattern: '001 xxx xxx xx xxx 00', to: 'FLD', expand: (h) => ({ rd: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '7:6') }) },
  { name: 'C.LW', pattern: '010 xxx xxx xx xxx 00', to: 'LW', expand: (h) => ({ rd: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '2|6') }) },
  { name: 'C.LD', pattern: '011 xxx xxx xx xxx 00', to: 'LD', expand: (h) => ({ rd: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '7:6') }) },
  { name: 'C.FSD', pattern: '101 xxx xxx xx xxx 00', to: 'FSD', expand: (h) => ({ rs2: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '7:6') }) },
  { name: 'C.SW', pattern: '110 xxx xxx xx xxx 00', to: 'SW', expand: (h) => ({ rs2: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '2|6') }) },
  { name: 'C.SD', pattern: '111 xxx xxx xx xxx 00', to: 'SD', expand: (h) => ({ rs2: creg(h, 2), rs1: creg(h, 7), imm: imm(h, 12, 10, '5:3') | imm(h, 6, 5, '7:6') }) },

  // ---- quadrant 1 ----
  { name: 'C.ADDI', pattern: '000 x xxxxx xxxxx 01', to: 'ADDI', expand: (h) => ({ rd: rd(h), rs1: rd(h), imm: sext(ci(h), 6) }) },
  { name: 'C.ADDIW', pattern: '001 x xxxxx xxxxx 01', to: 'ADDIW', expand: (h) => (rd(h) === 0 ? null : { rd: rd(h), rs1: rd(h), imm: sext(ci(h), 6) }) },
  { name: 'C.LI', pattern: '010 x xxxxx xxxxx 01', to: 'ADDI', expand: (h) => ({ rd: rd(h), rs1: 0, imm: sext(ci(h), 6) }) },
  {
    name: 'C.ADDI16SP', pattern: '011 x 00010 xxxxx 01', to: 'ADDI',
    expand: (h) => {
      const v = sext(imm(h, 12, 12, '9') | imm(h, 6, 2, '4|6|8:7|5'), 10);
      return v === 0 ? null : { rd: SP, rs1: SP, imm: v };
    },
  },
  {
    name: 'C.LUI', pattern: '011 x xxxxx xxxxx 01', to: 'LUI',
    expand: (h) => (ci(h) === 0 ? null : { rd: rd(h), imm: sext(ci(h), 6) << 12 }),
  },
  { name: 'C.SRLI', pattern: '100 x 00 xxx xxxxx 01', to: 'SRLI', expand: (h) => ({ rd: creg(h, 7), rs1: creg(h, 7), shamt: ci(h) }) },
  { name: 'C.SRAI', pattern: '100 x 01 xxx xxxxx 01', to: 'SRAI', expand: (h) => ({ rd: creg(h, 7), rs1: creg(h, 7), shamt: ci(h) }) },
  { name: 'C.ANDI', pattern: '100 x 10 xxx xxxxx 01', to: 'ANDI', expand: (h) => ({ rd: creg(h, 7), rs1: creg(h, 7), imm: sext(ci(h), 6) }) },
  ...([['C.SUB', 'SUB', '0 11 xxx 00'], ['C.XOR', 'XOR', '0 11 xxx 01'], ['C.OR', 'OR', '0 11 xxx 10'], ['C.AND', 'AND', '0 11 xxx 11'],
    ['C.SUBW', 'SUBW', '1 11 xxx 00'], ['C.ADDW', 'ADDW', '1 11 xxx 01']] as const).map(([name, to, f]): CompressedDef => ({
    name, pattern: `100 ${f} xxx 01`, to, expand: (h) => ({ rd: creg(h, 7), rs1: creg(h, 7), rs2: creg(h, 2) }),
  })),
  { name: 'C.J', pattern: '101 xxxxxxxxxxx 01', to: 'JAL', expand: (h) => ({ rd: 0, imm: sext(imm(h, 12, 2, '11|4|9:8|10|6|7|3:1|5'), 12) }) },
  ...([['C.BEQZ', 'BEQ', '110'], ['C.BNEZ', 'BNE', '111']] as const).map(([name, to, f]): CompressedDef => ({
    name, pattern: `${f} xxx xxx xxxxx 01`, to,
    expand: (h) => ({ rs1: creg(h, 7), rs2: 0, imm: sext(imm(h, 12, 10, '8|4:3') | imm(h, 6, 2, '7:6|2:1|5'), 9) }),
  })),

  // ---- quadrant 2 ----
  { name: 'C.SLLI', pattern: '000 x xxxxx xxxxx 10', to: 'SLLI', expand: (h) => ({ rd: rd(h), rs1: rd(h), shamt: ci(h) }) },
  { name: 'C.FLDSP', pattern: '001 x xxxxx xxxxx 10', to: 'FLD', expand: (h) => ({ rd: rd(h), rs1: SP, imm: imm(h, 12, 12, '5') | imm(h, 6, 2, '4:3|8:6') }) },
  {
    name: 'C.LWSP', pattern: '010 x xxxxx xxxxx 10', to: 'LW',
    expand: (h) => (rd(h) === 0 ? null : { rd: rd(h), rs1: SP, imm: imm(h, 12, 12, '5') | imm(h, 6, 2, '4:2|7:6') }),
  },
  {
    name: 'C.LDSP', pattern: '011 x xxxxx xxxxx 10', to: 'LD',
    expand: (h) => (rd(h) === 0 ? null : { rd: rd(h), rs1: SP, imm: imm(h, 12, 12, '5') | imm(h, 6, 2, '4:3|8:6') }),
  },
  { name: 'C.JR', pattern: '100 0 xxxxx 00000 10', to: 'JALR', expand: (h) => (rd(h) === 0 ? null : { rd: 0, rs1: rd(h), imm: 0 }) },
  { name: 'C.MV', pattern: '100 0 xxxxx xxxxx 10', to: 'ADD', expand: (h) => ({ rd: rd(h), rs1: 0, rs2: rs2(h) }) },
  { name: 'C.EBREAK', pattern: '100 1 00000 00000 10', to: 'EBREAK', expand: () => ({}) },
  { name: 'C.JALR', pattern: '100 1 xxxxx 00000 10', to: 'JALR', expand: (h) => ({ rd: RA, rs1: rd(h), imm: 0 }) },
  { name: 'C.ADD', pattern: '100 1 xxxxx xxxxx 10', to: 'ADD', expand: (h) => ({ rd: rd(h), rs1: rd(h), rs2: rs2(h) }) },
  { name: 'C.FSDSP', pattern: '101 xxxxxx xxxxx 10', to: 'FSD', expand: (h) => ({ rs2: rs2(h), rs1: SP, imm: imm(h, 12, 7, '5:3|8:6') }) },
  { name: 'C.SWSP', pattern: '110 xxxxxx xxxxx 10', to: 'SW', expand: (h) => ({ rs2: rs2(h), rs1: SP, imm: imm(h, 12, 7, '5:2|7:6') }) },
  { name: 'C.SDSP', pattern: '111 xxxxxx xxxxx 10', to: 'SD', expand: (h) => ({ rs2: rs2(h), rs1: SP, imm: imm(h, 12, 7, '5:3|8:6') }) },
];

interface Entry {
  readonly def: CompressedDef;
  readonly pattern: Pattern;
}

/** Per quadrant (bits 1..0) and funct3 (bits 15..13): the candidate encodings in table order. */
const buckets: Entry[][] = Array.from({ length: 32 }, () => []);
for (const def of COMPRESSED) {
  const pattern = parsePattern(def.pattern, 16);
  const key = ((pattern.value >>> 13) << 2) | (pattern.value & 3);
  buckets[key].push({ def, pattern });
}

/** The compressed encoding `h` matches and its 32-bit fields, or null (illegal or reserved). */
export function expandCompressed(h: number): { def: CompressedDef; fields: Fields } | null {
  for (const { def, pattern } of buckets[((h >>> 13) << 2) | (h & 3)]) {
    if (!matches(pattern, h)) continue;
    const fields = def.expand(h);
    return fields ? { def, fields } : null;
  }
  return null;
}
