// Subscription message templates: logical keys mapped to real template ids by configuration
// (SUBSCRIBE_TEMPLATE_IDS='{"ticketAccepted":"AbC…"}'; locally each id equals its key), and
// the field names of each template as registered in the 公众平台 (订阅消息 → 我的模板).
export type TemplateKey = Api.TemplateKey;

export type FieldKind = 'thing' | 'phrase' | 'time' | 'character_string';

/** The template fields, in the order the template shows them. Field names carry their kind. */
export const TEMPLATE_FIELDS: Readonly<Record<TemplateKey, readonly string[]>> = {
  ticketAccepted: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
  ticketResolved: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
  ticketRejected: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
  staffNewTicket: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
  staffEscalated: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
};

export const TEMPLATE_KEYS = Object.keys(TEMPLATE_FIELDS) as TemplateKey[];

/** Where a tap on the message opens the mini program (must exist in the live version: 41030). */
export const RESIDENT_TICKET_PAGE = 'pages/ticket/ticket';
/** The staff handling page of the ticket (miniprogram/staff/pages/ticket). */
export const STAFF_TICKET_PAGE = 'staff/pages/ticket/ticket';

function parseObject(env: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = env ? JSON.parse(env) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Which templates are long-term (SUBSCRIBE_TEMPLATE_KINDS='{"staffNewTicket":"longTerm"}'):
 * one grant then allows every later message, as for 政务民生 services (PLATFORM.md item 22).
 * Anything not named, or named with another value, is one-time.
 */
export function templateKinds(env: string | undefined): Readonly<Partial<Record<TemplateKey, Api.TemplateKind>>> {
  const configured = parseObject(env);
  const kinds: Partial<Record<TemplateKey, Api.TemplateKind>> = {};
  for (const key of TEMPLATE_KEYS) if (configured[key] === 'longTerm') kinds[key] = 'longTerm';
  return kinds;
}

export function templateIds(env: string | undefined): Readonly<Record<TemplateKey, string>> {
  const configured = parseObject(env);
  const ids = {} as Record<TemplateKey, string>;
  for (const key of TEMPLATE_KEYS) {
    const id = configured[key];
    ids[key] = typeof id === 'string' && id.length > 0 ? id : key;
  }
  return ids;
}
