// Signal generation, masks and delivery through the kernel, with the aarch64 frame:
// what a thread looks like after deliverSignals, how waits end, what kills.
import { describe, expect, it } from 'vitest';
import { PERM_READ, PERM_WRITE } from '../../src/memory/address-space.js';
import { GuestExit } from '../../src/syscalls/kernel.js';
import { PendingSignals } from '../../src/syscalls/pending-signals.js';
import { deliverSignals, forceSignal, sendToThread } from '../../src/syscalls/signal-delivery.js';
import { faultInfo, senderInfo } from '../../src/syscalls/siginfo.js';
import { GuestThread } from '../../src/syscalls/thread.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, SLOT_SP, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, SCRATCH } from './fixture.js';

const EINTR = -4, EINVAL = -22, ESRCH = -3, EAGAIN = -11, ENOMEM = -12, EPERM = -1;
const SIGUSR1 = 10, SIGUSR2 = 12, SIGSEGV = 11, SIGTERM = 15, SIGKILL = 9, SIGRT = 34, SIGCHLD = 17;
const SA_SIGINFO = 4, SA_RESTORER = 0x04000000, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000;
const SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000;
const HANDLER = 0x0040_1000, RESTORER = 0x0040_2000, TRAMPOLINE = 0x0040_3000;
const STACK = 0x2000_0000, STACK_TOP = STACK + 0x10000;
const ACT = SCRATCH + 0x100, SET = SCRATCH + 0x200, INFO = SCRATCH + 0x300, TS = SCRATCH + 0x400;
const bit = (sig: number): bigint => 1n << BigInt(sig - 1);

function harness() {
  const state = new CpuState(SLOT_COUNT, VECTOR_BYTES);
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: state, sigreturnTrampoline: TRAMPOLINE });
  h.mem.map(STACK, 0x10000, PERM_READ | PERM_WRITE);
  state.r[SLOT_SP] = STACK_TOP;
  const t = h.kernel.process.mainThread;
  t.pc = 0x40_0100;
  const x = (n: number): number => state.r[2 * n + 1] * 2 ** 32 + (state.r[2 * n] >>> 0);
  const handle = (sig: number, flags = 0, mask = 0n, handler = HANDLER): void => {
    h.mem.writeU64(ACT, handler);
    h.mem.writeU64(ACT + 8, flags | SA_RESTORER);
    h.mem.writeU64(ACT + 16, RESTORER);
    h.mem.writeU64(ACT + 24, Number(mask));
    expect(h.call('rt_sigaction', sig, ACT, 0, 8)).toBe(0);
  };
  const block = (how: number, set: bigint): void => {
    h.mem.writeU64(SET, Number(set));
    expect(h.call('rt_sigprocmask', how, SET, 0, 8)).toBe(0);
  };
  /** The handler returns: rt_sigreturn with sp at the frame, as the restorer runs it. */
  const sigreturn = (): void => {
    expect(h.call('rt_sigreturn')).toBe(0);
    t.keepRegisters = false;
  };
  return { ...h, state, t, x, handle, block, sigreturn };
}

describe('pending signals', () => {
  it('merge standard signals, queue real-time ones, and take faults first, then the lowest', () => {
    const p = new PendingSignals();
    expect(p.add(senderInfo(SIGUSR2, 0, 1, 0))).toBe(true);
    expect(p.add(senderInfo(SIGUSR2, 0, 2, 0))).toBe(false);
    expect(p.add(senderInfo(SIGRT, -1, 1, 0))).toBe(true);
    expect(p.add(senderInfo(SIGRT, -1, 2, 0))).toBe(true);
    expect(p.add(senderInfo(SIGUSR1, 0, 1, 0))).toBe(true);
    expect(p.add(faultInfo(SIGSEGV, 1, 0))).toBe(true);
    expect(p.take(0n)?.signo).toBe(SIGSEGV);
    expect(p.take(bit(SIGUSR1))?.signo).toBe(SIGUSR2);
    expect(p.take(0n)?.signo).toBe(SIGUSR1);
    expect(p.set).toBe(bit(SIGRT));
    p.discard(SIGRT);
    expect(p.take(0n)).toBeNull();
  });
});

