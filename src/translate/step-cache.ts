// Cold code runs one instruction per small function. Most instructions differ from
// others only in their numbers (register slots, immediates, addresses), so the numbers
// are lifted out of the emitted JS into a constants array K: every instruction of the
// same shape then shares one compiled function, and start-up compiles a few hundred
// small functions instead of one per block.
import type { CpuState } from './cpu-state.js';
import type { RegionContext } from './translator.js';

export type StepFn = (state: CpuState, context: RegionContext, k: readonly number[]) => number;

export interface Step {
  readonly fn: StepFn;
  readonly k: readonly number[];
  /** The shape's source, by which a translation cache can rebuild the step. */
  readonly shape: string;
}

/** A numeric literal that is not part of an identifier or a property name. */
const NUMBER = /(?<![\w$.])(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w$])/g;

export class StepCache {
  private readonly shapes = new Map<string, StepFn>();

  /** The shared function for `body`'s shape and the constants of this instance. */
  get(body: string): Step {
    const k: number[] = [];
    const shape = body.replace(NUMBER, (literal) => `K[${k.push(Number(literal)) - 1}]`);
    return this.fromShape(shape, k);
  }

  /** The step for a shape and its constants (as get() split them). */
  fromShape(shape: string, k: readonly number[]): Step {
    let fn = this.shapes.get(shape);
    if (!fn) {
      fn = new Function('S', 'C', 'K', shape) as StepFn;
      this.shapes.set(shape, fn);
    }
    return { fn, k, shape };
  }
}

/** Runs a block of steps: each returns -1 to go on, or the PC to continue at. */
export function runSteps(steps: readonly Step[], state: CpuState, context: RegionContext): number {
  for (let i = 0; ; i++) {
    const s = steps[i];
    const next = s.fn(state, context, s.k);
    if (next !== -1) return next;
  }
}
