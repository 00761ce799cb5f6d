// The file system as a whole: statfs, fstatfs, and the sync calls (the host's page
// cache is the host's business: sync has nothing of the guest's to flush).
import { statfsSync } from 'node:fs';
import { int } from '../args.js';
import { AT_FDCWD } from '../constants.js';
import type { GuestProcess } from '../guest-process.js';
import { HOST_FD_LINK, guestPathAt } from '../paths.js';
import { sys, type SyscallRow } from '../row.js';
import { writeStatfsToGuest, type FsStat } from '../guest-structs.js';
import { fileOf } from './fd-access.js';

const NAME_MAX = 255n;
const ST_VALID = 0x20n;
/** What fstatfs says of an in-kernel pipe (PIPEFS_MAGIC). */
const PIPEFS: FsStat = { type: 0x50495045n, bsize: 4096n, blocks: 0n, bfree: 0n, bavail: 0n, files: 0n, ffree: 0n,
  namelen: NAME_MAX, flags: ST_VALID };

function hostFsStat(path: string): FsStat {
  const s = statfsSync(path, { bigint: true });
  return { type: s.type, bsize: s.bsize, blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files,
    ffree: s.ffree, namelen: NAME_MAX, flags: ST_VALID };
}

function fstatfs(p: GuestProcess, fd: number): FsStat {
  const f = fileOf(p, fd);
  if (f.path !== undefined) return hostFsStat(f.path);
  if (f.hostFd !== undefined) return hostFsStat(HOST_FD_LINK + f.hostFd);
  return PIPEFS;
}

export const fsInfoRows: SyscallRow[] = [
  sys('statfs', ['path', 'ptr'], (p, a) => {
    writeStatfsToGuest(p.mem, a[1], hostFsStat(guestPathAt(p, AT_FDCWD, a[0])));
    return 0;
  }),
  sys('fstatfs', ['fd', 'ptr'], (p, a) => {
    writeStatfsToGuest(p.mem, a[1], fstatfs(p, int(a[0])));
    return 0;
  }),
  sys('sync', [], () => 0),
  sys('syncfs', ['fd'], (p, a) => {
    fileOf(p, int(a[0]));
    return 0;
  }),
];
