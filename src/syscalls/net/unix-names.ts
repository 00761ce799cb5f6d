// The names Unix sockets are bound to. Abstract names live only here. A path name is
// also a socket file on the host, made by a Node server listening on the path (so that
// connect() by path works between guest processes, and host programs can connect too);
// the guest socket owning it is found by the file's device and inode, so a renamed or
// removed file behaves as on Linux.
import { renameSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { E, SysError, errnoFromNodeCode } from '../errno.js';
import { AF_UNIX } from './constants.js';
import type { UnixAddress } from './sockaddr.js';
import type { SocketFile } from './socket-file.js';

const owners = new Map<string, SocketFile>();
let nextAutoName = 0;

/** Abstract names are per socket type: a stream and a datagram socket may share one. */
const abstractKey = (type: number, name: string): string => `@${type}:${name}`;
const fileKey = (dev: number, ino: number): string => `${dev}:${ino}`;

/** What bindUnixName needs of the socket being bound. */
export interface UnixBinding {
  /** The name it holds (bound, or still being made by the host), or null. */
  readonly held: UnixName | null;
  /** Whether the socket is past being bindable (bound already, or connected). */
  readonly alreadyBound: boolean;
  /** Keeps the name (null: the host refused it). */
  keep(name: UnixName | null): void;
  /** Host programs connecting to a path name go here. */
  onHostConnection(s: Socket): void;
  /** The socket's waitForHost: this call, run again once `ready`. */
  waitForHost(ready: () => boolean): never;
}

/**
 * bind()'s common course for Unix sockets (run again until the host has answered): EINVAL
 * when already bound, the name asked for made (an automatic one for an empty name),
 * the host's errno if it refused. Returns once bound.
 */
export function bindUnixName(owner: SocketFile, wake: () => void, addr: UnixAddress, b: UnixBinding): void {
  let name = b.held;
  if (name === null) {
    if (b.alreadyBound) throw new SysError(E.EINVAL);
    name = addr.name === '' ? UnixName.auto(owner) : new UnixName(addr, owner, wake, (s) => b.onHostConnection(s));
    b.keep(name);
  } else if (name.result === 0 && b.alreadyBound) {
    throw new SysError(E.EINVAL); // already bound (else: this call, run again once the host answered)
  }
  const made = name;
  if (made.result === undefined) b.waitForHost(() => made.result !== undefined);
  if (made.result !== 0) {
    b.keep(null);
    throw new SysError(made.result);
  }
}

/** A bound name, once the host has made its socket file. */
export class UnixName {
  /** undefined until the host has answered; then 0 or the errno. */
  result: number | undefined;
  private key: string | null = null;
  private server: Server | null = null;

  /** Binds `owner` to `address`. Host programs connecting to a path go to `onHostConnection`. */
  constructor(
    readonly address: UnixAddress,
    owner: SocketFile,
    wake: () => void,
    onHostConnection: (s: Socket) => void,
  ) {
    if (address.abstract) {
      this.claim(abstractKey(owner.type, address.name), owner);
      return;
    }
    const server = createServer({ allowHalfOpen: true }, onHostConnection);
    this.server = server;
    server.once('listening', () => {
      const st = statSync(address.hostPath!);
      this.claim(fileKey(st.dev, st.ino), owner);
      wake();
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      this.result = errnoFromNodeCode(err.code);
      this.server = null;
      wake();
    });
    server.listen(address.hostPath);
  }

  /** An abstract name of five hex digits, as Linux gives a socket bound without a name. */
  static auto(owner: SocketFile): UnixName {
    for (;;) {
      const name = (nextAutoName++ & 0xfffff).toString(16).padStart(5, '0');
      if (!owners.has(abstractKey(owner.type, name))) {
        return new UnixName({ family: AF_UNIX, name, abstract: true }, owner, () => undefined, () => undefined);
      }
    }
  }

  private claim(key: string, owner: SocketFile): void {
    if (owners.has(key)) {
      this.result = E.EADDRINUSE;
      return;
    }
    owners.set(key, owner);
    this.key = key;
    this.result = 0;
  }

  close(): void {
    if (this.key !== null) owners.delete(this.key);
    this.key = null;
    if (this.server) closeKeepingFile(this.server, this.address.hostPath!);
    this.server = null;
  }
}

/**
 * Closes a Node server listening on `path` but leaves what is at the path: Node removes
 * its socket file on close, Linux keeps it (until unlink) — and the path may by now name
 * another file, which must survive too. It is moved aside while Node closes.
 */
function closeKeepingFile(server: Server, path: string): void {
  const aside = `${path}.tsqemu-closing-${process.pid}`;
  let moved = false;
  try {
    renameSync(path, aside);
    moved = true;
  } catch {
    // nothing there any more
  }
  server.close(); // Node unlinks `path` here, synchronously
  if (moved) renameSync(aside, path);
}

/**
 * The guest socket bound to `addr` (an abstract name: by a socket of `type`); undefined
 * for a host program's socket file. ENOENT when there is no such file, ECONNREFUSED when
 * nothing is bound to the name.
 */
export function unixNameOwner(addr: UnixAddress, type: number): SocketFile | undefined {
  if (addr.abstract) {
    const owner = owners.get(abstractKey(type, addr.name));
    if (!owner) throw new SysError(E.ECONNREFUSED);
    return owner;
  }
  const st = statSync(addr.hostPath!);
  if (!st.isSocket()) throw new SysError(E.ECONNREFUSED);
  return owners.get(fileKey(st.dev, st.ino));
}
