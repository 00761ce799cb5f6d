#!/bin/sh
# Records cpufeat's stdout and how it ended ("exit N" or "signal N") under qemu-aarch64,
# for each CPU model both emulators have: golden-<cpu>.out and golden-<cpu>.status.
cd "$(dirname "$0")"
for cpu in cortex-a53 neoverse-n1; do
  qemu-aarch64 -cpu "$cpu" ./cpufeat > "golden-$cpu.out" 2>/dev/null
  status=$?
  if [ $status -gt 128 ]; then echo "signal $((status - 128))"; else echo "exit $status"; fi > "golden-$cpu.status"
done
