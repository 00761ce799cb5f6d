#!/usr/bin/env bash
# Builds the Go guest test programs: <name>/main.go -> aarch64/<name> and
# riscv64/<name>, statically linked (CGO_ENABLED=0) with Debian's Go
# (apt-get install golang-go). -trimpath, no VCS stamp and an empty build id
# make the build reproducible; -s -w leave out the symbol table and DWARF to
# keep it small.
#
# usage: tests/binaries/go/build.sh [name...]   (default: every program)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
if ! command -v go >/dev/null 2>&1; then
    echo "build.sh: go not found (apt-get install golang-go)" >&2
    exit 1
fi
if [ "$#" -gt 0 ]; then
    names=("$@")
else
    names=()
    for d in */main.go; do names+=("${d%/main.go}"); done
fi
export CGO_ENABLED=0 GOOS=linux GOFLAGS=-mod=mod
if [ -z "${GOCACHE:-}" ]; then
    GOCACHE="$(mktemp -d)"
    trap 'rm -rf "$GOCACHE"' EXIT
fi
export GOCACHE
for name in "${names[@]}"; do
    for arch in aarch64 riscv64; do
        goarch=$arch
        [ "$arch" = aarch64 ] && goarch=arm64
        mkdir -p "$arch"
        GOARCH=$goarch go build -trimpath -buildvcs=false -ldflags='-s -w -buildid=' -o "$arch/$name" "./$name"
        echo "built $arch/$name ($(wc -c <"$arch/$name") bytes)"
    done
done
