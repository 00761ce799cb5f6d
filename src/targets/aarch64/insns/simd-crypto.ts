// The cryptographic extensions: AES (AESE, AESD, AESMC, AESIMC), SHA1 (SHA1C/P/M/H/SU0/
// SU1), SHA256 (SHA256H/H2/SU0/SU1), SHA512 (SHA512H/H2/SU0/SU1), SHA3 (EOR3, RAX1, XAR,
// BCAX), SM3 (SM3SS1, SM3TT1A/1B/2A/2B, SM3PARTW1/2) and SM4 (SM4E, SM4EKEY), after the
// Arm ARM pseudocode.
//
// The bitwise SHA3 forms are inline word operations. The others call a runtime helper
// on the vector bank (S.v32 / S.v8): they are rounds of a hash or cipher, where a call
// costs little next to the work, and a helper keeps each algorithm readable in one place.
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { Code, emitWith, vr } from './simd-common.js';

// ---- GF(2^8) tables (computed from the field definitions, not stored) ----

/** x * y in GF(2^8) modulo the polynomial `poly` (with its x^8 bit). */
function gfMul(x: number, y: number, poly: number): number {
  let r = 0;
  for (; y; y >>= 1) {
    if (y & 1) r ^= x;
    x <<= 1;
    if (x & 0x100) x ^= poly;
  }
  return r;
}

/** x^-1 in GF(2^8) (0 for 0), as x^254. */
function gfInverse(x: number, poly: number): number {
  let r = 1;
  for (let e = 254, b = x; e; e >>= 1) {
    if (e & 1) r = gfMul(r, b, poly);
    b = gfMul(b, b, poly);
  }
  return x ? r : 0;
}

const rotl8 = (x: number, n: number): number => ((x << n) | (x >>> (8 - n))) & 255;

/** The AES S-box: inversion in GF(2^8)/x^8+x^4+x^3+x+1, then the affine map with constant 0x63. */
const AES_SBOX = new Uint8Array(256);
const AES_INV_SBOX = new Uint8Array(256);
for (let x = 0; x < 256; x++) {
  const b = gfInverse(x, 0x11b);
  const s = b ^ rotl8(b, 1) ^ rotl8(b, 2) ^ rotl8(b, 3) ^ rotl8(b, 4) ^ 0x63;
  AES_SBOX[x] = s;
  AES_INV_SBOX[s] = x;
}

/**
 * The SM4 S-box (GB/T 32907): an affine map, inversion in GF(2^8)/x^8+x^7+x^6+x^5+x^4+x^2+1,
 * and the same affine map again. Bit i of the map's output is the parity of x masked by
 * 0xa7 rotated left by i, plus bit i of the constant 0xd3.
 */
const SM4_SBOX = new Uint8Array(256);
{
  const affine = (x: number): number => {
    let r = 0;
    for (let i = 0; i < 8; i++) {
      let p = rotl8(0xa7, i) & x;
      p ^= p >> 4;
      p ^= p >> 2;
      p ^= p >> 1;
      r |= (p & 1) << i;
    }
    return r ^ 0xd3;
  };
  for (let x = 0; x < 256; x++) SM4_SBOX[x] = affine(gfInverse(affine(x), 0x1f5));
}

// ---- AES ----

const aesState = new Uint8Array(16);

/** AESE (decrypt = 0) / AESD: AddRoundKey with Vn, then (Inv)ShiftRows and (Inv)SubBytes. */
function aesRound(v8: Uint8Array, d: number, n: number, decrypt: number): void {
  const s = aesState;
  for (let i = 0; i < 16; i++) s[i] = v8[16 * d + i] ^ v8[16 * n + i];
  const box = decrypt ? AES_INV_SBOX : AES_SBOX;
  // Byte r + 4c is row r, column c; ShiftRows moves row r left by r columns.
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      const from = decrypt ? (c - r + 4) & 3 : (c + r) & 3;
      v8[16 * d + r + 4 * c] = box[s[r + 4 * from]];
    }
  }
}

const xtime = (x: number): number => ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 255;

