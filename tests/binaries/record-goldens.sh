#!/usr/bin/env bash
# Records the expected output of every case in cases.json by running it under
# the reference emulator, qemu-aarch64:
#
#   golden/<case>.stdout  the guest's standard output
#   golden/<case>.stderr  its standard error, exactly as qemu leaves it (for a
#                         fatal signal this includes qemu's own
#                         "qemu: uncaught target signal ..." line)
#   golden/<case>.status  the shell-visible exit status: the exit code, or
#                         128 + signal number if the guest died by a signal
#
# Every case runs from the repository root as
#   env -i PATH=/usr/bin:/bin LANG=C <case env> \
#       qemu-aarch64 tests/binaries/aarch64/<binary> [tmpdir] <args...>
# with stdin from the case's "stdin" string, or /dev/null when it has none.
# tests/e2e/binaries.test.ts runs tsqemu in exactly the same way.
#
# usage: tests/binaries/record-goldens.sh [--arch riscv64] [--dyn] [case-name...]
#        (default: aarch64, all cases)
# GOLDEN_DIR=<dir> writes somewhere else (used to check determinism).
# --dyn records the dynamically linked programs instead: the cases in
# aarch64-dyn/cases.json, binaries from aarch64-dyn/, goldens in
# aarch64-dyn/golden/, and qemu runs with -L $SYSROOT (default
# /usr/aarch64-linux-gnu); tests/e2e/dynamic.test.ts is their test.
# --arch riscv64 records the riscv64 programs: binaries from riscv64/, goldens
# in golden-riscv64/, run under qemu-riscv64 (static programs only).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
arch=aarch64
if [ "${1:-}" = --arch ]; then
    arch="${2:?--arch needs aarch64 or riscv64}"
    shift 2
fi
bindir=$arch
cases_file="$here/cases.json"
golden_default="$here/golden"
[ "$arch" = aarch64 ] || golden_default="$here/golden-$arch"
emu_args=()
if [ "${1:-}" = --dyn ] && [ "$arch" = aarch64 ]; then
    shift
    bindir=aarch64-dyn
    cases_file="$here/aarch64-dyn/cases.json"
    golden_default="$here/aarch64-dyn/golden"
    emu_args=(-L "${SYSROOT:-/usr/aarch64-linux-gnu}")
fi
golden="${GOLDEN_DIR:-$golden_default}"
qemu="$(command -v "qemu-$arch" || true)"
if [ -z "$qemu" ]; then
    echo "record-goldens.sh: qemu-$arch not found (apt-get install qemu-user)" >&2
    exit 1
fi
mkdir -p "$golden"
golden="$(cd "$golden" && pwd)"

# qemu-user writes a qemu_<prog>_<time>.core file on a fatal guest signal
# unless core dumps are disabled.
ulimit -c 0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Flatten cases.json into NUL-separated records that bash can read safely:
#   name binary needsTmpDir hasStdin stdin nargs args... nenv KEY=VALUE...
node -e '
const fs = require("fs");
const cases = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const only = process.argv.slice(2);
const out = [];
for (const c of cases) {
  if (only.length && !only.includes(c.name)) continue;
  const env = Object.entries(c.env || {});
  out.push(c.name, c.binary, c.needsTmpDir ? "1" : "0",
           c.stdin === undefined ? "0" : "1", c.stdin ?? "",
           String(c.args.length), ...c.args,
           String(env.length), ...env.map(([k, v]) => k + "=" + v));
}
for (const f of out) {
  if (f.includes("\0")) throw new Error("NUL byte in cases.json field");
  process.stdout.write(f + "\0");
}
' "$cases_file" "$@" >"$work/cases"

count=0
while IFS= read -r -d '' name; do
    IFS= read -r -d '' binary
    IFS= read -r -d '' needs_tmp
    IFS= read -r -d '' has_stdin
    IFS= read -r -d '' stdin_text
    IFS= read -r -d '' nargs
    args=()
    for ((i = 0; i < nargs; i++)); do
        IFS= read -r -d '' a
        args+=("$a")
    done
    IFS= read -r -d '' nenv
    envs=()
    for ((i = 0; i < nenv; i++)); do
        IFS= read -r -d '' e
        envs+=("$e")
    done

    stdin_file=/dev/null
    if [ "$has_stdin" = 1 ]; then
        stdin_file="$work/stdin"
        printf '%s' "$stdin_text" >"$stdin_file"
    fi
    tmpdir=
    if [ "$needs_tmp" = 1 ]; then
        tmpdir="$(mktemp -d)"
        args=("$tmpdir" ${args[@]+"${args[@]}"})
    fi

    # The guest's stdout/stderr are redirected inside the exec'd command, so
    # anything bash itself reports about a signal death cannot end up in them.
    # (The outer 2>/dev/null only silences bash's own "Segmentation fault"
    # job report.)
    status=0
    {
        (
            cd "$root"
            exec env -i PATH=/usr/bin:/bin LANG=C ${envs[@]+"${envs[@]}"} \
                "$qemu" ${emu_args[@]+"${emu_args[@]}"} "tests/binaries/$bindir/$binary" ${args[@]+"${args[@]}"} \
                <"$stdin_file" >"$golden/$name.stdout" 2>"$golden/$name.stderr"
        )
    } 2>/dev/null || status=$?
    printf '%s\n' "$status" >"$golden/$name.status"

    if [ -n "$tmpdir" ]; then
        rm -rf "$tmpdir"
    fi
    printf '%-20s status %3s  stdout %6s bytes  stderr %4s bytes\n' "$name" "$status" \
        "$(wc -c <"$golden/$name.stdout")" "$(wc -c <"$golden/$name.stderr")"
    count=$((count + 1))
done <"$work/cases"

echo "recorded $count case(s) in $golden"
