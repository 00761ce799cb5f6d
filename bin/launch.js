// Runs a dist/ bundle through V8's code cache: the first run of a build compiles the
// bundle and saves the bytecode of every function it used; later runs start without
// compiling them again (start-up is most of a short guest's run). The cache lives in
// the user's cache directory and is keyed by the bundle's content; V8 rejects stale or
// foreign data, and any cache problem just means compiling as usual.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

module.exports = function launch(command) {
  const file = path.join(__dirname, '..', 'dist', `${command}.cjs`);
  const source = fs.readFileSync(file, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const cacheFile = cachePath(command, source);
  let cachedData;
  try {
    cachedData = cacheFile && fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => saveCache(cacheFile, script));
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, path.dirname(file));
};

function cachePath(command, source) {
  if (process.env.TSQEMU_NO_CODE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : undefined);
  if (!base) return undefined;
  const key = createHash('sha256').update(process.version).update(source).digest('hex').slice(0, 16);
  return path.join(base, 'tsqemu', `${command}-${key}.v8cache`);
}

function saveCache(cacheFile, script) {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
    // caches of earlier builds of this command are dead weight
    const dir = path.dirname(cacheFile);
    const mine = path.basename(cacheFile);
    const prefix = mine.slice(0, mine.lastIndexOf('-') + 1);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(prefix) && f.endsWith('.v8cache') && f !== mine) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // no cache this time
  }
}
