/** Parses "8M", "512k", "1G" or a plain byte count; null if malformed. */
export function parseSize(spec: string): number | null {
  const m = /^(\d+)([kKmMgG]?)$/.exec(spec.trim());
  if (!m) return null;
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * scale;
}
