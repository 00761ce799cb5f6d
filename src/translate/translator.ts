// The generic translator: discovers a region of basic blocks from a guest PC, compiles
// it to one JS function, caches it by PC, chains regions, and drops translations whose
// code pages are written or unmapped.
import { AddressSpace, GuestFault, PAGE_SHIFT, PERM_EXEC } from '../memory/address-space.js';
import { CpuState, Exit } from './cpu-state.js';
import { Emitter } from './emitter.js';
import { int64Runtime } from './int64.js';
import { SlowMemory } from './slow-memory.js';
import { runSteps, StepCache, type Step } from './step-cache.js';
import type { TranslationCache } from './translation-cache.js';
import type { Insn, TargetOps } from './target.js';

export interface TranslatorOptions {
  /** Compile one basic block per function (needed to observe every block, e.g. -d exec). */
  singleBlock?: boolean;
  /** Called with each block's instructions when first translated (-d in_asm). */
  onBlock?: (insns: readonly Insn[]) => void;
  /** First-tier translations kept between runs (not with onBlock: it needs the decoded blocks). */
  cache?: TranslationCache;
  /** Called before each region runs (-d exec, -d cpu). */
  onExec?: (pc: number, state: CpuState) => void;
  /**
   * Entries after which every block is recompiled as a region, fixed (tests that run each
   * instruction in both tiers); by default the threshold rises with the regions compiled.
   */
  hotThreshold?: number;
}

/** The objects generated code reaches through its second argument. */
export interface RegionContext {
  readonly M: SlowMemory;
  readonly P: Uint8Array;
  readonly DV: DataView;
  readonly U8: Uint8Array;
  readonly H: Readonly<Record<string, unknown>>;
}

type RegionFn = (state: CpuState, context: RegionContext) => number;

class Region {
  valid = true;
  /** Times a first-tier region was entered from the run loop. */
  hits = 0;
  // Two cached successors: most exits go to one of at most two places.
  pc0 = -1;
  next0: Region | null = null;
  pc1 = -1;
  next1: Region | null = null;

  constructor(
    readonly entry: number,
    readonly run: RegionFn,
    readonly pages: readonly number[],
    /** 0: one basic block, compiled on first execution; 1: a region of blocks, for hot code. */
    readonly tier: 0 | 1,
  ) {}
}

/**
 * Entries after which a one-block translation is redone as a region, while the program
 * is small; it rises by HOT_THRESHOLD every HOT_THRESHOLD_STEP regions compiled, so a
 * big program (an interpreter starting up) compiles only its really hot code: a region
 * costs V8 milliseconds to compile, as much as thousands of first-tier runs of its code.
 * (Debian's python3 -c 'print(1)': 5.2 s with a step of 128, 3.6 s with 8; the
 * benchmarks, which compile few regions, are no slower.)
 */
const HOT_THRESHOLD = 50;
const HOT_THRESHOLD_STEP = 8;

/** Most instructions in one region, and in one basic block. */
const MAX_REGION_INSNS = 512;
const MAX_BLOCK_INSNS = 128;
/** Characters of generated JS after which a region takes no more blocks. */
const MAX_REGION_CODE = 24_000;
/** Successors farther than this from the entry start a region of their own. */
const REGION_REACH = 0x1000;

export class Translator {
  private readonly cache = new Map<number, Region>();
  private readonly regionsByPage = new Map<number, Set<Region>>();
  private readonly context: RegionContext;
  private readonly steps = new StepCache();
  /** Bytes past a PC that must be executable before decoding there (minInsnSize - 1). */
  private readonly insnTail: number;
  private regionsCompiled = 0;
  private hotThreshold: number;

  constructor(
    private readonly target: TargetOps,
    private readonly mem: AddressSpace,
    private readonly options: TranslatorOptions = {},
  ) {
    this.context = {
      M: new SlowMemory(mem),
      P: mem.perm,
      DV: mem.view,
      U8: mem.u8,
      H: { ...int64Runtime, ...target.runtime },
    };
    mem.onCodeWrite = (page) => this.invalidatePage(page);
    this.insnTail = (target.minInsnSize ?? 4) - 1;
    this.hotThreshold = options.hotThreshold ?? HOT_THRESHOLD;
  }

