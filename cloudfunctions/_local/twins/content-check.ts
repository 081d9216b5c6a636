// The local twin of msgSecCheck: passes everything except text containing the documented test
// word "违禁测试" (risky) or "待审核测试" (review), so tests and demos can exercise both paths.
import type { ContentCheck, ContentVerdict } from '../../_core/ports';

export const LOCAL_RISKY_WORD = '违禁测试';
export const LOCAL_REVIEW_WORD = '待审核测试';

export class LocalContentCheck implements ContentCheck {
  async check(_openid: string, text: string): Promise<ContentVerdict> {
    if (text.includes(LOCAL_RISKY_WORD)) return 'risky';
    if (text.includes(LOCAL_REVIEW_WORD)) return 'review';
    return 'pass';
  }
}
