// The Linux kernel as the guest sees it: syscall numbers in, results out, for every
// guest process. Numbers become names through the ABI, names become registry rows;
// dispatch, -strace and the unsupported report all use the same row. The kernel also
// keeps the process table and the scheduler all guest threads share.
import { GuestFault } from '../memory/address-space.js';
import { CpuState } from '../translate/cpu-state.js';
import type { LinuxAbi } from './abi.js';
import { E, errnoFromHostError } from './errno.js';
import { GuestExit, type Outcome } from './guest-exit.js';
import { GuestProcess, hostUmask, stdioFds } from './guest-process.js';
import { MemoryMap } from './memory-map.js';
import { Mm } from './mm.js';
import type { CpuHooks, KernelOptions } from './options.js';
import { NO_PREFIX } from './path-prefix.js';
import { ResourceLimits } from './rlimits.js';
import type { SyscallRow } from './row.js';
import { Scheduler } from './scheduler.js';
import { SharedMemory } from './shared-memory.js';
import { SignalActions } from './signal-actions.js';
import { sendToProcess } from './signal-delivery.js';
import { senderInfo, type SigInfo } from './siginfo.js';
import { SI_KERNEL } from './signals.js';
import { GuestThread } from './thread.js';
import { SYSCALL_ROWS } from './rows/index.js';
import { formatArgs, formatResult, formatSignal, straceLine, type ArgKind } from './strace.js';
import { WouldBlock } from './wait.js';

export type { LinuxAbi } from './abi.js';
export type { CpuHooks, KernelOptions } from './options.js';
export { GuestThread } from './thread.js';
export type { OpenFlagBits } from './open-flags.js';
export { GENERIC_OPEN_FLAGS } from './open-flags.js';
export { GuestExit, type Outcome } from './guest-exit.js';
export { regToArg } from './args.js';

/** An unknown call's arguments print as six raw registers. */
const UNKNOWN_ARGS: readonly ArgKind[] = ['hex', 'hex', 'hex', 'hex', 'hex', 'hex'];

const ROWS: ReadonlyMap<string, SyscallRow> = new Map(SYSCALL_ROWS.map((r) => [r.name, r]));

/** The rows an ABI reaches: the registry's and its own (its ISA-specific syscalls). */
function rowsOf(abi: LinuxAbi): ReadonlyMap<string, SyscallRow> {
  return abi.rows?.length ? new Map([...ROWS, ...abi.rows.map((r) => [r.name, r] as const)]) : ROWS;
}

/** The names of the syscalls `abi` has that are implemented, by number. */
export function implementedSyscalls(abi: LinuxAbi): string[] {
  const rows = rowsOf(abi);
  return [...abi.syscalls.entries()]
    .filter(([, name]) => rows.get(name)?.quiet === false)
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name);
}

/** The -errno for what a handler threw; anything else is a bug and propagates. */
function errnoOf(err: unknown): number {
  if (err instanceof GuestFault) return E.EFAULT;
  const errno = errnoFromHostError(err);
  if (errno === undefined) throw err;
  return errno;
}

export class Kernel {
  readonly scheduler = new Scheduler();
  /** Keeps MAP_SHARED pages of the separate address spaces in step. */
  readonly shared = new SharedMemory(() => this.processes);
  /** The first guest process: when it ends, the emulator ends. */
  readonly process: GuestProcess;
  /** Set when the first process has ended. */
  outcome: Outcome | null = null;
  readonly cpu: CpuHooks | undefined;
  /** Every process not yet reaped, by pid. */
  private readonly table = new Map<number, GuestProcess>();
  private lastId: number;
  private readonly reported = new Set<string>();
  /** The syscall rows this kernel's ABI reaches, by name. */
  private readonly rows: ReadonlyMap<string, SyscallRow>;
  /** The thread whose syscall runs now, or ran last (what /proc/thread-self names). */
  caller: GuestThread | null = null;
  /** Set by the run loop while every guest thread waits: hostEvent() calls it. */
  private idleWaker: (() => void) | null = null;

  constructor(readonly options: KernelOptions) {
    this.rows = rowsOf(options.abi);
    this.cpu = options.cpu;
    const pid = options.pid ?? process.pid;
    this.lastId = pid;
    const archProt = options.abi.archProt.reduce((bits, [bit]) => bits | bit, 0);
    const mm = new Mm(options.mem, new MemoryMap(options.mem, options.brk, options.mmapTop, archProt),
      options.sigreturnTrampoline ?? 0, options.auxv);
    this.process = new GuestProcess(this, {
      pid, parent: null, mm, limits: new ResourceLimits(), fds: (limits) => stdioFds(limits, options.abi),
      actions: new SignalActions(), prefix: options.prefix ?? NO_PREFIX, cwd: options.cwd ?? process.cwd(),
      umask: hostUmask(), exePath: options.exePath, argv: options.argv, envp: options.envp, pgid: pid, sid: pid,
    });
    this.table.set(pid, this.process);
    this.addThread(new GuestThread(pid, options.mainState ?? new CpuState(0, 0), this.process));
  }

