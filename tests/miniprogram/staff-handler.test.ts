// staff-handler: on the resident's detail, who handles the ticket — display name and work number
// with a call button — as the server names them (TicketView.handler); nothing while nobody does.
import { exists, find, flush, load, render, tap, textOf } from './support/render';
import { wxFake } from './support/wx-fake';

let id: string;
beforeAll(() => {
  id = load('components/staff-handler/staff-handler');
});

test('name and work number, and a call to it', async () => {
  const c = render(id, { handler: { name: '张燕', phone: '0533-2180101' } });
  await flush();
  expect(textOf(find(c, '.handler'))).toContain('负责人员张燕0533-2180101');
  await tap(c, '.handler__call');
  expect(wxFake.makePhoneCall.mock.calls.map((x) => x[0]?.phoneNumber)).toEqual(['0533-2180101']);
});

test('no work number: said so, no call button', async () => {
  const c = render(id, { handler: { name: '王芳', phone: null } });
  await flush();
  expect(textOf(find(c, '.handler'))).toContain('未留工作电话');
  expect(exists(c, '.handler__call')).toBe(false);
});

test('nobody yet: nothing', async () => {
  const c = render(id, { handler: null });
  await flush();
  expect(exists(c, '.handler')).toBe(false);
});
