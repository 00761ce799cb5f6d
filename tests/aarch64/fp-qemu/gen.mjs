// Regenerates vectors.txt: scalar FP instruction results recorded from qemu-aarch64.
// Needs aarch64-linux-gnu-{as,objdump,gcc} and qemu-aarch64 (Debian: binutils-aarch64-
// linux-gnu, gcc-aarch64-linux-gnu, qemu-user). Run from anywhere: node gen.mjs [perTemplate] [seed]
//
// Line format (hex, no 0x):  word fpcr nzcv v1 v2 v3 x1 | v0lo v0hi x0 nzcv fpsr
// - v1..v3 are the low bits of V1..V3; their digit count gives the width (4, 8 or 16
//   digits: H, S, D) and every bit above is 1 ("-" = all ones). V0 starts as all ones, the
//   top halves of V1..V3 as a5a5..., x0 as 0123456789abcdef ("=" in the output: unchanged),
//   x1 as given ("-" = fedcba9876543210), x2 = x3 = 5555555555555555.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PER = Number(process.argv[2] ?? 8);
let st = BigInt(process.argv[3] ?? 20240601) | 1n;
const M64 = (1n << 64n) - 1n;
function rnd64() { st ^= (st << 13n) & M64; st ^= st >> 7n; st ^= (st << 17n) & M64; return st; }
const rnd = (n) => Number(rnd64() % BigInt(n));
const pick = (a) => a[rnd(a.length)];

function templates() {
  const T = [];
  const F = { s: 32, d: 64, h: 16 };
  for (const t of ['s', 'd', 'h']) {
    for (const op of ['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul']) T.push([`${op} ${t}0, ${t}1, ${t}2`, 'fp', F[t]]);
    for (const op of ['fsqrt', 'fabs', 'fneg', 'fmov', 'frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx', 'frinti']) T.push([`${op} ${t}0, ${t}1`, 'fp', F[t]]);
    for (const op of ['fmadd', 'fmsub', 'fnmadd', 'fnmsub']) T.push([`${op} ${t}0, ${t}1, ${t}2, ${t}3`, 'fp', F[t]]);
    for (const op of ['fcmp', 'fcmpe']) T.push([`${op} ${t}1, ${t}2`, 'fp', F[t]], [`${op} ${t}1, #0.0`, 'fp', F[t]]);
    for (const cond of ['eq', 'ne', 'ge', 'lt', 'hi', 'vs']) for (const op of ['fccmp', 'fccmpe']) T.push([`${op} ${t}1, ${t}2, #${cond === 'eq' ? 5 : 10}, ${cond}`, 'fp', F[t]]);
    for (const cond of ['eq', 'gt', 'mi', 'vs']) T.push([`fcsel ${t}0, ${t}1, ${t}2, ${cond}`, 'fp', F[t]]);
    for (const u of ['s', 'd', 'h']) if (u !== t) T.push([`fcvt ${u}0, ${t}1`, 'fp', F[t]]);
    for (const r of ['w', 'x']) {
      for (const c of ['n', 'p', 'm', 'z', 'a']) for (const su of ['s', 'u']) T.push([`fcvt${c}${su} ${r}0, ${t}1`, 'fp', F[t]]);
      const fb = r === 'w' ? [1, 8, 31, 32] : [1, 16, 32, 63, 64];
      for (const b of fb) for (const su of ['s', 'u']) T.push([`fcvtz${su} ${r}0, ${t}1, #${b}`, 'fp', F[t]]);
      for (const su of ['s', 'u']) {
        T.push([`${su}cvtf ${t}0, ${r}1`, 'int', r === 'w' ? 32 : 64]);
        for (const b of fb) T.push([`${su}cvtf ${t}0, ${r}1, #${b}`, 'int', r === 'w' ? 32 : 64]);
      }
    }
  }
  T.push(['fmov w0, s1', 'fp', 32], ['fmov x0, d1', 'fp', 64], ['fmov w0, h1', 'fp', 16], ['fmov x0, h1', 'fp', 16], ['fmov x0, v1.d[1]', 'fp', 64]);
  T.push(['fmov s0, w1', 'int', 64], ['fmov d0, x1', 'int', 64], ['fmov h0, w1', 'int', 64], ['fmov h0, x1', 'int', 64], ['fmov v0.d[1], x1', 'int', 64]);
  return T;
}

