#!/bin/sh
# Regenerates objdump.txt.br, the reference of tests/aarch64/disasm-objdump.test.ts: GNU
# objdump's disassembly of every committed aarch64 test binary (run after changing one;
# needs aarch64-linux-gnu-objdump, which CI lacks, hence the committed output).
set -eu
cd "$(dirname "$0")/../../.."
for bin in tests/binaries/aarch64/* tests/binaries/aarch64-dyn/*; do
  [ -f "$bin" ] && [ -x "$bin" ] || continue
  echo "# $bin $(sha256sum < "$bin" | cut -d' ' -f1)"
  aarch64-linux-gnu-objdump -d -z "$bin"
done | node tests/aarch64/objdump-ref/compact.mjs > tests/aarch64/objdump-ref/objdump.txt.br
