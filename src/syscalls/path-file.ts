// An O_PATH descriptor: a name to resolve *at() calls against and to fstat, with no
// host fd behind it (Node cannot open without read or write access).
import { statSync, lstatSync } from 'node:fs';
import { S_IFDIR, S_IFMT } from './constants.js';
import { E, SysError } from './errno.js';
import { fileStatFromHost, type FileStat } from './file-stat.js';
import type { OpenFile } from './open-file.js';

export class PathFile implements OpenFile {
  readonly hostFd = undefined;
  readonly isDirectory: boolean;

  constructor(readonly path: string, public flags: number, private readonly noFollow: boolean) {
    this.isDirectory = (this.stat().mode & S_IFMT) === S_IFDIR; // also checks that it exists
  }

  read(): number {
    throw new SysError(E.EBADF);
  }

  write(): number {
    throw new SysError(E.EBADF);
  }

  seek(): number {
    throw new SysError(E.EBADF);
  }

  stat(): FileStat {
    const st = this.noFollow ? lstatSync(this.path, { bigint: true }) : statSync(this.path, { bigint: true });
    return fileStatFromHost(st);
  }

  close(): void {}
}
