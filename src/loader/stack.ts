// The initial process stack as Linux builds it: argc, argv[], envp[], auxv[], then the
// strings and AT_RANDOM bytes above them; SP 16-byte aligned pointing at argc.
import { AddressSpace, PAGE_SIZE } from '../memory/address-space.js';

export const AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
  AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
  AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
  AT_HWCAP2 = 26, AT_EXECFN = 31, AT_MINSIGSTKSZ = 51;

export interface StackSpec {
  top: number;
  size: number;
  argv: readonly string[];
  envp: readonly string[];
  execfn: string;
  /** AT_PLATFORM; omitted when undefined. */
  platform?: string;
  random: Uint8Array; // 16 bytes
  /** auxv entries other than AT_RANDOM, AT_EXECFN, AT_PLATFORM and AT_NULL. */
  auxv: ReadonlyArray<readonly [number, number]>;
}

export interface BuiltStack {
  sp: number;
  /** Guest addresses of the auxv block [start, end), for /proc/self/auxv. */
  auxvStart: number;
  auxvEnd: number;
  bottom: number;
}

const cstring = (s: string): Uint8Array => Buffer.from(`${s}\0`, 'utf8');

export function buildStack(mem: AddressSpace, spec: StackSpec): BuiltStack {
  const bottom = spec.top - spec.size;
  mem.map(bottom, spec.size, 3, '[stack]');
  let p = spec.top - 16; // a zero word at the very top, as Linux leaves
  const put = (bytes: Uint8Array): number => {
    p -= bytes.length;
    mem.poke(p, bytes);
    return p;
  };
  const execfn = put(cstring(spec.execfn));
  const env = [...spec.envp].reverse().map((s) => put(cstring(s))).reverse();
  const args = [...spec.argv].reverse().map((s) => put(cstring(s))).reverse();
  const platform = spec.platform === undefined ? undefined : put(cstring(spec.platform));
  p -= p % 16;
  const random = put(spec.random);

  const auxv: Array<readonly [number, number]> = [
    ...spec.auxv,
    [AT_RANDOM, random],
    [AT_EXECFN, execfn],
    ...(platform === undefined ? [] : [[AT_PLATFORM, platform] as const]),
    [AT_NULL, 0],
  ];
  const words = 1 + args.length + 1 + env.length + 1 + 2 * auxv.length;
  p -= words * 8;
  p -= p % 16;
  if (p - bottom < PAGE_SIZE) throw new RangeError('arguments and environment do not fit the stack');
  const sp = p;
  const word = (v: number): void => {
    mem.writeU64(p, v);
    p += 8;
  };
  word(args.length);
  args.forEach(word);
  word(0);
  env.forEach(word);
  word(0);
  const auxvStart = p;
  for (const [k, v] of auxv) {
    word(k);
    word(v);
  }
  return { sp, auxvStart, auxvEnd: p, bottom };
}
