// staff-queue-card: one ticket in the workbench queue.
import { fixClock, realClock } from './support/clock';
import { listItem } from './support/demo-data';
import { queuePage, staffTicket } from './support/staff-data';
import { exists, find, flush, load, render, tap, textOf } from './support/render';
import { navigations } from './support/wx-fake';
import { toQueueCard } from '../../miniprogram/utils/staff-queue';

let id: string;
beforeAll(() => {
  id = load('staff/components/staff-queue-card/staff-queue-card');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

test('category, place, time left, excerpt, number; a tap opens the handling page', async () => {
  const c = render(id, { card: toQueueCard(queuePage().items[0]!, new Date()) });
  await flush();
  const text = textOf(c);
  expect(text).toContain('抢修抢险');
  expect(text).toContain('华光路 1 号 3号楼');
  expect(text).toContain('剩 35 分钟');
  expect(text).toContain('3号楼水管爆裂');
  expect(text).toContain('20261123-0005');
  expect(exists(c, '.qcard__time--soon')).toBe(true);
  await tap(c, '.qcard');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/ticket/ticket?id=q-1']);
});

test('overdue and supervised: red, with the 督办 mark; escalated: the level; 代报: the source', async () => {
  const overdue = render(id, { card: toQueueCard(queuePage().items[1]!, new Date()) });
  await flush();
  expect(exists(overdue, '.qcard--overdue')).toBe(true);
  expect(textOf(find(overdue, '.tag--supervised'))).toBe('督办');
  expect(textOf(overdue)).toContain('超期 10 小时');
  const escalated = render(id, { card: toQueueCard(queuePage().items[2]!, new Date()) });
  await flush();
  expect(textOf(find(escalated, '.tag--level'))).toBe('社区');
  const proxy = render(id, { card: toQueueCard(queuePage().items[3]!, new Date()) });
  await flush();
  expect(textOf(find(proxy, '.tag--source'))).toBe('代报');
});

test('how many residents reported it, when the server says', async () => {
  const item = { ...listItem(staffTicket()), affectedCount: 4 };
  const c = render(id, { card: toQueueCard(item, new Date()) });
  await flush();
  expect(textOf(find(c, '.qcard__affected'))).toBe('4 人反映');
});

test('a resolved ticket shows its status instead of a deadline', async () => {
  const c = render(id, { card: toQueueCard(listItem(staffTicket({ status: 'resolved', acceptBy: null })), new Date()) });
  await flush();
  expect(textOf(find(c, '.qcard__time'))).toBe('已办结');
});
