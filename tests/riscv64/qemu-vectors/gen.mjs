// Regenerates vectors.txt: single-instruction results recorded from qemu-riscv64, for
// the integer (I, M, Zba, Zbb, Zbc, Zbs, C) and floating-point (F, D) instructions that
// need no memory. Needs riscv64-linux-gnu-{as,objdump,gcc} and qemu-riscv64 (Debian:
// binutils-riscv64-linux-gnu, gcc-riscv64-linux-gnu, qemu-user).
// Run from anywhere: node gen.mjs [perTemplate] [seed]
//
// Line format (hex, no 0x):  word fcsr a0 a1 a2 a3 ft0 ft1 ft2 ft3 | a0 ft0 fcsr
// Every instruction reads a1..a3 / ft1..ft3 and writes a0 or ft0 (a0 and ft0 start with
// the given values, so an instruction that leaves them alone shows them unchanged).
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PER = Number(process.argv[2] ?? 8);
let st = BigInt(process.argv[3] ?? 20261121) | 1n;
const M64 = (1n << 64n) - 1n;
function rnd64() { st ^= (st << 13n) & M64; st ^= st >> 7n; st ^= (st << 17n) & M64; return st; }
const rnd = (n) => Number(rnd64() % BigInt(n));
const pick = (a) => a[rnd(a.length)];

// [assembly, kind] - kind 'int': a1..a3 are integers; 'fs'/'fd': ft1..ft3 are singles/doubles;
// 'is'/'id': a1 is an integer converted to a single/double.
function templates() {
  const T = [];
  const RR = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and', 'addw', 'subw', 'sllw', 'srlw', 'sraw',
    'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu', 'mulw', 'divw', 'divuw', 'remw', 'remuw',
    'add.uw', 'sh1add', 'sh2add', 'sh3add', 'sh1add.uw', 'sh2add.uw', 'sh3add.uw',
    'andn', 'orn', 'xnor', 'max', 'maxu', 'min', 'minu', 'rol', 'ror', 'rolw', 'rorw',
    'clmul', 'clmulh', 'clmulr', 'bclr', 'bext', 'binv', 'bset'];
  for (const op of RR) T.push([`${op} a0, a1, a2`, 'int']);
  for (const op of ['clz', 'ctz', 'cpop', 'clzw', 'ctzw', 'cpopw', 'sext.b', 'sext.h', 'zext.h', 'orc.b', 'rev8']) T.push([`${op} a0, a1`, 'int']);
  const imm12 = () => rnd(4096) - 2048;
  for (let k = 0; k < 3; k++) {
    for (const op of ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'addiw']) T.push([`${op} a0, a1, ${pick([imm12(), 0, -1, 1, 2047, -2048])}`, 'int']);
    for (const op of ['slli', 'srli', 'srai', 'rori', 'bclri', 'bexti', 'binvi', 'bseti', 'slli.uw']) T.push([`${op} a0, a1, ${pick([rnd(64), 0, 31, 32, 63])}`, 'int']);
    for (const op of ['slliw', 'srliw', 'sraiw', 'roriw']) T.push([`${op} a0, a1, ${pick([rnd(32), 0, 31])}`, 'int']);
    T.push([`lui a0, ${rnd(1 << 20)}`, 'int']);
    // compressed forms (rd' = a0 = x10, rs2' = a1 = x11)
    T.push([`c.addi a0, ${pick([rnd(63) - 31 || 1, -32, 31])}`, 'int'], [`c.addiw a0, ${rnd(64) - 32}`, 'int'], [`c.li a0, ${rnd(64) - 32}`, 'int']);
    T.push([`c.lui a0, ${pick([1, 31, 0xfffe0, 0xfffff, 5])}`, 'int'], [`c.slli a0, ${1 + rnd(63)}`, 'int'], [`c.srli a0, ${1 + rnd(63)}`, 'int']);
    T.push([`c.srai a0, ${1 + rnd(63)}`, 'int'], [`c.andi a0, ${rnd(64) - 32}`, 'int']);
  }
  for (const op of ['c.sub', 'c.xor', 'c.or', 'c.and', 'c.subw', 'c.addw']) T.push([`${op} a0, a1`, 'int']);
  T.push(['c.mv a0, a2', 'int'], ['c.add a0, a2', 'int']);

  const RMS = ['rne', 'rtz', 'rdn', 'rup', 'rmm', 'dyn'];
  for (const [s, kind] of [['s', 'fs'], ['d', 'fd']]) {
    for (const op of ['fadd', 'fsub', 'fmul', 'fdiv']) for (const rm of RMS) T.push([`${op}.${s} ft0, ft1, ft2, ${rm}`, kind]);
    for (const rm of RMS) T.push([`fsqrt.${s} ft0, ft1, ${rm}`, kind]);
    for (const op of ['fmadd', 'fmsub', 'fnmsub', 'fnmadd']) for (const rm of RMS) T.push([`${op}.${s} ft0, ft1, ft2, ft3, ${rm}`, kind]);
    for (const op of ['fsgnj', 'fsgnjn', 'fsgnjx', 'fmin', 'fmax']) T.push([`${op}.${s} ft0, ft1, ft2`, kind], [`${op}.${s} ft0, ft1, ft1`, kind]);
    for (const op of ['feq', 'flt', 'fle']) T.push([`${op}.${s} a0, ft1, ft2`, kind], [`${op}.${s} a0, ft1, ft1`, kind]);
    T.push([`fclass.${s} a0, ft1`, kind]);
    for (const it of ['w', 'wu', 'l', 'lu']) {
      for (const rm of RMS) T.push([`fcvt.${it}.${s} a0, ft1, ${rm}`, kind]);
      // binutils takes no rounding mode for the exact conversions (fcvt.d.w, fcvt.d.wu)
      const exact = s === 'd' && (it === 'w' || it === 'wu');
      for (const rm of exact ? [''] : RMS) T.push([`fcvt.${s}.${it} ft0, a1${rm && `, ${rm}`}`, s === 's' ? 'is' : 'id']);
    }
  }
  for (const rm of RMS) T.push([`fcvt.s.d ft0, ft1, ${rm}`, 'fd']);
  T.push(['fcvt.d.s ft0, ft1', 'fs']);
  T.push(['fmv.x.w a0, ft1', 'fs'], ['fmv.x.d a0, ft1', 'fd'], ['fmv.w.x ft0, a1', 'int'], ['fmv.d.x ft0, a1', 'int']);
  return T;
}

