// After a report: the number, and in words who accepts it by when (Asia/Shanghai).
import { callPage, find, load, render, tap, textOf } from './support/render';
import { navigations, toasts, wxFake } from './support/wx-fake';
import { fixClock, realClock } from './support/clock';

let pageId: string;
beforeAll(() => {
  pageId = load('pages/report-success/report-success');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

const QUERY = { ticketId: 't-2001', no: '20261123-0015', acceptBy: encodeURIComponent('2026-11-25T16:00:00.000Z'), triage: '0' };

test('says the number and "网格员将在 11月25日 24:00 前受理"', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', QUERY);
  expect(textOf(find(page, '.success__title'))).toBe('上报成功');
  expect(textOf(find(page, '.number__value'))).toBe('20261123-0015');
  expect(textOf(find(page, '.success__promise'))).toBe('网格员将在 11月25日 24:00 前受理');
  expect(textOf(find(page, '.steps'))).toContain('办结后请您评价是否满意');
});

test('a deadline in the middle of the day reads as a clock time', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', { ...QUERY, acceptBy: '2026-11-23T06:35:00.000Z' });
  expect(textOf(find(page, '.success__promise'))).toBe('网格员将在 11月23日 14:35 前受理');
});

test('a report outside every grid goes to the community triage queue, and says so', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', { ...QUERY, triage: '1' });
  expect(textOf(find(page, '.success__promise'))).toBe('已转交社区统一分派，将在 11月25日 24:00 前受理');
});

test('without a deadline it still says what happens', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', { ...QUERY, acceptBy: '' });
  expect(textOf(find(page, '.success__promise'))).toBe('我们会尽快安排网格员受理');
});

test('the number can be copied; the buttons lead to the ticket and home', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', QUERY);
  await tap(page, '.number');
  expect(wxFake.setClipboardData.mock.calls[0][0]?.data).toBe('20261123-0015');
  expect(toasts()).toEqual(['编号已复制']);
  await tap(page, '.view-progress');
  await tap(page, '.back-home');
  expect(navigations('redirectTo')).toEqual(['/pages/ticket/ticket?id=t-2001']);
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});

test('a broken link shows an error face with a way home', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', {});
  expect(textOf(find(page, '.missing'))).toContain('没有找到这条记录');
  await tap(page, '.missing >> .state__action');
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});
