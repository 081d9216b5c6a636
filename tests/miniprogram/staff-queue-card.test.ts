// staff-queue-card: one ticket in the workbench queue (real queue.list items).
import { fixClock, realClock } from './support/clock';
import { queuePage, staffAnswers } from './support/staff-data';
import { asListItem } from './support/real-answers';
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
  const item = queuePage().items[0]!;
  const c = render(id, { card: toQueueCard(item, new Date()) });
  await flush();
  const text = textOf(c);
  expect(text).toContain('抢修抢险');
  expect(text).toContain('华光路 1 号 3号楼地下室');
  expect(text).toContain('剩 10 分钟');
  expect(text).toContain('3号楼地下室水管爆了');
  expect(text).toContain(item.no);
  expect(exists(c, '.qcard__time--soon')).toBe(true);
  await tap(c, '.qcard');
  expect(navigations('navigateTo')).toEqual([`/staff/pages/ticket/ticket?id=${item.id}`]);
});

test('escalated by the sweep and overdue: red, the level, the 督办 mark', async () => {
  const item = staffAnswers().communityOverdue.items[0]!;
  const c = render(id, { card: toQueueCard(item, new Date()) });
  await flush();
  expect(exists(c, '.qcard--overdue')).toBe(false); // a fresh deadline at the community…
  expect(textOf(find(c, '.tag--supervised'))).toBe('督办');
  expect(textOf(find(c, '.tag--level'))).toBe('社区');
  const late = render(id, {
    card: toQueueCard(
      { ...item, deadline: item.deadline && { ...item.deadline, at: '2026-11-22T16:00:00.000Z', overdue: true } },
      new Date(),
    ),
  });
  await flush();
  expect(exists(late, '.qcard--overdue')).toBe(true); // …and once that one passes too
  expect(textOf(late)).toContain('超期 10 小时');
});

test('a 代报 shows its source; how many residents reported it, when the server says', async () => {
  const proxy = render(id, {
    card: toQueueCard(
      queuePage().items.find((t) => t.source === 'proxy')!,
      new Date(),
    ),
  });
  await flush();
  expect(textOf(find(proxy, '.tag--source'))).toBe('代报');
  const many = render(id, { card: toQueueCard({ ...queuePage().items[2]!, affectedCount: 4 }, new Date()) });
  await flush();
  expect(textOf(find(many, '.qcard__affected'))).toBe('4 人反映');
});

test('a resolved ticket shows its status instead of a deadline', async () => {
  const c = render(id, { card: toQueueCard(asListItem(staffAnswers().moves.resolve), new Date()) });
  await flush();
  expect(textOf(find(c, '.qcard__time'))).toBe('已办结');
});
