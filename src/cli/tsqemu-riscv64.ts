import { riscv64User } from '../targets/riscv64/linux/user-target.js';
import { main } from './main.js';

main(riscv64User, 'tsqemu-riscv64', process.argv.slice(2));
