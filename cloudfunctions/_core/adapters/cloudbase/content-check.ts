// WeChat content security, msgSecCheck v2: read result.suggest (pass / review / risky). The v1
// habit of checking errcode 87014 lets everything through under v2, so we never rely on it.
// If the service cannot answer, the text is kept and treated as "review" rather than losing a
// resident's report to an outage.
import type { ContentCheck, ContentVerdict } from '../../ports';
import { sdk } from './sdk';

/** 3 = 论坛 (forum-like public posts), the closest scene for a report and its replies. */
const SCENE = 3;

export interface SecCheckResult {
  errCode?: number;
  result?: { suggest?: string };
}

export type SecCheckFn = (params: Record<string, unknown>) => Promise<SecCheckResult>;

const cloudSecCheck: SecCheckFn = (params) => (sdk().openapi as { security: { msgSecCheck: SecCheckFn } }).security.msgSecCheck(params);

export class CloudContentCheck implements ContentCheck {
  /** secCheck: the cloud call (injected in tests to answer each documented failure). */
  constructor(private readonly secCheck: SecCheckFn = cloudSecCheck) {}

  async check(openid: string, text: string): Promise<ContentVerdict> {
    try {
      const res = await this.secCheck({ openid, scene: SCENE, version: 2, content: text });
      const suggest = res.result?.suggest;
      return suggest === 'pass' || suggest === 'risky' || suggest === 'review' ? suggest : 'review';
    } catch {
      return 'review';
    }
  }
}
