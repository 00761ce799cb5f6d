// What a mapping shows when it is not private anonymous memory: a file (private or
// shared) or shared memory (MAP_SHARED|MAP_ANONYMOUS, memfd). Linux's vm_file and
// vm_pgoff. The address space only carries it along when it splits mappings; the
// kernel keeps the bytes in step with the object (see syscalls/shared-pages.ts).

/** Bytes several mappings, in several address spaces, may show. */
export interface MappedObject {
  /** The name /proc/<pid>/maps shows. */
  readonly name: string;
  /** Device and inode /proc/<pid>/maps shows. */
  readonly dev: bigint;
  readonly ino: bigint;
  /** Grows whenever the bytes change, so a mapping that saw this version needs no reload. */
  version: number;
  /** Reads up to dst.length bytes at `offset`; returns how many there were (short at the end). */
  read(dst: Uint8Array, offset: number): number;
  /** Writes back bytes a shared mapping changed (never past the object's end). */
  write(src: Uint8Array, offset: number): void;
}

export interface MappingBacking {
  readonly object: MappedObject;
  /** The object's byte at `a + delta` is what guest address `a` shows (splits keep it). */
  readonly delta: number;
  /** MAP_SHARED: writes reach the object, and others' writes reach the mapping. */
  readonly shared: boolean;
  /** Whether the mapping may become writable (a shared file opened read-only may not). */
  readonly mayWrite: boolean;
  /** Shared mappings: the bytes as last synced with the object, from guest address `shadowBase` on. */
  shadow: Uint8Array;
  readonly shadowBase: number;
  /** The object's version those bytes are. */
  syncedVersion: number;
}

const NO_SHADOW = new Uint8Array(0);

/** MappedObject.read over bytes held in memory: up to dst.length of them from `offset`. */
export function readBytesAt(bytes: Uint8Array, dst: Uint8Array, offset: number): number {
  const part = bytes.subarray(offset, offset + dst.length);
  dst.set(part);
  return part.length;
}

/**
 * A mapping of `object` from guest address `start` on. Private (no `shared`): its bytes
 * are read, never written back. Shared: `size` bytes of shadow, and writable only if `mayWrite`.
 */
export function mappingBacking(
  object: MappedObject, delta: number, start: number, shared?: { size: number; mayWrite: boolean },
): MappingBacking {
  return {
    object, delta, shared: shared !== undefined, mayWrite: shared?.mayWrite ?? true,
    shadow: shared ? new Uint8Array(shared.size) : NO_SHADOW, shadowBase: start, syncedVersion: object.version,
  };
}