describe('delivery to a handler', () => {
  it('kill to self: the handler runs with its frame, mask and return address; rt_sigreturn undoes it', () => {
    const h = harness();
    h.handle(SIGUSR1, SA_SIGINFO, bit(SIGUSR2));
    h.state.r[6] = 0x5555; // x3
    expect(h.call('kill', 4242, SIGUSR1)).toBe(0);
    expect(h.t.sigCheck).toBe(true);
    deliverSignals(h.kernel, h.t);
    expect(h.t.pc).toBe(HANDLER);
    expect(h.x(0)).toBe(SIGUSR1);
    expect(h.x(30)).toBe(RESTORER);
    const frame = h.x(1);
    expect(h.x(31)).toBe(frame); // sp
    expect(h.mem.read32(frame)).toBe(SIGUSR1);
    expect(h.mem.read32(frame + 8)).toBe(0); // SI_USER
    expect(h.mem.read32(frame + 16)).toBe(4242); // si_pid
    expect(h.t.blocked).toBe(bit(SIGUSR1) | bit(SIGUSR2));
    h.state.r[6] = 0;
    h.sigreturn();
    expect(h.t.pc).toBe(0x40_0100);
    expect(h.x(3)).toBe(0x5555);
    expect(h.x(31)).toBe(STACK_TOP);
    expect(h.t.blocked).toBe(0n);
  });

  it('without SA_RESTORER the handler returns to the trampoline page', () => {
    const h = harness();
    h.mem.writeU64(ACT, HANDLER);
    h.mem.writeU64(ACT + 8, 0);
    h.mem.writeU64(ACT + 16, 0);
    h.mem.writeU64(ACT + 24, 0);
    h.call('rt_sigaction', SIGUSR1, ACT, 0, 8);
    h.call('tgkill', 4242, 4242, SIGUSR1);
    deliverSignals(h.kernel, h.t);
    expect(h.x(30)).toBe(TRAMPOLINE);
  });

  it('SA_NODEFER leaves the signal unblocked; SA_RESETHAND puts SIG_DFL back', () => {
    const h = harness();
    h.handle(SIGUSR1, SA_NODEFER | SA_RESETHAND);
    h.call('kill', 4242, SIGUSR1);
    deliverSignals(h.kernel, h.t);
    expect(h.t.pc).toBe(HANDLER);
    expect(h.t.blocked).toBe(0n);
    expect(h.call('rt_sigaction', SIGUSR1, 0, ACT, 8)).toBe(0);
    expect(h.mem.readU64(ACT)).toBe(0);
  });

  it('several deliverable signals stack frames: the highest runs first', () => {
    const h = harness();
    h.handle(SIGUSR1, 0, 0n, HANDLER);
    h.handle(SIGUSR2, 0, 0n, HANDLER + 0x100);
    h.block(0, bit(SIGUSR1) | bit(SIGUSR2));
    h.call('kill', 4242, SIGUSR2);
    h.call('kill', 4242, SIGUSR1);
    h.block(1, bit(SIGUSR1) | bit(SIGUSR2));
    deliverSignals(h.kernel, h.t);
    expect(h.t.pc).toBe(HANDLER + 0x100);
    h.sigreturn();
    expect(h.t.pc).toBe(HANDLER); // back into the first handler
    h.sigreturn();
    expect(h.t.pc).toBe(0x40_0100);
  });

  it('SA_ONSTACK switches to the alternate stack, and uc_stack reports it', () => {
    const h = harness();
    const ALT = STACK + 0x8000;
    h.mem.writeU64(SET, ALT);
    h.mem.write32(SET + 8, 0);
    h.mem.writeU64(SET + 16, 0x6000);
    expect(h.call('sigaltstack', SET, 0)).toBe(0);
    h.handle(SIGUSR1, SA_ONSTACK | SA_SIGINFO);
    h.call('kill', 4242, SIGUSR1);
    deliverSignals(h.kernel, h.t);
    const sp = h.x(31);
    expect(sp).toBeGreaterThan(ALT);
    expect(sp).toBeLessThan(ALT + 0x6000);
    // inside the handler, sigaltstack reports SS_ONSTACK and refuses changes
    expect(h.call('sigaltstack', 0, SET)).toBe(0);
    expect(h.mem.read32(SET + 8)).toBe(1);
    expect(h.call('sigaltstack', SET, 0)).toBe(EPERM);
  });

  it('sigaltstack wants MINSIGSTKSZ and a known mode', () => {
    const h = harness();
    h.mem.writeU64(SET, STACK);
    h.mem.write32(SET + 8, 0);
    h.mem.writeU64(SET + 16, 4096);
    expect(h.call('sigaltstack', SET, 0)).toBe(ENOMEM);
    h.mem.write32(SET + 8, 7);
    expect(h.call('sigaltstack', SET, 0)).toBe(EINVAL);
  });

  it('a frame that does not fit the stack becomes a SIGSEGV, which kills when SIGSEGV is the one handled', () => {
    const h = harness();
    h.handle(SIGSEGV);
    h.state.r[SLOT_SP] = STACK + 0x100; // no room below
    forceSignal(h.t, faultInfo(SIGSEGV, 1, 0), 0);
    deliverSignals(h.kernel, h.t);
    expect(h.kernel.outcome).toEqual({ kind: 'signal', signal: SIGSEGV });
  });
});

