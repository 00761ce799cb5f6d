// Runs single A64 instructions many times over on one address space and translator, for
// the FP tests that execute thousands of cases. Each distinct word gets its own code
// address; after HOT_RUNS executions the translator recompiles it as a (second-tier)
// region, so a runner can exercise both the per-instruction step code and region code.
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { nzcvOf } from '../../src/targets/aarch64/flags.js';
import { SLOT_FLAG_AH, SLOT_FLAG_AL, SLOT_FLAG_BH, SLOT_FLAG_BL, SLOT_FLAG_OP, SLOT_FPCR, SLOT_FPSR } from '../../src/targets/aarch64/state.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';

const CODE = 0x1000000;
const CODE_SIZE = 0x100000;
/** More runs than the translator's hot threshold. */
const HOT_RUNS = 64;
const M64 = (1n << 64n) - 1n;

export interface FpInit {
  /** Vn as 128-bit values. */
  v?: Record<number, bigint>;
  x?: Record<number, bigint>;
  nzcv?: number;
  fpcr?: number;
}

export interface FpOut {
  v0: bigint;
  x0: bigint;
  nzcv: number;
  fpsr: number;
}

export class FpRunner {
  private readonly mem = new AddressSpace();
  private readonly translator: Translator;
  private readonly state = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
  private readonly pcs = new Map<number, number>();
  private next = CODE;

  /** hot: run every instruction as compiled region code (else as first-tier step code). */
  constructor(private readonly hot: boolean) {
    this.mem.map(CODE, CODE_SIZE, 5);
    this.translator = new Translator(aarch64Target, this.mem, { hotThreshold: HOT_RUNS });
  }

  run(word: number, init: FpInit = {}): FpOut {
    const pc = this.place(word);
    this.load(init);
    this.translator.run(this.state, pc, 1);
    if (!this.stopped()) throw new Error(`0x${word.toString(16)} did not reach the SVC (exit ${this.state.exc})`);
    const r = this.state.r;
    return {
      v0: this.state.vview.getBigUint64(0, true) | (this.state.vview.getBigUint64(8, true) << 64n),
      x0: (BigInt(r[1] >>> 0) << 32n) | BigInt(r[0] >>> 0),
      nzcv: nzcvOf(r[SLOT_FLAG_OP], r[SLOT_FLAG_AL], r[SLOT_FLAG_AH], r[SLOT_FLAG_BL], r[SLOT_FLAG_BH]),
      fpsr: r[SLOT_FPSR],
    };
  }

  /** The code address of [word, svc #0], warmed up to region code when hot. */
  private place(word: number): number {
    let pc = this.pcs.get(word);
    if (pc !== undefined) return pc;
    pc = this.next;
    this.next += 8;
    if (this.next > CODE + CODE_SIZE) throw new Error('FpRunner: out of code space');
    const code = new Uint8Array(8);
    const dv = new DataView(code.buffer);
    dv.setUint32(0, word, true);
    dv.setUint32(4, 0xd4000001, true);
    this.mem.poke(pc, code);
    this.pcs.set(word, pc);
    if (this.hot) {
      for (let i = 0; i < HOT_RUNS; i++) {
        this.load({});
        this.translator.run(this.state, pc, 1);
      }
    }
    return pc;
  }

  private load(init: FpInit): void {
    const s = this.state;
    s.r.fill(0);
    s.v8.fill(0);
    s.exc = Exit.None;
    for (const [n, v] of Object.entries(init.v ?? {})) {
      s.vview.setBigUint64(16 * Number(n), v & M64, true);
      s.vview.setBigUint64(16 * Number(n) + 8, (v >> 64n) & M64, true);
    }
    for (const [n, v] of Object.entries(init.x ?? {})) {
      s.r[2 * Number(n)] = Number(BigInt.asIntN(32, v));
      s.r[2 * Number(n) + 1] = Number(BigInt.asIntN(32, v >> 32n));
    }
    s.r[SLOT_FLAG_OP] = 0;
    s.r[SLOT_FLAG_AL] = (init.nzcv ?? 0) << 28;
    s.r[SLOT_FPCR] = init.fpcr ?? 0;
  }

  private stopped(): boolean {
    return this.state.exc === Exit.Syscall;
  }
}
