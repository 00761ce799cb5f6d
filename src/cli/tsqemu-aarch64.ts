import { AARCH64_CPU_NAMES, aarch64UserFor } from '../targets/aarch64/linux/cpu-targets.js';
import { aarch64User } from '../targets/aarch64/linux/user-target.js';
import { main } from './main.js';

main(aarch64User, 'tsqemu-aarch64', process.argv.slice(2), { names: AARCH64_CPU_NAMES, select: aarch64UserFor });
