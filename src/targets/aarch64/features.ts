// The architecture features an aarch64 CPU model may implement, named as Linux names
// them in /proc/cpuinfo (and AT_HWCAP/AT_HWCAP2, see linux/hwcap.ts). Instructions carry
// their feature (InsnDef.feature); a model decodes only the instructions of its features.
// 'fp' and 'asimd' are the base every model has.
export const FEATURES = [
  'fp', 'asimd', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp', 'cpuid', 'asimdrdm',
  'jscvt', 'fcma', 'lrcpc', 'dcpop', 'sha3', 'sm3', 'sm4', 'asimddp', 'sha512', 'asimdfhm', 'dit', 'uscat', 'ilrcpc',
  'flagm', 'ssbs', 'sb', 'dcpodp', 'flagm2', 'frint', 'i8mm', 'bf16', 'dgh',
] as const;

export type Feature = (typeof FEATURES)[number];
