// A thread's name (Linux's task comm): what PR_GET_NAME, /proc/<pid>/comm and the
// Name: line of /proc/<pid>/status show. At most 15 bytes (TASK_COMM_LEN less the NUL).
import { basename } from 'node:path';

export const COMM_MAX_BYTES = 15;

/** The name from bytes the guest gave (PR_SET_NAME): up to the first NUL, cut to 15 bytes. */
export function commFromBytes(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const name = bytes.subarray(0, Math.min(nul < 0 ? bytes.length : nul, COMM_MAX_BYTES));
  return Buffer.from(name).toString('latin1');
}

/** The name execve gives: the file name's last component. */
export function commFromPath(path: string): string {
  return commFromBytes(Buffer.from(basename(path)));
}

/** The name as the 16 bytes PR_GET_NAME writes (NUL-padded). */
export function commToBytes(comm: string): Uint8Array {
  const out = new Uint8Array(COMM_MAX_BYTES + 1);
  out.set(Buffer.from(comm, 'latin1').subarray(0, COMM_MAX_BYTES));
  return out;
}
