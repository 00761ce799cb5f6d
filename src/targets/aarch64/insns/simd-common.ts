// Building blocks shared by the Advanced SIMD emitters: a statement builder whose
// temporaries are block-scoped constants, lane reads and writes on the vector bank
// (V8/V32 views; 16-bit lanes go through 32-bit words), 64-bit lane arithmetic on
// int32 pairs, and the names objdump prints.
//
// Discipline that keeps aliasing (Vd == Vn) safe: an emitter reads every input into
// constants first and stores last; `Code` drops its load cache on every store.
import type { Emitter } from '../../../translate/emitter.js';
import { SLOT_FPSR } from '../state.js';

/** FPSR.QC, the cumulative saturation bit. */
export const FPSR_QC = 0x08000000;

/** A 64-bit lane as two int32 JS expressions. */
export interface Pair {
  readonly lo: string;
  readonly hi: string;
}

/** Lane width in bits for the size field (0: 8 .. 3: 64). */
export const bits = (sz: number): number => 8 << sz;
/** All-ones value of a lane up to 32 bits, as a non-negative number. */
export const laneMask = (sz: number): number => 2 ** bits(sz) - 1;
/** Lanes of a 64-bit (q=0) or 128-bit (q=1) vector. */
export const laneCount = (q: number, sz: number): number => (q ? 16 : 8) >> sz;
/** A lane-sized constant replicated over a 32-bit word, as an int32 literal. */
export const splat = (v: number, sz: number): string => {
  const m = sz === 0 ? 0x01010101 : sz === 1 ? 0x00010001 : 1;
  return String(Math.imul(v & (sz >= 2 ? -1 : laneMask(sz)), m));
};

const IDENT = /^(_\w+|-?\d+)$/;

export class Code {
  private readonly out: string[] = [];
  private readonly loads = new Map<string, string>();
  private qc = false;
  private helperQc = false;

  constructor(
    readonly e: Emitter,
    /** The enclosing builder of a loop body (temporaries are numbered and QC kept there). */
    private readonly parent: Code | null = null,
    private readonly ids = { n: 0 },
  ) {}

  private get root(): Code {
    return this.parent ? this.parent.root : this;
  }

  /** A constant holding `expr` (identifiers and integer literals are returned unchanged). */
  let(expr: string): string {
    if (IDENT.test(expr)) return expr;
    const v = `_${this.ids.n++}`;
    this.out.push(`const ${v} = ${expr};`);
    return v;
  }

  /** A mutable variable initialised to `expr`. */
  mut(expr: string): string {
    const v = `_${this.ids.n++}`;
    this.out.push(`let ${v} = ${expr};`);
    return v;
  }

  stmt(s: string): void {
    this.out.push(s);
  }

  /** A statement writing the vector bank (invalidates cached loads). */
  store(s: string): void {
    this.loads.clear();
    this.out.push(s);
  }

  private load(key: string, expr: string): string {
    let v = this.loads.get(key);
    if (v === undefined) {
      v = this.let(expr);
      this.loads.set(key, v);
    }
    return v;
  }

  /** Word `w` (0..3) of V`reg` as an int32. */
  word(reg: number, w: number): string {
    return this.load(`w${4 * reg + w}`, `V32[${4 * reg + w}]`);
  }

  /** Lane `i` of V`reg` (lanes up to 32 bits), zero- or sign-extended. */
  lane(reg: number, sz: number, i: number, signed: boolean): string {
    if (sz === 0) {
      const b = `V8[${16 * reg + i}]`;
      return this.load(`b${16 * reg + i}${signed}`, signed ? `${b} << 24 >> 24` : b);
    }
    if (sz === 1) {
      const w = this.word(reg, i >> 1);
      const odd = i & 1;
      const expr = signed ? (odd ? `${w} >> 16` : `${w} << 16 >> 16`) : odd ? `${w} >>> 16` : `${w} & 65535`;
      return this.load(`h${8 * reg + i}${signed}`, expr);
    }
    const w = this.word(reg, i);
    return signed ? w : this.load(`u${4 * reg + i}`, `${w} >>> 0`);
  }

