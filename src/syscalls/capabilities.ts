// POSIX capabilities as capget/capset show them. Privilege checks elsewhere go by the
// effective uid (credentials.ts); these sets start as Linux gives them to that uid
// (root: all, others: none) and keep what capset narrowed them to.
export interface CapabilitySets {
  effective: bigint;
  permitted: bigint;
  inheritable: bigint;
}

/** CAP_LAST_CAP of the kernel shown (CAP_CHECKPOINT_RESTORE). */
export const CAP_LAST_CAP = 40;
const ALL_CAPS = (1n << BigInt(CAP_LAST_CAP + 1)) - 1n;

/** The sets a process with effective uid `euid` starts with. */
export function defaultCapabilities(euid: number): CapabilitySets {
  const all = euid === 0 ? ALL_CAPS : 0n;
  return { effective: all, permitted: all, inheritable: 0n };
}

/** Whether a process holding `old` may change to `next` (capset's rules without CAP_SETPCAP). */
export function mayChangeCapabilities(old: CapabilitySets, next: CapabilitySets): boolean {
  const within = (a: bigint, b: bigint): boolean => (a & ~b) === 0n;
  return within(next.inheritable, old.inheritable | old.permitted)
    && within(next.permitted, old.permitted)
    && within(next.effective, next.permitted)
    && within(next.permitted | next.effective | next.inheritable, ALL_CAPS);
}
