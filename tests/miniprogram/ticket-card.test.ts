// ticket-card: one of my reports in the list, from the server's real list items.
import { toCard } from '../../miniprogram/utils/ticket-view';
import { fixClock, realClock } from './support/clock';
import { asListItem, realAnswers } from './support/real-answers';
import { exists, find, flush, load, render, tap, textOf } from './support/render';
import { navigations } from './support/wx-fake';

describe('ticket-card', () => {
  let id: string;
  beforeAll(() => {
    id = load('components/ticket-card/ticket-card');
  });
  beforeEach(() => fixClock());
  afterEach(() => realClock());
  const { tickets } = realAnswers();
  const card = (view: Api.TicketView, changes: Partial<Api.TicketListItem> = {}) => toCard({ ...asListItem(view), ...changes }, new Date());

  test('shows category, kind, status, excerpt, time and the deadline in red once passed; a tap opens the ticket', async () => {
    const c = render(id, { card: card(tickets.urgentLate) });
    await flush();
    const text = textOf(c);
    expect(text).toContain('抢修抢险 · 投诉');
    expect(text).toContain('待受理');
    expect(text).toContain('3号楼地下室水管爆了');
    expect(text).toContain('上报于 11月23日 09:00');
    expect(textOf(find(c, '.card__deadline'))).toBe('11月23日 09:30 前受理（已超时）');
    expect(exists(c, '.card__deadline--overdue')).toBe(true);
    expect(textOf(find(c, '.card__status'))).toBe('待受理已超时');
    await tap(c, '.card');
    expect(navigations('navigateTo')).toEqual([`/pages/ticket/ticket?id=${tickets.urgentLate.id}`]);
  });

  test('a ticket waiting for the rating is framed and says 待评价 · 去评价', async () => {
    const c = render(id, { card: card(tickets.resolved) });
    await flush();
    expect(textOf(find(c, '.card__rate'))).toBe('待评价去评价');
    expect(exists(c, '.card--rate')).toBe(true);
    expect(exists(c, '.card__deadline')).toBe(false);
  });

  test('a long description is cut to one short excerpt', () => {
    const c = render(id, { card: card(tickets.submitted, { description: '很长的描述'.repeat(40) }) });
    expect(textOf(find(c, '.card__excerpt'))).toHaveLength(61);
  });
});
