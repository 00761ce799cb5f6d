// Everything the kernel keeps about one guest process (a thread group): its memory,
// files, signal dispositions and pending signals, its threads, and its place among
// the other processes. What syscall handlers read and change.
import { isatty } from 'node:tty';
import { fstatSync, readFileSync, constants as host } from 'node:fs';
import type { AddressSpace } from '../memory/address-space.js';
import type { LinuxAbi } from './abi.js';
import { Credentials } from './credentials.js';
import { FdTable } from './fd-table.js';
import { defaultSchedSettings } from './sched-settings.js';
import type { JobEvent } from './job-control.js';
import { HostFile } from './host-file.js';
import type { Kernel } from './kernel.js';
import type { MemoryMap } from './memory-map.js';
import type { Mm } from './mm.js';
import { O_RDONLY, O_RDWR, O_WRONLY } from './open-flags.js';
import type { KernelOptions } from './options.js';
import type { PathPrefix } from './path-prefix.js';
import { PendingSignals } from './pending-signals.js';
import { ResourceLimits } from './rlimits.js';
import type { Scheduler } from './scheduler.js';
import { SignalActions } from './signal-actions.js';
import { SIGCHLD } from './signals.js';
import type { GuestThread } from './thread.js';

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
export function hostUmask(): number {
  try {
    const m = /^Umask:\s*([0-7]+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return parseInt(m[1], 8);
  } catch {
    // not a Linux host
  }
  return 0o022;
}

/** The fd table of the first process: the emulator's own stdin, stdout and stderr. */
export function stdioFds(limits: ResourceLimits, abi: LinuxAbi): FdTable {
  const fds = new FdTable(() => limits.maxFds);
  for (const fd of [0, 1, 2]) {
    try {
      fstatSync(fd);
    } catch {
      continue; // closed when we were started: closed for the guest too
    }
    const flags = inheritedFlags(fd, abi);
    fds.install(fd, new HostFile(fd, flags, undefined, abi.openFlags, { inherited: true }), false);
  }
  return fds;
}

/** What a process starts with (the first one, or a fork child). */
export interface ProcessInit {
  pid: number;
  parent: GuestProcess | null;
  mm: Mm;
  limits: ResourceLimits;
  /** The fd table; built for the limits when a function. */
  fds: FdTable | ((limits: ResourceLimits) => FdTable);
  actions: SignalActions;
  prefix: PathPrefix;
  cwd: string;
  umask: number;
  exePath: string;
  argv: string[];
  envp: string[];
  pgid: number;
  sid: number;
}

export class GuestProcess {
  /** The memory the process runs in (replaced by execve). */
  mm: Mm;
  readonly abi: LinuxAbi;
  readonly limits: ResourceLimits;
  fds: FdTable;
  /** Signal dispositions, shared by the threads. */
  actions: SignalActions;
  /** Signals sent to the process as a whole (kill), taken by whichever thread does not block them. */
  readonly sharedPending = new PendingSignals();
  readonly pid: number;
  /** The process wait4 reports to (null: the emulator's parent, or an orphan). */
  parent: GuestProcess | null;
  readonly children = new Set<GuestProcess>();
  /** Live threads; the first is the one that started the process. */
  readonly threads: GuestThread[] = [];
  /** Where absolute guest paths are looked up first (-L). */
  readonly prefix: PathPrefix;
  cwd: string;
  umask: number;
  /** Host path of the running executable (/proc/self/exe). */
  exePath: string;
  argv: string[];
  envp: string[];
  pgid: number;
  sid: number;
  /** The wait status once the process has ended (a zombie until its parent reaps it). */
  exitStatus: number | null = null;
  /** What the parent is sent when this process ends (clone's exit signal; 0: none). */
  exitSignal = SIGCHLD;
  /** Has exec'd or ended: a parent that vforked it may go on. */
  get releasedVfork(): boolean {
    return this.exitStatus !== null || this.execCount > 0;
  }
  /** How many times the process has exec'd. */
  execCount = 0;
  /** Nice value, scheduling policy, affinity: copied by fork. */
  sched = defaultSchedSettings();
  /** Set while the process is a host program (host-exec.ts): signals sent to it go there. */
  hostProgram: { kill(sig: number): void } | null = null;
  /** User and group ids (set*id), copied by fork. */
  creds = Credentials.ofHost();
  /** Stopped by a stop signal: none of its threads runs until SIGCONT (job-control.ts). */
  stopped = false;
  /** A stop or continue the parent has not collected yet (WUNTRACED, WCONTINUED). */
  jobEvent: JobEvent | null = null;
  /** prctl PR_SET_PDEATHSIG: what the process is sent when its parent ends (0: nothing). */
  pdeathSignal = 0;
  /** prctl PR_SET_DUMPABLE (SUID_DUMP_DISABLE 0, SUID_DUMP_USER 1). */
  dumpable = 1;
  /** prctl PR_SET_NO_NEW_PRIVS: inherited by children, never cleared. */
  noNewPrivs = false;
  /** prctl PR_SET_CHILD_SUBREAPER: orphaned descendants become this process's children. */
  childSubreaper = false;
  /** personality(2): the execution domain and its flags (recorded; PER_LINUX is the only one run). */
  personality = 0;

  constructor(
    readonly kernel: Kernel,
    init: ProcessInit,
  ) {
    this.abi = kernel.options.abi;
    this.pid = init.pid;
    this.parent = init.parent;
    this.mm = init.mm;
    this.limits = init.limits;
    this.fds = typeof init.fds === 'function' ? init.fds(init.limits) : init.fds;
    this.actions = init.actions;
    this.prefix = init.prefix;
    this.cwd = init.cwd;
    this.umask = init.umask;
    this.exePath = init.exePath;
    this.argv = init.argv;
    this.envp = init.envp;
    this.pgid = init.pgid;
    this.sid = init.sid;
  }

  /** getppid: the first process's parent is the emulator's; an orphan's is init, as after Linux reparents it. */
  get ppid(): number {
    return this.parent?.pid ?? (this === this.kernel.process ? process.ppid : 1);
  }

  get mem(): AddressSpace {
    return this.mm.mem;
  }

  get memory(): MemoryMap {
    return this.mm.map;
  }

  get options(): KernelOptions {
    return this.kernel.options;
  }

  get scheduler(): Scheduler {
    return this.kernel.scheduler;
  }

  /** The thread whose tid is the pid (or, after it exited, any live thread). */
  get mainThread(): GuestThread {
    return this.threads.find((t) => t.tid === this.pid) ?? this.threads[0];
  }

  /** Reports `message` the first time `key` is seen. */
  reportOnce(key: string, message: string): void {
    this.kernel.reportOnce(key, message);
  }
}
