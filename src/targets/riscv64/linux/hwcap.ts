// AT_HWCAP on riscv64 Linux: one bit per single-letter base extension, bit (letter - 'a').
// The multi-letter extensions (Zba, Zbb, ...) have no bits here; riscv64 Linux provides
// no AT_HWCAP2, and qemu-riscv64 no AT_PLATFORM.
const letter = (c: string): number => 1 << (c.charCodeAt(0) - 'a'.charCodeAt(0));

export const RISCV64_HWCAP = ['i', 'm', 'a', 'f', 'd', 'c'].reduce((bits, c) => bits | letter(c), 0);