describe('default actions and forced signals', () => {
  it('a signal whose default is to terminate ends the process at once', () => {
    const h = harness();
    expect(() => h.call('kill', 4242, SIGTERM)).toThrow(GuestExit);
    expect(h.kernel.outcome).toEqual({ kind: 'signal', signal: SIGTERM });
  });

  it('SIGKILL cannot be caught or blocked', () => {
    const h = harness();
    expect(h.call('rt_sigaction', SIGKILL, ACT, 0, 8)).toBe(EINVAL);
    h.block(0, bit(SIGKILL));
    expect(h.t.blocked).toBe(0n);
    expect(() => h.call('kill', 0, SIGKILL)).toThrow(GuestExit);
    expect(h.kernel.outcome).toEqual({ kind: 'signal', signal: SIGKILL });
  });

  it('ignored signals are dropped; SIG_IGN discards a pending one; default-ignored ones do nothing', () => {
    const h = harness();
    h.call('kill', 4242, SIGCHLD);
    expect(h.kernel.process.sharedPending.set).toBe(0n);
    h.handle(SIGUSR1);
    h.block(0, bit(SIGUSR1));
    h.call('kill', 4242, SIGUSR1);
    expect(h.call('rt_sigpending', SET, 8)).toBe(0);
    expect(h.mem.readU64(SET)).toBe(Number(bit(SIGUSR1)));
    h.mem.writeU64(ACT, 1); // SIG_IGN
    h.mem.writeU64(ACT + 8, 0);
    h.call('rt_sigaction', SIGUSR1, ACT, 0, 8);
    h.call('rt_sigpending', SET, 8);
    expect(h.mem.readU64(SET)).toBe(0);
  });

  it('a fault while its signal is blocked or ignored kills, as in Linux', () => {
    for (const setUp of ['blocked', 'ignored'] as const) {
      const h = harness();
      h.handle(SIGSEGV);
      if (setUp === 'blocked') h.block(0, bit(SIGSEGV));
      else {
        h.mem.writeU64(ACT, 1);
        h.call('rt_sigaction', SIGSEGV, ACT, 0, 8);
      }
      forceSignal(h.t, faultInfo(SIGSEGV, 1, 0x10), 0x10);
      deliverSignals(h.kernel, h.t);
      expect(h.kernel.outcome).toEqual({ kind: 'signal', signal: SIGSEGV });
    }
  });

  it('a handled fault runs the handler with si_code and si_addr, and fault_address in the frame', () => {
    const h = harness();
    h.handle(SIGSEGV, SA_SIGINFO);
    forceSignal(h.t, faultInfo(SIGSEGV, 2, 0x1234_5678), 0x1234_5678);
    deliverSignals(h.kernel, h.t);
    const frame = h.x(1);
    expect(h.mem.read32(frame + 8)).toBe(2); // SEGV_ACCERR
    expect(h.mem.readU64(frame + 16)).toBe(0x1234_5678);
    expect(h.mem.readU64(frame + 128 + 176)).toBe(0x1234_5678); // sigcontext.fault_address
  });
});