/** AESMC (inverse = 0) / AESIMC: (Inv)MixColumns of Vn into Vd. */
function aesMix(v8: Uint8Array, d: number, n: number, inverse: number): void {
  for (let c = 0; c < 4; c++) {
    const o = 16 * n + 4 * c;
    let a0 = v8[o], a1 = v8[o + 1], a2 = v8[o + 2], a3 = v8[o + 3];
    if (inverse) {
      // InvMixColumns = MixColumns after multiplying each column by (4x^2 + 5) mod x^4 + 1.
      const u = xtime(xtime(a0 ^ a2)), w = xtime(xtime(a1 ^ a3));
      a0 ^= u;
      a1 ^= w;
      a2 ^= u;
      a3 ^= w;
    }
    const t = a0 ^ a1 ^ a2 ^ a3;
    const q = 16 * d + 4 * c;
    v8[q] = a0 ^ t ^ xtime(a0 ^ a1);
    v8[q + 1] = a1 ^ t ^ xtime(a1 ^ a2);
    v8[q + 2] = a2 ^ t ^ xtime(a2 ^ a3);
    v8[q + 3] = a3 ^ t ^ xtime(a3 ^ a0);
  }
}

// ---- SHA-1 and SHA-256 (32-bit words; word i of Vn is v32[4n + i]) ----

const rol = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
const choose = (x: number, y: number, z: number): number => ((y ^ z) & x) ^ z;
const majority = (x: number, y: number, z: number): number => (x & y) | ((x | y) & z);
const parity = (x: number, y: number, z: number): number => x ^ y ^ z;
const SHA1_F = [choose, parity, majority];

const wa = new Int32Array(4);
const wb = new Int32Array(4);
const wc = new Int32Array(4);

function load(v32: Int32Array, reg: number, out: Int32Array): Int32Array {
  for (let i = 0; i < 4; i++) out[i] = v32[4 * reg + i];
  return out;
}

function store(v32: Int32Array, reg: number, w: Int32Array): void {
  for (let i = 0; i < 4; i++) v32[4 * reg + i] = w[i];
}

/** SHA1C (f = 0), SHA1P (1), SHA1M (2): four rounds on Qd (abcd) and Sn (e) with Vm's words. */
function sha1Hash(v32: Int32Array, d: number, n: number, m: number, f: number): void {
  const x = load(v32, d, wa);
  const w = load(v32, m, wb);
  const fn = SHA1_F[f];
  let y = v32[4 * n];
  for (let e = 0; e < 4; e++) {
    const t = fn(x[1], x[2], x[3]);
    y = (y + rol(x[0], 5) + t + w[e]) | 0;
    x[1] = rol(x[1], 30);
    // Y:X rotated left by 32 bits.
    const top = x[3];
    x[3] = x[2];
    x[2] = x[1];
    x[1] = x[0];
    x[0] = y;
    y = top;
  }
  store(v32, d, x);
}

/** SHA1SU0: Vd = (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm. */
function sha1Su0(v32: Int32Array, d: number, n: number, m: number): void {
  const a = load(v32, d, wa), b = load(v32, n, wb), c = load(v32, m, wc);
  const t = [a[2], a[3], b[0], b[1]];
  for (let i = 0; i < 4; i++) v32[4 * d + i] = t[i] ^ a[i] ^ c[i];
}

/** SHA1SU1: Vd = ROL(Vd ^ (Vn >> 32), 1), with the top word also taking ROL(word 0, 2). */
function sha1Su1(v32: Int32Array, d: number, n: number): void {
  const x = load(v32, d, wa), y = load(v32, n, wb);
  const t = [x[0] ^ y[1], x[1] ^ y[2], x[2] ^ y[3], x[3]];
  v32[4 * d] = rol(t[0], 1);
  v32[4 * d + 1] = rol(t[1], 1);
  v32[4 * d + 2] = rol(t[2], 1);
  v32[4 * d + 3] = rol(t[3], 1) ^ rol(t[0], 2);
}

const sigma0 = (x: number): number => ror(x, 2) ^ ror(x, 13) ^ ror(x, 22);
const sigma1 = (x: number): number => ror(x, 6) ^ ror(x, 11) ^ ror(x, 25);

