// The options a guest socket was given with setsockopt, as getsockopt reports them back.
// Most only need remembering; the kinds that act on them (TCP_NODELAY, SO_KEEPALIVE,
// IPV6_V6ONLY on Node sockets, the timeouts) read them from here.

/** An option by level and name. */
const key = (level: number, name: number): string => `${level}:${name}`;

export class SocketOptions {
  private readonly ints = new Map<string, number>();
  /** SO_LINGER's { l_onoff, l_linger }. */
  linger: readonly [number, number] = [0, 0];
  /** SO_RCVTIMEO / SO_SNDTIMEO in milliseconds (0: wait forever). */
  recvTimeoutMs = 0;
  sendTimeoutMs = 0;

  /** Takes over `other`'s options (an accepted socket inherits its listener's). */
  copyFrom(other: SocketOptions): void {
    for (const [k, v] of other.ints) this.ints.set(k, v);
    this.linger = other.linger;
    this.recvTimeoutMs = other.recvTimeoutMs;
    this.sendTimeoutMs = other.sendTimeoutMs;
  }

  int(level: number, name: number): number | undefined {
    return this.ints.get(key(level, name));
  }

  setInt(level: number, name: number, value: number): void {
    this.ints.set(key(level, name), value);
  }

  /** Whether a boolean option is on. */
  on(level: number, name: number): boolean {
    return (this.ints.get(key(level, name)) ?? 0) !== 0;
  }
}
