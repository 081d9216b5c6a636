// The local twin of cloud storage: uploads land under the data folder (or in memory for tests)
// as local://uploads/{key}/…, where {key} is the same opaque per-user key as in the cloud
// (runtime/upload-folder.ts). Every path is confined to the caller's folder and to the files
// directory; "temporary links" point at this server's /__files route with an expiry and a
// signature, like getTempFileURL's, so a link works for minutes and only as handed out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { FileStore } from '../../_core/ports';
import { appSecret } from '../../_core/adapters/runtime/secret';
import { isUnder, uploadFolder } from '../../_core/adapters/runtime/upload-folder';

/** How long a link the twin hands out works (TCB: the maxAge the adapter asks for). */
export const LINK_MS = 10 * 60 * 1000;

/** A path inside the bucket: segments of safe characters, no empty, dot or dot-dot segment. */
const SAFE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,99})(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){0,7}$/;

export class FilePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilePathError';
  }
}

export class LocalFileStore implements FileStore {
  private readonly memory = new Map<string, Buffer>();

  constructor(
    private readonly baseUrl: () => string,
    readonly dir: string | null,
    private readonly now: () => Date = () => new Date(),
    private readonly secret: string = appSecret(),
    /** Signs the links; function instances in other threads share the server's (see instances.ts). */
    readonly linkKey: Buffer = randomBytes(32),
  ) {}

  folderOf(openid: string): string {
    return uploadFolder(this.secret, openid);
  }

  /** The file on disk for a bucket path, refusing anything that would leave the files directory. */
  private fileOf(path: string): string {
    if (!this.dir) throw new FilePathError('no files directory');
    const root = resolve(this.dir);
    const file = resolve(root, path);
    if (!file.startsWith(root + sep)) throw new FilePathError('path leaves the files directory');
    return file;
  }

  /** Stores an upload under the caller's folder and answers its fileID; a bad name is refused. */
  save(openid: string, name: string, content: Buffer): string {
    if (!SAFE_PATH.test(name)) throw new FilePathError('cloudPath must be a relative path of letters, digits, . _ -');
    const path = `${this.folderOf(openid)}/${name}`;
    if (this.dir) {
      const file = this.fileOf(path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    } else {
      this.memory.set(path, content);
    }
    return `local://${path}`;
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${path}\n${expires}`).digest('hex').slice(0, 32);
  }

  /** The file behind a link this twin handed out, or null (unknown, expired, forged, or not a file path). */
  read(path: string, expires: string | null, signature: string | null): Buffer | null {
    if (!SAFE_PATH.test(path) || !(path.startsWith('uploads/') || path.startsWith('server/')) || expires === null || signature === null)
      return null;
    const until = Number(expires);
    if (!Number.isSafeInteger(until) || until < this.now().getTime()) return null;
    const expected = Buffer.from(this.sign(path, until));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!this.dir) return this.memory.get(path) ?? null;
    const file = this.fileOf(path);
    return existsSync(file) ? readFileSync(file) : null;
  }

  async tempUrls(fileIds: readonly string[]): Promise<string[]> {
    const expires = this.now().getTime() + LINK_MS;
    return fileIds.map((id) => {
      if (!id.startsWith('local://')) return '';
      const path = id.slice('local://'.length);
      if (!SAFE_PATH.test(path)) return '';
      return `${this.baseUrl()}/__files/${path}?expires=${expires}&sign=${this.sign(path, expires)}`;
    });
  }

  /** A file the server made (an invite's QR image), under server/…; read only through a link. */
  async saveServerFile(path: string, content: Uint8Array): Promise<string> {
    const full = `server/${path}`;
    if (!SAFE_PATH.test(full)) throw new FilePathError('server file path must be letters, digits, . _ -');
    if (this.dir) {
      const file = this.fileOf(full);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    } else {
      this.memory.set(full, Buffer.from(content));
    }
    return `local://${full}`;
  }

  isOwnUpload(openid: string, fileId: string): boolean {
    return fileId.startsWith('local://') && SAFE_PATH.test(fileId.slice(8)) && isUnder(fileId.slice(8), this.folderOf(openid));
  }
}
