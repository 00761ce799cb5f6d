// The host and domain names uname reports: the host's until a privileged guest sets
// its own with sethostname/setdomainname, which then holds for the whole emulated
// system (one UTS namespace per kernel), never for the host.
import { hostname } from 'node:os';
import type { Kernel } from './kernel.js';
import { perKernel } from './per-kernel.js';

interface UtsNames { nodename: string; domainname: string }

const setNames = perKernel((): Partial<UtsNames> => ({}));

export function utsNames(k: Kernel): UtsNames {
  const own = setNames(k);
  return { nodename: own.nodename ?? hostname(), domainname: own.domainname ?? '(none)' };
}

export function setUtsName(k: Kernel, field: keyof UtsNames, value: string): void {
  setNames(k)[field] = value;
}
