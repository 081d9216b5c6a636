// Notifications: the durable outbox, one-time grants and the sender.
import type { MessageData } from '../domain/messages';

/** A subscription message waiting in the durable outbox (written with the ticket change). */
export interface OutboxMessage {
  id: string;
  touser: string;
  template: Api.TemplateKey;
  templateId: string;
  data: MessageData;
  page: string;
  ticketId: string;
  createdAt: Date;
  /**
   * Set on a new ticket's messages, which are written beside the ticket rather than in a
   * transaction with it: sent only once ticket `ticketId` exists with this number.
   */
  confirmNo?: string | null;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'refused' | 'failed' | 'skipped';

export interface OutboxRow extends OutboxMessage {
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  /** While 'sending': until when the delivering job holds the row; after it, another run may retry. */
  leaseUntil: Date | null;
  lastError: string | null;
  finishedAt: Date | null;
}

export interface OutboxStore {
  /** Rows due now (pending and due, or sending with an expired lease), oldest first. */
  due(now: Date, limit: number): Promise<OutboxRow[]>;
  /** Takes a row for one delivery attempt; false when another run took it first. */
  claim(row: OutboxRow, now: Date, leaseMs: number): Promise<boolean>;
  /** Records the attempt's outcome; only the holder of the claim (same attempts count) may. */
  settle(id: string, attempts: number, patch: Pick<OutboxRow, 'state' | 'nextAttemptAt' | 'lastError' | 'finishedAt'>): Promise<boolean>;
  list(limit: number): Promise<OutboxRow[]>;
}

/** One-time subscription grants: one 'accept' allows one message of that template. */
export interface GrantStore {
  add(openid: string, template: Api.TemplateKey, count: number, now: Date): Promise<void>;
  /** Uses one grant; false when there is none left. */
  take(openid: string, template: Api.TemplateKey, now: Date): Promise<boolean>;
  /** Gives back a grant taken for a send that did not reach WeChat. */
  giveBack(openid: string, template: Api.TemplateKey, now: Date): Promise<void>;
  /** Whether any grant was ever recorded (a long-term subscription is not used up by a send). */
  has(openid: string, template: Api.TemplateKey): Promise<boolean>;
}

export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface MessageSender {
  send(message: { touser: string; templateId: string; page: string; data: OutboxMessage['data'] }): Promise<SendResult>;
}
