// Runs test cases through the harness under one emulator. Cases stream through stdin and
// results come back on stdout, one record per case, in order. An emulator that dies on a
// case (tsqemu does not deliver guest signals, so a faulting instruction ends the process)
// has delivered every earlier result: the case after the last result is the one it died
// on, and a fresh process carries on with the next one.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { TestCase } from './generate.js';
import type { Command, HarnessInfo } from './isa.js';

export const HEADER_SIZE = 48;
const MAGIC = 'TSDIFFT1';
/** The protocol version this runner speaks (the harness reports its own). */
export const HARNESS_VERSION = 2;

/** What one emulator made of one case. */
export interface Outcome {
  /**
   * 0: the instruction ran; > 0: the signal it raised; the negative values are the
   * runner's: CRASH (the emulator died without a signal), TIMEOUT, SKIPPED.
   */
  readonly status: number;
  /** ran: 1 if it branched to the landing pad; signal: 1 if raised by the test instruction. */
  readonly info: number;
  readonly faultAddr: bigint;
  /** Final state record (empty unless status is 0). */
  readonly state: Uint8Array;
  /** For CRASH and TIMEOUT: the end of the emulator's stderr. */
  readonly message?: string;
}

export const CRASH = -1, TIMEOUT = -2, SKIPPED = -3;

export function parseHeader(b: Uint8Array): HarnessInfo {
  if (b.length < HEADER_SIZE) throw new Error(`harness header too short (${b.length} bytes)`);
  const dv = new DataView(b.buffer, b.byteOffset, HEADER_SIZE);
  const magic = new TextDecoder().decode(b.subarray(0, 8));
  if (magic !== MAGIC) throw new Error(`not a difftest harness header: ${JSON.stringify(magic)}`);
  const u64 = (o: number): number => dv.getUint32(o + 4, true) * 2 ** 32 + dv.getUint32(o, true);
  const version = dv.getUint32(8, true);
  if (version !== HARNESS_VERSION) throw new Error(`harness protocol version ${version}, expected ${HARNESS_VERSION} (rebuild it?)`);
  return {
    version,
    machine: dv.getUint32(12, true),
    inSize: dv.getUint32(16, true),
    outSize: dv.getUint32(20, true),
    stateSize: dv.getUint32(24, true),
    windowSize: dv.getUint32(28, true),
    windowAddr: u64(32),
    slotAddr: u64(40),
  };
}

/** The input records for `cases`: the slot words, then the state. */
export function encodeCases(cases: readonly TestCase[], h: HarnessInfo): Buffer {
  const buf = Buffer.alloc(cases.length * h.inSize);
  const stateAt = h.inSize - h.stateSize;
  cases.forEach((c, i) => {
    const o = i * h.inSize;
    c.words.forEach((w, k) => buf.writeUInt32LE(w >>> 0, o + 4 * k));
    buf.set(c.state, o + stateAt);
  });
  return buf;
}

