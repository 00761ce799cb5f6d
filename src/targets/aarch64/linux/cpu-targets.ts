// User mode per CPU model: the aarch64 user target with the model's translator target
// (its instructions), AT_HWCAP/AT_HWCAP2 and /proc/cpuinfo text. The CLI's -cpu picks one.
import type { UserTarget } from '../../../user-mode/user-target.js';
import { CPU_MODELS, cpuModel, type CpuModel } from '../cpu-models.js';
import { aarch64TargetFor } from '../target.js';
import { cpuinfoText, hwcapsOf } from './hwcap.js';
import { aarch64User } from './user-target.js';

/** The -cpu names. */
export const AARCH64_CPU_NAMES: readonly string[] = CPU_MODELS.map((m) => m.name);

const users = new Map<CpuModel, UserTarget>();

/** The aarch64 user target of the model called `name`, or undefined for an unknown name. */
export function aarch64UserFor(name: string): UserTarget | undefined {
  const model = cpuModel(name);
  if (!model) return undefined;
  let user = users.get(model);
  if (!user) {
    user = { ...aarch64User, ops: aarch64TargetFor(model), ...hwcapsOf(model), cpuinfo: (cpus) => cpuinfoText(model, cpus) };
    users.set(model, user);
  }
  return user;
}
