// The guest's view of /proc and /sys: which paths the kernel answers itself and how.
// /proc/self and /proc/<pid> of guest processes describe the guest, not the emulator;
// /proc/cpuinfo and /sys/devices/system/cpu/{online,possible,present} describe the
// CPUs the guest is shown. Every other path is the host's own. Each answer says what
// open, stat, readlink and getdents64 see, so that they all agree.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DT } from '../constants.js';
import { listDirectory, type DirEntry } from '../dir-list.js';
import { E, SysError } from '../errno.js';
import { commFromBytes } from '../comm.js';
import type { FileStat } from '../file-stat.js';
import { guestCpuCount } from '../guest-cpus.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import type { GuestThread } from '../thread.js';
import { fdLinkTarget, fdLinkText } from './fd-links.js';
import {
  fdinfoText, limitsText, mapsText, smapsText, statText, statmText, statusText, stringsText, taskView, type TaskView,
} from './pid-files.js';
import { sysvipcText } from './sysvipc.js';

export type ProcNode =
  /** A file whose text the kernel makes (and takes, when `write` is given); stat shows the host file `like`. */
  | {
    readonly kind: 'file'; readonly text: () => Uint8Array | string; readonly like: string;
    readonly write?: (bytes: Uint8Array) => void;
  }
  /** A directory listing `entries`; stat shows the host directory `like`. */
  | { readonly kind: 'dir'; readonly entries: () => DirEntry[]; readonly like: string }
  /** A symlink: what readlink says, and the host path it leads to when followed. */
  | { readonly kind: 'link'; readonly text: () => string; readonly target: () => string; readonly file?: OpenFile }
  /** The process's memory (/proc/<pid>/mem). */
  | { readonly kind: 'mem'; readonly process: GuestProcess; readonly like: string }
  /** The host's file at `path` (the emulator's own /proc entry standing for the guest's). */
  | { readonly kind: 'host'; readonly path: string };

/** The emulator's own /proc directory: the host counterpart of a guest process's. */
const HOST_PID_DIR = `/proc/${process.pid}`;
/** Any host symlink: what lstat of a guest /proc link shows. */
const LINK_LIKE = `${HOST_PID_DIR}/exe`;

const entry = (name: string, type: number, ino: number): DirEntry => ({ name, type, ino: BigInt(ino) });
const dots = (): DirEntry[] => [entry('.', DT.DT_DIR, 1), entry('..', DT.DT_DIR, 1)];

/** Files of /proc/<pid>/ (and of /proc/<pid>/task/<tid>/) the kernel makes. */
function pidFile(p: GuestProcess, t: GuestThread | undefined, name: string, like: string): ProcNode | undefined {
  const file = (text: () => Uint8Array | string): ProcNode => ({ kind: 'file', text, like });
  const task = (): TaskView => taskView(p, t);
  switch (name) {
    case 'maps': return file(() => mapsText(p));
    case 'smaps': return file(() => smapsText(p));
    case 'cmdline': return file(() => stringsText(p.argv));
    case 'environ': return file(() => stringsText(p.envp));
    case 'auxv': return file(() => p.mm.auxv);
    case 'status': return file(() => statusText(p, task()));
    case 'stat': return file(() => statText(p, task()));
    case 'statm': return file(() => statmText(p));
    case 'comm': return {
      kind: 'file', text: () => `${task().comm}\n`, like,
      write: (bytes) => {
        if (t) t.comm = commFromBytes(bytes);
      },
    };
    case 'limits': return file(() => limitsText(p));
    case 'mem': return { kind: 'mem', process: p, like };
    default: return undefined;
  }
}

function fdNumber(p: GuestProcess, text: string): number {
  const fd = /^\d+$/.test(text) ? Number(text) : -1;
  if (!p.fds.fds.includes(fd)) throw new SysError(E.ENOENT);
  return fd;
}