describe('sending', () => {
  it('checks signal numbers and targets', () => {
    const h = harness();
    expect(h.call('kill', 4242, 0)).toBe(0);
    expect(h.call('kill', 4242, 65)).toBe(EINVAL);
    expect(h.call('kill', 999_999, SIGUSR1)).toBe(ESRCH);
    expect(h.call('kill', -1, SIGUSR1)).toBe(ESRCH); // nobody else
    expect(h.call('tgkill', 1, 4242, SIGUSR1)).toBe(ESRCH);
    expect(h.call('tgkill', 4242, 0, SIGUSR1)).toBe(EINVAL);
    expect(h.call('tkill', 4242, 0)).toBe(0);
  });

  it('rt_sigqueueinfo carries the caller\'s siginfo (si_value)', () => {
    const h = harness();
    h.handle(SIGRT, SA_SIGINFO);
    h.block(0, bit(SIGRT));
    h.mem.writeBytes(INFO, new Uint8Array(128));
    h.mem.write32(INFO + 8, -1); // SI_QUEUE
    h.mem.write32(INFO + 24, 77); // si_value
    expect(h.call('rt_sigqueueinfo', 4242, SIGRT, INFO)).toBe(0);
    expect(h.call('rt_sigqueueinfo', 4242, SIGRT, INFO)).toBe(0);
    h.mem.writeU64(SET, Number(bit(SIGRT)));
    expect(h.call('rt_sigtimedwait', SET, INFO + 0x100, 0, 8)).toBe(SIGRT);
    expect(h.mem.read32(INFO + 0x100 + 24)).toBe(77);
    expect(h.call('rt_sigtimedwait', SET, 0, 0, 8)).toBe(SIGRT); // queued twice
    h.mem.writeU64(TS, 0);
    h.mem.writeU64(TS + 8, 0);
    expect(h.call('rt_sigtimedwait', SET, 0, TS, 8)).toBe(EAGAIN);
  });
});

