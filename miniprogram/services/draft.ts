// The report being filled in survives an app kill: its text, choices and — what matters most —
// its clientRequestId, so a submit that reached the server before the kill is answered with the
// same ticket instead of a second one when the resident submits again.
import { isRecord } from '../utils/guards';

export interface ReportDraft {
  clientRequestId: string;
  category: Api.CategoryCode | '';
  kind: Api.Kind;
  /** The resident tapped the kind themselves: a category picked later no longer changes it. */
  kindChosen?: boolean;
  description: string;
  contactPhone: string;
  location: Api.Location | null;
}

const KEY = 'report-draft-v1';

export function newClientRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

export function emptyDraft(category: Api.CategoryCode | '' = ''): ReportDraft {
  return { clientRequestId: newClientRequestId(), category, kind: 'complaint', description: '', contactPhone: '', location: null };
}

function isDraft(v: unknown): v is ReportDraft {
  return isRecord(v) && typeof v.clientRequestId === 'string' && v.clientRequestId.length > 0 && typeof v.description === 'string';
}

export function loadDraft(): ReportDraft | null {
  try {
    const stored: unknown = wx.getStorageSync(KEY);
    return isDraft(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: ReportDraft): void {
  try {
    wx.setStorageSync(KEY, draft);
  } catch {
    // Storage full or unavailable: the form still works, only the kill-safety is lost.
  }
}

export function clearDraft(): void {
  try {
    wx.removeStorageSync(KEY);
  } catch {
    // nothing to clean
  }
}
