// First-tier translations kept between runs of the same program. Start-up of a short
// guest is mostly decoding and emitting code that runs once; a later run of the same
// program (a test suite runs the same binaries again and again) takes each block's
// steps from here instead, after checking that the guest bytes at that address are
// still the very bytes that were translated. The steps of a block depend only on those
// bytes, their address and the translator build, which keys the file.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressSpace } from '../memory/address-space.js';
import type { Step } from './step-cache.js';

/** Blocks kept per program: enough for large start-ups, bounded for the file's sake. */
const MAX_BLOCKS = 50_000;
const FORMAT = 1;
/** Programs whose translations are kept; the least recently written go first. */
const MAX_FILES = 256;

interface StoredBlock {
  /** The block's guest bytes, as hex. */
  readonly code: string;
  /** [index into shapes, constants] per instruction. */
  readonly steps: ReadonlyArray<readonly [number, readonly number[]]>;
}

interface StoredFile {
  readonly format: number;
  readonly shapes: string[];
  readonly blocks: Record<string, StoredBlock>;
}

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');

export class TranslationCache {
  private readonly shapes: string[];
  private readonly shapeIndex: Map<string, number>;
  private readonly blocks: Map<number, StoredBlock>;
  private added = 0;

  private constructor(private readonly file: string, stored: StoredFile | undefined) {
    this.shapes = stored?.shapes ?? [];
    this.shapeIndex = new Map(this.shapes.map((s, i) => [s, i]));
    this.blocks = new Map(Object.entries(stored?.blocks ?? {}).map(([pc, b]) => [Number(pc), b]));
  }

  /** The cache in `file`; empty when the file is missing or unreadable. */
  static open(file: string): TranslationCache {
    let stored: StoredFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
      if (parsed.format === FORMAT) stored = parsed;
    } catch {
      stored = undefined;
    }
    return new TranslationCache(file, stored);
  }

  /**
   * The remembered steps of the block at `entry` as [shape source, constants] pairs,
   * if the guest bytes there are unchanged; also the block's length in bytes.
   */
  lookup(mem: AddressSpace, entry: number): { steps: Array<[string, readonly number[]]>; length: number } | undefined {
    const block = this.blocks.get(entry);
    if (!block) return undefined;
    const length = block.code.length / 2;
    if (entry + length > mem.u8.length || hexOf(mem.u8.subarray(entry, entry + length)) !== block.code) return undefined;
    return { steps: block.steps.map(([shape, k]) => [this.shapes[shape], k]), length };
  }

  /** Remembers a freshly translated block. */
  record(mem: AddressSpace, entry: number, length: number, steps: readonly Step[]): void {
    if (this.blocks.size >= MAX_BLOCKS) return;
    const stored = steps.map((s): [number, readonly number[]] => {
      let i = this.shapeIndex.get(s.shape);
      if (i === undefined) {
        i = this.shapes.push(s.shape) - 1;
        this.shapeIndex.set(s.shape, i);
      }
      return [i, s.k];
    });
    this.blocks.set(entry, { code: hexOf(mem.u8.subarray(entry, entry + length)), steps: stored });
    this.added++;
  }

  /** Writes the file if this run translated anything new (atomically: runs may overlap). */
  save(): void {
    if (this.added === 0) return;
    const data: StoredFile = { format: FORMAT, shapes: this.shapes, blocks: Object.fromEntries(this.blocks) };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
      this.added = 0;
      pruneOldest(dirname(this.file), MAX_FILES);
    } catch {
      // an unwritable cache only costs the next run some time
    }
  }
}

/** Keeps the `keep` most recently written cache files of `dir`. */
function pruneOldest(dir: string, keep: number): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (files.length <= keep) return;
  const byAge = files.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of byAge.slice(0, files.length - keep)) rmSync(join(dir, f), { force: true });
}
