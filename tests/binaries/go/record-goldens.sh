#!/usr/bin/env bash
# Records the expected output of every case in cases.json under the reference
# emulators, qemu-aarch64 and qemu-riscv64, into golden/<arch>/<case>.stdout,
# .stderr and .status (the shell-visible exit status), the way
# tests/binaries/record-goldens.sh does for the C programs: from the repository
# root, as
#   env -i PATH=/usr/bin:/bin LANG=C <case env> \
#       qemu-<arch> tests/binaries/go/<arch>/<binary> [tmpdir] <args...>
# with stdin from /dev/null. tests/e2e/go.test.ts runs tsqemu the same way.
#
# Some programs run themselves again (os/exec), so the recording runs in a
# namespace of its own with qemu registered in binfmt_misc (../qemu-binfmt-namespace.sh).
#
# usage: tests/binaries/go/record-goldens.sh [case-name...]  (default: all)
set -euo pipefail

# shellcheck source=../qemu-binfmt-namespace.sh
source "$(dirname "${BASH_SOURCE[0]}")/../qemu-binfmt-namespace.sh" "$@"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# cases.json as NUL-separated fields: name binary needsTmpDir nargs args... nenv KEY=VALUE...
node -e '
const cases = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const only = process.argv.slice(2);
for (const c of cases) {
  if (only.length && !only.includes(c.name)) continue;
  const env = Object.entries(c.env || {}).map(([k, v]) => k + "=" + v);
  const fields = [c.name, c.binary, c.needsTmpDir ? "1" : "0", c.args.length, ...c.args, env.length, ...env];
  process.stdout.write(fields.join("\0") + "\0");
}' "$here/cases.json" "$@" >"$work/cases"

while IFS= read -r -d '' name; do
    IFS= read -r -d '' binary
    IFS= read -r -d '' needs_tmp
    IFS= read -r -d '' nargs
    args=()
    for ((i = 0; i < nargs; i++)); do IFS= read -r -d '' a; args+=("$a"); done
    IFS= read -r -d '' nenv
    envs=()
    for ((i = 0; i < nenv; i++)); do IFS= read -r -d '' e; envs+=("$e"); done
    for arch in aarch64 riscv64; do
        golden="$here/golden/$arch"
        mkdir -p "$golden"
        run_args=(${args[@]+"${args[@]}"})
        tmpdir=
        if [ "$needs_tmp" = 1 ]; then
            tmpdir="$(mktemp -d)"
            run_args=("$tmpdir" ${run_args[@]+"${run_args[@]}"})
        fi
        status=0
        {
            (
                cd "$root"
                exec env -i PATH=/usr/bin:/bin LANG=C ${envs[@]+"${envs[@]}"} \
                    "qemu-$arch" "tests/binaries/go/$arch/$binary" ${run_args[@]+"${run_args[@]}"} \
                    </dev/null >"$golden/$name.stdout" 2>"$golden/$name.stderr"
            )
        } 2>/dev/null || status=$?
        printf '%s\n' "$status" >"$golden/$name.status"
        [ -n "$tmpdir" ] && rm -rf "$tmpdir"
        printf '%-8s %-12s status %3s  stdout %6s bytes  stderr %5s bytes\n' "$arch" "$name" "$status" \
            "$(wc -c <"$golden/$name.stdout")" "$(wc -c <"$golden/$name.stderr")"
    done
done <"$work/cases"
