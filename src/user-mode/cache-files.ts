// Where tsqemu keeps what it learns between runs: $XDG_CACHE_HOME/tsqemu or
// ~/.cache/tsqemu (bin/launch.js puts the V8 code cache of the bundle there too).
// TSQEMU_NO_CODE_CACHE turns every cache off.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TranslationCache } from '../translate/translation-cache.js';

/** Set by the bundler to a hash of the sources; absent when running from source. */
declare const TSQEMU_BUILD_ID: string | undefined;

function cacheDir(): string | undefined {
  if (process.env.TSQEMU_NO_CODE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : undefined);
  return base && join(base, 'tsqemu');
}

/** The translation cache for this program, target and build, if caching is possible. */
export function translationCacheFor(target: string, cpu: string, program: Uint8Array): TranslationCache | undefined {
  const dir = cacheDir();
  if (!dir || typeof TSQEMU_BUILD_ID === 'undefined') return undefined;
  const key = createHash('sha256').update(`${TSQEMU_BUILD_ID}\0${target}\0${cpu}\0`).update(program).digest('hex');
  return TranslationCache.open(join(dir, 'translations', `${key.slice(0, 32)}.json`));
}