const FMT = { 32: [8, 23], 64: [11, 52] };
const pack = (N, sign, e, frac) => { const F = FMT[N][1]; e = Math.max(0, Math.min(2 ** FMT[N][0] - 1, e)); return (BigInt(sign) << BigInt(N - 1)) | (BigInt(e) << BigInt(F)) | BigInt.asUintN(F, frac); };
function fromNumber(N, x) {
  if (N === 64) return new BigUint64Array(new Float64Array([x]).buffer)[0];
  return BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]);
}
/** An FP operand biased toward the interesting corners of format N (bits). */
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
    case 7: case 8: return fromNumber(N, (s ? -1 : 1) * pick([0.5, 1.5, 2.5, 3.5, 1, 2, 0.25, 0.75, 4.5, 100.5, 7, 3]));
    case 9: return fromNumber(N, pick([2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 32 - 1, 2 ** 63, -(2 ** 63), 2 ** 64, 2 ** 31 - 0.5, 4294967295.5, -0.5, -1]));
    case 10: return pack(N, s, Math.floor(bias / 2) + rnd(5) - 2, frac());
    case 11: return pack(N, s, Math.floor((bias + 1) / 2) - rnd(F + 2), frac());
    case 12: return pack(N, s, 1 + rnd(F + 2), frac());
    case 13: return rnd64() & ((1n << BigInt(N)) - 1n);
    default: return pack(N, s, bias + rnd(12) - 6, frac() & ~((1n << BigInt(rnd(F + 1))) - 1n));
  }
}
/** An FP register value: doubles as they are, singles NaN-boxed (now and then not). */
function fpReg(N) {
  const v = operand(N);
  if (N === 64) return v;
  const upper = rnd(16) === 0 ? rnd64() & (M64 << 32n) & M64 : (M64 << 32n) & M64;
  return upper | v;
}
function integer() {
  switch (rnd(7)) {
    case 0: return rnd64();
    case 1: return BigInt.asUintN(64, BigInt(rnd(2000) - 1000));
    case 2: return pick([0n, 1n, M64, M64 >> 1n, (M64 >> 1n) + 1n, 0x80000000n, 0x7fffffffn, 0xffffffff80000000n, 0xffffffffn, (1n << 24n) + 1n, (1n << 53n) + 1n, 0x7fffffc000000001n]);
    case 3: return rnd64() >> BigInt(rnd(64));
    case 4: return BigInt.asUintN(64, BigInt.asIntN(32, rnd64()));
    case 5: return BigInt(rnd(64));
    default: return BigInt.asUintN(64, -(rnd64() >> BigInt(rnd(64))));
  }
}

