// AT_HWCAP/AT_HWCAP2 bits (Linux's arch/arm64 uapi hwcap.h): exactly the features the
// aarch64 target implements, so glibc's ifuncs pick routines we can run.
export const HWCAP_FP = 1 << 0;
export const HWCAP_ASIMD = 1 << 1;
export const HWCAP_CRC32 = 1 << 7;

export const AARCH64_HWCAP = HWCAP_FP | HWCAP_ASIMD | HWCAP_CRC32;
export const AARCH64_HWCAP2 = 0;
