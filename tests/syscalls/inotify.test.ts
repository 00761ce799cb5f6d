// inotify on the guest's own changes: create/modify/close_write/attrib, moves with one
// cookie, delete with DELETE_SELF and IN_IGNORED, IN_ONESHOT, IN_MASK_ADD, IN_ONLYDIR,
// non-blocking reads, the too-small buffer, and inotify_rm_watch.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH } from './fixture.js';

const PATH = SCRATCH + 0x100, PATH2 = SCRATCH + 0x300, BUF = SCRATCH + 0x1000;
const O_WRONLY = 1, O_CREAT = 0o100, O_NONBLOCK = 0o4000;
const IN_MODIFY = 2, IN_ATTRIB = 4, IN_CLOSE_WRITE = 8, IN_MOVED_FROM = 0x40, IN_MOVED_TO = 0x80, IN_CREATE = 0x100;
const IN_DELETE = 0x200, IN_DELETE_SELF = 0x400, IN_IGNORED = 0x8000, IN_ISDIR = 0x40000000;
const IN_ONLYDIR = 0x01000000, IN_MASK_ADD = 0x20000000, IN_ONESHOT = 0x80000000;
const EAGAIN = -11, EINVAL = -22, ENOTDIR = -20;

const root = mkdtempSync(join(tmpdir(), 'tsqemu-inotify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Event { wd: number; mask: number; cookie: number; name: string }

function setup(name: string) {
  const h = makeKernel();
  const dir = join(root, name);
  mkdirSync(dir);
  const fd = h.call('inotify_init1', O_NONBLOCK);
  const path = (p: string, at = PATH): number => h.str(at, join(dir, p));
  const watch = (p: string, mask: number): number => h.call('inotify_add_watch', fd, path(p), mask);
  const events = (): Event[] | number => {
    const n = h.call('read', fd, BUF, 4096);
    if (n < 0) return n;
    const out: Event[] = [];
    for (let off = 0; off < n;) {
      const len = h.mem.read32(BUF + off + 12);
      out.push({
        wd: h.mem.read32(BUF + off), mask: h.mem.read32(BUF + off + 4) >>> 0, cookie: h.mem.read32(BUF + off + 8) >>> 0,
        name: len ? h.mem.readCString(BUF + off + 16) : '',
      });
      off += 16 + len;
    }
    return out;
  };
  return { h, fd, path, watch, events };
}

const brief = (es: Event[] | number): unknown => (typeof es === 'number' ? es : es.map((e) => [e.wd, e.mask, e.name]));

describe('inotify', () => {
  it('reports what the guest does to a watched directory and file', () => {
    const { h, path, watch, events } = setup('a');
    const dw = watch('', IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE);
    expect(events()).toBe(EAGAIN);
    const f = h.call('openat', AT_FDCWD, path('f'), O_WRONLY | O_CREAT, 0o644);
    const fw = watch('f', IN_MODIFY | IN_DELETE_SELF);
    h.str(BUF, 'xy');
    h.call('write', f, BUF, 1);
    h.call('write', f, BUF, 1); // merged with the one before
    h.call('close', f);
    h.call('fchmodat', AT_FDCWD, path('f'), 0o600);
    expect(brief(events())).toEqual([
      [dw, IN_CREATE, 'f'], [dw, IN_MODIFY, 'f'], [fw, IN_MODIFY, ''], [dw, IN_MODIFY, 'f'], [fw, IN_MODIFY, ''],
      [dw, IN_CLOSE_WRITE, 'f'], [dw, IN_ATTRIB, 'f'],
    ]);
    h.call('unlinkat', AT_FDCWD, path('f'), 0);
    expect(brief(events())).toEqual([[dw, IN_DELETE, 'f'], [fw, IN_DELETE_SELF, ''], [fw, IN_IGNORED, '']]);
  });

  it('pairs a move\'s two events by cookie', () => {
    const { h, path, watch, events } = setup('b');
    h.call('mkdirat', AT_FDCWD, path('sub'), 0o755);
    const dw = watch('', IN_MOVED_FROM | IN_MOVED_TO);
    h.call('renameat', AT_FDCWD, path('sub'), AT_FDCWD, path('moved', PATH2));
    const es = events() as Event[];
    expect(brief(es)).toEqual([[dw, IN_MOVED_FROM | IN_ISDIR, 'sub'], [dw, IN_MOVED_TO | IN_ISDIR, 'moved']]);
    expect(es[0].cookie).toBe(es[1].cookie);
    expect(es[0].cookie).not.toBe(0);
  });

  it('RENAME_EXCHANGE is two moves', () => {
    const { h, path, watch, events } = setup('x');
    h.call('mkdirat', AT_FDCWD, path('one'), 0o755);
    h.call('close', h.call('openat', AT_FDCWD, path('two'), O_WRONLY | O_CREAT, 0o644));
    const dw = watch('', IN_MOVED_FROM | IN_MOVED_TO);
    expect(h.call('renameat2', AT_FDCWD, path('one'), AT_FDCWD, path('two', PATH2), 2)).toBe(0); // RENAME_EXCHANGE
    expect(brief(events())).toEqual([
      [dw, IN_MOVED_FROM | IN_ISDIR, 'one'], [dw, IN_MOVED_TO | IN_ISDIR, 'two'], [dw, IN_MOVED_FROM, 'two'], [dw, IN_MOVED_TO, 'one'],
    ]);
  });

  it('IN_ONESHOT, IN_MASK_ADD, IN_ONLYDIR, rm_watch', () => {
    const { h, fd, path, watch, events } = setup('c');
    const dw = watch('', IN_CREATE | IN_ONESHOT);
    h.call('close', h.call('openat', AT_FDCWD, path('one'), O_WRONLY | O_CREAT, 0o644));
    h.call('close', h.call('openat', AT_FDCWD, path('two'), O_WRONLY | O_CREAT, 0o644));
    expect(brief(events())).toEqual([[dw, IN_CREATE, 'one'], [dw, IN_IGNORED, '']]);
    const again = watch('', IN_CREATE);
    expect(watch('', IN_DELETE | IN_MASK_ADD)).toBe(again);
    expect(watch('one', IN_CREATE | IN_ONLYDIR)).toBe(ENOTDIR);
    expect(watch('', 0)).toBe(EINVAL);
    expect(h.call('inotify_rm_watch', fd, again)).toBe(0);
    expect(h.call('inotify_rm_watch', fd, again)).toBe(EINVAL);
    expect(brief(events())).toEqual([[again, IN_IGNORED, '']]);
  });

  it('a buffer too small for the next event is EINVAL', () => {
    const { h, fd, path, watch } = setup('d');
    watch('', IN_CREATE);
    h.call('mkdirat', AT_FDCWD, path('x'), 0o755);
    expect(h.call('read', fd, BUF, 8)).toBe(EINVAL);
    expect(h.call('read', fd, BUF, 32)).toBe(32);
  });
});

describe('inotify and other host programs', () => {
  /** Lets Node deliver fs.watch events for a while. */
  const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 300));

  it('sees another program append to a watched file once, and not the guest\'s own writes again', async () => {
    const { h, path, watch, events } = setup('e');
    writeFileSync(join(root, 'e', 'log'), 'start\n');
    const fw = watch('log', IN_MODIFY);
    let woken = 0;
    h.kernel.onHostEvent(() => woken++);
    appendFileSync(join(root, 'e', 'log'), 'from the host\n');
    await settle();
    expect(brief(events())).toEqual([[fw, IN_MODIFY, '']]);
    expect(woken).toBeGreaterThan(0);
    const f = h.call('openat', AT_FDCWD, path('log'), O_WRONLY, 0);
    h.str(BUF, 'guest');
    h.call('write', f, BUF, 5);
    expect(brief(events())).toEqual([[fw, IN_MODIFY, '']]);
    await settle();
    expect(events()).toBe(EAGAIN);
    h.call('close', f);
  });
});
