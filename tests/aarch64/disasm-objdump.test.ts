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
import { decodeWord } from '../../src/targets/aarch64/decoder.js';
import { insns as DISASM_ONLY } from '../../src/targets/aarch64/insns/unimplemented.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';
import { Exit } from '../../src/translate/cpu-state.js';
import { CODE, runA64 } from './driver.js';

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

  // The SVE/MTE forms in glibc (and UDF) only disassemble: executing them is SIGILL at
  // the instruction, as for any encoding the CPU does not implement, and the execution
  // decoder (difftest, coverage) does not know them.
  it.each([
    [0xa400a020, 'ld1b {z0.b}, p0/z, [x1]'], [0xe401e401, 'st1b {z1.b}, p1, [x0, #1, mul vl]'],
    [0x25221ce1, 'whilelo p1.b, x7, x2'], [0x2518e3e0, 'ptrue p0.b'], [0x04e0e3e0, 'cntd x0'],
    [0x05203820, 'mov z0.b, w1'], [0xd9600000, 'ldg x0, [x0]'], [0xd9e04c40, 'stz2g x0, [x2, #64]!'],
    [0x9ac11000, 'irg x0, x0, x1'], [0x9adf1401, 'gmi x1, x0, xzr'], [0xd50b7482, 'dc gzva, x2'],
    [0x00000000, 'udf #0'],
  ])('%s (%s) raises SIGILL', (word, text) => {
    mem.view.setUint32(CODE, word, true);
    const insn = aarch64Target.decode(mem, CODE);
    expect(normalise(insn.text())).toBe(text);
    expect(DISASM_ONLY.some((d) => d.name === insn.name)).toBe(true);
    expect(decodeWord(word)).toBeNull();
    const r = runA64([0xd2800020, word]); // mov x0, #1
    expect(r.exit).toBe(Exit.Illegal);
    expect(r.pc).toBe(CODE + 4);
    expect(r.x[0]).toBe(1n);
  });
});
