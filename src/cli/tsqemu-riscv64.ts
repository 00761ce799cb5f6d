import { riscv64User } from '../targets/riscv64/linux/user-target.js';
import { main } from './main.js';

/** One model (RV64GC with Zba, Zbb, Zbc and Zbs), under qemu-riscv64's names for it too. */
const CPU_NAMES = ['max', 'rv64', 'any'];

main(riscv64User, 'tsqemu-riscv64', process.argv.slice(2), {
  names: CPU_NAMES,
  select: (cpu) => (CPU_NAMES.includes(cpu) ? riscv64User : undefined),
});
