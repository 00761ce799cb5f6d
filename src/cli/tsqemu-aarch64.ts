import { aarch64User } from '../targets/aarch64/linux/user-target.js';
import { main } from './main.js';

main(aarch64User, 'tsqemu-aarch64', process.argv.slice(2));
