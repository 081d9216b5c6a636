// One-time subscription grants, asked in the same tap that submits (WeChat refuses the request
// anywhere else). Each 'accept' lets the server send one message of that template.
import { config, type ResidentTemplateKey } from '../config';
import { call, localServer } from './api';

const RESIDENT_TEMPLATES: ReadonlyArray<ResidentTemplateKey> = ['ticketAccepted', 'ticketResolved', 'ticketRejected'];
const GRANTS: ReadonlyArray<Api.GrantResult> = ['accept', 'reject', 'ban', 'filter'];

export function residentTemplateIds(): string[] {
  return RESIDENT_TEMPLATES.map((key) => config.templateIds[key]);
}

/**
 * Must be called synchronously inside a tap handler, before any await. Never rejects: a refused
 * or failed request just means no messages. In local development the placeholder ids cannot be
 * granted by WeChat, so a failed request counts as accepted to let the local outbox be exercised.
 */
export function requestResidentSubscriptions(): Promise<Record<string, Api.GrantResult>> {
  const tmplIds = residentTemplateIds();
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

/** Tells the server what was granted; losing this is not worth bothering the resident. */
export async function recordGrants(grants: Record<string, Api.GrantResult>): Promise<void> {
  if (Object.keys(grants).length === 0) return;
  try {
    await call('subscription.record', { grants });
  } catch {
    // The report matters more than its notifications.
  }
}
