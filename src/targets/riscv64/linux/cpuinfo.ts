// /proc/cpuinfo as riscv64 Linux shows it (arch/riscv/kernel/cpu.c): per hart its
// number, the ISA string of the extensions implemented here, the MMU mode and the
// vendor/architecture/implementation ids (zero: a generic CPU, as qemu's "max" shows).
const ISA = 'rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs';

export function riscv64Cpuinfo(cpus: number): string {
  const one = (n: number): string => [
    `processor\t: ${n}`,
    `hart\t\t: ${n}`,
    `isa\t\t: ${ISA}`,
    'mmu\t\t: sv57',
    'mvendorid\t: 0x0',
    'marchid\t\t: 0x0',
    'mimpid\t\t: 0x0',
    '',
  ].join('\n');
  return `${Array.from({ length: cpus }, (_, n) => one(n)).join('\n')}\n`;
}
