#!/bin/sh
# Builds cpufeat (freestanding, static) with Debian's cross compiler.
set -e
cd "$(dirname "$0")"
aarch64-linux-gnu-gcc -Os -static -nostdlib -ffreestanding -fno-stack-protector -s -Wl,-z,max-page-size=4096,--build-id=none -o cpufeat cpufeat.c