/** /proc/<pid>/<rest> of guest process `p`. */
function pidNode(p: GuestProcess, rest: string[]): ProcNode {
  const like = [HOST_PID_DIR, ...rest].join('/');
  const [first, second, third] = rest;
  const fdEntries = (type: number) => (): DirEntry[] =>
    [...dots(), ...p.fds.fds.map((fd) => entry(String(fd), type, 1000 + fd))];
  if (first === undefined) return { kind: 'dir', entries: () => listDirectory(HOST_PID_DIR), like };
  const link = (text: () => string, target: () => string): ProcNode => ({ kind: 'link', text, target });
  if (rest.length === 1) {
    switch (first) {
      case 'exe': return link(() => realpathOr(p.exePath), () => p.exePath);
      case 'cwd': return link(() => p.cwd, () => p.cwd);
      case 'root': return link(() => '/', () => '/');
      case 'fd': return { kind: 'dir', entries: fdEntries(DT.DT_LNK), like };
      case 'fdinfo': return { kind: 'dir', entries: fdEntries(DT.DT_REG), like };
      case 'task': return {
        kind: 'dir', like,
        entries: () => [...dots(), ...p.threads.map((t) => entry(String(t.tid), DT.DT_DIR, t.tid))],
      };
      default: return pidFile(p, p.threads.length ? p.mainThread : undefined, first, like) ?? { kind: 'host', path: like };
    }
  }
  if (rest.length === 2 && first === 'fd') {
    const fd = fdNumber(p, second);
    const file = p.fds.get(fd);
    return { kind: 'link', text: () => fdLinkText(file), target: () => fdLinkTarget(file), file };
  }
  if (rest.length === 2 && first === 'fdinfo') {
    const fd = fdNumber(p, second);
    return { kind: 'file', text: () => fdinfoText(p, fd), like: `${HOST_PID_DIR}/stat` };
  }
  if (first === 'task' && rest.length <= 3) {
    const t = p.threads.find((x) => String(x.tid) === second);
    if (!t) throw new SysError(E.ENOENT);
    const taskLike = `${HOST_PID_DIR}/task/${process.pid}`;
    if (third === undefined) return { kind: 'dir', entries: () => listDirectory(taskLike), like: taskLike };
    return pidFile(p, t, third, `${taskLike}/${third}`) ?? { kind: 'host', path: `${taskLike}/${third}` };
  }
  return { kind: 'host', path: like };
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** /proc: the host's entries, and a directory for each guest process. */
function procEntries(p: GuestProcess): DirEntry[] {
  const entries = listDirectory('/proc');
  const names = new Set(entries.map((e) => e.name));
  for (const q of p.kernel.processes) {
    if (!names.has(String(q.pid))) entries.push(entry(String(q.pid), DT.DT_DIR, q.pid));
  }
  return entries;
}

/** /proc/thread-self: the task directory of the thread making the call. */
function threadSelf(p: GuestProcess, rest: string[], followLast: boolean): ProcNode | undefined {
  const t = p.kernel.caller;
  if (!t || t.process !== p) return undefined;
  const task = `${p.pid}/task/${t.tid}`;
  if (rest.length === 0 && !followLast) return { kind: 'link', text: () => task, target: () => `/proc/${task}` };
  return pidNode(p, ['task', String(t.tid), ...rest]);
}

/** The CPUs the guest is shown, as /sys/devices/system/cpu lists them ("0" or "0-1"). */
const cpuList = (): string => (guestCpuCount() === 1 ? '0\n' : `0-${guestCpuCount() - 1}\n`);

/** What the guest's `abs` (an absolute path) is, when the kernel answers it itself. */
export function procNode(p: GuestProcess, abs: string, followLast = true): ProcNode | undefined {
  if (!abs.includes('/proc') && !abs.includes('/sys')) return undefined; // most paths: no work
  const path = resolve(abs);
  const parts = path.split('/').slice(1);
  if (parts[0] === 'proc') {
    if (parts.length === 1) return { kind: 'dir', entries: () => procEntries(p), like: '/proc' };
    if (parts.length === 2 && parts[1] === 'cpuinfo') {
      const text = p.kernel.cpu?.cpuinfo?.(guestCpuCount());
      return text === undefined ? undefined : { kind: 'file', text: () => text, like: '/proc/cpuinfo' };
    }
    const sysvipc = parts.length === 3 && parts[1] === 'sysvipc' ? sysvipcText(p.kernel, parts[2]) : undefined;
    if (sysvipc) return { kind: 'file', text: sysvipc, like: path };
    const who = parts[1];
    if (who === 'thread-self') return threadSelf(p, parts.slice(2), followLast);
    const target = who === 'self' ? p : /^\d+$/.test(who ?? '') ? p.kernel.processById(Number(who)) : undefined;
    if (!target) return undefined;
    if (who === 'self' && parts.length === 2 && !followLast) {
      return { kind: 'link', text: () => String(p.pid), target: () => `/proc/${p.pid}` };
    }
    return pidNode(target, parts.slice(2));
  }
  if (/^\/sys\/devices\/system\/cpu\/(online|possible|present)$/.test(path)) {
    return { kind: 'file', text: cpuList, like: path };
  }
  return undefined;
}

/** The host path standing for the guest's `abs` in calls the host answers (stat, access...). */
export function procHostPath(p: GuestProcess, abs: string, followLast = true): string {
  const node = procNode(p, abs, followLast);
  if (!node) return abs;
  if (node.kind === 'link') return followLast ? node.target() : LINK_LIKE;
  return node.kind === 'host' ? node.path : node.like;
}

/**
 * stat of a guest /proc/<pid>/fd/N link followed to a file with no host name (a pipe,
 * a socket, an eventfd): that file's own metadata. undefined for every other path.
 */
export function procLinkedFileStat(p: GuestProcess, abs: string): FileStat | undefined {
  const node = procNode(p, abs);
  return node?.kind === 'link' && node.file && node.file.path === undefined && node.file.hostFd === undefined
    ? node.file.stat()
    : undefined;
}

/** What readlink of the guest's `abs` says, when the kernel answers it. */
export function procReadlink(p: GuestProcess, abs: string): string | undefined {
  const node = procNode(p, abs, false);
  if (!node) return undefined;
  if (node.kind !== 'link') throw new SysError(E.EINVAL);
  return node.text();
}