describe('waits ended by signals', () => {
  function secondThread(h: ReturnType<typeof harness>): GuestThread {
    const p = h.kernel.process;
    const t = new GuestThread(h.kernel.allocateId(), new CpuState(SLOT_COUNT, VECTOR_BYTES), p);
    t.state.r[SLOT_SP] = STACK_TOP - 0x4000;
    t.pc = 0x40_0200;
    h.kernel.addThread(t);
    return t;
  }

  it('a futex wait: restarted after an SA_RESTART handler, -EINTR otherwise', () => {
    for (const restart of [true, false]) {
      const h = harness();
      h.handle(SIGUSR1, restart ? SA_RESTART : 0);
      const t = secondThread(h);
      h.mem.write32(SCRATCH, 0);
      h.kernel.syscall(98, [SCRATCH, 0, 0, 0, 0, 0], t); // futex(FUTEX_WAIT, 0)
      expect(t.waiting?.futex?.addr).toBe(SCRATCH);
      sendToThread(h.kernel, t, senderInfo(SIGUSR1, -6, 4242, 0));
      expect(t.waiting).toBeNull();
      if (restart) {
        expect(t.pc).toBe(0x40_01fc); // back on the svc
        expect(t.pendingResult).toBeNull();
      } else {
        expect(t.pc).toBe(0x40_0200);
        expect(t.pendingResult).toBe(EINTR);
      }
      expect(h.kernel.scheduler.wake(h.mem, SCRATCH, 1)).toBe(0); // no longer queued
    }
  });

  it('a process signal the chosen thread then blocks goes to another thread (retargeted)', () => {
    const h = harness();
    h.handle(SIGUSR1);
    const t = secondThread(h);
    h.mem.write32(SCRATCH, 0);
    h.kernel.syscall(98, [SCRATCH, 0, 0, 0, 0, 0], t); // t waits in a futex
    h.call('kill', 4242, SIGUSR1); // the main thread is picked
    expect(h.t.sigCheck).toBe(true);
    expect(t.waiting).not.toBeNull();
    h.block(0, bit(SIGUSR1));
    expect(t.waiting).toBeNull();
    expect(t.pendingResult).toBe(EINTR);
    deliverSignals(h.kernel, h.t);
    expect(h.t.pc).toBe(0x40_0100); // blocked here
    deliverSignals(h.kernel, t);
    expect(t.pc).toBe(HANDLER);
  });

  it('nanosleep: -EINTR with the time left in *rem', () => {
    const h = harness();
    h.handle(SIGUSR1, SA_RESTART);
    const t = secondThread(h);
    h.mem.writeU64(TS, 5);
    h.mem.writeU64(TS + 8, 0);
    h.kernel.syscall(101, [TS, TS + 16, 0, 0, 0, 0], t);
    expect(t.waiting).not.toBeNull();
    sendToThread(h.kernel, t, senderInfo(SIGUSR1, -6, 4242, 0));
    expect(t.pendingResult).toBe(EINTR);
    const left = h.mem.readU64(TS + 16) + h.mem.readU64(TS + 24) / 1e9;
    expect(left).toBeGreaterThan(4);
    expect(left).toBeLessThanOrEqual(5);
  });

  it('a blocked signal does not wake; rt_sigtimedwait is woken by one it waits for', () => {
    const h = harness();
    h.handle(SIGUSR1);
    const t = secondThread(h);
    t.blocked = bit(SIGUSR1) | bit(SIGUSR2);
    h.mem.writeU64(SET, Number(bit(SIGUSR2)));
    h.kernel.syscall(137, [SET, 0, 0, 8, 0, 0], t); // rt_sigtimedwait
    expect(t.waiting).not.toBeNull();
    sendToThread(h.kernel, t, senderInfo(SIGUSR1, -6, 4242, 0));
    expect(t.waiting).not.toBeNull();
    sendToThread(h.kernel, t, senderInfo(SIGUSR2, -6, 4242, 0));
    expect(h.kernel.scheduler.next()).toBe(h.t); // round robin: the main thread first
    expect(h.kernel.scheduler.next()).toBe(t);
    expect(t.retry).toBe(true); // runs rt_sigtimedwait again, which takes SIGUSR2
    expect(h.kernel.syscall(137, [SET, 0, 0, 8, 0, 0], t)).toBe(SIGUSR2);
  });

  it('rt_sigsuspend: -EINTR at once when a signal is deliverable under the new mask; the old mask goes in the frame', () => {
    const h = harness();
    h.handle(SIGUSR1);
    h.block(0, bit(SIGUSR1));
    h.call('kill', 4242, SIGUSR1);
    h.mem.writeU64(SET, 0);
    expect(h.call('rt_sigsuspend', SET, 8)).toBe(EINTR);
    deliverSignals(h.kernel, h.t);
    expect(h.t.pc).toBe(HANDLER);
    h.sigreturn();
    expect(h.t.blocked).toBe(bit(SIGUSR1));
  });
});
