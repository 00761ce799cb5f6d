import { readFileSync } from 'node:fs';
import { decodeWord } from './src/targets/aarch64/decoder.js';
let bad = 0;
for (const line of readFileSync('/tmp/fpw/objdump.txt', 'utf8').trim().split('\n')) {
  const [w, txt] = line.split('\t');
  const want = txt.trim().replace(/\s+/g, ' ');
  const d = decodeWord(parseInt(w, 16));
  const got = d ? d.def.asm(d.fields, 0) : 'UNDEF';
  if (got !== want) { if (bad++ < 20) console.log(w, JSON.stringify(want), JSON.stringify(got)); }
}
console.log('bad', bad);
