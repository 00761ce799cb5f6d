// open(2) of the guest's /proc and /sys files the kernel makes itself.
import { resolve } from 'node:path';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { O_RDONLY } from '../open-flags.js';
import { procNode } from './nodes.js';
import { ProcDir, ProcFile, ProcMemFile } from './proc-file.js';

/**
 * The open file for the guest's `abs` when the kernel makes it (undefined: open the host
 * path procHostPath gives). `status` is what F_GETFL will show. Only some take writes (comm);
 * a /proc/<pid>/fd/N link to an in-memory file (a pipe) opens that same file.
 */
export function openProc(p: GuestProcess, abs: string, flags: number, status: number): OpenFile | undefined {
  const node = procNode(p, abs);
  if (!node || node.kind === 'host') return undefined;
  if (node.kind === 'link') return node.file?.path === undefined && node.file?.hostFd === undefined ? node.file : undefined;
  const bits = p.abi.openFlags;
  // A directory keeps the pid it was opened for: *at() calls through it stay with that process.
  const path = resolve(abs).replace(/^\/proc\/self(?=\/|$)/, `/proc/${p.pid}`);
  if (flags & bits.creat) throw new SysError(E.EACCES);
  if (node.kind === 'mem') {
    const q = node.process;
    return new ProcMemFile(path, status, () => q.mem, node.like); // the memory it has at each access (exec replaces it)
  }
  if ((flags & bits.accmode) !== O_RDONLY && (node.kind !== 'file' || !node.write)) throw new SysError(E.EACCES);
  if (node.kind === 'dir') return new ProcDir(path, status, node.entries, node.like);
  if (flags & bits.directory) throw new SysError(E.ENOTDIR);
  const text = node.text();
  return new ProcFile(path, status, typeof text === 'string' ? Buffer.from(text) : text, node.like, node.write);
}
