import { runA64 } from './tests/aarch64/driver.js';
const words = 'd292d000 f2a01300 1e6e1000 1e6c1001 1e6f1002 1e2e1003 1e2c1004 1f420020 1e610805 1e6228a6 1e6218c7 1e242863 1e6020e0 5400002c 9e7800c5 9e6200a8 f1000400 54fffec1'.split(' ').map((w) => parseInt(w, 16));
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = runA64(words, { fpcr: Number(process.env.FPCR ?? 0) });
  console.log((performance.now() - t0).toFixed(0), 'ms', r.x[0], r.fpsr.toString(16), r.v[0].toString(16));
}
