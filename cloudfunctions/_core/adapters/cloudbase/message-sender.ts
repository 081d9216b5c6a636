// Subscription messages through the cloud call `openapi.subscribeMessage.send` (listed in the
// functions' config.json permissions.openapi). wx-server-sdk takes camelCase parameters and
// turns them into the HTTPS API's snake_case (templateId → template_id, miniprogramState →
// miniprogram_state); it throws a CloudSDKError { errCode, errMsg } for a WeChat errcode.
// Every outcome comes back as a SendResult: this adapter never throws. How long a send may take
// is the deliver job's to decide (one deadline for every sender, jobs/deliver.ts).
import type { MessageSender, OutboxMessage, SendResult } from '../../ports';
import { sdk } from './sdk';
import { isRecord } from '../../domain/guards';

export type MiniprogramState = 'developer' | 'trial' | 'formal';

const UNKNOWN_ERRCODE = -1;
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

/** errCode/errMsg of a thrown SDK error or an answer; the recipient's openid never kept. */
export function toSendResult(outcome: unknown, touser: string): SendResult {
  if (!isRecord(outcome)) return { ok: false, errCode: UNKNOWN_ERRCODE, errMsg: 'unexpected answer' };
  const rawCode = outcome.errCode ?? outcome.errcode;
  const errCode =
    typeof rawCode === 'number' ? rawCode : typeof rawCode === 'string' && /^-?\d+$/.test(rawCode) ? Number(rawCode) : UNKNOWN_ERRCODE;
  const rawMsg = outcome.errMsg ?? outcome.errmsg ?? outcome.message;
  const errMsg = (typeof rawMsg === 'string' ? rawMsg : 'unknown error').split(touser).join('***').slice(0, MAX_ERRMSG);
  return { ok: false, errCode, errMsg };
}

export class CloudMessageSender implements MessageSender {
  private readonly state: MiniprogramState;

  constructor(private readonly options: { state?: MiniprogramState; send?: SendFn } = {}) {
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
    try {
      const answer = await (this.options.send ?? defaultSend)(params);
      const code = isRecord(answer) ? (answer.errCode ?? answer.errcode ?? 0) : null;
      if (code === 0 || code === '0') return { ok: true };
      return toSendResult(answer, message.touser);
    } catch (error) {
      return toSendResult(error, message.touser);
    }
  }
}

function defaultSend(params: SendParams): Promise<unknown> {
  const api = sdk().openapi as { subscribeMessage: { send(p: SendParams): Promise<unknown> } };
  return api.subscribeMessage.send(params);
}
