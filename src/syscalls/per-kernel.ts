// State a module keeps for each emulated system (each Kernel), made the first time it is
// asked for and dropped with its kernel.
import type { Kernel } from './kernel.js';

/** A getter for `k`'s own T, which `make` builds the first time `k` asks. */
export function perKernel<T>(make: () => T): (k: Kernel) => T {
  const values = new WeakMap<Kernel, T>();
  return (k) => {
    let value = values.get(k);
    if (value === undefined) values.set(k, (value = make()));
    return value;
  };
}