  /** Floating-point lane `i` of V`reg` (sz 2: single, 3: double) as a JS number. */
  fl(reg: number, sz: number, i: number): string {
    return sz === 2 ? this.load(`f${4 * reg + i}`, `VF32[${4 * reg + i}]`) : this.load(`d${2 * reg + i}`, `VF64[${2 * reg + i}]`);
  }

  /** 64-bit lane `i` of V`reg`. */
  pair(reg: number, i: number): Pair {
    return { lo: this.word(reg, 2 * i), hi: this.word(reg, 2 * i + 1) };
  }

  /** Clamps `expr` to [min, max], recording saturation in FPSR.QC. */
  saturate(expr: string, min: number, max: number): string {
    this.root.qc = true;
    const v = this.mut(expr);
    this.out.push(`if (${v} > ${max}) { ${v} = ${max}; _q = 1; } else if (${v} < ${min}) { ${v} = ${min}; _q = 1; }`);
    return v;
  }

  /** Notes that runtime helpers called here may saturate (collected by H.simdQcTake). */
  takeHelperQc(): void {
    this.root.qc = true;
    this.root.helperQc = true;
  }

  /**
   * Vd = lane-local op over lanes 0..count-1 (8 or 16 bits) as a JS loop, computed in
   * place: each lane's inputs are read before its result is stored and no other lane
   * reads it, so Vd may alias a source. `srcs` are registers read lane by lane or
   * expressions already evaluated (a broadcast element). Compact code for the many
   * byte and halfword ops that have no word-parallel form.
   */
  laneLoop(d: number, sz: number, count: number, srcs: readonly (number | string)[], signs: readonly boolean[],
    body: (c: Code, args: readonly string[]) => string): void {
    const read = (r: number | string, signed: boolean): string => {
      if (typeof r === 'string') return r;
      if (sz === 0) return signed ? `V8[${16 * r} + _i] << 24 >> 24` : `V8[${16 * r} + _i]`;
      return `VD.get${signed ? 'Int' : 'Uint'}16(${16 * r} + 2 * _i, true)`;
    };
    const inner = new Code(this.e, this, this.ids);
    const args = srcs.map((r, k) => inner.let(read(r, signs[k])));
    const v = body(inner, args);
    const store = sz === 0 ? `V8[${16 * d} + _i] = ${v};` : `VD.setUint16(${16 * d} + 2 * _i, ${v}, true);`;
    this.store(`for (let _i = 0; _i < ${count}; _i++) { ${inner.out.join(' ')} ${store} }`);
    const stores: string[] = [];
    for (let w = (count << sz) / 4; w < 4; w++) stores.push(`V32[${4 * d + w}] = 0;`);
    if (stores.length) this.store(stores.join(' '));
  }

  /** Writes lanes 0..vals.length-1 of Vd (lanes up to 32 bits) and zeroes the rest of it. */
  writeLanes(d: number, sz: number, vals: readonly string[]): void {
    const v = vals.map((x) => this.let(x));
    const base = 4 * d;
    const bytes = v.length << sz;
    const stores: string[] = [];
    let used: number;
    if (bytes < 4) {
      stores.push(`V32[${base}] = ${v[0]} & ${laneMask(sz)};`);
      used = 1;
    } else if (sz === 0) {
      v.forEach((x, i) => stores.push(`V8[${16 * d + i}] = ${x};`));
      used = bytes / 4;
    } else if (sz === 1) {
      for (let i = 0; i < v.length; i += 2) stores.push(`V32[${base + i / 2}] = (${v[i]} & 65535) | (${v[i + 1]} << 16);`);
      used = bytes / 4;
    } else {
      v.forEach((x, i) => stores.push(`V32[${base + i}] = ${x};`));
      used = v.length;
    }
    for (let w = used; w < 4; w++) stores.push(`V32[${base + w}] = 0;`);
    this.store(stores.join(' '));
  }

