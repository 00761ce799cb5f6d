// A process's user and group ids (real, effective, saved, file-system) and its
// supplementary groups, as the set*id calls change them. They start as the emulator's
// own; what the host lets the emulator do with files does not change with them.
import type { CapabilitySets } from './capabilities.js';
import { E, SysError } from './errno.js';

/** An id argument of -1: leave that id as it is. */
export const UNCHANGED = 0xffffffff;

/** One kind of id (user or group): real, effective, saved set-id, file system. */
export class IdSet {
  constructor(public real: number, public effective: number, public saved: number, public fs: number) {}

  copy(): IdSet {
    return new IdSet(this.real, this.effective, this.saved, this.fs);
  }

  /** Whether an unprivileged process may take `id` (one of its real, effective or saved ids). */
  private own(id: number): boolean {
    return id === this.real || id === this.effective || id === this.saved;
  }

  /** setuid/setgid. */
  set(id: number, privileged: boolean): void {
    if (privileged) this.real = this.saved = id;
    else if (id !== this.real && id !== this.saved) throw new SysError(E.EPERM);
    this.effective = this.fs = id;
  }

  /** setreuid/setregid: the saved id follows the effective one when either changes as POSIX says. */
  setReal(real: number, effective: number, privileged: boolean): void {
    if (!privileged) {
      if (real !== UNCHANGED && real !== this.real && real !== this.effective) throw new SysError(E.EPERM);
      if (effective !== UNCHANGED && !this.own(effective)) throw new SysError(E.EPERM);
    }
    const oldReal = this.real;
    if (real !== UNCHANGED) this.real = real;
    if (effective !== UNCHANGED) this.effective = effective;
    if (real !== UNCHANGED || (effective !== UNCHANGED && effective !== oldReal)) this.saved = this.effective;
    this.fs = this.effective;
  }

  /** setresuid/setresgid. */
  setAll(real: number, effective: number, saved: number, privileged: boolean): void {
    if (!privileged && [real, effective, saved].some((id) => id !== UNCHANGED && !this.own(id))) {
      throw new SysError(E.EPERM);
    }
    if (real !== UNCHANGED) this.real = real;
    if (effective !== UNCHANGED) this.effective = effective;
    if (saved !== UNCHANGED) this.saved = saved;
    this.fs = this.effective;
  }

  /** setfsuid/setfsgid: returns the old value whether or not it changed (no errors). */
  setFs(id: number, privileged: boolean): number {
    const old = this.fs;
    if (privileged || this.own(id) || id === this.fs) this.fs = id;
    return old;
  }
}

export class Credentials {
  /** What capset set (null: what the effective uid gives, see capabilities.ts). */
  capabilities: CapabilitySets | null = null;

  constructor(readonly uid: IdSet, readonly gid: IdSet, public groups: readonly number[]) {}

  /** The emulator's own ids. */
  static ofHost(): Credentials {
    const uid = process.getuid?.() ?? 0;
    const euid = process.geteuid?.() ?? uid;
    const gid = process.getgid?.() ?? 0;
    const egid = process.getegid?.() ?? gid;
    return new Credentials(new IdSet(uid, euid, euid, euid), new IdSet(gid, egid, egid, egid), process.getgroups?.() ?? []);
  }

  /** Root's effective uid stands for the capabilities (CAP_SETUID, CAP_SETGID). */
  get privileged(): boolean {
    return this.uid.effective === 0;
  }

  copy(): Credentials {
    const copy = new Credentials(this.uid.copy(), this.gid.copy(), [...this.groups]);
    copy.capabilities = this.capabilities && { ...this.capabilities };
    return copy;
  }
}
