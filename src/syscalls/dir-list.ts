// Directory listings for getdents64: '.', '..', then the entries, each with its real
// inode number and type (Node's readdir gives neither the dots nor inode numbers).
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { DT } from './constants.js';

export interface DirEntry {
  name: string;
  ino: bigint;
  type: number;
}

function typeOf(d: Dirent): number {
  if (d.isFile()) return DT.DT_REG;
  if (d.isDirectory()) return DT.DT_DIR;
  if (d.isSymbolicLink()) return DT.DT_LNK;
  if (d.isFIFO()) return DT.DT_FIFO;
  if (d.isCharacterDevice()) return DT.DT_CHR;
  if (d.isBlockDevice()) return DT.DT_BLK;
  if (d.isSocket()) return DT.DT_SOCK;
  return DT.DT_UNKNOWN;
}

function inodeOf(path: string): bigint {
  try {
    return lstatSync(path, { bigint: true }).ino;
  } catch {
    return 0n; // vanished since readdir: still listed, as Linux would have
  }
}

export function listDirectory(path: string): DirEntry[] {
  const entries: DirEntry[] = [
    { name: '.', ino: inodeOf(path), type: DT.DT_DIR },
    { name: '..', ino: inodeOf(join(path, '..')), type: DT.DT_DIR }, // the host resolves '..' (path may end in '.')
  ];
  for (const d of readdirSync(path, { withFileTypes: true })) {
    entries.push({ name: d.name, ino: inodeOf(join(path, d.name)), type: typeOf(d) });
  }
  return entries;
}