  /** Writes the upper 64 bits of Vd from lanes (the "2" forms of narrowing ops); the rest is kept. */
  writeHigh(d: number, sz: number, vals: readonly string[]): void {
    const v = vals.map((x) => this.let(x));
    const stores: string[] = [];
    if (sz === 0) v.forEach((x, i) => stores.push(`V8[${16 * d + 8 + i}] = ${x};`));
    else if (sz === 1) stores.push(`V32[${4 * d + 2}] = (${v[0]} & 65535) | (${v[1]} << 16);`, `V32[${4 * d + 3}] = (${v[2]} & 65535) | (${v[3]} << 16);`);
    else stores.push(`V32[${4 * d + 2}] = ${v[0]};`, `V32[${4 * d + 3}] = ${v[1]};`);
    this.store(stores.join(' '));
  }

  /** Writes 64-bit lanes 0..vals.length-1 of Vd and zeroes the rest. */
  writePairs(d: number, vals: readonly Pair[]): void {
    const v = vals.map((p) => ({ lo: this.let(p.lo), hi: this.let(p.hi) }));
    const stores = v.map((p, i) => `V32[${4 * d + 2 * i}] = ${p.lo}; V32[${4 * d + 2 * i + 1}] = ${p.hi};`);
    if (v.length === 1) stores.push(`V32[${4 * d + 2}] = 0; V32[${4 * d + 3}] = 0;`);
    this.store(stores.join(' '));
  }

  /** Writes floating-point lanes (already rounded to the lane format) and zeroes the rest of Vd. */
  writeFloats(d: number, sz: number, vals: readonly string[]): void {
    const v = vals.map((x) => this.let(x));
    const stores = v.map((x, i) => (sz === 2 ? `VF32[${4 * d + i}] = ${x};` : `VF64[${2 * d + i}] = ${x};`));
    for (let w = (v.length << sz) / 4; w < 4; w++) stores.push(`V32[${4 * d + w}] = 0;`);
    this.store(stores.join(' '));
  }

  /** Writes whole words 0..words.length-1 of Vd and zeroes the rest. */
  writeWords(d: number, words: readonly string[]): void {
    const v = words.map((x) => this.let(x));
    const stores = v.map((x, i) => `V32[${4 * d + i}] = ${x};`);
    for (let w = v.length; w < 4; w++) stores.push(`V32[${4 * d + w}] = 0;`);
    this.store(stores.join(' '));
  }

  /** The instruction's JS: one block, so the temporaries stay local to it. */
  toString(): string {
    if (!this.qc) return `{ ${this.out.join(' ')} }`;
    const fpsr = this.e.assign(SLOT_FPSR, `${this.e.slot(SLOT_FPSR)} | ${FPSR_QC}`);
    const take = this.helperQc ? ' _q |= H.simdQcTake();' : '';
    return `{ let _q = 0; ${this.out.join(' ')}${take} if (_q) ${fpsr} }`;
  }
}

/** Runs `body` with a fresh builder and returns the block. */
export function emitWith(e: Emitter, body: (c: Code) => void): string {
  const c = new Code(e);
  body(c);
  return c.toString();
}

// ---- 64-bit lane arithmetic on pairs ----

/** Pair of an exact integer-valued JS number (|v| < 2^53). */
export function fromNum(c: Code, expr: string): Pair {
  const v = c.let(expr);
  return { lo: c.let(`${v} | 0`), hi: c.let(`Math.floor(${v} / 4294967296) | 0`) };
}

/** Pair of a zero-extended (signed=false) or sign-extended int32 value. */
export const widen32 = (c: Code, v: string, signed: boolean): Pair =>
  ({ lo: c.let(`${v} | 0`), hi: signed ? c.let(`${v} >> 31`) : '0' });

