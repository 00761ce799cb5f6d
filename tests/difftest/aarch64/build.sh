#!/usr/bin/env bash
# Rebuilds the committed difftest harness binary (needs Debian's gcc-aarch64-linux-gnu).
set -euo pipefail
cd "$(dirname "$0")"
aarch64-linux-gnu-gcc -O2 -static -nostdlib -ffreestanding -fno-stack-protector -fno-pie -no-pie \
  -fno-asynchronous-unwind-tables -Wall -Wextra -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
  -o harness harness.c run-case.S
echo "built $(pwd)/harness"
