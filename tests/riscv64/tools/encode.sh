#!/usr/bin/env bash
# Prints the encoding of each assembly line on stdin as "0x........, // text" (16-bit
# encodings as 0x....), for pasting into tests. Needs riscv64-linux-gnu-{as,objdump}.
#   echo 'addi a0, a1, 5' | tests/riscv64/tools/encode.sh
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{ echo '.option arch, +zba, +zbb, +zbc, +zbs'; cat; } >"$work/t.s"
riscv64-linux-gnu-as -march=rv64gc "$work/t.s" -o "$work/t.o"
riscv64-linux-gnu-objdump -d "$work/t.o" | sed -n 's/^ *[0-9a-f]*:\t\([0-9a-f]*\) *\t\(.*\)$/0x\1, \/\/ \2/p' | tr '\t' ' '