const work = mkdtempSync(join(tmpdir(), 'rv-qemu-'));
const T = templates();
writeFileSync(join(work, 't.s'), '.option arch, +zba, +zbb, +zbc, +zbs\n' + T.map(([a]) => a).join('\n') + '\n');
execSync('riscv64-linux-gnu-as -march=rv64gc t.s -o t.o', { cwd: work });
const words = [...execSync('riscv64-linux-gnu-objdump -d t.o', { cwd: work }).toString().matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{4}(?:[0-9a-f]{4})?)\s/gm)].map((m) => m[1]);
if (words.length !== T.length) throw new Error(`assembler output (${words.length}) does not match the templates (${T.length})`);
execSync(`riscv64-linux-gnu-gcc -O1 -static ${join(here, 'harness.c')} -o harness`, { cwd: work });

const hex = (v) => v.toString(16);
const FCSRS = [0, 0, 0, 1, 2, 3, 4, 0x1f, 0x21, 0x41, 0x61, 0x81];
const cases = [];
T.forEach(([, kind], i) => {
  for (let c = 0; c < PER; c++) {
    const N = kind === 'fs' || kind === 'is' ? 32 : 64;
    const x = [integer(), integer(), integer(), integer()];
    const f = [fpReg(64), fpReg(N), fpReg(N), fpReg(N)];
    if (kind === 'fs' || kind === 'fd') f[0] = M64;
    cases.push({ word: words[i], fcsr: pick(FCSRS), x, f });
  }
});
// qemu 7.2 computes ctzw from all 64 bits (ctzw of 0x8000000000000000 gives 63, not 32):
// such inputs are left out here and tested against the spec by hand.
const CTZW = words[T.findIndex(([a]) => a.startsWith('ctzw '))];
for (let i = cases.length - 1; i >= 0; i--) {
  if (cases[i].word === CTZW && (cases[i].x[1] & 0xffffffffn) === 0n) cases.splice(i, 1);
}
const input = cases.map((c) => [c.word, hex(c.fcsr), ...c.x.map(hex), ...c.f.map(hex)].join(' ')).join('\n') + '\n';
const out = execFileSync('qemu-riscv64', [join(work, 'harness')], { input, maxBuffer: 1 << 28 }).toString().trim().split('\n');
if (out.length !== cases.length) throw new Error('harness output is short');
const lines = cases.map((c, i) => {
  const [a0, f0, fcsr] = out[i].split(' ');
  return `${c.word} ${hex(c.fcsr)} ${c.x.map(hex).join(' ')} ${c.f.map(hex).join(' ')} | ${hex(BigInt(`0x${a0}`))} ${hex(BigInt(`0x${f0}`))} ${fcsr}`;
});
writeFileSync(join(here, 'vectors.txt'), lines.join('\n') + '\n');
console.log(`${lines.length} vectors written`);
