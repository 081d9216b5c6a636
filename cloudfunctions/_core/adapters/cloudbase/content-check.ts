// WeChat content security, msgSecCheck v2: read result.suggest (pass / review / risky). The v1
// habit of checking errcode 87014 lets everything through under v2, so we never rely on it.
// If the service cannot answer, the text is kept and treated as "review" rather than losing a
// resident's report to an outage.
import type { ContentCheck, ContentVerdict } from '../../ports';
import { sdk } from './sdk';

/** 3 = 论坛 (forum-like public posts), the closest scene for a report and its replies. */
const SCENE = 3;

interface SecCheckResult {
  errCode?: number;
  result?: { suggest?: string };
}

export class CloudContentCheck implements ContentCheck {
  async check(openid: string, text: string): Promise<ContentVerdict> {
    try {
      const api = sdk().openapi as { security: { msgSecCheck(p: Record<string, unknown>): Promise<SecCheckResult> } };
      const res = await api.security.msgSecCheck({ openid, scene: SCENE, version: 2, content: text });
      const suggest = res.result?.suggest;
      return suggest === 'pass' || suggest === 'risky' || suggest === 'review' ? suggest : 'review';
    } catch {
      return 'review';
    }
  }
}
