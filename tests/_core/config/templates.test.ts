// Subscription template configuration: the pages messages open exist in the mini program (a
// page missing from the live version is 41030), and the template kinds come from configuration.
import fs from 'node:fs';
import path from 'node:path';
import { RESIDENT_TICKET_PAGE, STAFF_TICKET_PAGE, templateKinds } from '../../../cloudfunctions/_core/config/templates';

const appJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../miniprogram/app.json'), 'utf8')) as {
  pages: string[];
  subpackages?: Array<{ root: string; pages: string[] }>;
};
const allPages = [...appJson.pages, ...(appJson.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

test('the pages messages open are pages of the mini program', () => {
  expect(allPages).toContain(RESIDENT_TICKET_PAGE);
  expect(allPages).toContain(STAFF_TICKET_PAGE);
  expect(STAFF_TICKET_PAGE).toBe('staff/pages/ticket/ticket');
});

test('SUBSCRIBE_TEMPLATE_KINDS names the long-term templates; anything else is one-time', () => {
  expect(templateKinds(undefined)).toEqual({});
  expect(templateKinds('{"staffNewTicket":"longTerm","staffEscalated":"longTerm"}')).toEqual({
    staffNewTicket: 'longTerm',
    staffEscalated: 'longTerm',
  });
  expect(templateKinds('{"staffNewTicket":"forever","nope":"longTerm","ticketAccepted":"oneTime"}')).toEqual({});
  expect(templateKinds('not json')).toEqual({});
});
