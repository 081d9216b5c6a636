// The deployment's one secret (APP_SECRET, set by deploy; README "Go live"), and keys derived
// from it per purpose, so one leaked derived key opens nothing else.
import { createHash } from 'node:crypto';

/** Used when APP_SECRET is not configured: fine locally, and deploy refuses to go without one. */
export const DEFAULT_APP_SECRET = 'yijian-shangbao-local-secret';

export const appSecret = (): string => process.env.APP_SECRET || DEFAULT_APP_SECRET;

/** A 32-byte key for one purpose ("upload-folder", "seal:follow" …). */
export const derivedKey = (secret: string, purpose: string): Buffer => createHash('sha256').update(`${purpose}\u0000${secret}`).digest();
