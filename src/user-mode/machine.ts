// The run loop: picks a guest thread, runs its code through its process's translator,
// and answers what stops it — syscalls, faults, undefined instructions, breakpoints —
// delivering signals at these block boundaries. A thread runs until it waits, yields,
// ends, or uses up its time slice.
import { AddressSpace, GuestFault } from '../memory/address-space.js';
import { startRunning, stopRunning } from '../syscalls/cpu-time.js';
import { GuestExit, type Kernel, type Outcome } from '../syscalls/kernel.js';
import { deliverSignals, forceSignal } from '../syscalls/signal-delivery.js';
import { faultInfo } from '../syscalls/siginfo.js';
import {
  BUS_ADRALN, ILL_ILLOPC, SEGV_ACCERR, SEGV_MAPERR, SIGBUS, SIGILL, SIGSEGV, SIGTRAP, TRAP_BRKPT,
} from '../syscalls/signals.js';
import type { GuestThread } from '../syscalls/thread.js';
import { Exit } from '../translate/cpu-state.js';
import type { TranslationCache } from '../translate/translation-cache.js';
import { Translator, type TranslatorOptions } from '../translate/translator.js';
import type { Log } from './log.js';
import type { UserTarget } from './user-target.js';

/**
 * How long a thread runs before the next one gets the CPU (when there is another). It is
 * a time, not a count of regions: a looping region runs 8192 iterations and a thread
 * polling the clock starts a region after each syscall, and either would otherwise keep
 * the CPU for long (Go's scheduler expects to preempt a spinning goroutine within
 * about 10 ms).
 */
const TIME_SLICE_MS = 2;
/** Regions run between looks at the clock while other threads wait for the CPU. */
const SLICE_CHECK_REGIONS = 128;
/**
 * Regions the only thread runs between looks at the clock (the run slice ends, host
 * signals get in). A looping region returns every 8192 iterations, so this bounds
 * the wait to some tens of milliseconds even for the tightest loop.
 */
const SOLO_BUDGET = 1000;

/** What Machine.run stopped for: the end, a time at which a waiting thread wakes, or time's up. */
export type RunResult = Outcome | { idleUntil: number } | null;

export class Machine {
  private readonly translators = new WeakMap<AddressSpace, Translator>();
  /** The translation cache of the program each address space was loaded with. */
  private readonly programCaches = new WeakMap<AddressSpace, TranslationCache>();
  private readonly caches = new Set<TranslationCache>();
  private readonly args = new Float64Array(6);

  constructor(
    private readonly target: UserTarget,
    readonly kernel: Kernel,
    private readonly log: Log,
    private readonly translatorOptions: TranslatorOptions,
    /** The translation cache kept between runs for a program's bytes, if any. */
    private readonly cacheFor: (program: Uint8Array) => TranslationCache | undefined = () => undefined,
  ) {}

  /** `mem` was loaded with the program `bytes` (start-up, execve). */
  loaded(mem: AddressSpace, bytes: Uint8Array): void {
    const cache = this.cacheFor(bytes);
    if (!cache) return;
    this.programCaches.set(mem, cache);
    this.caches.add(cache);
  }

  /** `child` is a copy of `parent` (fork): same program, same translations. */
  copied(parent: AddressSpace, child: AddressSpace): void {
    const cache = this.programCaches.get(parent);
    if (cache) this.programCaches.set(child, cache);
  }

  /** Writes back what the translation caches learned. */
  saveCaches(): void {
    for (const cache of this.caches) cache.save();
  }

  /**
   * Runs guest threads for about `ms` milliseconds. Returns the outcome when the first
   * process has ended, { idleUntil } when every thread waits (Infinity: until a signal
   * from outside), or null when the time is up.
   */
  run(ms: number): RunResult {
    const { kernel } = this;
    const scheduler = kernel.scheduler;
    const end = performance.now() + ms;
    for (;;) {
      if (kernel.outcome) return kernel.outcome;
      const t = scheduler.next();
      if (kernel.outcome) return kernel.outcome; // a timer's signal ended the first process
      if (!t) {
        const until = scheduler.idleUntil();
        if (until === Infinity && scheduler.breakDeadlock()) continue;
        return { idleUntil: until };
      }
      startRunning(t);
      let outcome: Outcome | null;
      try {
        outcome = this.runThread(t, end);
      } finally {
        stopRunning();
      }
      if (outcome) return outcome;
      if (performance.now() >= end) return null;
    }
  }

  /** The translator of an address space (each process's own, shared by its threads). */
  private translatorFor(mem: AddressSpace): Translator {
    let tr = this.translators.get(mem);
    if (!tr) {
      const options = { ...this.translatorOptions, cache: this.programCaches.get(mem) };
      this.translators.set(mem, (tr = new Translator(this.target.ops, mem, options)));
    }
    return tr;
  }

