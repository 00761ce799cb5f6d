#!/usr/bin/env bash
# Builds the aarch64 guest test programs: src/<name>.c -> aarch64/<name>.
# Static, -O2, no FP contraction (no fused multiply-add), so the output is
# fully determined by the source and the toolchain.  Safe to re-run; the
# build is reproducible, so unchanged sources give identical binaries.
#
# usage: tests/binaries/build.sh [name...]      (default: every src/*.c)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cc="${CC:-aarch64-linux-gnu-gcc}"
cflags=(-O2 -static -ffp-contract=off -Wall -Wextra)

if ! command -v "$cc" >/dev/null 2>&1; then
    echo "build.sh: $cc not found (apt-get install gcc-aarch64-linux-gnu)" >&2
    exit 1
fi

cd "$here"
mkdir -p aarch64

if [ "$#" -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in src/*.c; do
        n="${f#src/}"
        names+=("${n%.c}")
    done
fi

for name in "${names[@]}"; do
    extra=()
    case "$name" in
        printf) extra=(-lm) ;;
        # fesetround() is used: keep the compiler from folding or moving
        # floating-point operations across rounding-mode changes.
        mathfp) extra=(-frounding-math -lm) ;;
    esac
    echo "CC  src/$name.c -> aarch64/$name"
    "$cc" "${cflags[@]}" -o "aarch64/$name.tmp" "src/$name.c" "${extra[@]}"
    mv -f "aarch64/$name.tmp" "aarch64/$name"
done
