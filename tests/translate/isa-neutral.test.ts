// The translator and the kernel know ISAs only through their interfaces: no file under
// src/translate or src/syscalls names an ISA (per-ISA numbers live in src/targets).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ISA_NAMES = /aarch64|arm64|\ba64\b|riscv|\brv64|x86|amd64|i386/i;

describe('ISA-neutral layers', () => {
  for (const layer of ['translate', 'syscalls']) {
    it(`nothing under src/${layer} names an ISA`, () => {
      const dir = join(import.meta.dirname, '../../src', layer);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(ISA_NAMES);
    });
  }
});
