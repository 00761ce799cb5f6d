// Calls asked not to wait (RWF_NOWAIT, SPLICE_F_NONBLOCK): whatever would block fails
// with EAGAIN instead, whatever the file's own O_NONBLOCK says.
import { E, SysError } from './errno.js';
import { WouldBlock } from './wait.js';

export function withoutWaiting(io: () => number): number {
  try {
    return io();
  } catch (err) {
    if (err instanceof WouldBlock) throw new SysError(E.EAGAIN);
    throw err;
  }
}
