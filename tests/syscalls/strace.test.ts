import { describe, expect, it } from 'vitest';
import { AT_FDCWD, makeKernel, SCRATCH } from './fixture.js';

describe('-strace lines', () => {
  it('decodes paths, flags and errors', () => {
    const h = makeKernel();
    h.call('openat', AT_FDCWD, h.str(SCRATCH, '/nonexistent/x'), 0o2000000, 0);
    h.call('openat', AT_FDCWD, h.str(SCRATCH, '/nonexistent/a"b\n'), 0o100 | 2 | 0x20000, 0o644);
    expect(h.strace[0]).toBe('4242 openat(AT_FDCWD,"/nonexistent/x",O_RDONLY|O_CLOEXEC,0) = -1 errno=2 (No such file or directory)');
    expect(h.strace[1]).toBe('4242 openat(AT_FDCWD,"/nonexistent/a\\"b\\n",O_RDWR|O_CREAT|O_LARGEFILE,0644) = -1 errno=2 (No such file or directory)');
  });

  it('prints mmap and brk results as addresses', () => {
    const h = makeKernel();
    const a = h.call('mmap', 0, 4096, 3, 0x22, -1, 0);
    h.call('mprotect', a, 4096, 0);
    h.call('brk', 0);
    expect(h.strace).toEqual([
      `4242 mmap(NULL,4096,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x${a.toString(16)}`,
      `4242 mprotect(0x${a.toString(16)},4096,PROT_NONE) = 0`,
      '4242 brk(NULL) = 0x600000',
    ]);
  });

  it('names clone flags and the exit signal', () => {
    const h = makeKernel();
    // flag sets refused before anything is made: CLONE_SIGHAND or CLONE_THREAD without CLONE_VM
    h.call('clone', 0x800 | 10, 0, 0, 0, 0);
    h.call('clone', 0x10000 | 0x800 | 0x80000 | 0x400000, 0, 0, 0, 0);
    expect(h.strace).toEqual([
      '4242 clone(CLONE_SIGHAND|SIGUSR1,NULL,NULL,NULL,NULL) = -1 errno=22 (Invalid argument)',
      '4242 clone(CLONE_SIGHAND|CLONE_THREAD|CLONE_SETTLS|CLONE_DETACHED,NULL,NULL,NULL,NULL) = -1 errno=22 (Invalid argument)',
    ]);
  });

  it('prints writes, signals and unknown calls', () => {
    const h = makeKernel();
    h.call('write', 99, SCRATCH, 5);
    h.call('rt_sigprocmask', 2, 0, SCRATCH, 8);
    h.call('rt_sigaction', 11, 0, SCRATCH, 8);
    h.call('acct', 1, -1);
    h.call('lseek', 99, -3, 2);
    h.call('ioctl', 1, 0x5413, SCRATCH);
    h.call('ioctl', 1, 0x1234, SCRATCH);
    expect(h.strace).toEqual([
      `4242 write(99,0x${SCRATCH.toString(16)},5) = -1 errno=9 (Bad file descriptor)`,
      `4242 rt_sigprocmask(SIG_SETMASK,NULL,0x${SCRATCH.toString(16)},8) = 0`,
      `4242 rt_sigaction(SIGSEGV,NULL,0x${SCRATCH.toString(16)},8) = 0`,
      '4242 acct(0x1,-0x1,0,0,0,0) = -1 errno=38 (Function not implemented)',
      '4242 lseek(99,-3,SEEK_END) = -1 errno=9 (Bad file descriptor)',
      expect.stringMatching(/^4242 ioctl\(1,TIOCGWINSZ,0x10000000\) = /),
      expect.stringMatching(/^4242 ioctl\(1,0x1234,0x10000000\) = -1 errno=25 /),
    ]);
  });

  it('prints exit_group without a result', () => {
    const h = makeKernel();
    expect(() => h.call('exit_group', 7)).toThrow();
    expect(h.strace).toEqual(['4242 exit_group(7)']);
  });

  it('is silent without a sink', () => {
    const h = makeKernel({ strace: undefined });
    expect(h.call('getpid')).toBe(4242);
    expect(h.strace).toEqual([]);
  });
});
