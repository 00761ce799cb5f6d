#!/usr/bin/env bash
# Builds the musl guest test programs: src/<name>.c -> aarch64/<name> and
# riscv64/<name>, statically linked against musl with Debian's glibc cross
# compilers (gcc-aarch64-linux-gnu, gcc-riscv64-linux-gnu): the compiler's own
# headers and startup files are left out in favour of musl's.
#
# musl itself is not committed. When .cache/musl/<arch> is missing, the script
# fetches Debian's musl-dev and musl packages with apt-get download and unpacks
# them there: arm64 from the host's bookworm sources (after
# `dpkg --add-architecture arm64; apt-get update`), riscv64 from trixie through
# a private apt state under .cache/musl (bookworm has no riscv64 port).
#
# usage: tests/binaries/musl/build.sh [--arch aarch64|riscv64] [name...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="$root/.cache/musl"

arches=(aarch64 riscv64)
if [ "${1:-}" = --arch ]; then
    arches=("$2")
    shift 2
fi
if [ "$#" -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in "$here"/src/*.c; do names+=("$(basename "$f" .c)"); done
fi

fetch_musl_arm64() {
    (cd "$cache/download-arm64" && apt-get download musl-dev:arm64 musl:arm64)
}

fetch_musl_riscv64() {
    local apt="$cache/apt-riscv64"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
    echo 'deb [arch=riscv64] http://deb.debian.org/debian trixie main' >"$apt/sources.list"
    local opts=(-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
        -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o APT::Architecture=riscv64 -o APT::Architectures::=riscv64 -o Dir::State::status=/dev/null)
    apt-get "${opts[@]}" update
    (cd "$cache/download-riscv64" && apt-get "${opts[@]}" download musl-dev musl)
}

ensure_musl() {
    local arch=$1 debarch=$1
    [ "$arch" = aarch64 ] && debarch=arm64
    [ -f "$cache/$arch/usr/lib/$arch-linux-musl/libc.a" ] && return
    mkdir -p "$cache/download-$debarch"
    "fetch_musl_$debarch"
    for deb in "$cache/download-$debarch"/*.deb; do dpkg-deb -x "$deb" "$cache/$arch"; done
    # trixie's objects carry DWARF 5 relocations (R_RISCV_SET_ULEB128) that
    # bookworm's ld crashes on; the programs need no debug information.
    for obj in "$cache/$arch/usr/lib/$arch-linux-musl"/*.[ao]; do
        "$arch-linux-gnu-objcopy" --strip-debug "$obj"
    done
}

for arch in "${arches[@]}"; do
    ensure_musl "$arch"
    cc="$arch-linux-gnu-gcc"
    lib="$cache/$arch/usr/lib/$arch-linux-musl"
    mkdir -p "$here/$arch"
    for name in "${names[@]}"; do
        "$cc" -static -nostdlib -nostdinc -O2 -fno-stack-protector -Wall -Wextra \
            -isystem "$cache/$arch/usr/include/$arch-linux-musl" \
            -isystem "$("$cc" -print-file-name=include)" \
            "$lib/crt1.o" "$lib/crti.o" "$here/src/$name.c" \
            -L"$lib" -lc -lgcc -lc "$lib/crtn.o" -o "$here/$arch/$name"
        echo "built $arch/$name ($(wc -c <"$here/$arch/$name") bytes)"
    done
done