/** SHA256H (part1 = 1: Vd = hash(Vd, Vn)) and SHA256H2 (Vd = hash(Vn, Vd), the Y half). */
function sha256Hash(v32: Int32Array, d: number, n: number, m: number, part1: number): void {
  const x = load(v32, part1 ? d : n, wa);
  const y = load(v32, part1 ? n : d, wb);
  const w = load(v32, m, wc);
  for (let e = 0; e < 4; e++) {
    const chs = choose(y[0], y[1], y[2]);
    const maj = majority(x[0], x[1], x[2]);
    const t = (y[3] + sigma1(y[0]) + chs + w[e]) | 0;
    x[3] = (t + x[3]) | 0;
    y[3] = (t + sigma0(x[0]) + maj) | 0;
    // Y:X rotated left by 32 bits.
    const x3 = x[3], y3 = y[3];
    x[3] = x[2]; x[2] = x[1]; x[1] = x[0]; x[0] = y3;
    y[3] = y[2]; y[2] = y[1]; y[1] = y[0]; y[0] = x3;
  }
  store(v32, d, part1 ? x : y);
}

/** SHA256SU0: Vd[e] += sigma0'(word e + 1 of Vn:Vd). */
function sha256Su0(v32: Int32Array, d: number, n: number): void {
  const a = load(v32, d, wa);
  const t = [a[1], a[2], a[3], v32[4 * n]];
  for (let e = 0; e < 4; e++) v32[4 * d + e] = (a[e] + (ror(t[e], 7) ^ ror(t[e], 18) ^ (t[e] >>> 3))) | 0;
}

/** SHA256SU1. */
function sha256Su1(v32: Int32Array, d: number, n: number, m: number): void {
  const a = load(v32, d, wa), b = load(v32, n, wb), c = load(v32, m, wc);
  const t0 = [b[1], b[2], b[3], c[0]];
  const s1 = (x: number): number => ror(x, 17) ^ ror(x, 19) ^ (x >>> 10);
  const r = [0, 0, 0, 0];
  r[0] = (s1(c[2]) + a[0] + t0[0]) | 0;
  r[1] = (s1(c[3]) + a[1] + t0[1]) | 0;
  r[2] = (s1(r[0]) + a[2] + t0[2]) | 0;
  r[3] = (s1(r[1]) + a[3] + t0[3]) | 0;
  for (let e = 0; e < 4; e++) v32[4 * d + e] = r[e];
}

// ---- SHA-512 (64-bit lanes as BigInt: a few operations per instruction) ----

const M64 = (1n << 64n) - 1n;
const lane64 = (v32: Int32Array, reg: number, i: number): bigint =>
  (BigInt(v32[4 * reg + 2 * i + 1] >>> 0) << 32n) | BigInt(v32[4 * reg + 2 * i] >>> 0);
function setLane64(v32: Int32Array, reg: number, i: number, x: bigint): void {
  v32[4 * reg + 2 * i] = Number(BigInt.asIntN(32, x));
  v32[4 * reg + 2 * i + 1] = Number(BigInt.asIntN(32, x >> 32n));
}
const ror64 = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & M64;
const add64 = (...xs: bigint[]): bigint => xs.reduce((s, x) => s + x, 0n) & M64;

/** SHA512H (part 1) and SHA512H2 (part 2); X = Vn, Y = Vm, W = Vd as the pseudocode names them. */
function sha512Hash(v32: Int32Array, d: number, n: number, m: number, part2: number): void {
  const x0 = lane64(v32, n, 0), x1 = lane64(v32, n, 1);
  const y0 = lane64(v32, m, 0), y1 = lane64(v32, m, 1);
  const w0 = lane64(v32, d, 0), w1 = lane64(v32, d, 1);
  let hi: bigint, lo: bigint;
  if (!part2) {
    const s1 = (v: bigint): bigint => ror64(v, 14n) ^ ror64(v, 18n) ^ ror64(v, 41n);
    hi = add64((y1 & x0) ^ (~y1 & M64 & x1), s1(y1), w1);
    const tmp = add64(hi, y0);
    lo = add64((tmp & y1) ^ (~tmp & M64 & x0), s1(tmp), w0);
  } else {
    const s0 = (v: bigint): bigint => ror64(v, 28n) ^ ror64(v, 34n) ^ ror64(v, 39n);
    hi = add64((x0 & y1) ^ (x0 & y0) ^ (y1 & y0), s0(y0), w1);
    lo = add64((hi & y0) ^ (hi & y1) ^ (y1 & y0), s0(hi), w0);
  }
  setLane64(v32, d, 0, lo);
  setLane64(v32, d, 1, hi);
}

