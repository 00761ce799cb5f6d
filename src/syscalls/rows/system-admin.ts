// Calls that change the whole system and need privilege: the UTS names, chroot and
// vhangup. An unprivileged guest gets EPERM as from Linux.
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import { readableView } from '../guest-buffer.js';
import type { GuestProcess } from '../guest-process.js';
import { sys, type SyscallRow } from '../row.js';
import { setUtsName } from '../uts-names.js';

/** __NEW_UTS_LEN: the longest host or domain name. */
const UTS_NAME_MAX = 64;

function setName(p: GuestProcess, field: 'nodename' | 'domainname', addr: number, len: number): number {
  if (!p.creds.privileged) throw new SysError(E.EPERM);
  if (len < 0 || len > UTS_NAME_MAX) throw new SysError(E.EINVAL);
  const bytes = readableView(p.mem, addr, len);
  const end = bytes.indexOf(0);
  setUtsName(p.kernel, field, Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('utf8'));
  return 0;
}

function chroot(p: GuestProcess): number {
  if (!p.creds.privileged) throw new SysError(E.EPERM);
  // Paths resolve through the -L prefix with a fallback to the host's files, which a
  // new root could not confine; refusing is more honest than a root that leaks.
  p.reportOnce('chroot', 'chroot is not supported');
  throw new SysError(E.EPERM);
}

function vhangup(p: GuestProcess): number {
  if (p.creds.privileged) p.reportOnce('vhangup', 'vhangup is not supported (the terminal is the host\'s)');
  throw new SysError(E.EPERM);
}

export const systemAdminRows: SyscallRow[] = [
  sys('sethostname', ['ptr', 'int'], (p, a) => setName(p, 'nodename', a[0], int(a[1]))),
  sys('setdomainname', ['ptr', 'int'], (p, a) => setName(p, 'domainname', a[0], int(a[1]))),
  sys('chroot', ['path'], (p) => chroot(p)),
  sys('vhangup', [], (p) => vhangup(p)),
];
