import { AddressSpace } from './src/memory/address-space.js';
import { CpuState } from './src/translate/cpu-state.js';
import { Emitter } from './src/translate/emitter.js';
import { aarch64Target } from './src/targets/aarch64/target.js';
const words = process.argv.slice(2).map((w) => parseInt(w, 16));
const mem = new AddressSpace();
mem.map(0x400000, 0x1000, 5);
const code = new Uint8Array(4 * words.length); const dv = new DataView(code.buffer);
words.forEach((w, i) => dv.setUint32(4 * i, w, true));
mem.poke(0x400000, code);
const e = new Emitter(new Set([0x400000]), false);
for (let i = 0; i < words.length; i++) {
  const insn = aarch64Target.decode(mem, 0x400000 + 4 * i);
  e.pc = insn.pc; e.nextPc = insn.pc + 4;
  console.log('// ' + insn.text());
  console.log(insn.emit(e));
}
void CpuState;
