// Running a guest program under tsqemu the way the golden recorders ran it under qemu
// (from the repository root, with a minimal environment), and comparing the result with
// the recorded stdout, stderr and exit status.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The environment every recorder gives the guest (plus each case's own variables). */
export const GOLDEN_ENV: Readonly<Record<string, string>> = { PATH: '/usr/bin:/bin', LANG: 'C' };

export type GoldenKind = 'stdout' | 'stderr' | 'status';

/** The emulators' own message prefixes ("qemu-aarch64: ", "tsqemu: ") made alike. */
export function normalizeStderr(text: string): string {
  return text.replace(/^(?:qemu-aarch64|tsqemu-aarch64|qemu|tsqemu): /gm, '<emulator>: ');
}

/** Shell-style exit status: the exit code, or 128 + signal number. */
export function shellStatus(status: number | null, signal: NodeJS.Signals | null): number {
  if (status !== null) return status;
  if (signal !== null) return 128 + constants.signals[signal];
  return -1;
}

export interface GuestRun {
  readonly stdout: string;
  readonly stderr: string;
  /** Shell-style (see shellStatus). */
  readonly status: number;
}

/** Runs `node bin/tsqemu-<arch>.js <args...>`, from the repository root unless `cwd` says otherwise. */
export function runTsqemu(
  arch: string,
  args: readonly string[],
  o: { env?: Record<string, string>; input?: string | Buffer; cwd?: string; timeoutMs: number },
): GuestRun {
  const result = spawnSync(process.execPath, [join(root, 'bin', `tsqemu-${arch}.js`), ...args], {
    cwd: o.cwd ?? root,
    env: { ...GOLDEN_ENV, ...o.env },
    input: o.input,
    stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: o.timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: shellStatus(result.status, result.signal) };
}

/** Expects `run` to be what the golden files `<dir>/<name>.{stdout,stderr,status}` recorded. */
export function expectGolden(run: GuestRun, dir: string, name: string): void {
  const golden = (kind: GoldenKind): string => readFileSync(join(dir, `${name}.${kind}`), 'utf8');
  expect(run.stdout, 'stdout').toBe(golden('stdout'));
  expect(normalizeStderr(run.stderr), 'stderr').toBe(normalizeStderr(golden('stderr')));
  expect(run.status, 'exit status').toBe(Number(golden('status').trim()));
}
