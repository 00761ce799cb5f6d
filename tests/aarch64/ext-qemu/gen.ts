// Regenerates vectors.txt: results of the extension instructions of cases.s (LSE and
// RCPC atomics/ordered accesses, crypto, SHA3, SM3/SM4, dot products, FlagM, FRINT32/64,
// FJCVTZS, FP16, I8MM, BF16) recorded from `qemu-aarch64 -cpu max`, SETS operand sets
// each (operands from inputs.ts by seed). Needs aarch64-linux-gnu-{as,objdump,gcc} and
// qemu-aarch64 (Debian: binutils-aarch64-linux-gnu, gcc-aarch64-linux-gnu, qemu-user).
// Run: npx tsx tests/aarch64/ext-qemu/gen.ts
// A cases.s line "N* insn" records N operand sets for that instruction instead of 3.
//
// Line format:  word seed fpcr | changes | objdump text
// - word, fpcr in hex; seed in decimal (the operands are extInput(seed), NZCV included);
// - changes: vN=<128-bit hex> and xN=<hex> for every V0..V7 / X0..X7 that the
//   instruction changed, m<offset>=<hex> for every changed 8-byte little-endian word
//   of the memory block (offset from X9), then nzcv=<hex> and fpsr=<hex> (FPSR starts at 0).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FPCRS } from '../simd-qemu/inputs.js';
import { extInput, MEM_BASE_OFFSET, MEM_SIZE } from './inputs.js';

const here = dirname(fileURLToPath(import.meta.url));
const SETS = 3;
const MEM_AT = 8 * 16 + 8 * 8 + 16; // v0..v7, x0..x7, fpcr/fpsr, nzcv
const REC = MEM_AT + MEM_SIZE;
const MARCH = '-march=armv8.6-a+crypto+sha3+sm4+fp16+fp16fml+dotprod+i8mm+bf16+flagm+rcpc+lse';
const work = mkdtempSync(join(tmpdir(), 'ext-qemu-'));

// A line "N* insn" records N operand sets instead of SETS (flag instructions: every NZCV).
const entries = readFileSync(join(here, 'cases.s'), 'utf8').split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).filter(Boolean)
  .map((l) => {
    const m = /^(\d+)\*\s*(.*)$/.exec(l);
    return m ? { sets: Number(m[1]), line: m[2] } : { sets: SETS, line: l };
  });
const lines = entries.map((x) => x.line);
writeFileSync(join(work, 'c.s'), `${lines.join('\n')}\n`);
execFileSync('aarch64-linux-gnu-as', [MARCH, join(work, 'c.s'), '-o', join(work, 'c.o')]);
const dump = execFileSync('aarch64-linux-gnu-objdump', ['-d', join(work, 'c.o')]).toString();
const insns: { word: number; text: string }[] = [];
for (const l of dump.split('\n')) {
  const m = /^\s*[0-9a-f]+:\s+([0-9a-f]{8})\s+(.*)$/.exec(l);
  if (m) insns.push({ word: parseInt(m[1], 16), text: m[2].replace(/\t/g, ' ').replace(/\s+\/\/.*$/, '').trim() });
}
if (insns.length !== lines.length) throw new Error(`assembled ${insns.length} of ${lines.length} lines`);

let nextSeed = 100000;
const cases = insns.flatMap((ins, k) => Array.from({ length: entries[k].sets }, (_, s) => {
  const seed = nextSeed++;
  return { ins, seed, fpcr: s === entries[k].sets - 1 ? FPCRS[seed % FPCRS.length] : 0 };
}));
const inBuf = Buffer.alloc(cases.length * REC);
cases.forEach(({ seed, fpcr }, i) => {
  const { v, x, nzcv, mem } = extInput(seed);
  const off = i * REC;
  v.forEach((q, r) => {
    inBuf.writeBigUInt64LE(q & ((1n << 64n) - 1n), off + 16 * r);
    inBuf.writeBigUInt64LE(q >> 64n, off + 16 * r + 8);
  });
  x.forEach((q, r) => inBuf.writeBigUInt64LE(q, off + 128 + 8 * r));
  inBuf.writeBigUInt64LE(BigInt(fpcr), off + 192);
  inBuf.writeBigUInt64LE(BigInt(nzcv >>> 0), off + 200);
  Buffer.from(mem).copy(inBuf, off + MEM_AT);
});
writeFileSync(join(work, 'in.bin'), inBuf);
const asm = ['.text', '.global _start', '_start:', 'adrp x20, inputs', 'add x20, x20, :lo12:inputs',
  'adrp x21, outputs', 'add x21, x21, :lo12:outputs'];