  /**
   * Runs guest code from `pc` until a block raises an exception (state.exc is then set)
   * or `maxRegions` regions have run; returns the PC to continue at. Faults on
   * instruction fetch or data access are thrown as GuestFault.
   */
  run(state: CpuState, pc: number, maxRegions = Infinity): number {
    let region = this.lookup(pc);
    const onExec = this.options.onExec;
    for (let n = 0; n < maxRegions; n++) {
      if (region.tier === 0 && ++region.hits >= this.hotThreshold && !this.options.singleBlock) {
        region = this.translate(region.entry, 1);
      }
      onExec?.(region.entry, state);
      const next = region.run(state, this.context);
      if (state.exc !== Exit.None) return next;
      if (next === region.pc0 && region.next0!.valid) {
        region = region.next0!;
      } else if (next === region.pc1 && region.next1!.valid) {
        region = region.next1!;
      } else {
        const found = this.lookup(next);
        region.pc1 = region.pc0;
        region.next1 = region.next0;
        region.pc0 = next;
        region.next0 = found;
        region = found;
      }
    }
    return region.entry;
  }

  /** Drops every translation of code on `page`. */
  invalidatePage(page: number): void {
    for (const r of this.regionsByPage.get(page) ?? []) this.forget(r);
    this.regionsByPage.delete(page);
  }

  private forget(r: Region): void {
    r.valid = false;
    if (this.cache.get(r.entry) === r) this.cache.delete(r.entry);
    for (const p of r.pages) this.regionsByPage.get(p)?.delete(r);
  }

  /** Drops every translation (e.g. after execve). */
  flush(): void {
    for (const page of [...this.regionsByPage.keys()]) this.invalidatePage(page);
  }

  private lookup(pc: number): Region {
    return this.cache.get(pc) ?? this.translate(pc, 0);
  }

  private isExecutable(pc: number): boolean {
    return pc >= 0 && pc < 2 ** 32 && (this.mem.perm[pc >>> PAGE_SHIFT] & PERM_EXEC) !== 0;
  }

  /**
   * Compiles code at `entry`: cold code one basic block at a time (compiling is the
   * main cost of start-up), hot code as a region whose loops stay inside one function.
   */
  private translate(entry: number, tier: 0 | 1): Region {
    if (!this.isExecutable(entry) || !this.isExecutable(entry + this.insnTail)) {
      const mapped = entry >= 0 && entry < 2 ** 32 && this.mem.perm[entry >>> PAGE_SHIFT] !== 0;
      throw new GuestFault(entry, 'exec', mapped, entry);
    }
    const region = tier === 0 ? this.cachedSteps(entry) ?? this.compileSteps(entry) : this.compileRegion(entry, this.discover(entry, this.options.singleBlock === true));
    const replaced = this.cache.get(entry);
    if (replaced) this.forget(replaced);
    for (const p of region.pages) {
      this.mem.markCode(p);
      let set = this.regionsByPage.get(p);
      if (!set) this.regionsByPage.set(p, (set = new Set()));
      set.add(region);
    }
    this.cache.set(entry, region);
    return region;
  }

  /** First tier: one basic block as a list of shared per-instruction functions. */
  private compileSteps(entry: number): Region {
    const insns = this.discover(entry, true).get(entry)!;
    this.options.onBlock?.(insns);
    const e = new Emitter(new Set([entry]), false, 'step');
    this.target.startBlock(e);
    const steps = insns.map((insn, i) => {
      e.known.clear();
      e.startInsn(insn.pc, insn.pc + insn.size);
      let code = insn.emit(e);
      if (i === insns.length - 1 && !insn.endsBlock) code += `\n${e.jump(insn.pc + insn.size)}`;
      return this.steps.get(e.finishStep(code));
    });
    const last = insns.at(-1)!;
    this.options.cache?.record(this.mem, entry, last.pc + last.size - entry, steps);
    return stepRegion(entry, steps, last.pc + last.size - entry);
  }

  /** First tier from the translation cache of an earlier run, if it has this block. */
  private cachedSteps(entry: number): Region | undefined {
    const hit = this.options.cache?.lookup(this.mem, entry);
    if (!hit) return undefined;
    return stepRegion(entry, hit.steps.map(([shape, k]) => this.steps.fromShape(shape, k)), hit.length);
  }

