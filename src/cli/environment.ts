/** The guest's environment: the host's, with -E settings applied and -U names removed. */
export function guestEnvironment(host: NodeJS.ProcessEnv, set: readonly string[], unset: readonly string[]): string[] {
  const env = new Map<string, string>();
  for (const [k, v] of Object.entries(host)) if (v !== undefined) env.set(k, v);
  for (const item of set) {
    const eq = item.indexOf('=');
    if (eq > 0) env.set(item.slice(0, eq), item.slice(eq + 1));
  }
  for (const name of unset) env.delete(name);
  return [...env].map(([k, v]) => `${k}=${v}`);
}
