// The local twin of cloud storage: uploads land under the data folder (or in memory for tests)
// as local://uploads/{openid}/…, and "temporary links" point at this server's /__files route.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { FileStore } from '../../_core/ports';

export class LocalFileStore implements FileStore {
  private readonly memory = new Map<string, Buffer>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly dir: string | null,
  ) {}

  /** Stores an upload under the caller's folder and answers its fileID. */
  save(openid: string, cloudPath: string, content: Buffer): string {
    const safeName = cloudPath.replace(/[^A-Za-z0-9._/-]/g, '_').replace(/\.\.+/g, '.').replace(/^\/+/, '');
    const path = `uploads/${openid}/${safeName}`;
    if (this.dir) {
      const file = join(this.dir, normalize(path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    } else {
      this.memory.set(path, content);
    }
    return `local://${path}`;
  }

  read(path: string): Buffer | null {
    if (path.includes('..')) return null;
    if (!this.dir) return this.memory.get(path) ?? null;
    const file = join(this.dir, normalize(path));
    return existsSync(file) ? readFileSync(file) : null;
  }

  async tempUrls(fileIds: readonly string[]): Promise<string[]> {
    return fileIds.map((id) => (id.startsWith('local://') ? `${this.baseUrl()}/__files/${id.slice('local://'.length)}` : ''));
  }

  isOwnUpload(openid: string, fileId: string): boolean {
    return fileId.startsWith(`local://uploads/${openid}/`) && !fileId.includes('..');
  }
}
