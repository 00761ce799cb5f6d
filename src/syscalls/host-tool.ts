// The host's own programs run for what Node cannot do (touch -h, stty, mkfifo): in the
// C locale, so that their messages can be matched, and from the system's directories.
import { spawnSync, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';

const TOOL_ENV = { LANG: 'C', PATH: '/usr/bin:/bin' };

/** Runs host program `tool` to its end; its output and messages as text. */
export function runHostTool(tool: string, args: readonly string[], stdio?: StdioOptions): SpawnSyncReturns<string> {
  return spawnSync(tool, args, { env: TOOL_ENV, encoding: 'utf8', ...(stdio === undefined ? {} : { stdio }) });
}
