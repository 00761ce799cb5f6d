// The bytes a stream socket has received and the guest has not read yet, kept in JS.
// Files passed with SCM_RIGHTS ride on the segment they were sent with: a read that
// takes them stops after that segment, so they arrive with the bytes they came with.
import { releaseFile } from '../fd-table.js';
import type { OpenFile } from '../open-file.js';
import type { WakeStamps } from '../wake-stamps.js';

interface Segment {
  bytes: Uint8Array;
  files: OpenFile[] | null;
}

export interface Taken {
  readonly bytes: Uint8Array;
  /** Files passed along with these bytes (held: the taker installs or releases them). */
  readonly files: OpenFile[] | null;
}

export class StreamInbox {
  private segments: Segment[] = [];
  /** Bytes waiting. */
  length = 0;
  private peerEnded = false;

  /** `wakeups`: the owning socket's, bumped as bytes arrive and as the peer ends. */
  constructor(private readonly wakeups: WakeStamps) {}

  /** The peer will send nothing more (FIN, shutdown, close): reads past the data get 0. */
  get ended(): boolean {
    return this.peerEnded;
  }

  /** The peer ends (or its connection goes for good): readers and writers wake. */
  set ended(v: boolean) {
    this.peerEnded = v;
    if (v) {
      this.wakeups.wakeReaders();
      this.wakeups.wakeWriters();
    }
  }

  push(bytes: Uint8Array, files: OpenFile[] | null = null): void {
    if (bytes.length === 0 && !files) return;
    this.segments.push({ bytes, files });
    this.length += bytes.length;
    this.wakeups.wakeReaders();
  }

  /** Up to `max` bytes from the front; `peek` leaves them (and their files) in place. */
  take(max: number, peek: boolean): Taken {
    const parts: Uint8Array[] = [];
    let n = 0;
    let files: OpenFile[] | null = null;
    let i = 0;
    while (i < this.segments.length && n < max) {
      const seg = this.segments[i];
      const part = seg.bytes.subarray(0, max - n);
      parts.push(part);
      n += part.length;
      if (seg.files) files = seg.files;
      if (!peek) {
        seg.files = null;
        if (part.length === seg.bytes.length) i++;
        else seg.bytes = seg.bytes.subarray(part.length);
      } else {
        i++;
      }
      if (files) break;
    }
    if (!peek) {
      this.segments.splice(0, i);
      this.length -= n;
    }
    return { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), files: peek ? null : files };
  }

  /** The socket is gone: files still in flight are dropped. */
  discard(): void {
    for (const seg of this.segments) for (const f of seg.files ?? []) releaseFile(f);
    this.segments = [];
    this.length = 0;
  }
}
