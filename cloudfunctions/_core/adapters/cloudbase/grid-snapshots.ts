// The routing snapshot (a few MB of packed arrays at city scale) in `gridSnapshots`, split into
// parts a read can carry: a get that answers more than about 1 MB fails on TCB, so each part holds
// 512 KB of bytes as base64 (~683 KB) and is read by its own id, all parts at once. Parts are keyed
// by a hash of the grids version; part 0 is written last and names the count, so a reader that
// finds it finds the rest — unless a newer import dropped them meanwhile, which reads as "none".
import { createHash } from 'node:crypto';
import { COLLECTION } from './collections';
import { doc } from './results';
import type { Database } from './sdk';

const PART_BYTES = 512 * 1024;

const keyOf = (version: string): string => createHash('sha256').update(version).digest('hex').slice(0, 32);
const partId = (key: string, part: number): string => `${key}-${part}`;

export class CloudGridSnapshots {
  constructor(private readonly db: Database) {}

  async load(version: string): Promise<Uint8Array | null> {
    const key = keyOf(version);
    const collection = this.db.collection(COLLECTION.gridSnapshots);
    const first = await doc(collection.doc(partId(key, 0)).get());
    if (first === null || first.version !== version) return null;
    const parts = Number(first.parts);
    const length = Number(first.length);
    if (!Number.isInteger(parts) || parts < 1 || !Number.isInteger(length) || length < 0) return null;
    const rest = await Promise.all(Array.from({ length: parts - 1 }, (_, i) => doc(collection.doc(partId(key, i + 1)).get())));
    // A fresh buffer: 8-byte aligned, so the snapshot's arrays are views on it, not copies.
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const [part, found] of [first, ...rest].entries()) {
      if (found === null || found.version !== version || found.part !== part || typeof found.base64 !== 'string') return null;
      const chunk = Buffer.from(found.base64, 'base64');
      if (at + chunk.length > length) return null;
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return at === length ? bytes : null;
  }

  async save(version: string, bytes: Uint8Array): Promise<void> {
    const key = keyOf(version);
    const collection = this.db.collection(COLLECTION.gridSnapshots);
    const parts = Math.max(1, Math.ceil(bytes.length / PART_BYTES));
    const write = (part: number) => {
      const chunk = bytes.subarray(part * PART_BYTES, Math.min(bytes.length, (part + 1) * PART_BYTES));
      const base64 = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64');
      return collection.doc(partId(key, part)).set({ data: { version, part, parts, length: bytes.length, base64 } });
    };
    for (let part = 1; part < parts; part += 1) await write(part);
    await write(0);
    await collection.where({ version: this.db.command.neq(version) }).remove();
  }
}
