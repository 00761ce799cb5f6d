// Everything the kernel keeps about the one guest process: what syscall handlers
// read and change.
import { isatty } from 'node:tty';
import { fstatSync, readFileSync, constants as host } from 'node:fs';
import type { AddressSpace } from '../memory/address-space.js';
import { CpuState } from '../translate/cpu-state.js';
import type { LinuxAbi } from './abi.js';
import { FdTable } from './fd-table.js';
import { HostFile } from './host-file.js';
import { MemoryMap } from './memory-map.js';
import { O_RDONLY, O_RDWR, O_WRONLY } from './open-flags.js';
import type { KernelOptions } from './options.js';
import { NO_PREFIX, type PathPrefix } from './path-prefix.js';
import { ResourceLimits } from './rlimits.js';
import { Scheduler } from './scheduler.js';
import { SignalState } from './signal-state.js';
import { GuestThread } from './thread.js';

/** The guest's status flags for an inherited host fd (from /proc/self/fdinfo when possible). */
function inheritedFlags(fd: number, abi: LinuxAbi): number {
  let hostFlags: number | undefined;
  try {
    const m = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    if (m) hostFlags = parseInt(m[1], 8);
  } catch {
    // not a Linux host
  }
  if (hostFlags === undefined) return fd === 0 ? O_RDONLY : isatty(fd) ? O_RDWR : O_WRONLY;
  const acc = hostFlags & 3;
  let flags = acc === host.O_WRONLY ? O_WRONLY : acc === host.O_RDWR ? O_RDWR : O_RDONLY;
  if (hostFlags & host.O_APPEND) flags |= abi.openFlags.append;
  return flags | abi.openFlags.largefile;
}

/** The umask we were started with (Node can only read it by changing it). */
function hostUmask(): number {
  try {
    const m = /^Umask:\s*([0-7]+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return parseInt(m[1], 8);
  } catch {
    // not a Linux host
  }
  return 0o022;
}

export class GuestProcess {
  readonly mem: AddressSpace;
  readonly abi: LinuxAbi;
  readonly limits = new ResourceLimits();
  readonly fds = new FdTable(() => this.limits.maxFds);
  readonly signals = new SignalState();
  readonly memory: MemoryMap;
  readonly pid: number;
  /** Where absolute guest paths are looked up first (-L). */
  readonly prefix: PathPrefix;
  cwd: string;
  umask = hostUmask();
  readonly scheduler = new Scheduler();
  /** The thread that started the process (its tid is the pid). */
  readonly mainThread: GuestThread;
  private lastTid: number;
  private readonly reported = new Set<string>();

  constructor(readonly options: KernelOptions) {
    this.mem = options.mem;
    this.abi = options.abi;
    this.pid = options.pid ?? process.pid;
    this.prefix = options.prefix ?? NO_PREFIX;
    this.cwd = options.cwd ?? process.cwd();
    this.lastTid = this.pid;
    this.mainThread = new GuestThread(this.pid, options.mainState ?? new CpuState(0, 0));
    this.scheduler.add(this.mainThread);
    const archProt = options.abi.archProt.reduce((bits, [bit]) => bits | bit, 0);
    this.memory = new MemoryMap(options.mem, options.brk, options.mmapTop, archProt);
    for (const fd of [0, 1, 2]) {
      try {
        fstatSync(fd);
      } catch {
        continue; // closed when we were started: closed for the guest too
      }
      const flags = inheritedFlags(fd, options.abi);
      this.fds.install(fd, new HostFile(fd, flags, undefined, options.abi.openFlags, { inherited: true }), false);
    }
  }

  /** A new thread of this process, runnable, continuing where `parent` is (clone). */
  spawnThread(parent: GuestThread, stack: number, tls: number | undefined): GuestThread {
    if (!this.options.threads) throw new Error('no thread support configured');
    const child = new GuestThread(++this.lastTid, this.options.threads.cloneState(parent.state, stack, tls));
    child.pc = parent.pc;
    this.scheduler.add(child);
    return child;
  }

  /** Reports `message` the first time `key` is seen. */
  reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.report(message);
  }
}
