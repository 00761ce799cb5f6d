// siginfo_t (asm-generic/siginfo.h, 128 bytes on 64-bit): what a signal carries from
// where it was raised to the handler (SA_SIGINFO), rt_sigtimedwait or waitid. Each
// instance is kept in its guest byte form, built once when the signal is raised.
import type { AddressSpace } from '../memory/address-space.js';

export const SIGINFO_SIZE = 128;

// Offsets: si_signo, si_errno, si_code, then the union at 16.
const SIGNO = 0, CODE = 8, UNION = 16;

export interface SigInfo {
  readonly signo: number;
  readonly code: number;
  /** The guest's siginfo_t. */
  readonly bytes: Uint8Array;
}

function build(signo: number, code: number, fill?: (d: DataView) => void): SigInfo {
  const bytes = new Uint8Array(SIGINFO_SIZE);
  const d = new DataView(bytes.buffer);
  d.setInt32(SIGNO, signo, true);
  d.setInt32(CODE, code, true);
  fill?.(d);
  return { signo, code, bytes };
}

/** kill, tkill, tgkill, or the kernel itself: _kill { si_pid, si_uid }. */
export function senderInfo(signo: number, code: number, pid: number, uid: number): SigInfo {
  return build(signo, code, (d) => {
    d.setInt32(UNION, pid, true);
    d.setUint32(UNION + 4, uid, true);
  });
}

/** A queued signal (sigqueue, a message queue's notification): _rt { si_pid, si_uid, si_value }. */
export function queuedInfo(signo: number, code: number, pid: number, uid: number, value: bigint): SigInfo {
  return build(signo, code, (d) => {
    d.setInt32(UNION, pid, true);
    d.setUint32(UNION + 4, uid, true);
    d.setBigUint64(UNION + 8, value, true);
  });
}

/** A fault: _sigfault { si_addr }. */
export function faultInfo(signo: number, code: number, addr: number): SigInfo {
  return build(signo, code, (d) => d.setBigUint64(UNION, BigInt(addr), true));
}

/** SIGCHLD: _sigchld { si_pid, si_uid, si_status, si_utime, si_stime }. */
export function childInfo(signo: number, code: number, pid: number, uid: number, status: number): SigInfo {
  return build(signo, code, (d) => {
    d.setInt32(UNION, pid, true);
    d.setUint32(UNION + 4, uid, true);
    d.setInt32(UNION + 8, status, true);
  });
}

/** A POSIX timer's expiry: _timer { si_tid (the timer id), si_overrun, si_value }. */
export function timerInfo(signo: number, code: number, timerId: number, overrun: number, value: bigint): SigInfo {
  return build(signo, code, (d) => {
    d.setInt32(UNION, timerId, true);
    d.setInt32(UNION + 4, overrun, true);
    d.setBigUint64(UNION + 8, value, true);
  });
}

/** More expirations while the timer's signal was still pending: its si_overrun grows. */
export function setTimerOverrun(info: SigInfo, overrun: number): void {
  new DataView(info.bytes.buffer, info.bytes.byteOffset).setInt32(UNION + 4, overrun, true);
}

/** rt_sigqueueinfo: the caller's own siginfo_t, with si_signo set to the signal sent. */
export function readSiginfoFromGuest(mem: AddressSpace, addr: number, signo: number): SigInfo {
  const bytes = mem.readBytes(addr, SIGINFO_SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, SIGINFO_SIZE);
  d.setInt32(SIGNO, signo, true);
  return { signo, code: d.getInt32(CODE, true), bytes };
}

/** si_pid of a sender, si_status of a child ... : the int at `offset` of the union. */
export function siginfoInt(info: SigInfo, unionOffset: number): number {
  return new DataView(info.bytes.buffer, info.bytes.byteOffset).getInt32(UNION + unionOffset, true);
}