/** SHA512SU0. */
function sha512Su0(v32: Int32Array, d: number, n: number): void {
  const s0 = (v: bigint): bigint => ror64(v, 1n) ^ ror64(v, 8n) ^ (v >> 7n);
  const w0 = lane64(v32, d, 0), w1 = lane64(v32, d, 1), x0 = lane64(v32, n, 0);
  setLane64(v32, d, 0, add64(w0, s0(w1)));
  setLane64(v32, d, 1, add64(w1, s0(x0)));
}

/** SHA512SU1. */
function sha512Su1(v32: Int32Array, d: number, n: number, m: number): void {
  const s1 = (v: bigint): bigint => ror64(v, 19n) ^ ror64(v, 61n) ^ (v >> 6n);
  const x0 = lane64(v32, n, 0), x1 = lane64(v32, n, 1);
  const y0 = lane64(v32, m, 0), y1 = lane64(v32, m, 1);
  const w0 = lane64(v32, d, 0), w1 = lane64(v32, d, 1);
  setLane64(v32, d, 0, add64(w0, s1(x0), y0));
  setLane64(v32, d, 1, add64(w1, s1(x1), y1));
}

// ---- SM3 ----

/** SM3SS1: Vd = ROL(ROL(Vn<127:96>, 12) + Vm<127:96> + Va<127:96>, 7) in the top word, zeros below. */
function sm3ss1(v32: Int32Array, d: number, n: number, m: number, a: number): void {
  const top = rol((rol(v32[4 * n + 3], 12) + v32[4 * m + 3] + v32[4 * a + 3]) | 0, 7);
  v32[4 * d] = 0;
  v32[4 * d + 1] = 0;
  v32[4 * d + 2] = 0;
  v32[4 * d + 3] = top;
}

/** SM3TT1A (op 0), SM3TT1B (1), SM3TT2A (2), SM3TT2B (3) with Vm's word `i`. */
function sm3tt(v32: Int32Array, d: number, n: number, m: number, i: number, op: number): void {
  const x = load(v32, d, wa);
  const wj = v32[4 * m + i];
  const [x0, x1, x2, x3] = [x[0], x[1], x[2], x[3]];
  let top: number;
  if (op < 2) {
    const ss2 = v32[4 * n + 3] ^ rol(x3, 12);
    const f = op === 0 ? x1 ^ x3 ^ x2 : (x3 & x1) | (x3 & x2) | (x1 & x2);
    top = (f + x0 + ss2 + wj) | 0;
  } else {
    const g = op === 2 ? x1 ^ x3 ^ x2 : (x3 & x2) | (~x3 & x1);
    const tt2 = (g + x0 + v32[4 * n + 3] + wj) | 0;
    top = tt2 ^ rol(tt2, 9) ^ rol(tt2, 17);
  }
  v32[4 * d] = x1;
  v32[4 * d + 1] = rol(x2, op < 2 ? 9 : 19);
  v32[4 * d + 2] = x3;
  v32[4 * d + 3] = top;
}

const p1 = (x: number): number => x ^ rol(x, 15) ^ rol(x, 23);

/** SM3PARTW1. */
function sm3partw1(v32: Int32Array, d: number, n: number, m: number): void {
  const a = load(v32, d, wa), b = load(v32, n, wb), c = load(v32, m, wc);
  const r = [0, 0, 0, 0];
  for (let i = 0; i < 3; i++) r[i] = a[i] ^ b[i] ^ rol(c[i + 1], 15);
  for (let i = 0; i < 4; i++) {
    if (i === 3) r[3] = a[3] ^ b[3] ^ rol(r[0], 15);
    r[i] = p1(r[i]);
  }
  for (let i = 0; i < 4; i++) v32[4 * d + i] = r[i];
}

