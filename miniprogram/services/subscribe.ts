// One-time subscription grants, asked in the same tap that submits (WeChat refuses the request
// anywhere else). Each 'accept' lets the server send one message of that template. The asking and
// the recording serve the staff's templates too (staff-subscribe.ts).
import { config, type ResidentTemplateKey } from '../config';
import { call, localServer } from './api';

const RESIDENT_TEMPLATES: ReadonlyArray<ResidentTemplateKey> = ['ticketAccepted', 'ticketResolved', 'ticketRejected'];
const GRANTS: ReadonlyArray<Api.GrantResult> = ['accept', 'reject', 'ban', 'filter'];

export function residentTemplateIds(): string[] {
  return RESIDENT_TEMPLATES.map((key) => config.templateIds[key]);
}

/**
 * Asks WeChat for `tmplIds` and answers what the person granted for each. Must be called
 * synchronously inside a tap handler, before any await. Never rejects: a refused or failed request
 * just means no messages. In local development the placeholder ids cannot be granted by WeChat, so
 * a failed request counts as accepted to let the local outbox be exercised.
 */
export function askGrants(tmplIds: string[]): Promise<Record<string, Api.GrantResult>> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => {
        const grants: Record<string, Api.GrantResult> = {};
        for (const id of tmplIds) {
          const value = GRANTS.find((g) => g === res[id]);
          if (value) grants[id] = value;
        }
        resolve(grants);
      },
      fail: () => {
        const grants: Record<string, Api.GrantResult> = {};
        if (localServer()) for (const id of tmplIds) grants[id] = 'accept';
        resolve(grants);
      },
    });
  });
}

/** The resident's templates, asked in the tap that submits (see askGrants). */
export function requestResidentSubscriptions(): Promise<Record<string, Api.GrantResult>> {
  return askGrants(residentTemplateIds());
}

/** Tells the server what was granted; losing this is not worth bothering the resident. */
export async function recordGrants(grants: Record<string, Api.GrantResult>): Promise<void> {
  if (Object.keys(grants).length === 0) return;
  try {
    await call('subscription.record', { grants });
  } catch {
    // The report matters more than its notifications.
  }
}
