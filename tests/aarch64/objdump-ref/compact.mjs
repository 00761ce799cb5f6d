// Part of gen.sh. Reads its stream on stdin: "# <binary> <sha256>" headers, each followed
// by `aarch64-linux-gnu-objdump -d -z` of that binary, and writes (brotli, one window
// over all binaries: the static ones share most of glibc) the reference the disassembly
// test compares with: the headers, then per instruction "<word>\t<text>", with
// "@<hex address>" before one that does not follow the previous at +4. The text is
// objdump's minus its "// comment" and "<symbol>" annotations, which the test ignores.
import { createInterface } from 'node:readline';
import { brotliCompressSync, constants } from 'node:zlib';

let prev = -1;
const out = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('# ')) {
    out.push(line);
    prev = -1;
    continue;
  }
  const m = /^\s+([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$/.exec(line);
  if (!m) continue;
  const addr = parseInt(m[1], 16);
  if (addr !== prev + 4) out.push(`@${m[1]}`);
  prev = addr;
  out.push(`${m[2]}\t${m[3].replace(/\s*\/\/.*$/, '').replace(/\s*<[^>]*>$/, '')}`);
}
const text = Buffer.from(out.join('\n') + '\n');
process.stdout.write(brotliCompressSync(text, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
  },
}));