  /** A fresh id for a thread or a process (they share one number space). */
  allocateId(): number {
    do this.lastId++; while (this.table.has(this.lastId) || this.scheduler.find(this.lastId));
    return this.lastId;
  }

  addThread(t: GuestThread): void {
    t.process.threads.push(t);
    this.scheduler.add(t);
  }

  addProcess(p: GuestProcess): void {
    this.table.set(p.pid, p);
    p.parent?.children.add(p);
  }

  /** A process (zombies included) by pid. */
  processById(pid: number): GuestProcess | undefined {
    return this.table.get(pid);
  }

  /** The process a pid, or the tid of one of its threads, names (zombies included). */
  processOfTask(id: number): GuestProcess | undefined {
    return this.table.get(id) ?? this.scheduler.find(id)?.process;
  }

  get processes(): IterableIterator<GuestProcess> {
    return this.table.values();
  }

  /** How many live processes run in `mm` (more than one after vfork). */
  processesSharing(mm: Mm): number {
    let n = 0;
    for (const p of this.table.values()) if (p.mm === mm && p.exitStatus === null) n++;
    return n;
  }

  /** Forgets an ended process: wait4 collected it, or nobody will. */
  reap(p: GuestProcess): void {
    this.table.delete(p.pid);
    p.parent?.children.delete(p);
  }

  /** A signal from outside the guest (the emulator got SIGINT, SIGTERM, SIGHUP). */
  hostSignal(sig: number, p: GuestProcess = this.process): void {
    sendToProcess(this, p, senderInfo(sig, SI_KERNEL, 0, 0));
  }

  /**
   * Something outside the guest changed what a waiting thread waits for (a host socket
   * got data, a host program ended): the run loop, if idle, looks at the waits again.
   */
  hostEvent(): void {
    this.idleWaker?.();
  }

  /** The run loop's hook for hostEvent() while it sleeps (null when it runs again). */
  onHostEvent(waker: (() => void) | null): void {
    this.idleWaker = waker;
  }

  /** Reports `message` the first time `key` is seen. */
  reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.report(message);
  }

  /** -strace's line for a signal handed to a handler. */
  straceSignal(t: GuestThread, info: SigInfo): void {
    this.options.strace?.(formatSignal(t.tid, info));
  }

  /**
   * One syscall of `thread`. `args` are the six argument registers, each as its signed
   * 64-bit value (regToArg(lo, hi); exact below 2^53 in magnitude). Returns a
   * non-negative result or -errno (-4095..-1); when the call made the thread wait
   * (thread.waiting) or end, the result means nothing. Throws GuestExit when the call
   * ended the first process.
   */
  syscall(nr: number, args: ArrayLike<number>, thread: GuestThread = this.process.mainThread): number {
    const a = [0, 1, 2, 3, 4, 5].map((i) => args[i] ?? 0);
    const p = thread.process;
    const name = this.options.abi.syscalls.get(nr);
    const row = name !== undefined ? this.rows.get(name) : undefined;
    const strace = this.options.strace;
    const context = { mem: p.mem, abi: this.options.abi };
    if (!row) {
      const label = name ?? `syscall_${nr}`;
      this.reportOnce(`nr:${nr}`, `unsupported syscall ${nr}${name ? ` (${name})` : ''}`);
      strace?.(straceLine(thread.tid, label, formatArgs(UNKNOWN_ARGS, a, context), formatResult('dec', -E.ENOSYS)));
      return -E.ENOSYS;
    }
    const argText = strace ? formatArgs(row.args, a, context) : '';
    let r: number;
    this.caller = thread;
    try {
      r = row.run(p, a, thread);
    } catch (err) {
      if (err instanceof WouldBlock) {
        this.scheduler.block(thread, err.wait);
        // A call that will run again prints then; one that just waits for its result, now.
        if (!err.wait.ready || err.wait.readyResult !== undefined) strace?.(straceLine(thread.tid, row.name, argText, ''));
        return 0;
      }
      r = -errnoOf(err);
    }
    if (thread.exited) {
      strace?.(straceLine(thread.tid, row.name, argText, ''));
      if (this.outcome) throw new GuestExit(this.outcome);
      return 0;
    }
    strace?.(straceLine(thread.tid, row.name, argText, formatResult(row.result, r)));
    if (this.outcome) throw new GuestExit(this.outcome);
    return r;
  }
}
