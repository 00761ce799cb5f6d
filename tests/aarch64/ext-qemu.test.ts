// The architecture extensions against `qemu-aarch64 -cpu max`: every instruction of
// ext-qemu/cases.s (LSE and RCPC atomics and ordered accesses, crypto, SHA3, SM3/SM4,
// dot products, FlagM, FRINT32/64, FJCVTZS, FP16, I8MM, BF16) with operands from
// ext-qemu/inputs.ts (vector and general registers, NZCV, a memory block at X9), results
// recorded by ext-qemu/gen.ts. Each vector runs as first-tier step code and as hot region
// code under the max CPU model; V0..V7, X0..X7, the memory block, NZCV and FPSR must
// match, and the disassembly must match objdump's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { nzcvOf } from '../../src/targets/aarch64/flags.js';
import { decodeWord } from '../../src/targets/aarch64/decoder.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR, SLOT_FPSR } from '../../src/targets/aarch64/state.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';
import { extInput, MEM_BASE_OFFSET, MEM_SIZE } from './ext-qemu/inputs.js';

const M64 = (1n << 64n) - 1n;
const CODE = 0x1000000;
const DATA = 0x2000000;
/** More runs than the translator's hot threshold. */
const WARM_UP = 64;

interface Vector {
  line: string;
  word: number;
  seed: number;
  fpcr: number;
  want: string;
  text: string;
}

const vectors: Vector[] = readFileSync(new URL('./ext-qemu/vectors.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((line) => {
    const [input, want, text] = line.split(' | ');
    const [word, seed, fpcr] = input.split(' ');
    return { line, word: parseInt(word, 16), seed: Number(seed), fpcr: parseInt(fpcr, 16), want, text };
  });

/** Runs single words (each followed by SVC #0 at its own address) on one translator. */
class Runner {
  private readonly mem = new AddressSpace();
  private readonly translator = new Translator(aarch64Target, this.mem, { hotThreshold: WARM_UP });
  private readonly state = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
  private readonly pcs = new Map<number, number>();

  constructor(private readonly hot: boolean) {
    this.mem.map(CODE, 0x10000, 5);
    this.mem.map(DATA, 0x1000, 3);
  }

  /** The changes the word makes, in the vectors' notation. */
  run(t: Vector): string {
    const pc = this.place(t.word);
    const input = extInput(t.seed);
    this.load(input.v, input.x, input.nzcv, t.fpcr);
    this.mem.poke(DATA, input.mem);
    this.translator.run(this.state, pc, 1);
    if (this.state.exc !== Exit.Syscall) return `stopped with exit ${this.state.exc}`;
    const s = this.state;
    const out: string[] = [];
    for (let r = 0; r < 8; r++) {
      const after = s.vview.getBigUint64(16 * r, true) | (s.vview.getBigUint64(16 * r + 8, true) << 64n);
      if (after !== input.v[r]) out.push(`v${r}=${after.toString(16)}`);
    }
    for (let r = 0; r < 8; r++) {
      const after = (BigInt(s.r[2 * r + 1] >>> 0) << 32n) | BigInt(s.r[2 * r] >>> 0);
      if (after !== input.x[r]) out.push(`x${r}=${after.toString(16)}`);
    }
    const before = new DataView(input.mem.buffer);
    for (let b = 0; b < MEM_SIZE; b += 8) {
      const after = this.mem.view.getBigUint64(DATA + b, true);
      if (after !== before.getBigUint64(b, true)) out.push(`m${b - MEM_BASE_OFFSET}=${after.toString(16)}`);
    }
    const r = s.r;
    const nzcv = nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]);
    out.push(`nzcv=${nzcv.toString(16)}`, `fpsr=${(r[SLOT_FPSR] >>> 0).toString(16)}`);
    return out.join(' ');
  }

  private place(word: number): number {
    let pc = this.pcs.get(word);
    if (pc !== undefined) return pc;
    pc = CODE + 8 * this.pcs.size;
    const code = new Uint8Array(8);
    new DataView(code.buffer).setUint32(0, word, true);
    new DataView(code.buffer).setUint32(4, 0xd4000001, true);
    this.mem.poke(pc, code);
    this.pcs.set(word, pc);
    for (let i = 0; this.hot && i < WARM_UP; i++) {
      this.load([], [], 0, 0);
      this.translator.run(this.state, pc, 1);
    }
    return pc;
  }

  private load(v: readonly bigint[], x: readonly bigint[], nzcv: number, fpcr: number): void {
    const s = this.state;
    s.r.fill(0);
    s.v8.fill(0);
    s.exc = Exit.None;
    v.forEach((q, r) => {
      s.vview.setBigUint64(16 * r, q & M64, true);
      s.vview.setBigUint64(16 * r + 8, q >> 64n, true);
    });
    x.forEach((q, r) => {
      s.r[2 * r] = Number(BigInt.asIntN(32, q));
      s.r[2 * r + 1] = Number(BigInt.asIntN(32, q >> 32n));
    });
    s.r[18] = DATA + MEM_BASE_OFFSET; // X9
    s.r[SLOT_FLAG_OP] = 0;
    s.r[SLOT_FLAG_AL] = nzcv;
    s.r[SLOT_FPCR] = fpcr;
  }
}

/** The mnemonic with its operand kinds (register numbers and immediates dropped). */
const form = (text: string): string => text.replace(/\b([vwxbhsdqz])\d+/g, '$1').replace(/#.*$/, '#imm').replace(/\[\d+\]/g, '[i]');

const groups = new Map<string, Vector[]>();
for (const t of vectors) {
  const key = form(t.text);
  groups.set(key, [...(groups.get(key) ?? []), t]);
}

describe('architecture extensions match qemu-aarch64 -cpu max', () => {
  const cold = new Runner(false);
  const hot = new Runner(true);

  it('has the recorded vectors', () => {
    expect(vectors.length).toBeGreaterThan(1000);
  });

  for (const [key, list] of groups) {
    it(key, () => {
      for (const t of list) {
        const d = decodeWord(t.word);
        expect(d, t.line).not.toBeNull();
        expect(d!.def.asm(d!.fields, 0), t.line).toBe(t.text);
      }
      for (const [tier, runner] of [['step', cold], ['region', hot]] as const) {
        const bad = list.map((t) => [t, runner.run(t)] as const).filter(([t, got]) => got !== t.want)
          .map(([t, got]) => `${t.line}\n    ours: ${got}`);
        expect(bad, tier).toEqual([]);
      }
    });
  }
});
