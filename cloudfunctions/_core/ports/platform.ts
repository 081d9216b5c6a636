// Platform ports: time, ids, paging, configuration, files, sealed tokens, rate limits, content
// security and mini program codes. Cloud adapters and local twins implement them.
import type { Admission } from '../domain/rate-limit';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A fresh random id (32 hex characters, like TCB's). */
  newId(): string;
  /** A stable id for an idempotency key, so the same request twice lands on the same record. */
  idFromKey(key: string): string;
  /** A one-time invite code people can type: 8 characters without 0/O/1/I. */
  inviteCode(): string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FileStore {
  /** Short-lived download links; the caller has already checked that the reader may see them. */
  tempUrls(fileIds: readonly string[]): Promise<string[]>;
  /**
   * Stores a file the server made (an invite's 小程序码) privately under `server/{path}` and answers
   * its fileID; readers get it only through tempUrls. Writing the same path again replaces it.
   */
  saveServerFile(path: string, content: Uint8Array): Promise<string>;
  /** The caller's upload folder (uploads/{opaque key}): no openid in any fileID. */
  folderOf(openid: string): string;
  /** Accept only fileIDs the caller uploaded under their own folder. */
  isOwnUpload(openid: string, fileId: string): boolean;
}

/** Opaque, expiring tokens a client may bring back (follow a nearby ticket, claim a 代报). */
export interface Sealer {
  seal(purpose: string, data: string, now: Date, ttlMs: number): string;
  /** The data, or null when the token is not this deployment's, not for this purpose, altered or expired. */
  open(purpose: string, token: string, now: Date): string | null;
}

/** Sliding-window limits per key ("at most 20 same-problem checks an hour per resident"). */
export interface RateLimiter {
  /** Records a hit and answers true, or answers false (nothing recorded) when the window is full. */
  hit(key: string, max: number, windowMs: number, now: Date): Promise<boolean>;
  /**
   * Records the hit of `token` (say, a report's ticket id): 'again' when that token's hit is
   * already kept (the same report sent twice counts once), 'full' when the window has no room —
   * nothing recorded either way.
   */
  admit(key: string, token: string, max: number, windowMs: number, now: Date): Promise<Admission>;
}

export type { Admission };

export interface Config {
  superAdminOpenids: readonly string[];
  /** Real subscription template ids by logical key (locally each id equals its key). */
  templateIds: Readonly<Record<Api.TemplateKey, string>>;
  /** Long-term templates (one grant, many messages); every other template is one-time. */
  templateKinds?: Readonly<Partial<Record<Api.TemplateKey, Api.TemplateKind>>>;
  /** admin.export's cap on ticket rows per workbook (default 20,000: EXPORT_MAX_TICKETS). */
  exportMaxTickets?: number;
}

export type ContentVerdict = 'pass' | 'review' | 'risky';

/** WeChat content security (msgSecCheck v2) for text users and staff write. */
export interface ContentCheck {
  check(openid: string, text: string): Promise<ContentVerdict>;
}

/** The image of a mini program code (小程序码) that opens `page` with `scene`. */
export interface MiniCodes {
  image(page: string, scene: string): Promise<Uint8Array>;
}
