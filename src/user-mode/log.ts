// qemu's -d log: named items written to stderr or to the -D file.
import { closeSync, openSync, writeSync } from 'node:fs';

export const LOG_ITEMS = {
  in_asm: 'show target assembly code for each compiled TB',
  exec: 'show trace before each executed TB',
  cpu: 'show CPU registers before entering a TB',
  unimp: 'log unimplemented functionality',
  strace: 'log every user-mode syscall, its input, and its result',
} as const;

export type LogItem = keyof typeof LOG_ITEMS;

export class Log {
  private fd = 2;

  constructor(
    private readonly items: ReadonlySet<LogItem>,
    file?: string,
  ) {
    if (file) this.fd = openSync(file, 'w');
  }

  has(item: LogItem): boolean {
    return this.items.has(item);
  }

  write(text: string): void {
    writeSync(this.fd, text.endsWith('\n') ? text : `${text}\n`);
  }

  close(): void {
    if (this.fd !== 2) closeSync(this.fd);
  }
}

/** Parses "-d in_asm,exec"; throws with the list of valid items on an unknown one. */
export function parseLogItems(spec: string): Set<LogItem> {
  const items = new Set<LogItem>();
  for (const name of spec.split(',').filter((s) => s)) {
    if (!(name in LOG_ITEMS)) {
      throw new Error(`unknown -d item '${name}'; valid items: ${Object.keys(LOG_ITEMS).join(', ')}`);
    }
    items.add(name as LogItem);
  }
  return items;
}
