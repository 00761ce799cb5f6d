// CPU models (-cpu): which instructions each decodes (the others are undefined in both
// tiers), AT_HWCAP/AT_HWCAP2 against Linux's uapi hwcap.h bit numbers, the /proc/cpuinfo
// Features line, and the ID registers Linux emulates for EL0. cpu-cli.test.ts runs the
// command line against qemu-aarch64's models.
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import type { TargetOps } from '../../src/translate/target.js';
import { Translator } from '../../src/translate/translator.js';
import { CPU_MODELS, cpuModel, idRegister, type CpuModel } from '../../src/targets/aarch64/cpu-models.js';
import { FEATURES } from '../../src/targets/aarch64/features.js';
import { aarch64UserFor } from '../../src/targets/aarch64/linux/cpu-targets.js';
import { cpuinfoFeatures, HWCAP_BITS, hwcapsOf } from '../../src/targets/aarch64/linux/hwcap.js';
import { aarch64TargetFor } from '../../src/targets/aarch64/target.js';

const A53 = cpuModel('cortex-a53')!;
const N1 = cpuModel('neoverse-n1')!;
const MAX = cpuModel('max')!;

/** Linux's arch/arm64/include/uapi/asm/hwcap.h, by name: [AT_HWCAP or AT_HWCAP2, bit]. */
const LINUX_HWCAP: Record<string, [1 | 2, number]> = {
  fp: [1, 0], asimd: [1, 1], evtstrm: [1, 2], aes: [1, 3], pmull: [1, 4], sha1: [1, 5], sha2: [1, 6], crc32: [1, 7],
  atomics: [1, 8], fphp: [1, 9], asimdhp: [1, 10], cpuid: [1, 11], asimdrdm: [1, 12], jscvt: [1, 13], fcma: [1, 14],
  lrcpc: [1, 15], dcpop: [1, 16], sha3: [1, 17], sm3: [1, 18], sm4: [1, 19], asimddp: [1, 20], sha512: [1, 21],
  sve: [1, 22], asimdfhm: [1, 23], dit: [1, 24], uscat: [1, 25], ilrcpc: [1, 26], flagm: [1, 27], ssbs: [1, 28],
  sb: [1, 29], paca: [1, 30], pacg: [1, 31],
  dcpodp: [2, 0], sve2: [2, 1], sveaes: [2, 2], svepmull: [2, 3], svebitperm: [2, 4], svesha3: [2, 5], svesm4: [2, 6],
  flagm2: [2, 7], frint: [2, 8], svei8mm: [2, 9], svef32mm: [2, 10], svef64mm: [2, 11], svebf16: [2, 12], i8mm: [2, 13],
  bf16: [2, 14], dgh: [2, 15], rng: [2, 16], bti: [2, 17], mte: [2, 18],
};
const HWCAP_SSBS = 1 << 28;

/** Runs one word then SVC #0: step code on the first run, region code after warming up. */
function runOn(target: TargetOps, word: number, hot: boolean): Exit {
  const mem = new AddressSpace();
  mem.map(0x400000, 0x1000, 5);
  mem.map(0x500000, 0x1000, 3);
  mem.poke(0x400000, new Uint8Array(new Uint32Array([word, 0xd4000001]).buffer));
  const t = new Translator(target, mem);
  const s = new CpuState(target.slotCount, target.vectorBytes);
  for (let i = 0; i < (hot ? 64 : 1); i++) {
    s.exc = Exit.None;
    s.r[2] = 0x500000; // x1: a data address
    t.run(s, 0x400000, 1);
  }
  return s.exc;
}

/** Whether `word` decodes (and runs to the SVC) on `model`, checked in both tiers. */
function runs(model: CpuModel, word: number): boolean {
  const target = aarch64TargetFor(model);
  const [cold, hot] = [runOn(target, word, false), runOn(target, word, true)];
  expect(hot, 'both tiers agree').toBe(cold);
  return cold === Exit.Syscall;
}

