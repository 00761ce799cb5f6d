import { runA64 } from './tests/aarch64/driver.js';
const t0 = performance.now();
for (let i = 0; i < 200; i++) runA64([0x1e622820]);
console.log(((performance.now() - t0) / 200).toFixed(2), 'ms per runA64');