interface ProcessRun {
  header: HarnessInfo | null;
  /** Complete result records. */
  records: Outcome[];
  signal: NodeJS.Signals | null;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

function decodeOutcome(b: Buffer, o: number, h: HarnessInfo): Outcome {
  const status = b.readUInt32LE(o);
  return {
    status,
    info: b.readUInt32LE(o + 4),
    faultAddr: b.readBigUInt64LE(o + 8),
    state: status === 0 ? new Uint8Array(b.subarray(o + 16, o + 16 + h.stateSize)) : new Uint8Array(0),
  };
}

/** Starts the harness under `cmd`, feeds it `input`, and collects what it says. */
export function runProcess(
  cmd: Command, harness: string, input: Buffer, expect: HarnessInfo | null, opts: { cwd: string; idleMs: number },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.command, [...cmd.args, harness], { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    let timer = setTimeout(onIdle, opts.idleMs);
    function onIdle(): void {
      timedOut = true;
      child.kill('SIGKILL');
    }
    child.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      clearTimeout(timer);
      timer = setTimeout(onIdle, opts.idleMs);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    child.stdin.on('error', () => {}); // EPIPE when the emulator dies before reading everything
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd.command}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks);
      let header: HarnessInfo | null = null;
      const records: Outcome[] = [];
      if (out.length >= HEADER_SIZE) {
        try {
          header = parseHeader(out);
        } catch (err) {
          reject(err);
          return;
        }
        if (expect && (header.outSize !== expect.outSize || header.windowAddr !== expect.windowAddr || header.slotAddr !== expect.slotAddr)) {
          reject(new Error(`${cmd.command}: the harness reported a different layout than the first run`));
          return;
        }
        const h = expect ?? header;
        for (let o = HEADER_SIZE; o + h.outSize <= out.length; o += h.outSize) records.push(decodeOutcome(out, o, h));
      }
      resolve({ header, records, signal, code, timedOut, stderr });
    });
    child.stdin.end(input);
  });
}

/** Reads the harness header by running it with no input. */
export async function probeHarness(cmd: Command, harness: string, cwd: string): Promise<HarnessInfo> {
  const r = await runProcess(cmd, harness, Buffer.alloc(0), null, { cwd, idleMs: 60_000 });
  if (!r.header) throw new Error(`${cmd.command} ${harness}: no harness header (exit ${r.code ?? r.signal}): ${r.stderr.trim()}`);
  return r.header;
}

export interface RunOptions {
  cwd: string;
  /** Kill an emulator that produced nothing for this long. */
  idleMs: number;
  /**
   * Deaths so far per pattern id, shared across chunks: after `maxDeaths` deaths on one
   * pattern, its remaining cases are skipped (each death costs a restart).
   */
  deaths: Map<string, number>;
  maxDeaths: number;
}

function signalNumber(signal: NodeJS.Signals): number {
  return (constants.signals as Record<string, number>)[signal] ?? CRASH;
}

/** Runs every case under `cmd`, restarting after deaths; one outcome per case. */
export async function runCases(
  cmd: Command, harness: string, cases: readonly TestCase[], h: HarnessInfo, o: RunOptions,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(cases.length);
  const skipped: Outcome = { status: SKIPPED, info: 0, faultAddr: 0n, state: new Uint8Array(0) };
  let start = 0;
  while (start < cases.length) {
    // Leave out the cases of patterns that have already killed the emulator too often.
    const todo: number[] = [];
    for (let i = start; i < cases.length; i++) {
      if ((o.deaths.get(cases[i].entry.id) ?? 0) >= o.maxDeaths) outcomes[i] = skipped;
      else todo.push(i);
    }
    if (todo.length === 0) break;
    const input = encodeCases(todo.map((i) => cases[i]), h);
    const r = await runProcess(cmd, harness, input, h, { cwd: o.cwd, idleMs: o.idleMs });
    if (!r.header) {
      throw new Error(`${cmd.command} did not start the harness (exit ${r.code ?? r.signal}): ${r.stderr.trim().slice(-500)}`);
    }
    r.records.forEach((rec, k) => (outcomes[todo[k]] = rec));
    const k = r.records.length;
    if (k >= todo.length) break;
    const victim = todo[k];
    const message = r.stderr.trim().split('\n').slice(-3).join(' | ');
    outcomes[victim] = r.timedOut
      ? { status: TIMEOUT, info: 0, faultAddr: 0n, state: new Uint8Array(0), message }
      : r.signal
        ? { status: signalNumber(r.signal), info: 1, faultAddr: 0n, state: new Uint8Array(0), message }
        : { status: CRASH, info: r.code ?? 0, faultAddr: 0n, state: new Uint8Array(0), message };
    const id = cases[victim].entry.id;
    o.deaths.set(id, (o.deaths.get(id) ?? 0) + 1);
    start = victim + 1;
  }
  return outcomes;
}
