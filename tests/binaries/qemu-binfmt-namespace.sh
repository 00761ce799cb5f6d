# Sourced first thing by the golden recorders whose programs run themselves again
# (tests/binaries/go, tests/binaries/musl): qemu-user leaves execve to the host kernel,
# so the recorder re-runs itself in a new user and mount namespace with its own
# binfmt_misc instance (Linux 6.7 and later) in which qemu-aarch64 and qemu-riscv64
# are registered; the host's binfmt_misc is not touched.
#
# usage: source "<this file>" "$@"
if [ -z "${TSQEMU_GOLDEN_NAMESPACE:-}" ]; then
    exec unshare --user --map-root-user --mount env TSQEMU_GOLDEN_NAMESPACE=1 "$0" "$@"
fi
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
