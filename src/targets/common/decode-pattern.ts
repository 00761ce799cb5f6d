// Instruction patterns written as data, most significant bit first, in the spirit of
// QEMU's decodetree: literal bits ("100010"), don't-care bits ("x"), and fields
// ("rd:5", or "imm19:s19" for a sign-extended field). One parsed pattern serves the
// decoder, the disassembler and the random instruction generator.

export interface FieldSpec {
  readonly name: string;
  readonly shift: number;
  readonly width: number;
  readonly signed: boolean;
}

export interface Pattern {
  readonly mask: number;
  readonly value: number;
  readonly fields: readonly FieldSpec[];
}

export type Fields = Readonly<Record<string, number>>;

export function parsePattern(spec: string, width = 32): Pattern {
  let pos = width;
  let mask = 0;
  let value = 0;
  const fields: FieldSpec[] = [];
  for (const token of spec.trim().split(/\s+/)) {
    const field = /^([A-Za-z_][A-Za-z0-9_]*):(s?)(\d+)$/.exec(token);
    if (field) {
      const w = Number(field[3]);
      pos -= w;
      fields.push({ name: field[1], shift: pos, width: w, signed: field[2] === 's' });
      continue;
    }
    if (!/^[01x]+$/.test(token)) throw new Error(`bad pattern token "${token}" in "${spec}"`);
    for (const bit of token) {
      pos--;
      if (bit === 'x') continue;
      mask |= 1 << pos;
      if (bit === '1') value |= 1 << pos;
    }
  }
  if (pos !== 0) throw new Error(`pattern "${spec}" has ${width - pos} bits, expected ${width}`);
  return { mask: mask >>> 0, value: value >>> 0, fields };
}

export function matches(p: Pattern, word: number): boolean {
  return ((word & p.mask) >>> 0) === p.value;
}

export function extractFields(p: Pattern, word: number): Fields {
  const out: Record<string, number> = {};
  for (const f of p.fields) {
    const raw = (word >>> f.shift) & (f.width === 32 ? -1 : (1 << f.width) - 1);
    out[f.name] = f.signed ? (raw << (32 - f.width)) >> (32 - f.width) : raw >>> 0;
  }
  return out;
}
