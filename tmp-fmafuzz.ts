import { FP64, FP32, fpMulAdd, fpExc } from './src/targets/aarch64/softfloat/arm-fp.js';
import { fmaD, fmaS } from './src/targets/aarch64/softfloat/fast-fp.js';
const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
const bits = (x: number) => { f64[0] = x; return u64[0]; };
const num = (b: bigint) => { u64[0] = b; return f64[0]; };
const bits32 = (x: number) => { f32[0] = x; return BigInt(u32[0]); };
const num32 = (b: bigint) => { u32[0] = Number(b); return f32[0]; };
let seed = 88172645463325252n;
const M = (1n << 64n) - 1n;
const r64 = () => { seed ^= (seed << 13n) & M; seed ^= seed >> 7n; seed ^= (seed << 17n) & M; return seed; };
const rnd = () => Number(r64() >> 11n) / 2 ** 53;
const randD = (emin: number, emax: number) => (rnd() < 0.5 ? -1 : 1) * (1 + rnd()) * 2 ** Math.floor(emin + rnd() * (emax - emin));
let bad = 0, checked = 0, nan = 0;
function check(a: number, b: number, c: number) {
  const r = fmaD(a, b, c);
  if (r !== r) { nan++; return; }
  checked++;
  fpExc.flags = 0;
  const ref = fpMulAdd(FP64, bits(c), bits(a), bits(b), 0);
  if (ref !== bits(r)) { if (bad++ < 10) console.log('BAD', a, b, c, r, num(ref)); }
}
for (let i = 0; i < 300000; i++) {
  const k = i % 6;
  let a = randD(-30, 30), b = randD(-30, 30), c: number;
  if (k === 0) c = randD(-60, 60);
  else if (k === 1) c = -(a * b) * (1 + (rnd() - 0.5) * 2 ** -Math.floor(rnd() * 60));
  else if (k === 2) {
    // product near half an ulp of c
    const e = Math.floor(rnd() * 100) - 50;
    c = (rnd() < 0.5 ? -1 : 1) * (2 ** 52 + Math.floor(rnd() * 2 ** 52)) * 2 ** e;
    const half = 2 ** (e - 1);
    a = (1 + Math.floor(rnd() * 2 ** 20) * 2 ** -52) * (rnd() < 0.5 ? 1 : -1);
    b = half / a;
    b = b + (Math.floor(rnd() * 5) - 2) * (Math.abs(b) * 2 ** -52);
  } else if (k === 3) {
    // integer-valued hard cases
    const e = Math.floor(rnd() * 10);
    c = (2 ** 53 + 2 * Math.floor(rnd() * 2 ** 20)) * 2 ** e * (rnd() < 0.5 ? -1 : 1);
    a = (1 + 2 ** -Math.floor(1 + rnd() * 50)) * 2 ** e; b = rnd() < 0.5 ? 1 : -1 - 2 ** -Math.floor(1 + rnd() * 50);
    if (rnd() < 0.5) b = -b;
  } else if (k === 4) {
    a = randD(-600, 600); b = randD(-600, 600); c = randD(-1000, 1000);
  } else {
    a = randD(-540, -440); b = randD(-540, -440); c = randD(-1074, -900);
  }
  check(a, b, c);
}
console.log('double checked', checked, 'bad', bad, 'slow', nan);
// single
let bs = 0;
for (let i = 0; i < 300000; i++) {
  const a = Math.fround(randD(-60, 60)), b = Math.fround(randD(-60, 60));
  let c = Math.fround(i % 3 === 0 ? -(a * b) * (1 + (rnd() - 0.5) * 2 ** -20) : randD(-140, 100));
  if (i % 7 === 0) c = Math.fround(randD(-149, -120));
  const r = fmaS(a, b, c);
  fpExc.flags = 0;
  const ref = fpMulAdd(FP32, bits32(c), bits32(a), bits32(b), 0);
  if (ref !== bits32(r)) { if (bs++ < 10) console.log('BADS', a, b, c, r, num32(ref)); }
}
console.log('single bad', bs);
