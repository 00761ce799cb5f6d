// IP addresses between the bytes of a guest sockaddr and the text Node's net and dgram
// use ('127.0.0.1', '::1', '::ffff:10.0.0.1', 'fe80::1%eth0').

export function ipv4FromBytes(b: Uint8Array): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** Four bytes of a dotted quad (zeros for anything else, like an unspecified address). */
export function ipv4ToBytes(text: string): Uint8Array {
  const parts = text.split('.').map(Number);
  const out = new Uint8Array(4);
  if (parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) out.set(parts);
  return out;
}

/** IPv6 text for 16 bytes: groups in hex, the longest run of zero groups as '::'. */
export function ipv6FromBytes(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `::ffff:${ipv4FromBytes(b.subarray(12))}`;
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** 16 bytes of IPv6 text (a '%zone' suffix is dropped: it is sin6_scope_id). */
export function ipv6ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(16);
  const addr = text.split('%')[0];
  const groupsOf = (s: string): number[] => {
    if (s === '') return [];
    const parts = s.split(':');
    const last = parts[parts.length - 1];
    const tail: number[] = [];
    if (last.includes('.')) {
      const v4 = ipv4ToBytes(last);
      parts.pop();
      tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    }
    return [...parts.map((p) => parseInt(p, 16) || 0), ...tail];
  };
  const [head, rest] = addr.split('::');
  const front = groupsOf(head);
  const back = rest === undefined ? [] : groupsOf(rest);
  const groups = [...front, ...new Array<number>(Math.max(0, 8 - front.length - back.length)).fill(0), ...back];
  groups.slice(0, 8).forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}