export function add64(c: Code, a: Pair, b: Pair): Pair {
  const lo = c.let(`(${a.lo} + ${b.lo}) | 0`);
  return { lo, hi: c.let(`(${a.hi} + ${b.hi} + ((${lo} >>> 0) < (${a.lo} >>> 0) ? 1 : 0)) | 0`) };
}

export function sub64(c: Code, a: Pair, b: Pair): Pair {
  const lo = c.let(`(${a.lo} - ${b.lo}) | 0`);
  return { lo, hi: c.let(`(${a.hi} - ${b.hi} - ((${a.lo} >>> 0) < (${b.lo} >>> 0) ? 1 : 0)) | 0`) };
}

export const neg64 = (c: Code, a: Pair): Pair => sub64(c, { lo: '0', hi: '0' }, a);

/** Boolean JS expressions comparing pairs. */
export const eq64 = (a: Pair, b: Pair): string => `(${a.lo} === ${b.lo} && ${a.hi} === ${b.hi})`;
export const gtS64 = (a: Pair, b: Pair): string =>
  `(${a.hi} > ${b.hi} || (${a.hi} === ${b.hi} && (${a.lo} >>> 0) > (${b.lo} >>> 0)))`;
export const gtU64 = (a: Pair, b: Pair): string =>
  `((${a.hi} >>> 0) > (${b.hi} >>> 0) || (${a.hi} === ${b.hi} && (${a.lo} >>> 0) > (${b.lo} >>> 0)))`;

/** All-ones or zero pair from a boolean expression. */
export function maskPair(c: Code, cond: string): Pair {
  const m = c.let(`${cond} ? -1 : 0`);
  return { lo: m, hi: m };
}

/** Left shift by a constant 0..64 (64 gives zero). */
export function shl64c(c: Code, a: Pair, n: number): Pair {
  if (n === 0) return a;
  if (n >= 64) return { lo: '0', hi: '0' };
  if (n >= 32) return { lo: '0', hi: c.let(`${a.lo} << ${n - 32}`) };
  return { lo: c.let(`${a.lo} << ${n}`), hi: c.let(`(${a.hi} << ${n}) | (${a.lo} >>> ${32 - n})`) };
}

/** Logical (signed=false) or arithmetic right shift by a constant 0..64. */
export function shr64c(c: Code, a: Pair, n: number, signed: boolean): Pair {
  if (n === 0) return a;
  if (n >= 64) return signed ? { lo: c.let(`${a.hi} >> 31`), hi: c.let(`${a.hi} >> 31`) } : { lo: '0', hi: '0' };
  if (n >= 32) {
    const lo = c.let(n === 32 ? a.hi : `${a.hi} ${signed ? '>>' : '>>>'} ${n - 32}`);
    return { lo: c.let(`${lo} | 0`), hi: signed ? c.let(`${a.hi} >> 31`) : '0' };
  }
  return {
    lo: c.let(`(${a.lo} >>> ${n}) | (${a.hi} << ${32 - n})`),
    hi: c.let(`${a.hi} ${signed ? '>>' : '>>>'} ${n} | 0`),
  };
}

// ---- disassembly ----

/** Arrangement suffix, e.g. "16b", "2s". */
export const arr = (q: number, sz: number): string => `${laneCount(q, sz)}${'bhsd'[sz]}`;
/** Vector register with arrangement, e.g. "v3.4s". */
export const vr = (n: number, q: number, sz: number): string => `v${n}.${arr(q, sz)}`;
/** Scalar SIMD&FP register of a size, e.g. "d7" (4: "q7"). */
export const sr = (n: number, sz: number): string => `${'bhsdq'[sz]}${n}`;
/** Element reference, e.g. "v1.s[3]". */
export const elem = (n: number, sz: number, i: number): string => `v${n}.${'bhsd'[sz]}[${i}]`;

/** Binary field value as a pattern string of `width` literal bits. */
export const lit = (v: number, width: number): string => v.toString(2).padStart(width, '0');
