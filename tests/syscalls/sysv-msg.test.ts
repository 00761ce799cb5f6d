// System V message queues: types, IPC_NOWAIT, MSG_NOERROR/E2BIG, MSG_EXCEPT, a receiver
// that waits for a sender, room limits, EIDRM.
import { describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const IPC_CREAT = 0o1000, IPC_NOWAIT = 0o4000, IPC_RMID = 0, IPC_STAT = 2, IPC_SET = 1;
const MSG_NOERROR = 0o10000, MSG_EXCEPT = 0o20000, SIGCHLD = 17;
const EAGAIN = -11, E2BIG = -7, ENOMSG = -42, EIDRM = -43, EINVAL = -22;
const MSG = SCRATCH + 0x100, DS = SCRATCH + 0x800;

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  const callAs = (p: GuestProcess, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, p.mainThread);
  const send = (id: number, type: number, text: string, flags = 0): number => {
    h.mem.writeU64(MSG, type);
    h.str(MSG + 8, text);
    return h.call('msgsnd', id, MSG, text.length, flags);
  };
  /** [type, text] received, or the error. */
  const recv = (id: number, size: number, type: number, flags = IPC_NOWAIT): [number, string] | number => {
    const n = h.call('msgrcv', id, MSG, size, type, flags);
    return n < 0 ? n : [h.mem.readU64(MSG), h.text(MSG + 8, n)];
  };
  return { ...h, fork, callAs, send, recv };
}

describe('msgsnd/msgrcv', () => {
  it('picks messages by type', () => {
    const h = harness();
    const id = h.call('msgget', 0, IPC_CREAT | 0o600);
    expect(h.send(id, 3, 'three')).toBe(0);
    expect(h.send(id, 1, 'one')).toBe(0);
    expect(h.send(id, 2, 'two')).toBe(0);
    expect(h.recv(id, 100, 2)).toEqual([2, 'two']);
    expect(h.recv(id, 100, -5)).toEqual([1, 'one']);
    expect(h.recv(id, 100, 3, IPC_NOWAIT | MSG_EXCEPT)).toBe(ENOMSG);
    expect(h.recv(id, 100, 0)).toEqual([3, 'three']);
    expect(h.recv(id, 100, 0)).toBe(ENOMSG);
    expect(h.send(id, 0, 'x')).toBe(EINVAL);
  });

  it('a long message is E2BIG unless MSG_NOERROR truncates it', () => {
    const h = harness();
    const id = h.call('msgget', 0x42, IPC_CREAT | 0o600);
    h.send(id, 7, 'abcdef');
    expect(h.recv(id, 3, 0)).toBe(E2BIG);
    expect(h.recv(id, 3, 0, IPC_NOWAIT | MSG_NOERROR)).toEqual([7, 'abc']);
  });

  it('a receiver waits for a sender; a full queue makes senders wait', () => {
    const h = harness();
    const id = h.call('msgget', 0, IPC_CREAT | 0o600);
    const child = h.fork();
    h.callAs(child, 'msgrcv', id, MSG, 100, 0, 0);
    const w = child.mainThread.waiting;
    expect(w?.ready?.()).toBe(false);
    h.send(id, 1, 'hi');
    expect(w?.ready?.()).toBe(true);
    h.mem.writeBytes(DS, new Uint8Array(120));
    expect(h.call('msgctl', id, IPC_STAT, DS)).toBe(0);
    h.mem.writeU64(DS + 88, 4); // msg_qbytes
    expect(h.call('msgctl', id, IPC_SET, DS)).toBe(0);
    expect(h.send(id, 1, 'more', IPC_NOWAIT)).toBe(EAGAIN);
  });

  it('waiters get EIDRM when the queue is removed', () => {
    const h = harness();
    const id = h.call('msgget', 0, IPC_CREAT | 0o600);
    const child = h.fork();
    h.callAs(child, 'msgrcv', id, MSG, 100, 0, 0);
    expect(h.call('msgctl', id, IPC_RMID, 0)).toBe(0);
    expect(child.mainThread.waiting?.ready?.()).toBe(true);
    expect(h.callAs(child, 'msgrcv', id, MSG, 100, 0, 0)).toBe(EIDRM);
  });
});
