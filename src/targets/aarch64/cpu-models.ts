// The CPU models -cpu selects: each is a MIDR and a set of architecture features. The
// features decide which instructions decode (the rest are undefined: SIGILL), the
// AT_HWCAP/AT_HWCAP2 bits and /proc/cpuinfo line (linux/hwcap.ts), and the ID registers
// Linux lets EL0 read by emulating MRS (HWCAP_CPUID): MIDR_EL1, MPIDR_EL1, REVIDR_EL1 and
// the ID_AA64* feature registers with the fields Linux exposes, others in that space
// reading as zero.
import type { Emitter } from '../../translate/emitter.js';
import type { Fields } from '../common/decode-pattern.js';
import { FEATURES, type Feature } from './features.js';
import type { InsnDef } from './insn-def.js';
import { setX, xName } from './regs.js';

export interface CpuModel {
  readonly name: string;
  readonly description: string;
  /** MIDR_EL1: implementer, variant, architecture, part number, revision. */
  readonly midr: number;
  readonly features: ReadonlySet<Feature>;
}

/** Features of the base the translator always implements. */
const BASE: readonly Feature[] = ['fp', 'asimd', 'cpuid'];

const model = (name: string, description: string, midr: number, features: readonly Feature[]): CpuModel =>
  ({ name, description, midr, features: new Set([...BASE, ...features]) });

export const CPU_MODELS: readonly CpuModel[] = [
  // Armv8.0-A with the crypto extension and CRC32, as most Cortex-A53 parts have them.
  model('cortex-a53', 'Arm Cortex-A53 r0p4 (Armv8.0-A, crypto, CRC32)', 0x410fd034,
    ['aes', 'pmull', 'sha1', 'sha2', 'crc32']),
  // Armv8.2-A: what Linux reports on an N1 (less the kernel's evtstrm).
  model('neoverse-n1', 'Arm Neoverse-N1 r4p1 (Armv8.2-A, LSE, RCpc, DotProd, FP16, crypto)', 0x414fd0c1,
    ['aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp', 'asimdrdm', 'lrcpc', 'dcpop', 'asimddp', 'ssbs']),
  // A Cortex-A57 r1p0's MIDR, as tsqemu has always reported (qemu's "max" reports 0x000f0510).
  model('max', 'every feature tsqemu implements', 0x411fd070, FEATURES),
];

export const DEFAULT_CPU = 'max';

export function cpuModel(name: string): CpuModel | undefined {
  return CPU_MODELS.find((m) => m.name === name);
}

// ---- ID registers (op0 = 3, op1 = 0, CRn = 0) ----

/** Field value `v` at bit `shift` of a 64-bit register held as [lo, hi]. */
function field(reg: [number, number], shift: number, v: number): void {
  if (shift < 32) reg[0] |= v << shift;
  else reg[1] |= v << (shift - 32);
}

