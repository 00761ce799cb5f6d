// Scatter/gather transfers between a guest iovec array and one open file: the shared
// body of readv/writev and their positioned forms (preadv, pwritev, preadv2, pwritev2).
import { int } from './args.js';
import { E, SysError } from './errno.js';
import { MAX_RW_COUNT, readableView, writableView } from './guest-buffer.js';
import type { GuestProcess } from './guest-process.js';
import { readIovecsFromGuest, type Iovec } from './guest-structs.js';
import type { OpenFile } from './open-file.js';
import { WouldBlock } from './wait.js';

/** The most iovecs one call takes (and the most messages one sendmmsg/recvmmsg handles). */
export const UIO_MAXIOV = 1024;

/** The guest's iovec array, its count checked as Linux does. */
export function guestIovecs(p: GuestProcess, addr: number, n: number): Iovec[] {
  const cnt = int(n);
  if (cnt < 0 || cnt > UIO_MAXIOV) throw new SysError(E.EINVAL);
  return readIovecsFromGuest(p.mem, addr, cnt);
}

/** Reads into the buffers in order, at the file offset or from `at` on; stops at a short read. */
export function readIntoIovecs(p: GuestProcess, file: OpenFile, vecs: Iovec[], at?: number): number {
  if (file.readVector && at === undefined) {
    let room = MAX_RW_COUNT;
    return file.readVector(vecs.map((v) => {
      const view = writableView(p.mem, v.base, Math.min(v.len, room));
      room -= view.length;
      return view;
    }));
  }
  let total = 0;
  for (const v of vecs) {
    const want = Math.min(v.len, MAX_RW_COUNT - total);
    if (want === 0) continue;
    const dst = writableView(p.mem, v.base, want);
    let n: number;
    try {
      n = file.read(dst, at === undefined ? undefined : at + total);
    } catch (err) {
      if (err instanceof WouldBlock && total > 0) break; // what was read so far is the result
      throw err;
    }
    total += n;
    if (n < want) break;
  }
  return total;
}

/** The buffers' bytes as one block, so a line written in pieces is one host write. */
export function gatherIovecs(p: GuestProcess, vecs: Iovec[]): Uint8Array {
  const parts = vecs.map((v) => readableView(p.mem, v.base, Math.min(v.len, MAX_RW_COUNT)));
  return Buffer.concat(parts).subarray(0, MAX_RW_COUNT);
}
