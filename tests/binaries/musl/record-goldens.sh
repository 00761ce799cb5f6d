#!/usr/bin/env bash
# Records the expected output of every case in cases.json under the reference
# emulators, qemu-aarch64 and qemu-riscv64, into golden/<arch>/<case>.stdout,
# .stderr and .status (the shell-visible exit status): from the repository
# root, as
#   env -i PATH=/usr/bin:/bin LANG=C qemu-<arch> tests/binaries/musl/<arch>/<binary> <args...>
# with stdin from /dev/null. tests/e2e/musl.test.ts runs tsqemu the same way.
#
# Some programs run themselves again (posix_spawn, execv). qemu-user leaves
# execve to the host kernel, so the script runs itself in a new user and mount
# namespace with its own binfmt_misc instance (Linux 6.7 and later) in which
# qemu-aarch64 and qemu-riscv64 are registered; the host's is not touched.
#
# usage: tests/binaries/musl/record-goldens.sh [case-name...]  (default: all)
set -euo pipefail

if [ -z "${TSQEMU_GOLDEN_NAMESPACE:-}" ]; then
    exec unshare --user --map-root-user --mount env TSQEMU_GOLDEN_NAMESPACE=1 "$0" "$@"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
ulimit -c 0

# The ELF header of a 64-bit little-endian executable up to e_machine.
elf_magic='\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00'
elf_mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
declare -A e_machine=([aarch64]='\xb7\x00' [riscv64]='\xf3\x00')
mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
for arch in aarch64 riscv64; do
    qemu="$(command -v "qemu-$arch")" || { echo "qemu-$arch not found (apt-get install qemu-user)" >&2; exit 1; }
    printf '%s' ":qemu-$arch:M::$elf_magic${e_machine[$arch]}:$elf_mask:$qemu:F" \
        >/proc/sys/fs/binfmt_misc/register
done

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
