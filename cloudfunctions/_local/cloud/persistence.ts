// Keeps the store in one EJSON file (so Dates survive a restart). Writes are coalesced: the first
// mutation schedules a save `delayMs` later and every mutation until then rides along; a save
// writes a temporary file and renames it, so a crash never leaves half a file behind.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeEJSON, encodeEJSON } from './ejson';
import type { Store } from './store';

export const DATA_FILE = 'local-cloud.json';

export class FilePersistence {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> | undefined;
  private dirty = false;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly store: Store,
    private readonly delayMs: number,
  ) {}

  static async open(dataDir: string, store: Store, delayMs: number): Promise<FilePersistence> {
    await fs.mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_FILE);
    let text: string | undefined;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== 'ENOENT') throw error;
    }
    if (text !== undefined) store.load(decodeEJSON(text, () => new Date()));
    const persistence = new FilePersistence(file, store, delayMs);
    store.onMutate = () => persistence.schedule();
    return persistence;
  }

  schedule(): void {
    this.dirty = true;
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((error: unknown) => console.error('[local-cloud] saving the data file failed:', error));
    }, this.delayMs);
    this.timer.unref();
  }

  /** Writes pending changes now; resolves once the file on disk holds them. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.saving) await this.saving;
    if (!this.dirty) return;
    this.dirty = false;
    const text = encodeEJSON(this.store.toFile());
    const tmp = `${this.file}.${process.pid}.tmp`;
    this.saving = fs.writeFile(tmp, text, 'utf8').then(() => fs.rename(tmp, this.file));
    try {
      await this.saving;
    } catch (error) {
      this.dirty = true;
      throw error;
    } finally {
      this.saving = undefined;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    this.store.onMutate = () => undefined;
  }
}