/** The user-visible value of ID register (crm, op2) for a model, as [lo, hi]; undefined: not emulated (SIGILL). */
export function idRegister(m: CpuModel, crm: number, op2: number): [number, number] | undefined {
  const has = (f: Feature): number => (m.features.has(f) ? 1 : 0);
  const r: [number, number] = [0, 0];
  if (crm === 0) {
    if (op2 === 0) return [m.midr | 0, 0];
    if (op2 === 5) return [0x80000000 | 0, 0]; // MPIDR_EL1: Linux shows only the RES1 bit
    if (op2 === 6) return [0, 0]; // REVIDR_EL1
    return undefined;
  }
  if (crm === 1) return undefined;
  switch ((crm << 3) | op2) {
    case (4 << 3) | 0: // ID_AA64PFR0_EL1: EL0 and EL1 AArch64 only, FP, AdvSIMD (1: with FP16), DIT
      field(r, 0, 1);
      field(r, 4, 1);
      field(r, 16, has('fphp'));
      field(r, 20, has('asimdhp'));
      field(r, 48, has('dit'));
      break;
    case (4 << 3) | 1: // ID_AA64PFR1_EL1: SSBS with MSR/MRS
      field(r, 4, has('ssbs') * 2);
      break;
    case (6 << 3) | 0: // ID_AA64ISAR0_EL1
      field(r, 4, has('pmull') ? 2 : has('aes'));
      field(r, 8, has('sha1'));
      field(r, 12, has('sha512') ? 2 : has('sha2'));
      field(r, 16, has('crc32'));
      field(r, 20, has('atomics') * 2);
      field(r, 28, has('asimdrdm'));
      field(r, 32, has('sha3'));
      field(r, 36, has('sm3'));
      field(r, 40, has('sm4'));
      field(r, 44, has('asimddp'));
      field(r, 48, has('asimdfhm'));
      field(r, 52, has('flagm2') ? 2 : has('flagm'));
      break;
    case (6 << 3) | 1: // ID_AA64ISAR1_EL1
      field(r, 0, has('dcpodp') ? 2 : has('dcpop'));
      field(r, 12, has('jscvt'));
      field(r, 16, has('fcma'));
      field(r, 20, has('ilrcpc') ? 2 : has('lrcpc'));
      field(r, 32, has('frint'));
      field(r, 36, has('sb'));
      field(r, 44, has('bf16'));
      field(r, 48, has('dgh'));
      field(r, 52, has('i8mm'));
      break;
    case (7 << 3) | 2: // ID_AA64MMFR2_EL1: AT (unaligned single-copy atomicity, FEAT_LSE2)
      field(r, 32, has('uscat'));
      break;
  }
  return r;
}

const ID_NAMES: Record<number, string> = {
  0: 'midr_el1', 4: 'mpuir_el1', 5: 'mpidr_el1', 6: 'revidr_el1',
  8: 'id_pfr0_el1', 9: 'id_pfr1_el1', 10: 'id_dfr0_el1', 11: 'id_afr0_el1', 12: 'id_mmfr0_el1', 13: 'id_mmfr1_el1',
  14: 'id_mmfr2_el1', 15: 'id_mmfr3_el1', 16: 'id_isar0_el1', 17: 'id_isar1_el1', 18: 'id_isar2_el1', 19: 'id_isar3_el1',
  20: 'id_isar4_el1', 21: 'id_isar5_el1', 22: 'id_mmfr4_el1', 23: 'id_isar6_el1', 24: 'mvfr0_el1', 25: 'mvfr1_el1',
  26: 'mvfr2_el1', 28: 'id_pfr2_el1', 29: 'id_dfr1_el1', 30: 'id_mmfr5_el1', 32: 'id_aa64pfr0_el1', 33: 'id_aa64pfr1_el1',
  36: 'id_aa64zfr0_el1', 37: 'id_aa64smfr0_el1', 40: 'id_aa64dfr0_el1', 41: 'id_aa64dfr1_el1', 44: 'id_aa64afr0_el1',
  45: 'id_aa64afr1_el1', 48: 'id_aa64isar0_el1', 49: 'id_aa64isar1_el1', 50: 'id_aa64isar2_el1', 56: 'id_aa64mmfr0_el1',
  57: 'id_aa64mmfr1_el1', 58: 'id_aa64mmfr2_el1',
};

const idName = (f: Fields): string => ID_NAMES[(f.crm << 3) | f.op2] ?? `s3_0_c0_c${f.crm}_${f.op2}`;

/** MRS of the ID register space for a model (Linux emulates these reads for EL0). */
export function idRegisterInsns(m: CpuModel): InsnDef[] {
  return [{
    name: 'MRS_id', pattern: '1101010100 1 1 1 000 0000 0 crm:3 op2:3 rt:5', feature: 'cpuid',
    when: (f) => idRegister(m, f.crm, f.op2) !== undefined,
    emit: (f: Fields, e: Emitter) => {
      const [lo, hi] = idRegister(m, f.crm, f.op2)!;
      return setX(e, f.rt, String(lo), String(hi));
    },
    asm: (f) => `mrs ${xName(f.rt)}, ${idName(f)}`,
  }];
}
