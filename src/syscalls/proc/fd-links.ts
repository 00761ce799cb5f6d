// What the guest's /proc/<pid>/fd/N links say and lead to.
import { readlinkSync } from 'node:fs';
import { S_IFIFO, S_IFMT, S_IFSOCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { OpenFile } from '../open-file.js';

/** The host's /proc link for a host fd (what a guest fd without a path stands for). */
export const HOST_FD_LINK = '/proc/self/fd/';

/** readlink: the file's path, or "pipe:[ino]", "socket:[ino]", "/memfd:name (deleted)". */
export function fdLinkText(file: OpenFile): string {
  if (file.procLink !== undefined) return file.procLink;
  if (file.path !== undefined) return file.path;
  const st = file.stat();
  const type = st.mode & S_IFMT;
  if (type === S_IFIFO) return `pipe:[${st.ino}]`;
  if (type === S_IFSOCK) return `socket:[${st.ino}]`;
  if (file.hostFd !== undefined) return readlinkSync(HOST_FD_LINK + file.hostFd);
  return 'anon_inode:[unknown]';
}

/** The host path that following the link reaches: the same file, even if renamed or unlinked since. */
export function fdLinkTarget(file: OpenFile): string {
  if (file.hostFd !== undefined) return HOST_FD_LINK + file.hostFd;
  if (file.path !== undefined) return file.path;
  throw new SysError(E.ENOENT); // an in-memory file has no host name (open reuses it instead)
}
