// workbench-entry: on the resident home, for staff only (staff.me decides): who they are, how much
// waits (queue.counts), and a tap that opens the queue and asks for the staff notifications.
import { apiFake } from './support/api-fake';
import { counts, staffMe } from './support/staff-data';
import { exists, find, flush, load, render, tap, textOf } from './support/render';
import { navigations, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let id: string;
beforeAll(() => {
  id = load('components/workbench-entry/workbench-entry');
});

test('a resident sees nothing, and nothing more is asked', async () => {
  const c = render(id);
  await flush();
  expect(exists(c, '.entry')).toBe(false);
  expect(apiFake.actions()).toEqual(['staff.me']);
});

test('staff see their name, role and area, and what waits', async () => {
  apiFake.on('staff.me', () => staffMe()).on('queue.counts', () => counts());
  const c = render(id);
  await flush();
  const text = textOf(find(c, '.entry'));
  expect(text).toContain('工作台 · 张燕，您好');
  expect(text).toContain('网格员 · 华光社区 · 华光社区第一网格（华光路北）、华光社区第二网格（人民西路）');
  expect(text).toContain('待受理 4 件');
  expect(text).not.toContain('已超期');
});

test('a tap opens the queue and asks for the staff templates in the same tap', async () => {
  apiFake
    .on('staff.me', () => staffMe())
    .on('queue.counts', () => counts({ overdue: 2 }))
    .on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }));
  wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'reject' } };
  const c = render(id);
  await flush();
  expect(textOf(find(c, '.entry__counts'))).toBe('待受理 4 件 · 已超期 2 件');
  await tap(c, '.entry');
  expect(wxFake.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['staffNewTicket', 'staffEscalated']);
  expect(navigations('navigateTo')).toEqual(['/staff/pages/home/home']);
  expect(apiFake.callsOf('subscription.record')).toEqual([{ grants: { staffNewTicket: 'accept', staffEscalated: 'reject' } }]);
});

test('counts that fail leave the entry without numbers; an unknown identity shows nothing', async () => {
  apiFake.on('staff.me', () => staffMe()).fail('queue.counts', 'NETWORK');
  const c = render(id);
  await flush();
  expect(exists(c, '.entry')).toBe(true);
  expect(exists(c, '.entry__counts')).toBe(false);
});

test('not knowing who this is: no entry, no error', async () => {
  apiFake.fail('staff.me', 'NETWORK');
  const c = render(id);
  await flush();
  expect(exists(c, '.entry')).toBe(false);
});
