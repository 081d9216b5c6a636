// staff-timeline: who did what by role and name, newest first, notes and photos to enlarge.
import { fixClock, realClock } from './support/clock';
import { acceptedTicket, staffAnswers } from './support/staff-data';
import { DEMO_PHOTOS } from './support/demo-data';
import { findAll, flush, load, render, tap, textOf } from './support/render';
import { wxFake } from './support/wx-fake';
import { toStaffTimeline } from '../../miniprogram/utils/staff-ticket';

let id: string;
beforeAll(() => {
  id = load('staff/components/staff-timeline/staff-timeline');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

test('rows newest first with names, times and notes', async () => {
  const c = render(id, { rows: toStaffTimeline(acceptedTicket().timeline, new Date()) });
  await flush();
  expect(findAll(c, '.tl__title').map(textOf)).toEqual(['街道 陈静 督办', '网格员 张燕 受理了', '居民 提交了上报']);
  expect(findAll(c, '.tl__time').map(textOf)).toEqual(['11月23日 09:50', '11月23日 09:30', '11月20日 14:00']);
  expect(textOf(findAll(c, '.tl__note')[0])).toBe('请今天内上门核实');
});

test('photos of a row enlarge within that row', async () => {
  const resolved = staffAnswers().moves.resolve;
  const entries = (resolved.timeline ?? []).map((e) => (e.kind === 'submit' ? { ...e, photoUrls: [DEMO_PHOTOS[2]!, DEMO_PHOTOS[3]!] } : e));
  const c = render(id, { rows: toStaffTimeline(entries, new Date()) });
  await flush();
  const rows = findAll(c, '.tl');
  expect(textOf(rows.at(-1))).toContain('居民 提交了上报');
  await tap(c, '.tl__photo', 1);
  expect(wxFake.previewImage.mock.calls[0][0]).toEqual({ urls: [DEMO_PHOTOS[2], DEMO_PHOTOS[3]], current: DEMO_PHOTOS[3] });
});