/** SM3PARTW2. */
function sm3partw2(v32: Int32Array, d: number, n: number, m: number): void {
  const a = load(v32, d, wa), b = load(v32, n, wb), c = load(v32, m, wc);
  const t = [0, 1, 2, 3].map((i) => b[i] ^ rol(c[i], 7));
  const r = t.map((x, i) => a[i] ^ x);
  const t2 = rol(t[0], 15);
  r[3] ^= t2 ^ rol(t2, 15) ^ rol(t2, 23);
  for (let i = 0; i < 4; i++) v32[4 * d + i] = r[i];
}

// ---- SM4 ----

const sm4Tau = (x: number): number =>
  (SM4_SBOX[x >>> 24] << 24) | (SM4_SBOX[(x >>> 16) & 255] << 16) | (SM4_SBOX[(x >>> 8) & 255] << 8) | SM4_SBOX[x & 255];

/** SM4E (key = 0: rounds of the cipher with Vn's round keys on Vd) and SM4EKEY (key schedule of Vn with Vm's constants). */
function sm4(v32: Int32Array, d: number, n: number, m: number, key: number): void {
  const r = load(v32, key ? n : d, wa);
  const k = load(v32, key ? m : n, wb);
  for (let i = 0; i < 4; i++) {
    let t = sm4Tau(r[3] ^ r[2] ^ r[1] ^ k[i]);
    t = key ? t ^ rol(t, 13) ^ rol(t, 23) : t ^ rol(t, 2) ^ rol(t, 10) ^ rol(t, 18) ^ rol(t, 24);
    t ^= r[0];
    r[0] = r[1];
    r[1] = r[2];
    r[2] = r[3];
    r[3] = t;
  }
  store(v32, d, r);
}

// ---- SHA3 (inline) ----

/** EOR3 (bcax = false): Vd = Vn ^ Vm ^ Va; BCAX: Vd = Vn ^ (Vm & ~Va). */
function threeWay(c: Code, f: Fields, bcax: boolean): void {
  c.writeWords(f.rd, [0, 1, 2, 3].map((w) => {
    const n = c.word(f.rn, w), m = c.word(f.rm, w), a = c.word(f.ra, w);
    return bcax ? `${n} ^ (${m} & ~${a})` : `${n} ^ ${m} ^ ${a}`;
  }));
}

/** 64-bit rotate right of the lane (lo, hi) by 0..63, as two word expressions. */
function ror64Words(lo: string, hi: string, k: number): [string, string] {
  if (k === 0) return [lo, hi];
  if (k === 32) return [hi, lo];
  const [a, b] = k < 32 ? [lo, hi] : [hi, lo];
  const s = k & 31;
  return [`(${a} >>> ${s}) | (${b} << ${32 - s})`, `(${b} >>> ${s}) | (${a} << ${32 - s})`];
}

/** RAX1 (xar < 0): Vd = Vn ^ ROL(Vm, 1); XAR: Vd = ROR(Vn ^ Vm, xar). 64-bit lanes. */
function rotateXor(c: Code, f: Fields, xar: number): void {
  const words: string[] = [];
  for (let i = 0; i < 2; i++) {
    const n = c.pair(f.rn, i), m = c.pair(f.rm, i);
    if (xar < 0) {
      const [l, h] = ror64Words(m.lo, m.hi, 63);
      words.push(`${n.lo} ^ (${l})`, `${n.hi} ^ (${h})`);
    } else {
      const l = c.let(`${n.lo} ^ ${m.lo}`), h = c.let(`${n.hi} ^ ${m.hi}`);
      const [rl, rh] = ror64Words(l, h, xar);
      words.push(`(${rl}) | 0`, `(${rh}) | 0`);
    }
  }
  c.writeWords(f.rd, words);
}

// ---- decode table ----

const v16b = (n: number): string => vr(n, 1, 0);
const v4s = (n: number): string => vr(n, 1, 2);
const v2d = (n: number): string => vr(n, 1, 3);

