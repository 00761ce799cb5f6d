// Kernel features Linux may be built without (CONFIG_IO_URING, CONFIG_AIO, CONFIG_BPF_SYSCALL,
// CONFIG_PERF_EVENTS, CONFIG_USERFAULTFD, CONFIG_FANOTIFY, CONFIG_SECRETMEM, Landlock):
// programs probe them and fall back on -ENOSYS (libuv's io_uring, systemd, sandboxes),
// so the emulator answers as such a kernel, without an unsupported-syscall report.
import { E, SysError } from '../errno.js';
import { sys, type SyscallRow } from '../row.js';
import type { ArgKind } from '../strace.js';

const absent = (name: string, args: readonly ArgKind[]): SyscallRow => sys(name, args, () => {
  throw new SysError(E.ENOSYS);
}, { quiet: true });

export const absentFeatureRows: SyscallRow[] = [
  absent('io_uring_setup', ['uint', 'ptr']),
  absent('io_uring_enter', ['fd', 'uint', 'uint', 'hex', 'ptr', 'size']),
  absent('io_uring_register', ['fd', 'uint', 'ptr', 'uint']),
  absent('io_setup', ['uint', 'ptr']),
  absent('io_destroy', ['hex']),
  absent('io_submit', ['hex', 'long', 'ptr']),
  absent('io_cancel', ['hex', 'ptr', 'ptr']),
  absent('io_getevents', ['hex', 'long', 'long', 'ptr', 'ptr']),
  absent('io_pgetevents', ['hex', 'long', 'long', 'ptr', 'ptr', 'ptr']),
  absent('bpf', ['int', 'ptr', 'uint']),
  absent('perf_event_open', ['ptr', 'int', 'int', 'fd', 'hex']),
  absent('userfaultfd', ['hex']),
  absent('fanotify_init', ['hex', 'hex']),
  absent('fanotify_mark', ['fd', 'hex', 'hex', 'dirfd', 'path']),
  absent('memfd_secret', ['hex']),
  absent('landlock_create_ruleset', ['ptr', 'size', 'hex']),
  absent('landlock_add_rule', ['fd', 'int', 'ptr', 'hex']),
  absent('landlock_restrict_self', ['fd', 'hex']),
];
