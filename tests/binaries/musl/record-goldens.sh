#!/usr/bin/env bash
# Records the expected output of every case in cases.json under the reference
# emulators, qemu-aarch64 and qemu-riscv64, into golden/<arch>/<case>.stdout,
# .stderr and .status (the shell-visible exit status): from the repository
# root, as
#   env -i PATH=/usr/bin:/bin LANG=C qemu-<arch> tests/binaries/musl/<arch>/<binary> <args...>
# with stdin from /dev/null. tests/e2e/musl.test.ts runs tsqemu the same way.
#
# Some programs run themselves again (posix_spawn, execv), so the recording runs in a
# namespace of its own with qemu registered in binfmt_misc (../qemu-binfmt-namespace.sh).
#
# usage: tests/binaries/musl/record-goldens.sh [case-name...]  (default: all)
set -euo pipefail

# shellcheck source=../qemu-binfmt-namespace.sh
source "$(dirname "${BASH_SOURCE[0]}")/../qemu-binfmt-namespace.sh" "$@"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

# cases.json as lines: name binary args... (the programs take no arguments with spaces)
mapfile -t cases < <(node -e '
const cases = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const only = process.argv.slice(2);
for (const c of cases) if (!only.length || only.includes(c.name)) console.log([c.name, c.binary, ...c.args].join(" "));
' "$here/cases.json" "$@")

for line in "${cases[@]}"; do
    read -r name binary args <<<"$line"
    for arch in aarch64 riscv64; do
        golden="$here/golden/$arch"
        mkdir -p "$golden"
        status=0
        (
            cd "$root"
            # shellcheck disable=SC2086 # args split on spaces, as written in cases.json
            exec env -i PATH=/usr/bin:/bin LANG=C "qemu-$arch" "tests/binaries/musl/$arch/$binary" $args \
                </dev/null >"$golden/$name.stdout" 2>"$golden/$name.stderr"
        ) || status=$?
        printf '%s\n' "$status" >"$golden/$name.status"
        printf '%-8s %-12s status %3s  stdout %6s bytes  stderr %5s bytes\n' "$arch" "$name" "$status" \
            "$(wc -c <"$golden/$name.stdout")" "$(wc -c <"$golden/$name.stderr")"
    done
done