const AES_NAMES = ['aese', 'aesd', 'aesmc', 'aesimc'];
const SHA3REG_NAMES = ['sha1c', 'sha1p', 'sha1m', 'sha1su0', 'sha256h', 'sha256h2', 'sha256su1'];
const SHA512_NAMES = ['sha512h', 'sha512h2', 'sha512su1'];
const SM3TT_NAMES = ['sm3tt1a', 'sm3tt1b', 'sm3tt2a', 'sm3tt2b'];

function sha3RegAsm(f: Fields): string {
  const name = SHA3REG_NAMES[f.opcode];
  if (f.opcode < 3) return `${name} q${f.rd}, s${f.rn}, ${v4s(f.rm)}`;
  if (f.opcode === 4 || f.opcode === 5) return `${name} q${f.rd}, q${f.rn}, ${v4s(f.rm)}`;
  return `${name} ${v4s(f.rd)}, ${v4s(f.rn)}, ${v4s(f.rm)}`;
}

function sha3RegEmit(f: Fields): string {
  const args = `S.v32, ${f.rd}, ${f.rn}, ${f.rm}`;
  if (f.opcode < 3) return `H.sha1Hash(${args}, ${f.opcode});`;
  if (f.opcode === 3) return `H.sha1Su0(${args});`;
  if (f.opcode === 6) return `H.sha256Su1(${args});`;
  return `H.sha256Hash(${args}, ${f.opcode === 4 ? 1 : 0});`;
}

