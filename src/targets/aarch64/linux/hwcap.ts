// AT_HWCAP/AT_HWCAP2 bits (Linux's arch/arm64/include/uapi/asm/hwcap.h) and the
// /proc/cpuinfo "Features" names (arch/arm64/kernel/cpuinfo.c) of the features a CPU
// model implements, so glibc's ifuncs and programs' own checks pick code we can run.
import { cpuModel, DEFAULT_CPU, type CpuModel } from '../cpu-models.js';
import type { Feature } from '../features.js';

/** Each feature's place: [1, bit] in AT_HWCAP or [2, bit] in AT_HWCAP2. */
export const HWCAP_BITS: Readonly<Record<Feature, readonly [1 | 2, number]>> = {
  fp: [1, 0], asimd: [1, 1], aes: [1, 3], pmull: [1, 4], sha1: [1, 5], sha2: [1, 6], crc32: [1, 7],
  atomics: [1, 8], fphp: [1, 9], asimdhp: [1, 10], cpuid: [1, 11], asimdrdm: [1, 12], jscvt: [1, 13], fcma: [1, 14],
  lrcpc: [1, 15], dcpop: [1, 16], sha3: [1, 17], sm3: [1, 18], sm4: [1, 19], asimddp: [1, 20], sha512: [1, 21],
  asimdfhm: [1, 23], dit: [1, 24], uscat: [1, 25], ilrcpc: [1, 26], flagm: [1, 27], ssbs: [1, 28], sb: [1, 29],
  dcpodp: [2, 0], flagm2: [2, 7], frint: [2, 8], i8mm: [2, 13], bf16: [2, 14], dgh: [2, 15],
};

/** AT_HWCAP and AT_HWCAP2 of a model (every bit used here is below 2^31). */
export function hwcapsOf(model: CpuModel): { hwcap: number; hwcap2: number } {
  let hwcap = 0, hwcap2 = 0;
  for (const f of model.features) {
    const [word, bit] = HWCAP_BITS[f];
    if (word === 1) hwcap |= 1 << bit;
    else hwcap2 |= 1 << bit;
  }
  return { hwcap: hwcap >>> 0, hwcap2: hwcap2 >>> 0 };
}

/** The "Features" value of /proc/cpuinfo: the names in Linux's order (AT_HWCAP bits, then AT_HWCAP2's). */
export function cpuinfoFeatures(model: CpuModel): string {
  const order = (f: Feature): number => HWCAP_BITS[f][0] * 64 + HWCAP_BITS[f][1];
  return [...model.features].sort((a, b) => order(a) - order(b)).join(' ');
}

/**
 * The /proc/cpuinfo text Linux shows for `cpus` processors of a model, e.g.
 * "processor : 0 / BogoMIPS : ... / Features : fp asimd ... / CPU implementer : 0x41 ...".
 */
export function cpuinfoText(model: CpuModel, cpus = 1): string {
  const m = model.midr >>> 0;
  const one = (n: number): string => [
    `processor\t: ${n}`,
    'BogoMIPS\t: 125.00',
    `Features\t: ${cpuinfoFeatures(model)}`,
    `CPU implementer\t: 0x${(m >>> 24).toString(16).padStart(2, '0')}`,
    'CPU architecture: 8',
    `CPU variant\t: 0x${((m >>> 20) & 15).toString(16)}`,
    `CPU part\t: 0x${((m >>> 4) & 0xfff).toString(16).padStart(3, '0')}`,
    `CPU revision\t: ${m & 15}`,
    '',
  ].join('\n');
  return `${Array.from({ length: cpus }, (_, n) => one(n)).join('\n')}\n`;
}

const MAX = hwcapsOf(cpuModel(DEFAULT_CPU)!);
/** The default ("max") model's values. */
export const AARCH64_HWCAP = MAX.hwcap;
export const AARCH64_HWCAP2 = MAX.hwcap2;
/** /proc/cpuinfo of the default model. */
export const aarch64MaxCpuinfo = (cpus: number): string => cpuinfoText(cpuModel(DEFAULT_CPU)!, cpus);
