// Randomness for AT_RANDOM and getrandom: the host's, or a reproducible stream under -seed.
import { createHash, randomFillSync } from 'node:crypto';

export function randomSource(seed?: number): (buf: Uint8Array) => void {
  if (seed === undefined) return (buf) => void randomFillSync(buf);
  let counter = 0;
  let pool = new Uint8Array(0);
  return (buf) => {
    for (let i = 0; i < buf.length; i++) {
      if (pool.length === 0) pool = createHash('sha256').update(`tsqemu-seed:${seed}:${counter++}`).digest();
      buf[i] = pool[0];
      pool = pool.subarray(1);
    }
  };
}