const crypto: InsnDef[] = [
  {
    name: 'AES', pattern: '01001110 00 10100 001 opc:2 10 rn:5 rd:5', feature: 'aes',
    emit: (f) => (f.opc < 2 ? `H.aesRound(S.v8, ${f.rd}, ${f.rn}, ${f.opc});` : `H.aesMix(S.v8, ${f.rd}, ${f.rn}, ${f.opc - 2});`),
    asm: (f) => `${AES_NAMES[f.opc]} ${v16b(f.rd)}, ${v16b(f.rn)}`,
  },
  {
    name: 'SHA_3reg', pattern: '01011110 00 0 rm:5 0 opcode:3 00 rn:5 rd:5', feature: 'sha1',
    when: (f) => f.opcode < 4,
    emit: sha3RegEmit,
    asm: sha3RegAsm,
  },
  {
    name: 'SHA256_3reg', pattern: '01011110 00 0 rm:5 0 opcode:3 00 rn:5 rd:5', feature: 'sha2',
    when: (f) => f.opcode >= 4 && f.opcode < 7,
    emit: sha3RegEmit,
    asm: sha3RegAsm,
  },
  {
    name: 'SHA1_2reg', pattern: '01011110 00 10100 0000 opc:1 10 rn:5 rd:5', feature: 'sha1',
    emit: (f, e) => (f.opc ? `H.sha1Su1(S.v32, ${f.rd}, ${f.rn});`
      : emitWith(e, (c) => c.writeWords(f.rd, [`(${c.word(f.rn, 0)} << 30) | (${c.word(f.rn, 0)} >>> 2)`]))),
    asm: (f) => (f.opc ? `sha1su1 ${v4s(f.rd)}, ${v4s(f.rn)}` : `sha1h s${f.rd}, s${f.rn}`),
  },
  {
    name: 'SHA256SU0', pattern: '01011110 00 10100 00010 10 rn:5 rd:5', feature: 'sha2',
    emit: (f) => `H.sha256Su0(S.v32, ${f.rd}, ${f.rn});`,
    asm: (f) => `sha256su0 ${v4s(f.rd)}, ${v4s(f.rn)}`,
  },
  {
    name: 'SHA512_3reg', pattern: '11001110 011 rm:5 1 0 00 opc:2 rn:5 rd:5', feature: 'sha512',
    when: (f) => f.opc < 3,
    emit: (f) => (f.opc < 2 ? `H.sha512Hash(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.opc});` : `H.sha512Su1(S.v32, ${f.rd}, ${f.rn}, ${f.rm});`),
    asm: (f) => (f.opc < 2 ? `${SHA512_NAMES[f.opc]} q${f.rd}, q${f.rn}, ${v2d(f.rm)}` : `sha512su1 ${v2d(f.rd)}, ${v2d(f.rn)}, ${v2d(f.rm)}`),
  },
  {
    name: 'SHA512SU0', pattern: '11001110 110 00000 1000 00 rn:5 rd:5', feature: 'sha512',
    emit: (f) => `H.sha512Su0(S.v32, ${f.rd}, ${f.rn});`,
    asm: (f) => `sha512su0 ${v2d(f.rd)}, ${v2d(f.rn)}`,
  },
  {
    name: 'EOR3_BCAX', pattern: '11001110 00 bcax:1 rm:5 0 ra:5 rn:5 rd:5', feature: 'sha3',
    emit: (f, e) => emitWith(e, (c) => threeWay(c, f, f.bcax === 1)),
    asm: (f) => `${f.bcax ? 'bcax' : 'eor3'} ${v16b(f.rd)}, ${v16b(f.rn)}, ${v16b(f.rm)}, ${v16b(f.ra)}`,
  },
  {
    name: 'RAX1', pattern: '11001110 011 rm:5 1 0 0011 rn:5 rd:5', feature: 'sha3',
    emit: (f, e) => emitWith(e, (c) => rotateXor(c, f, -1)),
    asm: (f) => `rax1 ${v2d(f.rd)}, ${v2d(f.rn)}, ${v2d(f.rm)}`,
  },
  {
    name: 'XAR', pattern: '11001110 100 rm:5 imm6:6 rn:5 rd:5', feature: 'sha3',
    emit: (f, e) => emitWith(e, (c) => rotateXor(c, f, f.imm6)),
    asm: (f) => `xar ${v2d(f.rd)}, ${v2d(f.rn)}, ${v2d(f.rm)}, #${f.imm6}`,
  },
  {
    name: 'SM3SS1', pattern: '11001110 010 rm:5 0 ra:5 rn:5 rd:5', feature: 'sm3',
    emit: (f) => `H.sm3ss1(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.ra});`,
    asm: (f) => `sm3ss1 ${v4s(f.rd)}, ${v4s(f.rn)}, ${v4s(f.rm)}, ${v4s(f.ra)}`,
  },
  {
    name: 'SM3TT', pattern: '11001110 010 rm:5 10 imm2:2 opc:2 rn:5 rd:5', feature: 'sm3',
    emit: (f) => `H.sm3tt(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.imm2}, ${f.opc});`,
    asm: (f) => `${SM3TT_NAMES[f.opc]} ${v4s(f.rd)}, ${v4s(f.rn)}, v${f.rm}.s[${f.imm2}]`,
  },
  {
    name: 'SM3PARTW', pattern: '11001110 011 rm:5 1100 0 opc:1 rn:5 rd:5', feature: 'sm3',
    emit: (f) => `H.sm3partw${f.opc + 1}(S.v32, ${f.rd}, ${f.rn}, ${f.rm});`,
    asm: (f) => `sm3partw${f.opc + 1} ${v4s(f.rd)}, ${v4s(f.rn)}, ${v4s(f.rm)}`,
  },
  {
    name: 'SM4E', pattern: '11001110 110 00000 1000 01 rn:5 rd:5', feature: 'sm4',
    emit: (f) => `H.sm4(S.v32, ${f.rd}, ${f.rn}, 0, 0);`,
    asm: (f) => `sm4e ${v4s(f.rd)}, ${v4s(f.rn)}`,
  },
  {
    name: 'SM4EKEY', pattern: '11001110 011 rm:5 1100 10 rn:5 rd:5', feature: 'sm4',
    emit: (f) => `H.sm4(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, 1);`,
    asm: (f) => `sm4ekey ${v4s(f.rd)}, ${v4s(f.rn)}, ${v4s(f.rm)}`,
  },
];

export const insns = defineInsns(crypto);

export const runtime = {
  aesRound, aesMix, sha1Hash, sha1Su0, sha1Su1, sha256Hash, sha256Su0, sha256Su1, sha512Hash, sha512Su0, sha512Su1,
  sm3ss1, sm3tt, sm3partw1, sm3partw2, sm4,
};

/** The S-boxes, for tests. */
export const CRYPTO_TABLES = { AES_SBOX, AES_INV_SBOX, SM4_SBOX };
