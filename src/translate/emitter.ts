// What a target's instruction emitters write JS through. Guest state slots become
// function locals (`s<N>`), loaded once on entry and written back at every exit; jumps
// inside the region stay inside the compiled function.
import { Exit } from './cpu-state.js';

/** The vector-bank views generated code may use, by name. */
const VIEWS = [['V8', 'S.v8'], ['V32', 'S.v32'], ['VF32', 'S.vf32'], ['VF64', 'S.vf64'], ['VD', 'S.vview']] as const;
/** What a compiled function finds in its context argument C (see RegionContext). */
const RUNTIME = ['M', 'P', 'DV', 'U8', 'H'] as const;

/** Marker replaced by the write-back of dirty slots once the whole region is emitted. */
const WRITE_BACK = '/*@wb*/';

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

  constructor(
    /** Entry PCs of the blocks compiled into this function. */
    private readonly blockEntries: ReadonlySet<number>,
    /** Whether the function loops over its blocks (false: one straight block). */
    private readonly looping: boolean,
  ) {}

  /** The local holding state slot `i`, for reading. */
  slot(i: number): string {
    this.used.add(i);
    return `s${i}`;
  }

  /** A statement assigning `expr` to state slot `i`. */
  assign(i: number, expr: string): string {
    this.used.add(i);
    this.dirty.add(i);
    return `s${i} = ${expr};`;
  }

  /** A fresh temporary local. */
  tmp(): string {
    return `t${this.temps++}`;
  }

  /** Control transfer to a constant guest address. */
  jump(target: number): string {
    if (this.looping && this.blockEntries.has(target)) {
      // Only backward jumps can loop; they count down the budget so a spinning guest
      // still returns to the run loop now and then.
      const budget = target <= this.pc ? `if (--budget === 0) { ${WRITE_BACK} return ${target}; } ` : '';
      return `{ pc = ${target}; ${budget}continue run; }`;
    }
    return `{ ${WRITE_BACK} return ${target}; }`;
  }

  /** Control transfer to a computed guest address (a JS number expression). */
  jumpTo(expr: string): string {
    if (this.looping) {
      return `{ pc = ${expr}; if (--budget === 0) { ${WRITE_BACK} return pc; } continue run; }`;
    }
    return `{ const next = ${expr}; ${WRITE_BACK} return next; }`;
  }

  /** Stops the region with an exception for the run loop; it resumes at `resumePc`. */
  raise(kind: Exit, resumePc: number): string {
    return `{ S.exc = ${kind}; S.excPc = ${this.pc}; ${WRITE_BACK} return ${resumePc}; }`;
  }

  /** Assembles the function body around the emitted blocks. */
  finish(blocks: ReadonlyMap<number, string>, entry: number): string {
    const slots = [...this.used].sort((a, b) => a - b);
    const load = slots.map((i) => `s${i} = R[${i}]`).join(', ');
    const writeBack = [...this.dirty].sort((a, b) => a - b).map((i) => `R[${i}] = s${i};`).join(' ');
    const temps = Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ');
    const decl = [load, temps].filter((x) => x).join(', ');
    let body: string;
    if (this.looping) {
      const cases = [...blocks].map(([pc, code]) => `case ${pc}: {\n${code}\n}`).join('\n');
      body = `let pc = ${entry}, budget = 65536;\nrun: for (;;) switch (pc) {\n${cases}\ndefault: ${WRITE_BACK} return pc;\n}`;
    } else {
      body = [...blocks.values()].join('\n');
    }
    // Only what the body uses: every line here is compiled again for each translation.
    const views = VIEWS.filter(([name]) => new RegExp(`\\b${name}\\b`).test(body)).map(([n, e]) => `${n} = ${e}`);
    const runtime = RUNTIME.filter((name) => body.includes(`${name}.`) || body.includes(`${name}[`));
    const canFault = body.includes('M.');
    return [
      `const R = S.r${views.map((v) => `, ${v}`).join('')};`,
      runtime.length ? `const { ${runtime.join(', ')} } = C;` : '',
      decl ? `let ${decl};` : '',
      canFault ? `try {\n${body}\n} catch (err) { ${WRITE_BACK} throw err; }` : body,
    ]
      .join('\n')
      .split(WRITE_BACK)
      .join(writeBack);
  }
}