  /** Hot code: a region of blocks compiled into one function with registers in locals. */
  private compileRegion(entry: number, blocks: ReadonlyMap<number, readonly Insn[]>): Region {
    const looping = blocks.size > 1 || [...blocks.values()].some((b) => b.at(-1)!.successors.includes(entry));
    const e = new Emitter(new Set(blocks.keys()), looping);
    const code = new Map<number, string>();
    const compiled: Insn[] = [];
    let size = 0;
    for (const [pc, insns] of blocks) {
      // V8 does not optimize very large functions: blocks past the budget are left out,
      // and jumps to them leave the region through the dispatcher's default case.
      if (size > MAX_REGION_CODE) break;
      e.known.clear();
      this.target.startBlock(e);
      const parts: string[] = [];
      for (const insn of insns) {
        e.startInsn(insn.pc, insn.pc + insn.size);
        parts.push(insn.emit(e));
      }
      const last = insns.at(-1)!;
      if (!last.endsBlock) parts.push(e.jump(last.pc + last.size));
      const text = parts.join('\n');
      size += text.length;
      code.set(pc, text);
      compiled.push(...insns);
    }
    const body = e.finish(code, entry);
    this.regionsCompiled++;
    if (this.options.hotThreshold === undefined) {
      this.hotThreshold = HOT_THRESHOLD * (1 + Math.floor(this.regionsCompiled / HOT_THRESHOLD_STEP));
    }
    // A plain Function (not a factory returning a closure): V8 compiles it once, eagerly.
    const fn = new Function('S', 'C', body) as RegionFn;
    return new Region(entry, fn, pagesOf(compiled), 1);
  }

  /**
   * The instruction at `pc`, or null when its tail is not executable (a fetch fault
   * left for when it is reached as a block entry, where it is thrown).
   */
  private decodeAt(pc: number, isEntry: boolean): Insn | null {
    try {
      return this.target.decode(this.mem, pc);
    } catch (err) {
      if (err instanceof GuestFault && !isEntry) return null;
      throw err;
    }
  }

  /**
   * Decodes the blocks of a region: the entry block and the nearby direct successors
   * that have run (they have a translation): paths never taken are left to the
   * dispatcher rather than compiled, which keeps regions small in big programs.
   */
  private discover(entry: number, oneBlock: boolean): Map<number, Insn[]> {
    const blocks = new Map<number, Insn[]>();
    const work = [entry];
    let total = 0;
    while (work.length && total < MAX_REGION_INSNS) {
      const start = work.shift()!;
      if (blocks.has(start)) continue;
      const insns: Insn[] = [];
      let pc = start;
      for (;;) {
        const insn = this.decodeAt(pc, pc === entry);
        if (!insn) break;
        insns.push(insn);
        pc += insn.size;
        if (insn.endsBlock || insns.length >= MAX_BLOCK_INSNS || !this.isExecutable(pc) || !this.isExecutable(pc + this.insnTail)) {
          break;
        }
      }
      if (insns.length === 0) continue;
      blocks.set(start, insns);
      total += insns.length;
      if (oneBlock) break;
      const last = insns.at(-1)!;
      const next = last.endsBlock ? last.successors : [pc];
      for (const s of next) {
        if (Math.abs(s - entry) <= REGION_REACH && this.cache.has(s) && this.isExecutable(s)) work.push(s);
      }
    }
    return blocks;
  }
}

function stepRegion(entry: number, steps: readonly Step[], length: number): Region {
  const pages: number[] = [];
  for (let p = entry >>> PAGE_SHIFT; p <= (entry + length - 1) >>> PAGE_SHIFT; p++) pages.push(p);
  return new Region(entry, (state, context) => runSteps(steps, state, context), pages, 0);
}

/** The guest pages an instruction list was read from. */
function pagesOf(insns: readonly Insn[]): number[] {
  const pages = new Set<number>();
  for (const i of insns) pages.add(i.pc >>> PAGE_SHIFT).add((i.pc + i.size - 1) >>> PAGE_SHIFT);
  return [...pages];
}
