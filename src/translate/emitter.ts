// What a target's instruction emitters write JS through. Two modes:
// - region: guest state slots become function locals (`s<N>`), loaded once on entry and
//   written back at the exit; jumps inside the region stay inside the compiled function.
// - step: one instruction is one small function working on the state array directly;
//   cold code runs this way, so that instructions of the same shape share one compiled
//   function (see step-cache.ts).
import { Exit } from './cpu-state.js';

/** The vector-bank views generated code may use, by name. */
const VIEWS = [['V8', 'S.v8'], ['V32', 'S.v32'], ['VF32', 'S.vf32'], ['VF64', 'S.vf64'], ['VD', 'S.vview']] as const;
/** What a compiled function finds in its context argument C (see RegionContext). */
const RUNTIME = ['M', 'P', 'DV', 'U8', 'H'] as const;

/** Declares only what the body uses: every line is compiled again for each translation. */
/** Any of those names as a whole word (a bare name passed to a helper counts too). */
const PROLOGUE_NAMES = new RegExp(`\\b(?:${[...VIEWS.map(([n]) => n), ...RUNTIME].join('|')})\\b`, 'g');

function prologue(body: string): string {
  const used = new Set(body.match(PROLOGUE_NAMES));
  const views = VIEWS.filter(([name]) => used.has(name));
  const runtime = RUNTIME.filter((name) => used.has(name));
  return [
    `const R = S.r${views.map(([n, e]) => `, ${n} = ${e}`).join('')};`,
    runtime.length ? `const { ${runtime.join(', ')} } = C;` : '',
  ].join('\n');
}

export class Emitter {
  /** Address of the instruction being emitted. */
  pc = 0;
  /** Address of the instruction after it. */
  nextPc = 0;
  /** Per-block facts a target keeps while emitting (e.g. which op set the flags). */
  readonly known = new Map<string, number>();

  private readonly used = new Set<number>();
  private readonly dirty = new Set<number>();
  private temps = 0;
  private maxTemps = 0;
  /** Dense case numbers of the region's blocks, by entry PC. */
  private readonly blockIndex: ReadonlyMap<number, number>;

  constructor(
    /** Entry PCs of the blocks compiled into this function. */
    blockEntries: ReadonlySet<number>,
    /** Whether the function loops over its blocks (false: one straight block). */
    private readonly looping: boolean,
    readonly mode: 'region' | 'step' = 'region',
  ) {
    this.blockIndex = new Map([...blockEntries].map((pc, i) => [pc, i]));
  }

  /**
   * Prefer short code to fast code (cold code: compiling costs more than running it):
   * e.g. memory accesses call the checked path instead of inlining the fast one.
   */
  get compact(): boolean {
    return this.mode === 'step';
  }

  /** The expression reading state slot `i`. */
  slot(i: number): string {
    if (this.mode === 'step') return `R[${i}]`;
    this.used.add(i);
    return `s${i}`;
  }

  /** A statement assigning `expr` to state slot `i`. */
  assign(i: number, expr: string): string {
    if (this.mode === 'step') return `R[${i}] = ${expr};`;
    this.used.add(i);
    this.dirty.add(i);
    return `s${i} = ${expr};`;
  }

  /** Starts the next instruction: temps are per instruction, so their names are reused. */
  startInsn(pc: number, nextPc: number): void {
    this.pc = pc;
    this.nextPc = nextPc;
    this.temps = 0;
  }

  /** A fresh temporary local (valid until the end of the current instruction). */
  tmp(): string {
    const name = `t${this.temps++}`;
    this.maxTemps = Math.max(this.maxTemps, this.temps);
    return name;
  }

  /** Control transfer to a constant guest address. */
  jump(target: number): string {
    if (this.mode === 'step') return `return ${target};`;
    const index = this.looping ? this.blockIndex.get(target) : undefined;
    if (index !== undefined) {
      // Only backward jumps can loop; they count down the budget so a spinning guest
      // still returns to the run loop now and then.
      const budget = target <= this.pc ? 'if (--budget === 0) break out; ' : '';
      return `{ pc = ${target}; b = ${index}; ${budget}continue out; }`;
    }
    return `{ pc = ${target}; break out; }`;
  }

  /** Control transfer to a computed guest address (a JS number expression). */
  jumpTo(expr: string): string {
    if (this.mode === 'step') return `return ${expr};`;
    if (this.looping) return `{ pc = ${expr}; b = -1; if (--budget === 0) break out; continue out; }`;
    return `{ pc = ${expr}; break out; }`;
  }

  /** Stops the region with an exception for the run loop; it resumes at `resumePc`. */
  raise(kind: Exit, resumePc: number): string {
    if (this.mode === 'step') return `{ S.exc = ${kind}; S.excPc = ${this.pc}; return ${resumePc}; }`;
    return `{ S.exc = ${kind}; S.excPc = ${this.pc}; pc = ${resumePc}; break out; }`;
  }

  /** The body of a step function: one instruction; -1 means "go on with the next one". */
  finishStep(code: string): string {
    const temps = Array.from({ length: this.temps }, (_, i) => `t${i}`);
    return [prologue(code), temps.length ? `let ${temps.join(', ')};` : '', code, 'return -1;'].join('\n');
  }

  /**
   * Assembles the function body around the emitted blocks. Every exit sets `pc` and
   * leaves the labelled statement `out`, so the write-back of dirty slots is written once.
   */
  finish(blocks: ReadonlyMap<number, string>, entry: number): string {
    const slots = [...this.used].sort((a, b) => a - b);
    const load = slots.map((i) => `s${i} = R[${i}]`);
    const writeBack = [...this.dirty].sort((a, b) => a - b).map((i) => `R[${i}] = s${i};`).join(' ');
    const temps = Array.from({ length: this.maxTemps }, (_, i) => `t${i}`);
    // 8192 iterations: a return to the run loop costs little next to them, and a slice
    // of 128 regions (machine.ts) of the tightest loop stays within a few milliseconds.
    const loopVars = this.looping ? [`b = ${this.blockIndex.get(entry)}`, 'budget = 8192'] : [];
    const decl = [`pc = ${entry}`, ...loopVars, ...load, ...temps].join(', ');
    let body: string;
    if (this.looping) {
      // Blocks are numbered densely so V8 dispatches with a jump table; a computed jump
      // (b = -1) finds its block by address, or leaves.
      const index = (pc: number): number => this.blockIndex.get(pc)!;
      const cases = [...blocks].map(([pc, code]) => `case ${index(pc)}: {\n${code}\n}`).join('\n');
      const byAddress = [...blocks.keys()].map((pc) => `case ${pc}: b = ${index(pc)}; continue out;`).join(' ');
      body = `out: for (;;) switch (b) {\n${cases}\ndefault: switch (pc) { ${byAddress} }\nbreak out;\n}`;
    } else {
      body = `out: {\n${[...blocks.values()].join('\n')}\n}`;
    }
    const canFault = body.includes('M.');
    return [
      prologue(body),
      `let ${decl};`,
      // A fault thrown mid-block must leave the registers as its instruction found them.
      canFault ? `try {\n${body}\n} finally { ${writeBack} }\nreturn pc;` : `${body}\n${writeBack} return pc;`,
    ].join('\n');
  }
}
