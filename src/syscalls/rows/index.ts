// Every syscall row, ISA-neutral: an ABI's number table decides which are reachable.
import type { SyscallRow } from '../row.js';
import { absentFeatureRows } from './absent-features.js';
import { capabilityRows } from './capabilities.js';
import { cpuUsageRows } from './cpu-usage.js';
import { credentialRows } from './credentials.js';
import { dirRows } from './dirs.js';
import { epollRows } from './epoll.js';
import { eventFdRows } from './event-fds.js';
import { execRows } from './exec.js';
import { fileAttrRows } from './file-attrs.js';
import { fileCopyRows } from './file-copy.js';
import { fileIoRows } from './file-io.js';
import { fileMetaRows } from './file-meta.js';
import { fileOpenRows } from './file-open.js';
import { inotifyRows } from './inotify.js';
import { ioctlRows } from './ioctl.js';
import { kcmpRows } from './kcmp.js';
import { fsInfoRows } from './fs-info.js';
import { lockRows } from './locks.js';
import { membarrierRows } from './membarrier.js';
import { memoryRows } from './memory.js';
import { mknodRows } from './mknod.js';
import { mqueueRows } from './mqueue.js';
import { openat2Rows } from './openat2.js';
import { pidfdRows } from './pidfd.js';
import { pollRows } from './poll.js';
import { prctlRows } from './prctl.js';
import { processRows } from './process.js';
import { schedulingRows } from './scheduling.js';
import { signalRows } from './signals.js';
import { socketIoRows } from './socket-io.js';
import { socketRows } from './sockets.js';
import { spliceRows } from './splice.js';
import { systemAdminRows } from './system-admin.js';
import { sysvMsgRows } from './sysv-msg.js';
import { sysvSemRows } from './sysv-sem.js';
import { sysvShmRows } from './sysv-shm.js';
import { taskSettingRows } from './task-settings.js';
import { threadRows } from './threads.js';
import { timeRows } from './time.js';
import { timerRows } from './timers.js';
import { vectoredIoRows } from './vectored-io.js';
import { waitRows } from './wait.js';
import { xattrRows } from './xattrs.js';

export const SYSCALL_ROWS: readonly SyscallRow[] = [
  ...fileIoRows, ...vectoredIoRows, ...fileCopyRows, ...xattrRows, ...fileOpenRows, ...fileMetaRows, ...dirRows, ...ioctlRows, ...memoryRows,
  ...processRows, ...threadRows, ...signalRows, ...timeRows, ...waitRows, ...execRows, ...pollRows,
  ...socketRows, ...socketIoRows,
  ...prctlRows, ...lockRows, ...fileAttrRows, ...fsInfoRows, ...mknodRows, ...credentialRows, ...schedulingRows,
  ...openat2Rows,
  ...eventFdRows, ...epollRows, ...cpuUsageRows, ...timerRows,
  ...taskSettingRows, ...capabilityRows, ...membarrierRows, ...kcmpRows, ...systemAdminRows,
  ...spliceRows, ...sysvShmRows, ...sysvSemRows, ...sysvMsgRows, ...pidfdRows, ...inotifyRows, ...mqueueRows, ...absentFeatureRows,
];
