// Guest sockets meet host programs: a guest TCP server the host connects to, a guest
// client of a host TCP server, and the same over Unix socket paths. These cannot be
// qemu goldens (the host side is this test), so they assert on behaviour.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 20_000;

interface Ended {
  stdout: string;
  code: number | null;
}

function runGuest(arch: string, program: string, args: string[]): { child: ChildProcessWithoutNullStreams; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [join('bin', `tsqemu-${arch}.js`), join('tests', 'binaries', arch, program), ...args], { cwd: root });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (s: string) => (stdout += s));
  const ended = new Promise<Ended>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
  });
  return { child, ended };
}

/** The first stderr line matching `re`, as its match. */
function stderrLine(child: ChildProcessWithoutNullStreams, re: RegExp): Promise<RegExpExecArray> {
  let text = '';
  child.stderr.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (s: string) => {
      text += s;
      const m = re.exec(text);
      if (m) resolve(m);
    });
    child.on('close', () => reject(new Error(`guest ended without ${re}; stderr: ${text}`)));
  });
}

/** Sends `payload` over `sock`, half-closes, and collects everything that comes back. */
function exchange(sock: Socket, payload: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  sock.on('data', (b: Buffer) => parts.push(b));
  sock.end(payload);
  return new Promise((resolve, reject) => {
    sock.on('error', reject);
    sock.on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** A host server that replies to each connection with "host got: <what it received>". */
function replyingServer(): Server {
  return createServer({ allowHalfOpen: true }, (s) => {
    const parts: Buffer[] = [];
    s.on('data', (b: Buffer) => parts.push(b));
    s.on('end', () => s.end(`host got: ${Buffer.concat(parts).toString()}`));
  });
}

function listening(server: Server, where: number | string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(typeof where === 'number' ? { host: '127.0.0.1', port: where } : { path: where }, resolve);
  });
}

const payload = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 13 + (i >> 9)) & 0xff));

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

for (const arch of ['aarch64', 'riscv64']) {
  describe(`guest sockets and host programs (${arch})`, () => {
    it('the host connects to a guest TCP server', async () => {
      const { child, ended } = runGuest(arch, 'tcpecho', ['serve']);
      const port = Number((await stderrLine(child, /port (\d+)\n/))[1]);
      const echoed = await exchange(connect({ host: '127.0.0.1', port }), payload);
      expect(echoed.equals(payload)).toBe(true);
      expect(await ended).toEqual({ stdout: `echoed ${payload.length} bytes\n`, code: 0 });
    }, TIMEOUT_MS);

    it('a guest TCP client reaches a host server', async () => {
      const server = replyingServer();
      await listening(server, 0);
      try {
        const { port } = server.address() as AddressInfo;
        const { ended } = runGuest(arch, 'tcpecho', ['connect', String(port)]);
        expect(await ended).toEqual({ stdout: 'host got: hello from the guest\n', code: 0 });
      } finally {
        server.close();
      }
    }, TIMEOUT_MS);

    it('a guest client gets ECONNREFUSED from a closed host port', async () => {
      const server = replyingServer();
      await listening(server, 0);
      const { port } = server.address() as AddressInfo;
      await new Promise((resolve) => server.close(resolve));
      const { ended } = runGuest(arch, 'tcpecho', ['connect', String(port)]);
      expect(await ended).toEqual({ stdout: 'connect: -1 Connection refused\n', code: 1 });
    }, TIMEOUT_MS);

    it('the host connects to a guest Unix socket path', async () => {
      dir = mkdtempSync(join(tmpdir(), 'tsqemu-sock-'));
      const path = join(dir, 'guest.sock');
      const { child, ended } = runGuest(arch, 'unixsock', ['--serve', path]);
      await stderrLine(child, /listening\n/);
      const echoed = await exchange(connect({ path }), payload);
      expect(echoed.equals(payload)).toBe(true);
      expect(await ended).toEqual({ stdout: `echoed ${payload.length} bytes\n`, code: 0 });
    }, TIMEOUT_MS);

    it('a guest Unix client reaches a host server path', async () => {
      dir = mkdtempSync(join(tmpdir(), 'tsqemu-sock-'));
      const path = join(dir, 'host.sock');
      const server = replyingServer();
      await listening(server, path);
      try {
        const { ended } = runGuest(arch, 'unixsock', ['--connect', path]);
        expect(await ended).toEqual({ stdout: 'host got: hello from the guest\n', code: 0 });
      } finally {
        server.close();
      }
    }, TIMEOUT_MS);
  });
}
