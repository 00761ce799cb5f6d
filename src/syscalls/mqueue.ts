// POSIX message queues: named queues kept in the kernel (Linux's mqueue file system),
// messages taken highest priority first, and the open queue descriptions mq_open gives.
import { AnonFile } from './anon-file.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import type { NetlinkSocket } from './net/netlink-socket.js';
import type { Readiness } from './open-file.js';
import type { GuestThread } from './thread.js';

export interface QueueAttributes { maxMessages: number; messageSize: number }

interface Message { readonly priority: number; readonly bytes: Uint8Array }

/**
 * A process's mq_notify registration: sigev_notify, and the signal to send with its value,
 * or (SIGEV_THREAD, glibc's helper thread) the netlink socket to send the cookie to.
 */
export interface Notification {
  readonly process: GuestProcess; readonly notify: number; readonly signo: number; readonly value: bigint;
  readonly thread?: { readonly socket: NetlinkSocket; readonly cookie: Uint8Array };
}

export class MessageQueue {
  readonly messages: Message[] = [];
  notification: Notification | null = null;
  /** Threads that waited in mq_timedreceive (a notification goes out only when none still does). */
  readonly receivers = new Set<GuestThread>();

  constructor(readonly attributes: QueueAttributes, public mode: number, readonly uid: number, readonly gid: number) {}

  get full(): boolean {
    return this.messages.length >= this.attributes.maxMessages;
  }

  /** Adds a message behind those of the same or a higher priority. */
  put(priority: number, bytes: Uint8Array): void {
    const at = this.messages.findIndex((m) => m.priority < priority);
    this.messages.splice(at < 0 ? this.messages.length : at, 0, { priority, bytes });
  }

  /** The queue's status line, what reading the queue's file shows. */
  status(): string {
    const bytes = this.messages.reduce((n, m) => n + m.bytes.length, 0);
    const n = this.notification;
    return `QSIZE:${String(bytes).padEnd(10)} NOTIFY:${String(n?.notify ?? 0).padEnd(5)} SIGNO:${String(n?.signo ?? 0).padEnd(5)} `
      + `NOTIFY_PID:${String(n?.process.pid ?? 0).padEnd(6)}\n`;
  }
}

/** An open queue: its access mode and O_NONBLOCK are per description, as for files. */
export class QueueFile extends AnonFile {
  override readonly procLink: string;
  /** How far reads of the status line have got. */
  private position = 0;

  constructor(readonly queue: MessageQueue, name: string, flags: number, nonblock: number) {
    super('mqueue', 0, nonblock);
    this.flags = flags;
    this.procLink = `/${name}`;
  }

  read(dst: Uint8Array): number {
    const rest = Buffer.from(this.queue.status()).subarray(this.position);
    const n = Math.min(dst.length, rest.length);
    dst.set(rest.subarray(0, n));
    this.position += n;
    return n;
  }

  readiness(): Readiness {
    const q = this.queue;
    return { readable: q.messages.length > 0, writable: !q.full, hangup: false, error: false };
  }

  /** The message queue behind a guest fd (EBADF for any other file). */
  static of(file: unknown): QueueFile {
    if (!(file instanceof QueueFile)) throw new SysError(E.EBADF);
    return file;
  }
}