const FMT = { 16: [5, 10], 32: [8, 23], 64: [11, 52] };
const pack = (N, sign, e, frac) => { const F = FMT[N][1]; e = Math.max(0, Math.min(2 ** FMT[N][0] - 1, e)); return (BigInt(sign) << BigInt(N - 1)) | (BigInt(e) << BigInt(F)) | BigInt.asUintN(F, frac); };
function fromNumber(N, x) {
  if (N === 64) return new BigUint64Array(new Float64Array([x]).buffer)[0];
  if (N === 32) return BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]);
  const s = x < 0 || Object.is(x, -0) ? 1 : 0;
  x = Math.abs(x);
  if (x === 0) return pack(16, s, 0, 0n);
  const e = Math.floor(Math.log2(x));
  if (e < -14) return pack(16, s, 0, BigInt(Math.floor(x / 2 ** -24)));
  if (e > 15) return pack(16, s, 31, 0n);
  return pack(16, s, e + 15, BigInt(Math.floor((x / 2 ** e - 1) * 1024)));
}
/** An operand biased toward the interesting corners of format N. */
function operand(N) {
  const [E, F] = FMT[N];
  const maxE = 2 ** E - 1, bias = 2 ** (E - 1) - 1, s = rnd(2);
  const frac = () => rnd64() & ((1n << BigInt(F)) - 1n);
  switch (rnd(24)) {
    case 0: return pack(N, s, 0, 0n);
    case 1: return pack(N, s, 0, rnd(2) ? 1n : frac());
    case 2: return pack(N, s, 1, frac());
    case 3: return pack(N, s, maxE - 1, frac());
    case 4: return pack(N, s, maxE, 0n);
    case 5: return pack(N, s, maxE, (1n << BigInt(F - 1)) | frac());
    case 6: { const f = frac() & ((1n << BigInt(F - 1)) - 1n); return pack(N, s, maxE, f || 1n); }
    case 7: case 8: return fromNumber(N, (s ? -1 : 1) * pick([0.5, 1.5, 2.5, 3.5, 1, 2, 0.25, 0.75, 4.5, 100.5, 7]));
    case 9: return fromNumber(N, pick([2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 63, -(2 ** 63), 2 ** 64, 2 ** 31 - 0.5, 4294967295.5, 65504, 65520]));
    case 10: return pack(N, s, Math.floor(bias / 2) + rnd(5) - 2, frac());
    case 11: return pack(N, s, Math.floor((bias + 1) / 2) - rnd(F + 2), frac());
    case 12: return pack(N, s, 1 + rnd(F + 2), frac());
    case 13: return rnd64() & ((1n << BigInt(N)) - 1n);
    default: return pack(N, s, bias + rnd(12) - 6, frac() & ~((1n << BigInt(rnd(F + 1))) - 1n));
  }
}
function integer(bits) {
  const m = (1n << BigInt(bits)) - 1n;
  switch (rnd(5)) {
    case 0: return rnd64() & m;
    case 1: return BigInt.asUintN(bits, BigInt(rnd(2000) - 1000));
    case 2: return pick([0n, 1n, m, m >> 1n, (m >> 1n) + 1n, (1n << 24n) + 1n, (1n << 53n) + 1n, 0x7fffffc000000001n]) & m;
    case 3: return (rnd64() & m) >> BigInt(rnd(bits));
    default: return BigInt.asUintN(bits, -((rnd64() & m) >> BigInt(rnd(bits))));
  }
}
const FPCRS = [0, 0, 0, 1 << 25, 1 << 24, 1 << 22, 2 << 22, 3 << 22, (1 << 24) | (1 << 25) | (2 << 22), 1 << 26, 1 << 19];

const work = mkdtempSync(join(tmpdir(), 'fp-qemu-'));
const T = templates();
writeFileSync(join(work, 't.s'), T.map(([a]) => a).join('\n') + '\n');
execSync(`aarch64-linux-gnu-as -march=armv8.2-a+fp16 t.s -o t.o`, { cwd: work });
const words = [...execSync('aarch64-linux-gnu-objdump -d t.o', { cwd: work }).toString().matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s/gm)].map((m) => m[1]);
if (words.length !== T.length) throw new Error('assembler output does not match the templates');
execSync(`aarch64-linux-gnu-gcc -O1 -static ${join(here, 'harness.c')} -o harness`, { cwd: work });

const hex = (v) => v.toString(16);
const ONES64 = 'ffffffffffffffff', A5 = 'a5a5a5a5a5a5a5a5', X0 = '0123456789abcdef', X1 = 'fedcba9876543210', X23 = '5555555555555555';
const cases = [];
T.forEach(([, kind, N], i) => {
  for (let c = 0; c < PER; c++) {
    const ops = kind === 'fp' ? [operand(N), operand(N), operand(N)].map((v) => v.toString(16).padStart(N / 4, '0')) : ['-', '-', '-'];
    const x1 = kind === 'int' ? hex(integer(N)) : '-';
    cases.push({ word: words[i], fpcr: pick(FPCRS), nzcv: rnd(16), ops, x1 });
  }
});
for (const base of [0x1e201000, 0x1e601000, 0x1ee01000]) {
  for (let imm = 0; imm < 256; imm++) cases.push({ word: hex((base | (imm << 13)) >>> 0), fpcr: 0, nzcv: 0, ops: ['-', '-', '-'], x1: '-' });
}
const low = (op) => (op === '-' ? ONES64 : hex(BigInt.asUintN(64, BigInt(`0x${op}`) | (M64 << BigInt(op.length * 4)))));
const input = cases.map((c) => [c.word, hex(c.fpcr), hex(c.nzcv), ONES64, ONES64, ...c.ops.flatMap((o) => [low(o), A5]), X0, c.x1 === '-' ? X1 : c.x1, X23, X23].join(' ')).join('\n') + '\n';
const out = execFileSync('qemu-aarch64', [join(work, 'harness')], { input }).toString().trim().split('\n');
if (out.length !== cases.length) throw new Error('harness output is short');
const lines = cases.map((c, i) => {
  const [v0lo, v0hi, x0, nzcv, fpsr] = out[i].split(' ');
  const x0o = x0 === X0 ? '=' : hex(BigInt(`0x${x0}`));
  return `${c.word} ${hex(c.fpcr)} ${hex(c.nzcv)} ${c.ops.join(' ')} ${c.x1} | ${hex(BigInt(`0x${v0lo}`))} ${hex(BigInt(`0x${v0hi}`))} ${x0o} ${nzcv} ${fpsr}`;
});
writeFileSync(join(here, 'vectors.txt'), lines.join('\n') + '\n');
console.log(`${lines.length} vectors written`);
