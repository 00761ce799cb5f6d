// A write to a pipe or socket nobody reads any more fails with EPIPE, and the writer
// gets SIGPIPE too (send calls can ask for the error alone with MSG_NOSIGNAL).
import { E, errnoFromHostError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { sendToThread } from './signal-delivery.js';
import { senderInfo } from './siginfo.js';
import { SIGPIPE, SI_USER } from './signals.js';
import type { GuestThread } from './thread.js';

/** Runs `write`; on EPIPE sends SIGPIPE to `t` and rethrows. */
export function raisingSigpipe(p: GuestProcess, t: GuestThread, write: () => number): number {
  try {
    return write();
  } catch (err) {
    if (errnoFromHostError(err) === E.EPIPE) sendToThread(p.kernel, t, senderInfo(SIGPIPE, SI_USER, p.pid, process.getuid?.() ?? 0));
    throw err;
  }
}
