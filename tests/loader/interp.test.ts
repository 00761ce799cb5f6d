// The program interpreter: found through the prefix, validated, and mapped at the
// highest free aligned base below the mmap area; its errors name it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EM_AARCH64, EM_X86_64, ElfError, PF_R, PF_W, PF_X, PT_LOAD, parseElf } from '../../src/loader/elf.js';
import { PIE_BASE, findDynBase, imageSpan, loadImage } from '../../src/loader/image.js';
import { InterpreterError, loadInterpreter } from '../../src/loader/interp.js';
import {
  AddressSpace, PAGE_SIZE, PERM_EXEC, PERM_MAPPED, PERM_READ, PERM_WRITE, WINDOW_SIZE,
} from '../../src/memory/address-space.js';
import { PathPrefix } from '../../src/syscalls/path-prefix.js';

const ET_EXEC = 2, ET_DYN = 3;
const TOP = 0xf000_0000;
const ALIGN = 0x10000;

interface Seg {
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
}

/** A small ELF file like ld.so: text at 0, data (with bss) in a later 64 KiB slot. */
function buildElf(opts: { type?: number; machine?: number; base?: number } = {}): Uint8Array {
  const base = opts.base ?? 0;
  const segs: Seg[] = [
    { flags: PF_R | PF_X, offset: 0, vaddr: base, filesz: 0x1800, memsz: 0x1800 },
    { flags: PF_R | PF_W, offset: 0x1800, vaddr: base + 0x11800, filesz: 0x100, memsz: 0x2000 },
  ];
  const bytes = new Uint8Array(0x1900);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  v.setUint16(16, opts.type ?? ET_DYN, true);
  v.setUint16(18, opts.machine ?? EM_AARCH64, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(24, BigInt(base + 0x100), true); // entry
  v.setBigUint64(32, 64n, true); // phoff
  v.setUint16(52, 64, true);
  v.setUint16(54, 56, true);
  v.setUint16(56, segs.length, true);
  segs.forEach((s, i) => {
    const at = 64 + i * 56;
    v.setUint32(at, PT_LOAD, true);
    v.setUint32(at + 4, s.flags, true);
    v.setBigUint64(at + 8, BigInt(s.offset), true);
    v.setBigUint64(at + 16, BigInt(s.vaddr), true);
    v.setBigUint64(at + 32, BigInt(s.filesz), true);
    v.setBigUint64(at + 40, BigInt(s.memsz), true);
    v.setBigUint64(at + 48, BigInt(ALIGN), true);
  });
  bytes.fill(0xc3, 0x100, 0x1800); // "code"
  bytes.fill(0xd5, 0x1800, 0x1900); // initialised data
  return bytes;
}

const dir = mkdtempSync(join(tmpdir(), 'tsqemu-interp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, bytes: Uint8Array | string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

const sysroot = join(dir, 'sysroot');
const GUEST = '/lib/ld-test.so.1';
file(sysroot + GUEST, buildElf());
const prefix = new PathPrefix(sysroot);
const mem = new AddressSpace();
const perm = (a: number): number => mem.perm[a / PAGE_SIZE];

beforeEach(() => mem.unmap(0, WINDOW_SIZE));

describe('loadInterpreter', () => {
  it('loads the prefix copy at the highest free 64 KiB-aligned base below the top', () => {
    const interp = loadInterpreter(mem, GUEST, prefix, EM_AARCH64, TOP);
    expect(interp.hostPath).toBe(sysroot + GUEST);
    const span = 0x14000; // 0x11800 + 0x2000, page aligned
    expect(interp.bias % ALIGN).toBe(0);
    expect(interp.bias + span).toBeLessThanOrEqual(TOP);
    expect(TOP - (interp.bias + span)).toBeLessThan(ALIGN);
    expect(interp.entry).toBe(interp.bias + 0x100);
  });

  it('maps the segments with their permissions, file bytes and zeroed bss', () => {
    const { bias } = loadInterpreter(mem, GUEST, prefix, EM_AARCH64, TOP);
    expect(perm(bias)).toBe(PERM_MAPPED | PERM_READ | PERM_EXEC);
    expect(perm(bias + 0x11000)).toBe(PERM_MAPPED | PERM_READ | PERM_WRITE);
    expect(perm(bias + 0x13000)).toBe(PERM_MAPPED | PERM_READ | PERM_WRITE);
    expect(perm(bias + 0x2000)).toBe(0); // the hole between the segments
    expect(mem.u8[bias + 0x100]).toBe(0xc3);
    expect(mem.u8[bias + 0x11800]).toBe(0xd5);
    expect(mem.u8[bias + 0x11900]).toBe(0);
    expect(mem.u8[bias + 0x137ff]).toBe(0);
  });

  it('goes below whatever is already mapped there', () => {
    mem.map(TOP - 0x100000, 0x100000, PERM_READ);
    const { bias } = loadInterpreter(mem, GUEST, prefix, EM_AARCH64, TOP);
    expect(bias + 0x14000).toBeLessThanOrEqual(TOP - 0x100000);
    expect(bias % ALIGN).toBe(0);
  });

  it('does not collide with the program at the PIE base', () => {
    const main = buildElf();
    loadImage(mem, parseElf(main, EM_AARCH64), main);
    const { bias } = loadInterpreter(mem, GUEST, prefix, EM_AARCH64, PIE_BASE + 0x30000);
    expect(bias + 0x14000).toBeLessThanOrEqual(PIE_BASE);
  });

  it('takes the host path when the prefix does not have the interpreter', () => {
    const hostCopy = file(join(dir, 'host', 'ld.so'), buildElf());
    const interp = loadInterpreter(mem, hostCopy, prefix, EM_AARCH64, TOP);
    expect(interp.hostPath).toBe(hostCopy);
  });

  it('loads an ET_EXEC interpreter at its own addresses', () => {
    const exec = file(join(dir, 'exec-ld.so'), buildElf({ type: ET_EXEC, base: 0x20_0000 }));
    const interp = loadInterpreter(mem, exec, prefix, EM_AARCH64, TOP);
    expect(interp.bias).toBe(0);
    expect(interp.entry).toBe(0x20_0100);
    expect(perm(0x20_0000)).toBe(PERM_MAPPED | PERM_READ | PERM_EXEC);
  });
});

describe('interpreter errors name the interpreter', () => {
  const fails = (guest: string, p: PathPrefix, top = TOP): InterpreterError => {
    try {
      loadInterpreter(mem, guest, p, EM_AARCH64, top);
    } catch (err) {
      expect(err).toBeInstanceOf(InterpreterError);
      expect(err).toBeInstanceOf(ElfError); // the CLI's one-line error path
      return err as InterpreterError;
    }
    throw new Error('loaded');
  };

  it('a missing file, with a hint when there is no prefix', () => {
    expect(fails('/lib/missing.so', prefix).message)
      .toBe('cannot open interpreter /lib/missing.so: No such file or directory');
    expect(fails('/lib/missing.so', new PathPrefix(undefined)).message)
      .toBe("cannot open interpreter /lib/missing.so: No such file or directory (point -L or QEMU_LD_PREFIX at the guest's sysroot)");
  });

  it('a directory', () => {
    mkdirSync(join(sysroot, 'lib', 'adir'), { recursive: true });
    expect(fails('/lib/adir', prefix).message).toBe(`cannot open interpreter ${sysroot}/lib/adir: Is a directory`);
  });

  it('another machine, not an ELF file, not an executable', () => {
    file(join(sysroot, 'lib', 'x86.so'), buildElf({ machine: EM_X86_64 }));
    file(join(sysroot, 'lib', 'text.so'), '#!/bin/sh\n');
    file(join(sysroot, 'lib', 'rel.o'), buildElf({ type: 1 }));
    expect(fails('/lib/x86.so', prefix).message)
      .toBe(`interpreter ${sysroot}/lib/x86.so: wrong architecture: x86-64 (expected aarch64)`);
    expect(fails('/lib/text.so', prefix).message).toBe(`interpreter ${sysroot}/lib/text.so: not an ELF file`);
    expect(fails('/lib/rel.o', prefix).message).toBe(`interpreter ${sysroot}/lib/rel.o: not an executable (ELF type 1)`);
  });

  it('no room below the top', () => {
    expect(fails(GUEST, prefix, 0x30000).message).toBe(`interpreter ${sysroot}${GUEST}: does not fit the guest address space`);
  });
});

describe('imageSpan and findDynBase', () => {
  const elf = parseElf(buildElf(), EM_AARCH64);

  it('span covers every segment, page aligned', () => {
    expect(imageSpan(elf)).toEqual({ start: 0, end: 0x14000 });
  });

  it('the base is aligned and the whole span is free', () => {
    mem.map(TOP - 0x3000, 0x3000, PERM_READ); // an odd-sized neighbour above
    const base = findDynBase(mem, elf, TOP);
    expect(base % ALIGN).toBe(0);
    expect(mem.isMapped(base, 0x14000)).toBe(false);
    expect(base + 0x14000).toBeLessThanOrEqual(TOP - 0x3000);
  });
});