for (const { ins } of cases) {
  // The memory block is copied into the output record and used in place.
  for (let b = 0; b < MEM_SIZE; b += 16) asm.push(`ldp x10, x11, [x20, #${MEM_AT + b}]`, `stp x10, x11, [x21, #${MEM_AT + b}]`);
  asm.push('ldp q0, q1, [x20]', 'ldp q2, q3, [x20, #32]', 'ldp q4, q5, [x20, #64]', 'ldp q6, q7, [x20, #96]',
    'ldr x9, [x20, #192]', 'msr fpcr, x9', 'msr fpsr, xzr', 'ldr x9, [x20, #200]', 'msr nzcv, x9',
    'ldp x0, x1, [x20, #128]', 'ldp x2, x3, [x20, #144]', 'ldp x4, x5, [x20, #160]', 'ldp x6, x7, [x20, #176]',
    `add x9, x21, #${MEM_AT + MEM_BASE_OFFSET}`,
    `.inst 0x${ins.word.toString(16)}`,
    'mrs x10, nzcv', 'str x10, [x21, #200]',
    'stp q0, q1, [x21]', 'stp q2, q3, [x21, #32]', 'stp q4, q5, [x21, #64]', 'stp q6, q7, [x21, #96]',
    'stp x0, x1, [x21, #128]', 'stp x2, x3, [x21, #144]', 'stp x4, x5, [x21, #160]', 'stp x6, x7, [x21, #176]',
    'mrs x10, fpsr', 'str x10, [x21, #192]', `add x20, x20, #${REC}`, `add x21, x21, #${REC}`);
}
asm.push('mov x0, #1', 'adrp x1, outputs', 'add x1, x1, :lo12:outputs', `ldr x2, =${inBuf.length}`, 'mov x8, #64', 'svc #0',
  'mov x0, #0', 'mov x8, #93', 'svc #0', '.ltorg', '.data', '.balign 16', 'inputs:', `.incbin "${join(work, 'in.bin')}"`,
  '.bss', '.balign 16', 'outputs:', `.skip ${inBuf.length}`);
writeFileSync(join(work, 'prog.s'), `${asm.join('\n')}\n`);
execFileSync('aarch64-linux-gnu-gcc', ['-nostdlib', '-static', MARCH, '-o', join(work, 'prog'), join(work, 'prog.s')]);
const out = execFileSync('qemu-aarch64', ['-cpu', 'max', join(work, 'prog')], { maxBuffer: 1 << 30 });
if (out.length !== inBuf.length) throw new Error(`qemu wrote ${out.length} bytes, expected ${inBuf.length}`);

const hex128 = (b: Buffer, at: number): bigint => (b.readBigUInt64LE(at + 8) << 64n) | b.readBigUInt64LE(at);
const source = readFileSync(join(here, 'gen.ts'), 'utf8').split('\n');
const from = source.findIndex((l) => l.startsWith('// Line format'));
const header = source.slice(from, source.findIndex((l, i) => i > from && !l.startsWith('//'))).map((l) => `#${l.slice(2)}`);
const result = [...header];
cases.forEach(({ ins, seed, fpcr }, i) => {
  const off = i * REC;
  const changes: string[] = [];
  for (let r = 0; r < 8; r++) {
    const after = hex128(out, off + 16 * r);
    if (after !== hex128(inBuf, off + 16 * r)) changes.push(`v${r}=${after.toString(16)}`);
  }
  for (let r = 0; r < 8; r++) {
    const after = out.readBigUInt64LE(off + 128 + 8 * r);
    if (after !== inBuf.readBigUInt64LE(off + 128 + 8 * r)) changes.push(`x${r}=${after.toString(16)}`);
  }
  for (let b = 0; b < MEM_SIZE; b += 8) {
    const after = out.readBigUInt64LE(off + MEM_AT + b);
    if (after !== inBuf.readBigUInt64LE(off + MEM_AT + b)) changes.push(`m${b - MEM_BASE_OFFSET}=${after.toString(16)}`);
  }
  changes.push(`nzcv=${(out.readUInt32LE(off + 200) >>> 28).toString(16)}`, `fpsr=${out.readUInt32LE(off + 192).toString(16)}`);
  result.push(`${ins.word.toString(16).padStart(8, '0')} ${seed} ${fpcr.toString(16)} | ${changes.join(' ')} | ${ins.text}`);
});
writeFileSync(join(here, 'vectors.txt'), `${result.join('\n')}\n`);
console.log(`${cases.length} vectors from ${insns.length} instructions`);
