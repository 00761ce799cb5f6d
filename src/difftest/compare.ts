// Compares what the reference emulator and tsqemu made of one case, field by field.
import type { DifftestIsa, StateField } from './isa.js';
import { CRASH, SKIPPED, TIMEOUT, type Outcome } from './runner.js';

export interface FieldDiff {
  /** State field name, "status" or "branch". */
  readonly field: string;
  readonly group: string;
  readonly ref: string;
  readonly test: string;
}

const SIGNAL_NAMES: Readonly<Record<number, string>> = { 4: 'SIGILL', 5: 'SIGTRAP', 7: 'SIGBUS', 8: 'SIGFPE', 11: 'SIGSEGV' };

export function describeStatus(o: Outcome): string {
  if (o.status === 0) return 'ran';
  if (o.status === CRASH) return `crashed (exit ${o.info})${o.message ? `: ${o.message}` : ''}`;
  if (o.status === TIMEOUT) return 'timed out';
  if (o.status === SKIPPED) return 'skipped';
  const name = SIGNAL_NAMES[o.status] ?? `signal ${o.status}`;
  const where = o.faultAddr ? ` (address 0x${o.faultAddr.toString(16)})` : '';
  return `${name}${where}${o.info === 2 ? ' outside the test instruction' : ''}`;
}

/** Differences in the memory window, as runs of differing bytes. */
function memDiffs(field: StateField, a: Uint8Array, b: Uint8Array): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (let i = 0; i < field.size; i++) {
    if (a[i] === b[i]) continue;
    let j = i;
    while (j + 1 < field.size && (a[j + 1] !== b[j + 1] || (j + 2 < field.size && a[j + 2] !== b[j + 2]))) j++;
    const hex = (x: Uint8Array): string => Array.from(x.subarray(i, j + 1), (v) => v.toString(16).padStart(2, '0')).join('');
    out.push({ field: `${field.name}[${i}..${j}]`, group: field.group, ref: hex(a), test: hex(b) });
    i = j;
  }
  return out;
}

/** The fields where `test` differs from `ref` (an empty list when they agree). */
export function compareOutcomes(isa: DifftestIsa, ref: Outcome, test: Outcome): FieldDiff[] {
  if (ref.status !== test.status) {
    return [{ field: 'status', group: 'status', ref: describeStatus(ref), test: describeStatus(test) }];
  }
  if (ref.status !== 0) return [];
  const diffs: FieldDiff[] = [];
  if (ref.info !== test.info) {
    diffs.push({ field: 'branch', group: 'branch', ref: ref.info ? 'taken' : 'not taken', test: test.info ? 'taken' : 'not taken' });
  }
  for (const f of isa.stateFields) {
    if (!f.compare) continue;
    const a = ref.state.subarray(f.offset, f.offset + f.size);
    const b = test.state.subarray(f.offset, f.offset + f.size);
    let same = true;
    for (let i = 0; i < f.size; i++) {
      if (a[i] !== b[i]) {
        same = false;
        break;
      }
    }
    if (same) continue;
    if (f.size > 16) diffs.push(...memDiffs(f, a, b));
    else diffs.push({ field: f.name, group: f.group, ref: isa.formatField(f, a), test: isa.formatField(f, b) });
  }
  return diffs;
}
