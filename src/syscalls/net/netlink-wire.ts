// The netlink wire format (linux/netlink.h, linux/rtnetlink.h), little-endian as the
// guest's: struct nlmsghdr { u32 len; u16 type; u16 flags; u32 seq; u32 pid; } then the
// payload, each message padded to 4 bytes; attributes are struct rtattr { u16 len;
// u16 type; } then their data, also padded to 4 bytes.

const NLMSG_HDRLEN = 16;
const NLMSG_ERROR = 2;
const NLMSG_DONE = 3;
/** Types below this are netlink's own control messages. */
export const NLMSG_MIN_TYPE = 0x10;

export const NLM_F = {
  REQUEST: 0x1, MULTI: 0x2, ACK: 0x4,
  /** NLM_F_ROOT | NLM_F_MATCH: the whole table. */
  DUMP: 0x300,
  /** In an NLMSG_ERROR: only the request's header is echoed, not its payload. */
  CAPPED: 0x100,
} as const;

export interface NetlinkMessage {
  readonly type: number;
  readonly flags: number;
  readonly seq: number;
  readonly pid: number;
  /** The bytes after the header (as long as nlmsg_len says). */
  readonly payload: Uint8Array;
  /** The whole message, header included. */
  readonly raw: Uint8Array;
}

const align4 = (n: number): number => (n + 3) & ~3;

/**
 * The messages of one send, as the kernel walks them: it stops at the first header
 * that is too short or claims more bytes than were sent.
 */
export function parseMessages(data: Uint8Array): NetlinkMessage[] {
  const d = new DataView(data.buffer, data.byteOffset, data.length);
  const out: NetlinkMessage[] = [];
  for (let at = 0; at + NLMSG_HDRLEN <= data.length; ) {
    const len = d.getUint32(at, true);
    if (len < NLMSG_HDRLEN || at + len > data.length) break;
    out.push({
      type: d.getUint16(at + 4, true), flags: d.getUint16(at + 6, true),
      seq: d.getUint32(at + 8, true), pid: d.getUint32(at + 12, true),
      payload: data.subarray(at + NLMSG_HDRLEN, at + len), raw: data.subarray(at, at + len),
    });
    at += align4(len);
  }
  return out;
}

/** One attribute: its type and data (padding is added when encoded). */
export interface Attribute {
  readonly type: number;
  readonly data: Uint8Array;
}

const RTA_HDRLEN = 4;

export function encodeAttributes(attrs: readonly Attribute[]): Uint8Array {
  const out = new Uint8Array(attrs.reduce((n, a) => n + align4(RTA_HDRLEN + a.data.length), 0));
  const d = new DataView(out.buffer);
  let at = 0;
  for (const a of attrs) {
    d.setUint16(at, RTA_HDRLEN + a.data.length, true);
    d.setUint16(at + 2, a.type, true);
    out.set(a.data, at + RTA_HDRLEN);
    at += align4(RTA_HDRLEN + a.data.length);
  }
  return out;
}

/** The attributes in `bytes` (a malformed tail ends the walk, as the kernel's nla parsing does). */
export function parseAttributes(bytes: Uint8Array): Attribute[] {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: Attribute[] = [];
  for (let at = 0; at + RTA_HDRLEN <= bytes.length; ) {
    const len = d.getUint16(at, true);
    if (len < RTA_HDRLEN || at + len > bytes.length) break;
    out.push({ type: d.getUint16(at + 2, true), data: bytes.subarray(at + RTA_HDRLEN, at + len) });
    at += align4(len);
  }
  return out;
}

/** Attribute data helpers: a NUL-terminated string, a u32. */
export const stringAttr = (type: number, s: string): Attribute => ({ type, data: Buffer.from(`${s}\0`, 'utf8') });

export function u32Attr(type: number, v: number): Attribute {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, v >>> 0, true);
  return { type, data };
}

/**
 * One whole message: header, then the parts, each padded to 4 bytes. As the kernel's,
 * nlmsg_len leaves out the last part's padding; the bytes include it.
 */
export function encodeMessage(type: number, flags: number, seq: number, pid: number, parts: readonly Uint8Array[]): Uint8Array {
  const padded = NLMSG_HDRLEN + parts.reduce((n, p) => n + align4(p.length), 0);
  const last = parts[parts.length - 1];
  const len = last ? padded - align4(last.length) + last.length : padded;
  const out = new Uint8Array(padded);
  const d = new DataView(out.buffer);
  d.setUint32(0, len, true);
  d.setUint16(4, type, true);
  d.setUint16(6, flags, true);
  d.setUint32(8, seq >>> 0, true);
  d.setUint32(12, pid >>> 0, true);
  let at = NLMSG_HDRLEN;
  for (const p of parts) {
    out.set(p, at);
    at += align4(p.length);
  }
  return out;
}

/**
 * NLMSG_ERROR for `req`: the error (0 for an acknowledgement, else a negative errno)
 * and the request echoed, only its header when acknowledging or when `capped`
 * (NETLINK_CAP_ACK).
 */
export function errorMessage(req: NetlinkMessage, errno: number, portId: number, capped: boolean): Uint8Array {
  const error = new Uint8Array(4);
  new DataView(error.buffer).setInt32(0, errno === 0 ? 0 : -errno, true);
  const cap = errno === 0 || capped;
  const echo = cap ? req.raw.subarray(0, NLMSG_HDRLEN) : req.raw;
  return encodeMessage(NLMSG_ERROR, cap ? NLM_F.CAPPED : 0, req.seq, portId, [error, echo]);
}

/** NLMSG_DONE ending a dump: its int is the dump's result, 0. */
export function doneMessage(seq: number, portId: number): Uint8Array {
  return encodeMessage(NLMSG_DONE, NLM_F.MULTI, seq, portId, [new Uint8Array(4)]);
}
