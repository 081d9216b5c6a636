// The local twin of subscribeMessage.send. Nothing leaves the machine: what the outbox holds
// is what GET /__outbox shows, and this twin only keeps, in memory, the messages it "sent" so
// tests can read them. Like WeChat it refuses field values outside the template limits (47003);
// tests inject the other failures: an error code for the next sends, a call that hangs, or a
// crash right after WeChat took the message (the process dies before the outbox hears of it).
import type { MessageSender, OutboxMessage, SendResult } from '../../_core/ports';

export interface LocalSentMessage {
  touser: string;
  templateId: string;
  page: string;
  data: OutboxMessage['data'];
}

/** Thrown by a send after crashAfterSend(): WeChat has the message, the caller never learns it. */
export class LocalSendCrash extends Error {
  constructor() {
    super('local sender: simulated crash after the message was sent');
    this.name = 'LocalSendCrash';
  }
}

type Fault = { kind: 'fail'; errCode: number; errMsg: string } | { kind: 'hang'; ms: number } | { kind: 'crash' };

const CHINESE_ONLY = /^[\u4e00-\u9fa5]+$/;
const ASCII = /^[\x20-\x7e]+$/;
const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}(~(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2})?$/;

/** The documented limits of the field kinds this project uses; null when the value is fine. */
export function fieldProblem(name: string, value: string): string | null {
  const kind = name.replace(/\d+$/, '');
  const length = Array.from(value).length;
  if (length === 0) return `${name} is empty`;
  switch (kind) {
    case 'thing':
      return length <= 20 ? null : `${name} longer than 20 characters`;
    case 'phrase':
      return length <= 5 && CHINESE_ONLY.test(value) ? null : `${name} must be at most 5 Chinese characters`;
    case 'character_string':
      return length <= 32 && ASCII.test(value) ? null : `${name} must be at most 32 ASCII characters`;
    case 'time':
      return TIME.test(value) ? null : `${name} is not a time like 2026年11月22日 14:00`;
    default:
      return null;
  }
}

export class LocalMessageSender implements MessageSender {
  /** Every message "delivered", in order (a crash after sending still counts: WeChat took it). */
  readonly sent: LocalSentMessage[] = [];
  /** How many times send was called, whatever the outcome. */
  calls = 0;
  private faults: Fault[] = [];
  private readonly hanging = new Set<() => void>();

  /** The next `n` sends answer this error code (43101 refused, 47003 bad field, -1 system busy …). */
  failNext(n: number, errCode: number, errMsg = `local sender: injected error ${errCode}`): void {
    for (let i = 0; i < n; i += 1) this.faults.push({ kind: 'fail', errCode, errMsg });
  }

  /** The next send does not answer for `ms`, then fails as a network timeout (nothing sent). */
  hangNext(ms: number): void {
    this.faults.push({ kind: 'hang', ms });
  }

  /** The next send reaches WeChat, then the caller crashes before it can record the outcome. */
  crashAfterSend(): void {
    this.faults.push({ kind: 'crash' });
  }

  /** Forgets injected faults and what was sent; ends hanging calls. */
  reset(): void {
    this.faults = [];
    this.sent.length = 0;
    this.calls = 0;
    for (const release of [...this.hanging]) release();
  }

  async send(message: { touser: string; templateId: string; page: string; data: OutboxMessage['data'] }): Promise<SendResult> {
    this.calls += 1;
    const fault = this.faults.shift();
    if (fault?.kind === 'fail') return { ok: false, errCode: fault.errCode, errMsg: fault.errMsg };
    if (fault?.kind === 'hang') {
      await new Promise<void>((resolve) => {
        const release = (): void => {
          clearTimeout(timer);
          this.hanging.delete(release);
          resolve();
        };
        const timer = setTimeout(release, fault.ms);
        timer.unref();
        this.hanging.add(release);
      });
      return { ok: false, errCode: -604102, errMsg: 'local sender: call open API timeout' };
    }
    for (const [name, field] of Object.entries(message.data)) {
      const problem = fieldProblem(name, field.value);
      if (problem) return { ok: false, errCode: 47003, errMsg: `argument invalid! data.${name}.value: ${problem}` };
    }
    this.sent.push({ touser: message.touser, templateId: message.templateId, page: message.page, data: message.data });
    if (fault?.kind === 'crash') throw new LocalSendCrash();
    return { ok: true };
  }
}
