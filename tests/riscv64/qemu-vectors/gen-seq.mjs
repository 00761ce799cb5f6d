// Regenerates sequences.txt: random straight-line and branching sequences of integer
// instructions (I, M, Zba, Zbb, Zbc, Zbs, C) over twelve registers, recorded from
// qemu-riscv64. They check what single-instruction vectors cannot: registers read and
// written by neighbouring instructions in one translated block (rd = rs, chains, x0),
// and forward branches inside a block.
// Needs riscv64-linux-gnu-{as,objdump,gcc} and qemu-riscv64. Run: node gen-seq.mjs [count] [seed]
//
// Line format (hex): n word*n a0..a7 s2..s5 | a0..a7 s2..s5 afterwards
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.argv[2] ?? 400);
let st = BigInt(process.argv[3] ?? 777) | 1n;
const M64 = (1n << 64n) - 1n;
function rnd64() { st ^= (st << 13n) & M64; st ^= st >> 7n; st ^= (st << 17n) & M64; return st; }
const rnd = (n) => Number(rnd64() % BigInt(n));
const pick = (a) => a[rnd(a.length)];

const REGS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 's2', 's3', 's4', 's5'];
const CREGS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
const RR = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and', 'addw', 'subw', 'sllw', 'srlw', 'sraw',
  'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu', 'mulw', 'divw', 'divuw', 'remw', 'remuw',
  'add.uw', 'sh1add', 'sh3add.uw', 'andn', 'orn', 'xnor', 'max', 'minu', 'rol', 'ror', 'rolw', 'rorw', 'clmul', 'clmulh',
  'bclr', 'bext', 'binv', 'bset'];
const R1 = ['clz', 'ctz', 'cpop', 'clzw', 'cpopw', 'sext.b', 'sext.h', 'zext.h', 'orc.b', 'rev8'];
const RI = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'addiw'];
const SH = ['slli', 'srli', 'srai', 'rori', 'bseti', 'bexti', 'slli.uw'];
const SHW = ['slliw', 'srliw', 'sraiw', 'roriw'];
const BR = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'];
/** A register, x0 now and then. */
const reg = (src) => (src && rnd(12) === 0 ? 'zero' : pick(REGS));

function insn(i, n) {
  switch (rnd(10)) {
    case 0: return `${pick(R1)} ${reg()}, ${reg(true)}`;
    case 1: return `${pick(RI)} ${reg()}, ${reg(true)}, ${pick([rnd(4096) - 2048, 0, -1, 1])}`;
    case 2: return `${pick(SH)} ${reg()}, ${reg(true)}, ${pick([rnd(64), 0, 31, 32, 63])}`;
    case 3: return `${pick(SHW)} ${reg()}, ${reg(true)}, ${rnd(32)}`;
    case 4: return `lui ${reg()}, ${rnd(1 << 20)}`;
    case 5: {
      const r = pick(CREGS);
      return pick([`c.addi ${r}, ${rnd(31) + 1}`, `c.li ${r}, ${rnd(64) - 32}`, `c.srai ${r}, ${rnd(63) + 1}`, `c.andi ${r}, ${rnd(64) - 32}`,
        `c.sub ${r}, ${pick(CREGS)}`, `c.addw ${r}, ${pick(CREGS)}`, `c.mv ${r}, ${pick(REGS)}`, `c.add ${r}, ${pick(REGS)}`, `c.slli ${r}, ${rnd(63) + 1}`]);
    }
    case 6: {
      // a forward branch over 1..3 instructions, when there is room
      const skip = 1 + rnd(3);
      if (i + skip >= n) return `add ${reg()}, ${reg(true)}, ${reg(true)}`;
      return `${pick(BR)} ${reg(true)}, ${reg(true)}, 1f${skip}${i}`;
    }
    default: return `${pick(RR)} ${reg()}, ${reg(true)}, ${reg(true)}`;
  }
}

function integer() {
  switch (rnd(6)) {
    case 0: return rnd64();
    case 1: return BigInt.asUintN(64, BigInt(rnd(2000) - 1000));
    case 2: return pick([0n, 1n, M64, M64 >> 1n, (M64 >> 1n) + 1n, 0x80000000n, 0xffffffff80000000n, 0xffffffffn]);
    case 3: return rnd64() >> BigInt(rnd(64));
    case 4: return BigInt.asUintN(64, BigInt.asIntN(32, rnd64()));
    default: return BigInt(rnd(64));
  }
}

// Each sequence is assembled in its own section of one file; labels "1f<skip><i>" are
// resolved by placing local label 1 after the skipped instructions.
const seqs = [];
for (let k = 0; k < COUNT; k++) {
  const n = 4 + rnd(20);
  const lines = [];
  const targets = new Map();
  for (let i = 0; i < n; i++) {
    let text = insn(i, n);
    const m = / 1f(\d)(\d+)$/.exec(text);
    if (m) {
      const at = i + Number(m[1]) + 1;
      targets.set(at, (targets.get(at) ?? 0) + 1);
      text = text.replace(/ 1f\d\d+$/, ` .Lt${k}_${at}`);
    }
    lines.push({ text, labelBefore: [] });
  }
  const body = [];
  for (let i = 0; i <= n; i++) {
    if (targets.has(i)) body.push(`.Lt${k}_${i}:`);
    if (i < n) body.push(lines[i].text);
  }
  body.push('nop');
  seqs.push({ body, values: Array.from({ length: 12 }, integer) });
}

const work = mkdtempSync(join(tmpdir(), 'rv-seq-'));
const asm = ['.option arch, +zba, +zbb, +zbc, +zbs'];
seqs.forEach((s, k) => asm.push(`.section .text.s${k},"ax"`, `s${k}:`, ...s.body));
writeFileSync(join(work, 't.s'), asm.join('\n') + '\n');
execSync('riscv64-linux-gnu-as -march=rv64gc t.s -o t.o', { cwd: work });
const dump = execSync('riscv64-linux-gnu-objdump -d t.o', { cwd: work, maxBuffer: 1 << 26 }).toString();
const sections = dump.split(/Disassembly of section /).slice(1);
if (sections.length !== seqs.length) throw new Error('sections do not match');
sections.forEach((sec, k) => {
  seqs[k].words = [...sec.matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{4}(?:[0-9a-f]{4})?)\s/gm)].map((m) => m[1]);
});
execSync(`riscv64-linux-gnu-gcc -O1 -static ${join(here, 'seq-harness.c')} -o harness`, { cwd: work });
const hex = (v) => v.toString(16);
const input = seqs.map((s) => [hex(s.words.length), ...s.words, ...s.values.map(hex)].join(' ')).join('\n') + '\n';
const out = execFileSync('qemu-riscv64', [join(work, 'harness')], { input, maxBuffer: 1 << 28 }).toString().trim().split('\n');
if (out.length !== seqs.length) throw new Error('harness output is short');
const lines = seqs.map((s, k) => `${[hex(s.words.length), ...s.words, ...s.values.map(hex)].join(' ')} | ${out[k]}`);
writeFileSync(join(here, 'sequences.txt'), lines.join('\n') + '\n');
console.log(`${lines.length} sequences written`);
