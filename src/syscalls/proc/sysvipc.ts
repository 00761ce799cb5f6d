// /proc/sysvipc/{shm,sem,msg}: the System V IPC objects of the guest (ipcs reads them),
// in Linux's column layout.
import type { Kernel } from '../kernel.js';
import { listMessageQueues } from '../rows/sysv-msg.js';
import { listSemaphoreSets } from '../rows/sysv-sem.js';
import { listSegments } from '../rows/sysv-shm.js';
import type { IpcObject } from '../sysv/ipc-ids.js';
import { pageCeil } from '../../memory/address-space.js';

const pad = (v: number, width: number): string => String(v).padStart(width);
const octal = (v: number): string => (v & 0o7777).toString(8).padStart(4);
const owners = (o: IpcObject): string => [o.perm.uid, o.perm.gid, o.perm.cuid, o.perm.cgid].map((v) => pad(v, 5)).join(' ');
const head = (o: IpcObject): string => `${pad(o.perm.key, 10)} ${pad(o.id, 10)}  ${octal(o.perm.mode)}`;

const SHM_HEADER = '       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid'
  + '      atime      dtime      ctime                   rss                  swap\n';
const SEM_HEADER = '       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n';
const MSG_HEADER = '       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n';

function shmText(k: Kernel): string {
  return SHM_HEADER + listSegments(k).map(({ segment: s, attached }) =>
    `${head(s)} ${pad(s.size, 21)} ${pad(s.cpid, 5)} ${pad(s.lpid, 5)}  ${pad(attached, 5)} ${owners(s)} `
    + `${pad(s.atime, 10)} ${pad(s.dtime, 10)} ${pad(s.ctime, 10)} ${pad(pageCeil(s.size), 21)} ${pad(0, 21)}\n`,
  ).join('');
}

function semText(k: Kernel): string {
  return SEM_HEADER + listSemaphoreSets(k).map((s) =>
    `${head(s)} ${pad(s.values.length, 10)} ${owners(s)} ${pad(s.otime, 10)} ${pad(s.ctime, 10)}\n`).join('');
}

function msgText(k: Kernel): string {
  return MSG_HEADER + listMessageQueues(k).map((q) =>
    `${head(q)}  ${pad(q.bytes, 10)} ${pad(q.messages.length, 10)} ${pad(q.lspid, 5)} ${pad(q.lrpid, 5)} ${owners(q)} `
    + `${pad(q.stime, 10)} ${pad(q.rtime, 10)} ${pad(q.ctime, 10)}\n`).join('');
}

/** The text of /proc/sysvipc/`name`, or undefined for a name that is not one of them. */
export function sysvipcText(k: Kernel, name: string): (() => string) | undefined {
  const texts: Record<string, (k: Kernel) => string> = { shm: shmText, sem: semText, msg: msgText };
  const text = texts[name];
  return text && (() => text(k));
}
