#!/usr/bin/env bash
# Rebuilds the committed riscv64 difftest harness binary (needs Debian's gcc-riscv64-linux-gnu).
set -euo pipefail
cd "$(dirname "$0")"
riscv64-linux-gnu-gcc -O2 -march=rv64gc -mabi=lp64d -static -nostdlib -ffreestanding -fno-stack-protector -fno-pie -no-pie \
  -fno-asynchronous-unwind-tables -Wall -Wextra -Wl,--build-id=none -Wl,--no-relax -Wl,--no-warn-rwx-segments \
  -o harness harness.c run-case.S
echo "built $(pwd)/harness"