describe('aarch64 CPU models', () => {
  it('cortex-a53, neoverse-n1 and max exist; max has every implemented feature', () => {
    expect(CPU_MODELS.map((m) => m.name)).toEqual(['cortex-a53', 'neoverse-n1', 'max']);
    for (const m of [A53, N1]) for (const f of m.features) expect(MAX.features.has(f), f).toBe(true);
    expect([...MAX.features].sort()).toEqual([...FEATURES].sort());
  });

  // [instruction, word, cortex-a53, neoverse-n1, max]
  const CASES: [string, number, boolean, boolean, boolean][] = [
    ['ldadd x3, x0, [x1] (LSE)', 0xf8230020, false, true, true],
    ['ldapr x0, [x1] (RCpc)', 0xf8bfc020, false, true, true],
    ['ldapur x0, [x1, #8] (RCpc2)', 0xd9408020, false, false, true],
    ['fadd h0, h1, h2 (FP16)', 0x1ee22820, false, true, true],
    ['fmov w0, h1 (FP16)', 0x1ee60020, false, true, true],
    ['fcvt h0, s1 (v8.0)', 0x1e23c020, true, true, true],
    ['fcvt s0, h1 (v8.0)', 0x1ee24020, true, true, true],
    ['fadd v0.8h, v1.8h, v2.8h (FP16)', 0x4e421420, false, true, true],
    ['aese v0.16b, v1.16b (AES)', 0x4e284820, true, true, true],
    ['pmull v0.1q, v1.1d, v2.1d (PMULL)', 0x0ee2e020, true, true, true],
    ['pmull v0.8h, v1.8b, v2.8b (v8.0)', 0x0e22e020, true, true, true],
    ['sha512h q0, q1, v2.2d (SHA512)', 0xce628020, false, false, true],
    ['eor3 v0.16b, v1.16b, v2.16b, v3.16b (SHA3)', 0xce020c20, false, false, true],
    ['sdot v0.4s, v1.16b, v2.16b (DotProd)', 0x4e829420, false, true, true],
    ['crc32x w0, w1, x2 (CRC32)', 0x9ac24c20, true, true, true],
    ['cfinv (FlagM)', 0xd500401f, false, false, true],
    ['sb (SB)', 0xd50330ff, false, false, true],
    ['dc cvap, x1 (DPB)', 0xd50b7c21, false, true, true],
    ['msr ssbs, #1 (SSBS)', 0xd503413f, false, true, true],
    ['fjcvtzs w0, d1 (JSCVT)', 0x1e7e0020, false, false, true],
    ['bfcvt h0, s1 (BF16)', 0x1e634020, false, false, true],
    ['smmla v1.4s, v2.16b, v3.16b (I8MM)', 0x4e83a441, false, false, true],
    ['fcmla v1.2d, v2.2d, v3.2d, #0 (FCMA)', 0x6ec3c441, false, false, true],
    ['fmlal v1.4s, v2.4h, v3.h[7] (FHM)', 0x4fb30841, false, false, true],
    ['mrs x0, midr_el1 (CPUID)', 0xd5380000, true, true, true],
  ];

  it.each(CASES)('%s', (_name, word, a53, n1, max) => {
    expect([runs(A53, word), runs(N1, word), runs(MAX, word)]).toEqual([a53, n1, max]);
  });

  it('AT_HWCAP/AT_HWCAP2 bits are Linux uapi hwcap.h bits', () => {
    for (const [f, place] of Object.entries(HWCAP_BITS)) expect(place, f).toEqual(LINUX_HWCAP[f]);
  });

  it('AT_HWCAP/AT_HWCAP2 per model', () => {
    expect(hwcapsOf(A53)).toEqual({ hwcap: 0x8fb, hwcap2: 0 }); // as qemu-aarch64 -cpu cortex-a53
    expect(hwcapsOf(N1)).toEqual({ hwcap: 0x119ffb | HWCAP_SSBS, hwcap2: 0 }); // qemu's, and SSBS as Linux on an N1
    const bits = (names: string[], word: 1 | 2): number =>
      names.reduce((v, n) => (LINUX_HWCAP[n][0] === word ? v | (1 << LINUX_HWCAP[n][1]) : v), 0) >>> 0;
    const maxNames = ['fp', 'asimd', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp', 'cpuid',
      'asimdrdm', 'jscvt', 'fcma', 'lrcpc', 'dcpop', 'sha3', 'sm3', 'sm4', 'asimddp', 'sha512', 'asimdfhm', 'dit', 'uscat',
      'ilrcpc', 'flagm',
      'ssbs', 'sb', 'dcpodp', 'flagm2', 'frint', 'i8mm', 'bf16', 'dgh'];
    expect(hwcapsOf(MAX)).toEqual({ hwcap: bits(maxNames, 1), hwcap2: bits(maxNames, 2) });
    expect(hwcapsOf(MAX)).toEqual({ hwcap: 0x3fbffffb, hwcap2: 0xe181 });
    expect(aarch64UserFor('cortex-a53')!.hwcap).toBe(0x8fb);
    expect(aarch64UserFor('pentium')).toBeUndefined();
  });

  it('/proc/cpuinfo Features lines, in Linux order', () => {
    expect(cpuinfoFeatures(A53)).toBe('fp asimd aes pmull sha1 sha2 crc32 cpuid');
    expect(cpuinfoFeatures(N1)).toBe('fp asimd aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs');
    expect(cpuinfoFeatures(MAX)).toBe('fp asimd aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm jscvt fcma lrcpc '
      + 'dcpop sha3 sm3 sm4 asimddp sha512 asimdfhm dit uscat ilrcpc flagm ssbs sb dcpodp flagm2 frint i8mm bf16 dgh');
    const text = aarch64UserFor('neoverse-n1')!.cpuinfo!(2);
    expect(text).toMatch(/^processor\t: 0\n/);
    expect(text).toMatch(/\nprocessor\t: 1\n/);
    expect(text).toMatch(/\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x4\nCPU part\t: 0xd0c\nCPU revision\t: 1\n/);
  });

  it('ID registers: only CRm 0 (MIDR, MPIDR, REVIDR) and CRm 2..7 are emulated, unknown ones read as zero', () => {
    expect(idRegister(A53, 0, 0)).toEqual([0x410fd034, 0]);
    expect(idRegister(A53, 0, 5)).toEqual([0x80000000 | 0, 0]);
    expect(idRegister(A53, 0, 1)).toBeUndefined(); // CTR_EL0's slot at EL1: not emulated
    expect(idRegister(A53, 1, 0)).toBeUndefined();
    expect(idRegister(A53, 7, 7)).toEqual([0, 0]);
    expect(idRegister(N1, 6, 0)).toEqual([0x10211120, 0x1000]); // ID_AA64ISAR0_EL1, as qemu's neoverse-n1
    expect(runs(A53, 0xd5380020)).toBe(false); // mrs x0, s3_0_c0_c0_1
  });
});
