#!/usr/bin/env bash
# Builds the aarch64 guest test programs: src/<name>.c -> aarch64/<name>.
# Static, -O2, no FP contraction (no fused multiply-add), so the output is
# fully determined by the source and the toolchain.  Safe to re-run; the
# build is reproducible, so unchanged sources give identical binaries.
#
# The programs in DYN_NAMES are also built dynamically linked (PIE, against
# Debian's cross sysroot /usr/aarch64-linux-gnu) into aarch64-dyn/<name>; those
# in DYN_ONLY are built only that way.
#
# --arch riscv64 builds the riscv64 programs instead (riscv64-linux-gnu-gcc,
# static only): src/<name>.c -> riscv64/<name>.
#
# usage: tests/binaries/build.sh [--arch aarch64|riscv64] [name...]
#        (default: aarch64, every src/*.c)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
arch=aarch64
if [ "${1:-}" = --arch ]; then
    arch="${2:?--arch needs aarch64 or riscv64}"
    shift 2
fi
case "$arch" in
    aarch64) ;;
    riscv64) DYN_ARCH=0 ;;
    *) echo "build.sh: unknown --arch $arch (aarch64 or riscv64)" >&2; exit 1 ;;
esac
cc="${CC:-$arch-linux-gnu-gcc}"
cflags=(-O2 -static -ffp-contract=off -Wall -Wextra)
dyn_cflags=(-O2 -ffp-contract=off -Wall -Wextra)
DYN_NAMES=(hello printf strings malloc args dynlink netresolve netlink)
DYN_ONLY=(dynlink netresolve netlink)

contains() {
    local needle="$1" x
    shift
    for x in "$@"; do [ "$x" = "$needle" ] && return 0; done
    return 1
}

if ! command -v "$cc" >/dev/null 2>&1; then
    echo "build.sh: $cc not found (apt-get install gcc-$arch-linux-gnu)" >&2
    exit 1
fi

cd "$here"
if [ "${DYN_ARCH:-1}" = 0 ]; then
    DYN_NAMES=()
    mkdir -p "$arch"
else
    mkdir -p "$arch" "$arch-dyn"
fi

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
        printf | signals) extra=(-lm) ;;
        # fesetround() is used: keep the compiler from folding or moving
        # floating-point operations across rounding-mode changes.
        mathfp) extra=(-frounding-math -lm) ;;
        # the CRC32 and crypto intrinsics
        crypto) [ "$arch" = aarch64 ] && extra=(-march=armv8-a+crc+crypto) ;;
    esac
    if ! contains "$name" "${DYN_ONLY[@]}"; then
        echo "CC  src/$name.c -> $arch/$name"
        "$cc" "${cflags[@]}" -o "$arch/$name.tmp" "src/$name.c" "${extra[@]}"
        mv -f "$arch/$name.tmp" "$arch/$name"
    fi
    if contains "$name" ${DYN_NAMES[@]+"${DYN_NAMES[@]}"}; then
        echo "CC  src/$name.c -> $arch-dyn/$name (dynamic)"
        "$cc" "${dyn_cflags[@]}" -o "$arch-dyn/$name.tmp" "src/$name.c" "${extra[@]}"
        mv -f "$arch-dyn/$name.tmp" "$arch-dyn/$name"
    fi
done
