// Subscription messages through the cloud call `openapi.subscribeMessage.send` (listed in the
// functions' config.json permissions.openapi). wx-server-sdk takes camelCase parameters and
// turns them into the HTTPS API's snake_case (templateId → template_id, miniprogramState →
// miniprogram_state); it throws a CloudSDKError { errCode, errMsg } for a WeChat errcode.
// Every outcome comes back as a SendResult: this adapter never throws, and a call that does not
// answer in time is an error like any other (the outbox decides whether to retry).
import type { MessageSender, OutboxMessage, SendResult } from '../../ports';
import { sdk } from './sdk';

export type MiniprogramState = 'developer' | 'trial' | 'formal';

/** The SDK's own code for "call open API timeout"; used for our deadline too. */
export const SEND_TIMEOUT_ERRCODE = -604102;
const UNKNOWN_ERRCODE = -1;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ERRMSG = 200;

export function miniprogramState(value: string | undefined): MiniprogramState {
  return value === 'developer' || value === 'trial' || value === 'formal' ? value : 'formal';
}

interface SendParams {
  touser: string;
  templateId: string;
  page: string;
  data: OutboxMessage['data'];
  miniprogramState: MiniprogramState;
  lang: 'zh_CN';
}
type SendFn = (params: SendParams) => Promise<unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** errCode/errMsg of a thrown SDK error or an answer; the recipient's openid never kept. */
export function toSendResult(outcome: unknown, touser: string): SendResult {
  if (!isObject(outcome)) return { ok: false, errCode: UNKNOWN_ERRCODE, errMsg: 'unexpected answer' };
  const rawCode = outcome.errCode ?? outcome.errcode;
  const errCode = typeof rawCode === 'number' ? rawCode : typeof rawCode === 'string' && /^-?\d+$/.test(rawCode) ? Number(rawCode) : UNKNOWN_ERRCODE;
  const rawMsg = outcome.errMsg ?? outcome.errmsg ?? outcome.message;
  const errMsg = (typeof rawMsg === 'string' ? rawMsg : 'unknown error').split(touser).join('***').slice(0, MAX_ERRMSG);
  return { ok: false, errCode, errMsg };
}

export class CloudMessageSender implements MessageSender {
  private readonly state: MiniprogramState;

  constructor(
    private readonly options: { state?: MiniprogramState; timeoutMs?: number; send?: SendFn } = {},
  ) {
    this.state = options.state ?? miniprogramState(process.env.MINIPROGRAM_STATE);
  }

  async send(message: { touser: string; templateId: string; page: string; data: OutboxMessage['data'] }): Promise<SendResult> {
    const params: SendParams = {
      touser: message.touser,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
      miniprogramState: this.state,
      lang: 'zh_CN',
    };
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, errCode: SEND_TIMEOUT_ERRCODE, errMsg: `no answer within ${timeoutMs} ms` }), timeoutMs);
      timer.unref();
    });
    const call = (async (): Promise<SendResult> => {
      try {
        const answer = await (this.options.send ?? defaultSend)(params);
        const code = isObject(answer) ? (answer.errCode ?? answer.errcode ?? 0) : null;
        if (code === 0 || code === '0') return { ok: true };
        return toSendResult(answer, message.touser);
      } catch (error) {
        return toSendResult(error, message.touser);
      }
    })();
    try {
      return await Promise.race([call, deadline]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

function defaultSend(params: SendParams): Promise<unknown> {
  const api = sdk().openapi as { subscribeMessage: { send(p: SendParams): Promise<unknown> } };
  return api.subscribeMessage.send(params);
}
