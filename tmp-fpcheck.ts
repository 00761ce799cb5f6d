// Temporary: compare translator results with qemu harness output.
import { readFileSync } from 'node:fs';
import { AddressSpace } from './src/memory/address-space.js';
import { CpuState } from './src/translate/cpu-state.js';
import { Translator } from './src/translate/translator.js';
import { nzcvOf } from './src/targets/aarch64/flags.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR, SLOT_FPSR } from './src/targets/aarch64/state.js';
import { aarch64Target } from './src/targets/aarch64/target.js';

const [casesFile, qemuFile, filter] = process.argv.slice(2);
const cases = readFileSync(casesFile, 'utf8').trim().split('\n');
const names = readFileSync(casesFile + '.names', 'utf8').trim().split('\n');
const outs = readFileSync(qemuFile, 'utf8').trim().split('\n');
const mem = new AddressSpace();
const CODE = 0x1000000;
mem.map(CODE, 0x1000000, 5);
const t = new Translator(aarch64Target, mem);
const s = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
const bad = new Map<string, number>();
let shown = 0;
const M = (1n << 64n) - 1n;
for (let i = 0; i < cases.length; i++) {
  if (filter && !names[i].includes(filter)) continue;
  const f = cases[i].split(' ').map((x) => BigInt('0x' + x));
  const pc = CODE + 8 * i;
  const code = new Uint8Array(8);
  const dv = new DataView(code.buffer);
  dv.setUint32(0, Number(f[0]), true);
  dv.setUint32(4, 0xd4000001, true);
  mem.poke(pc, code);
  s.r.fill(0);
  s.v8.fill(0);
  s.r[SLOT_FPCR] = Number(f[1]);
  s.r[SLOT_FPSR] = 0;
  s.r[SLOT_FLAG_OP] = 0;
  s.r[SLOT_FLAG_AL] = Number(f[2]) << 28;
  for (let k = 0; k < 8; k++) s.vview.setBigUint64(8 * k, f[3 + k], true);
  for (let k = 0; k < 4; k++) {
    s.r[2 * k] = Number(BigInt.asIntN(32, f[11 + k]));
    s.r[2 * k + 1] = Number(BigInt.asIntN(32, f[11 + k] >> 32n));
  }
  s.exc = 0;
  let err = '';
  try { t.run(s, pc, 1); } catch (e) { err = String(e); }
  const r = s.r;
  const nz = nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]);
  const x0 = (BigInt(r[1] >>> 0) << 32n) | BigInt(r[0] >>> 0);
  const got = `${s.vview.getBigUint64(0, true).toString(16).padStart(16, '0')} ${s.vview.getBigUint64(8, true).toString(16).padStart(16, '0')} ${x0.toString(16).padStart(16, '0')} ${nz.toString(16)} ${(r[SLOT_FPSR] >>> 0).toString(16)}`;
  let want = outs[i];
  const arith = /^(fadd|fsub|fmul|fnmul|fdiv|fsqrt|fmadd|fmsub|fnmadd|fnmsub) [sd]/.test(names[i]);
  if (process.env.MASK && arith && ((Number(f[1]) >> 22) & 3) === 0) {
    const parts = want.split(' ');
    parts[4] = (parseInt(parts[4], 16) & ~0x18).toString(16);
    want = parts.join(' ');
    const g = got.split(' ');
    g[4] = (parseInt(g[4], 16) & ~0x18).toString(16);
    if (g.join(' ') === want && s.exc === 1 && !err) continue;
  }
  if (got !== want || s.exc !== 1 || err) {
    bad.set(names[i], (bad.get(names[i]) ?? 0) + 1);
    if (shown++ < Number(process.env.SHOW ?? 30)) console.log(`${names[i]} | ${cases[i]}\n  qemu ${outs[i]}\n  ours ${got} exc=${s.exc} ${err}`);
  }
}
console.log([...bad].map(([k, v]) => `${k}: ${v}`).join('\n'));
console.log('mismatching cases:', [...bad.values()].reduce((a, b) => a + b, 0));
