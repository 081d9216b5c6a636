// Opaque, expiring tokens (AES-256-GCM under a key derived per purpose from APP_SECRET): what the
// server hands a client to come back with — "follow this nearby ticket", "claim this 代报" —
// without handing it an identifier. A token opens only for its purpose, before it expires,
// and any change to it makes it unreadable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealer } from '../../ports';
import { appSecret, derivedKey } from './secret';

interface Payload {
  d: string;
  e: number;
}

export class AesSealer implements Sealer {
  constructor(private readonly secret: string = appSecret()) {}

  seal(purpose: string, data: string, now: Date, ttlMs: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', derivedKey(this.secret, `seal:${purpose}`), iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ d: data, e: now.getTime() + ttlMs } satisfies Payload), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(purpose: string, token: string, now: Date): string | null {
    try {
      const raw = Buffer.from(token, 'base64url');
      if (raw.length < 29 || raw.toString('base64url') !== token) return null;
      const decipher = createDecipheriv('aes-256-gcm', derivedKey(this.secret, `seal:${purpose}`), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const payload = JSON.parse(text) as Partial<Payload>;
      if (typeof payload.d !== 'string' || typeof payload.e !== 'number' || payload.e < now.getTime()) return null;
      return payload.d;
    } catch {
      return null;
    }
  }
}
