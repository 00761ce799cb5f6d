// The ISAs difftest knows: each is one module describing its harness and state layout.
import { aarch64Difftest } from './aarch64.js';
import type { DifftestIsa } from './isa.js';
import { riscv64Difftest } from './riscv64.js';

export const DIFFTEST_TARGETS: Readonly<Record<string, DifftestIsa>> = {
  aarch64: aarch64Difftest,
  riscv64: riscv64Difftest,
};
