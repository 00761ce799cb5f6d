// `-d in_asm` against GNU objdump on every instruction of every committed aarch64 test
// binary (static glibc included): each instruction's text() as the translator makes it
// (the "max" model's decode, disassembly-only SVE/MTE patterns included) must equal
// `aarch64-linux-gnu-objdump -d -z`'s, read from the committed reference
// objdump-ref/objdump.txt.br (regenerate it with objdump-ref/gen.sh after changing a
// binary). Only whitespace and objdump's "// comment" and "<symbol>" annotations are
// ignored.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';

const REF = join(import.meta.dirname, 'objdump-ref', 'objdump.txt.br');
const BIN_DIRS = ['tests/binaries/aarch64', 'tests/binaries/aarch64-dyn'];

interface BinaryRef {
  readonly path: string;
  readonly sha256: string;
  /** "@addr" and "word\ttext" lines, as gen.sh wrote them. */
  readonly lines: string[];
}

function readReference(): BinaryRef[] {
  const refs: BinaryRef[] = [];
  let current: BinaryRef | undefined;
  for (const line of brotliDecompressSync(readFileSync(REF)).toString('utf8').split('\n')) {
    if (line.startsWith('# ')) {
      const [path, sha256] = line.slice(2).split(' ');
      current = { path, sha256, lines: [] };
      refs.push(current);
    } else if (line && current) {
      current.lines.push(line);
    }
  }
  return refs;
}

const normalise = (text: string): string =>
  text.replace(/\s*\/\/.*$/, '').replace(/\s*<[^>]*>$/, '').replace(/\s+/g, ' ').trim();

const committedBinaries = (): string[] =>
  BIN_DIRS.flatMap((dir) => readdirSync(dir).sort().map((name) => `${dir}/${name}`))
    .filter((path) => statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0);

const refs = readReference();
// Scratch memory: each word is stored at its own address (all below 4 GiB) so that
// PC-relative operands come out as they do when translating the binary.
const mem = new AddressSpace();

describe('aarch64 -d in_asm agrees with objdump', () => {
  it('the reference covers exactly the committed binaries, as they are now', () => {
    expect(refs.map((r) => r.path)).toEqual(committedBinaries());
    for (const r of refs) {
      const sha = createHash('sha256').update(readFileSync(r.path)).digest('hex');
      expect(sha, `${r.path} changed: run tests/aarch64/objdump-ref/gen.sh`).toBe(r.sha256);
    }
  });

  it.each(refs.map((r) => [r.path, r] as const))('%s', (_path, ref) => {
    const differences: string[] = [];
    let pc = 0;
    let count = 0;
    for (const line of ref.lines) {
      if (line.startsWith('@')) {
        pc = parseInt(line.slice(1), 16);
        continue;
      }
      const tab = line.indexOf('\t');
      const word = parseInt(line.slice(0, tab), 16);
      mem.view.setUint32(pc, word, true);
      const ours = normalise(aarch64Target.decode(mem, pc).text());
      const objdump = normalise(line.slice(tab + 1));
      if (ours !== objdump) differences.push(`${pc.toString(16)}: ${line.slice(0, tab)}  ours: ${ours}  objdump: ${objdump}`);
      pc += 4;
      count++;
    }
    expect(count).toBeGreaterThan(0);
    expect(differences.slice(0, 20), `${differences.length} of ${count} instructions differ`).toEqual([]);
  });
});
