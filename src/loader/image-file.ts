// An ELF file as the object its segments are private mappings of: /proc/<pid>/maps
// names it (with its device and inode), and MADV_DONTNEED reads its pages again.
import { realpathSync, statSync } from 'node:fs';
import { readBytesAt, type MappedObject } from '../memory/mapping-backing.js';

export function imageFile(hostPath: string, bytes: Uint8Array): MappedObject {
  const st = statSync(hostPath, { bigint: true });
  return {
    name: realpathSync(hostPath), dev: st.dev, ino: st.ino, version: 0,
    read: (dst, offset) => readBytesAt(bytes, dst, offset),
    write() {
      throw new Error('an ELF image is only mapped privately');
    },
  };
}
