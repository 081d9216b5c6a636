// Staff notifications that arrive (PLATFORM.md item 22): the staff templates are asked for in the
// staff member's own taps — opening the queue, accept, resolve — because WeChat only shows the
// request as the first thing in a tap. One-time grants add up: each 'accept' is one more message.
// Long-term templates (政务民生) need one grant: once accepted we stop asking.
import { config, type StaffTemplateKey } from '../config';
import { askGrants, recordGrants } from './subscribe';

const STAFF_TEMPLATES: ReadonlyArray<StaffTemplateKey> = ['staffNewTicket', 'staffEscalated'];
/** Set once every long-term staff template was accepted. */
const LONG_TERM_KEY = 'staff-long-term-granted-v1';

export function staffTemplateIds(): string[] {
  return STAFF_TEMPLATES.map((key) => config.staffTemplateIds[key]);
}

function longTermGranted(): boolean {
  try {
    return wx.getStorageSync(LONG_TERM_KEY) === true;
  } catch {
    return false;
  }
}

function rememberLongTerm(grants: Record<string, Api.GrantResult>): void {
  if (config.staffTemplateKind !== 'longTerm') return;
  if (!staffTemplateIds().every((id) => grants[id] === 'accept')) return;
  try {
    wx.setStorageSync(LONG_TERM_KEY, true);
  } catch {
    // Asking again next time is harmless.
  }
}

/**
 * Must be called synchronously at the start of a tap handler (before any await). Asks for the
 * staff templates, then records what was granted; never rejects and never holds up the tap's own
 * work (subscribe.ts's askGrants says how a failed request counts).
 */
export function requestStaffSubscriptions(): Promise<void> {
  if (config.staffTemplateKind === 'longTerm' && longTermGranted()) return Promise.resolve();
  return askGrants(staffTemplateIds()).then(async (grants) => {
    rememberLongTerm(grants);
    await recordGrants(grants);
  });
}