  /** Runs `t` until it waits, yields, ends, its time slice ends, or the clock passes `end`. */
  private runThread(t: GuestThread, end: number): Outcome | null {
    const { kernel, target } = this;
    // Before the thread's syscall or signal delivery can touch its memory.
    kernel.shared.switchTo(t.process.mm);
    if (t.pendingResult !== null) {
      target.setSyscallResult(t.state, t.pendingResult);
      t.pendingResult = null;
    } else if (t.retry) {
      t.retry = false;
      if (this.syscall(t)) return kernel.outcome;
      if (t.waiting || t.exited) return null;
    }
    t.yielded = false;
    if (t.sigCheck && this.deliver(t)) return kernel.outcome;
    if (t.exited || t.process.stopped) return null; // a stop signal stops it until SIGCONT
    const mm = t.process.mm;
    const translator = this.translatorFor(mm.mem);
    const state = t.state;
    const solo = kernel.scheduler.count === 1;
    const budget = solo ? SOLO_BUDGET : SLICE_CHECK_REGIONS;
    const sliceEnd = solo ? end : Math.min(end, performance.now() + TIME_SLICE_MS);
    for (;;) {
      try {
        t.pc = translator.run(state, t.pc, budget);
      } catch (err) {
        if (!(err instanceof GuestFault)) throw err;
        this.fault(t, err);
      }
      const exc = state.exc;
      if (exc === Exit.Syscall) {
        state.exc = Exit.None;
        if (this.syscall(t)) return kernel.outcome;
        kernel.scheduler.timers.fireDue();
        if (t.waiting || t.exited || t.yielded || t.process.mm !== mm) return null;
        // A timer's signal ended the wait the syscall began: the next run gives the thread
        // the wait's result (or retries the call) before the handler's frame saves it.
        if (t.pendingResult !== null || t.retry) return null;
        if (performance.now() >= sliceEnd) return null;
      } else if (exc !== Exit.None) {
        state.exc = Exit.None;
        this.exception(t, exc);
      } else {
        kernel.scheduler.timers.fireDue(); // a timer's signal may be for this thread
        const threadAdded = solo && kernel.scheduler.count !== 1;
        if (!t.sigCheck && (threadAdded || performance.now() >= sliceEnd)) return null; // slice used up
      }
      if (t.sigCheck && this.deliver(t)) return kernel.outcome;
      if (t.exited || t.process.stopped) return null;
    }
  }

  /** Runs `t`'s pending signals; true when that ended the first process. */
  private deliver(t: GuestThread): boolean {
    deliverSignals(this.kernel, t);
    return this.kernel.outcome !== null;
  }

  /** The syscall `t` stopped at; true when it ended the first process. */
  private syscall(t: GuestThread): boolean {
    const { target } = this;
    target.syscallArgs(t.state, this.args);
    let result: number;
    try {
      result = this.kernel.syscall(target.syscallNumber(t.state), this.args, t);
    } catch (err) {
      if (err instanceof GuestExit) return true;
      throw err;
    }
    if (t.keepRegisters) t.keepRegisters = false;
    else if (!t.waiting && !t.exited) target.setSyscallResult(t.state, result);
    return false;
  }

  /** A data access or instruction fetch fault: SIGSEGV at the faulting instruction. */
  private fault(t: GuestThread, err: GuestFault): void {
    if (err.pc >= 0) t.pc = err.pc;
    const code = err.mapped ? SEGV_ACCERR : SEGV_MAPERR;
    forceSignal(t, faultInfo(SIGSEGV, code, err.address), err.address);
  }

  /** An undefined instruction (SIGILL), a breakpoint (SIGTRAP) or a misaligned access (SIGBUS) at state.excPc. */
  private exception(t: GuestThread, exc: Exit): void {
    const pc = t.state.excPc;
    if (exc === Exit.Illegal) {
      if (this.log.has('unimp')) {
        const word = t.process.mem.view.getUint32(pc, true).toString(16).padStart(8, '0');
        this.log.write(`unimplemented instruction 0x${word} at 0x${pc.toString(16)}`);
      }
      forceSignal(t, faultInfo(SIGILL, ILL_ILLOPC, pc));
    } else if (exc === Exit.Breakpoint) {
      forceSignal(t, faultInfo(SIGTRAP, TRAP_BRKPT, pc));
    } else if (exc === Exit.Misaligned) {
      forceSignal(t, faultInfo(SIGBUS, BUS_ADRALN, t.state.excAddr), t.state.excAddr);
    }
  }
}
