// Debugging aid: runs a static riscv64 program one instruction per block under tsqemu
// and under qemu-riscv64 (-singlestep -d cpu, guest window below 4 GiB) and reports the
// first instruction after which the integer registers differ. Values that both sides
// hold as stack addresses (the stacks sit at slightly different places) are not compared.
//
// usage: npx tsx tests/riscv64/tools/lockstep.ts <program> [args...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressSpace } from '../../../src/memory/address-space.js';
import { riscv64User } from '../../../src/targets/riscv64/linux/user-target.js';
import { riscv64Target } from '../../../src/targets/riscv64/target.js';
import type { Insn, TargetOps } from '../../../src/translate/target.js';
import { Log } from '../../../src/user-mode/log.js';
import { runProgram } from '../../../src/user-mode/run-program.js';
import type { UserTarget } from '../../../src/user-mode/user-target.js';

const [program, ...args] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
const qlog = join(dir, 'qemu.log'), tlog = join(dir, 'tsqemu.log');

spawnSync('qemu-riscv64', ['-R', '0x100000000', '-seed', '1', '-singlestep', '-strace', '-d', 'cpu', '-D', qlog, program, ...args], {
  env: {}, stdio: ['ignore', 'ignore', 'inherit'],
});
/** qemu's syscall results in order (its -strace lines share the log): tsqemu's guest is given the same ones (pids, unimplemented calls...). */
const results = readFileSync(qlog, 'utf8').split('\n').flatMap((line) => {
  const m = / = (-1 errno=(\d+)|0x[0-9a-f]+|-?\d+)(?: |$)/.exec(line);
  if (!m || !/^\d+ /.test(line)) return [];
  return [m[2] !== undefined ? -Number(m[2]) : Number(m[1])];
});
let syscalls = 0;

/** Every instruction its own block, so -d cpu dumps the state before each one. */
const stepOps: TargetOps = {
  ...riscv64Target,
  decode(mem, pc): Insn {
    const i = riscv64Target.decode(mem, pc);
    if (i.endsBlock) return i;
    return { ...i, endsBlock: true, successors: [], emit: (e) => `${i.emit(e)}\n${e.jump(i.pc + i.size)}`, text: () => i.text() };
  },
};
/** qemu's auxv order; tsqemu writes the same entries in another order. */
const QEMU_AUXV_ORDER = [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 25, 26, 23, 31, 15];
let startSp = -1;
const AT_RANDOM = 25;
/** The AT_RANDOM bytes qemu-riscv64 7.2 gives under -seed 1 (the stack protector and pointer guard derive from them). */
const QEMU_SEED1_RANDOM = 'f5b165224a58b791df6af1d8303e61cd';
/** Rewrites the auxv at the initial stack in qemu's order (so the guest parses it the same way). */
function reorderAuxv(mem: AddressSpace): void {
  let p = startSp + 8 * (mem.readU64(startSp) + 2);
  while (mem.readU64(p) !== 0) p += 8;
  p += 8;
  const entries: [number, number][] = [];
  for (let a = p; ; a += 16) {
    const key = mem.readU64(a);
    if (key === 0) break;
    entries.push([key, mem.readU64(a + 8)]);
  }
  const rank = (k: number): number => (QEMU_AUXV_ORDER.includes(k) ? QEMU_AUXV_ORDER.indexOf(k) : 100);
  entries.sort((x, y) => rank(x[0]) - rank(y[0]));
  const random = entries.find(([k]) => k === AT_RANDOM);
  if (random) mem.poke(random[1], Buffer.from(QEMU_SEED1_RANDOM, 'hex'));
  entries.forEach(([k, v], i) => {
    mem.writeU64(p + 16 * i, k);
    mem.writeU64(p + 16 * i + 8, v);
  });
}
const stepUser: UserTarget = {
  ...riscv64User,
  ops: stepOps,
  setStart(state, sp) {
    startSp = sp;
    riscv64User.setStart(state, sp);
  },
  setSyscallResult(state, value) {
    const q = results[syscalls++];
    riscv64User.setSyscallResult(state, q ?? value);
  },
};
const texts = new Map<number, string>();
const textOps: TargetOps = {
  ...stepOps,
  decode(mem, pc) {
    if (texts.size === 0) reorderAuxv(mem);
    const i = stepOps.decode(mem, pc);
    texts.set(pc, i.text());
    return i;
  },
};
const log = new Log(new Set(['cpu']), tlog);
try {
  runProgram({ ...stepUser, ops: textOps }, { path: program, argv: [program, ...args], envp: [], stackSize: 8 << 20, strace: false, log });
} catch (err) {
  console.log(`tsqemu stopped: ${(err as Error).message}`);
}
log.close();

const states = (text: string): string[][] =>
  text.split(/(?= pc {7})/).map((s) => s.split('\n').filter((l) => l.startsWith(' ')).join(' ').trim().split(/\s+/)).filter((s) => s[0] === 'pc');
const q = states(readFileSync(qlog, 'utf8'));
const t = states(readFileSync(tlog, 'utf8'));
const isStack = (v: string): boolean => /^00000000fff/.test(v);
/** Values a syscall returned differently (pids, times): treated as equal from then on. */
const same = new Map<string, string>();
for (let i = 0; i < Math.min(q.length, t.length); i++) {
  const a = q[i], b = t[i];
  const diffs: string[] = [];
  const afterSyscall = i > 0 && texts.get(parseInt(q[i - 1][1], 16)) === 'ecall';
  for (let k = 0; k < Math.min(a.length, b.length); k += 2) {
    if (a[k + 1] === b[k + 1] || (isStack(a[k + 1]) && isStack(b[k + 1])) || same.get(a[k + 1]) === b[k + 1]) continue;
    if (afterSyscall && a[k] === 'x10/a0') {
      same.set(a[k + 1], b[k + 1]);
      continue;
    }
    diffs.push(`${a[k]} qemu ${a[k + 1]} tsqemu ${b[k + 1]}`);
  }
  if (diffs.length) {
    console.log(`state ${i} differs (before pc ${a[1]} / ${b[1]}):\n  ${diffs.join('\n  ')}`);
    for (let j = Math.max(0, i - 8); j < i; j++) console.log(`  ${q[j][1]}: ${texts.get(parseInt(q[j][1], 16)) ?? '?'}`);
    process.exit(1);
  }
}
console.log(`no difference in ${Math.min(q.length, t.length)} states (qemu ${q.length}, tsqemu ${t.length})`);
