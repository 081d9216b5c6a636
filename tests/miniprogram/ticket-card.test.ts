// ticket-card: one of my reports in the list.
import { fixClock, realClock } from './support/clock';
import { listItem, overdueTicket, ticketView } from './support/demo-data';
import { find, flush, load, render, tap, textOf } from './support/render';
import { navigations } from './support/wx-fake';
import { toCard } from '../../miniprogram/utils/ticket-view';

describe('ticket-card', () => {
  let id: string;
  beforeAll(() => {
    id = load('components/ticket-card/ticket-card');
  });
  beforeEach(() => fixClock());
  afterEach(() => realClock());

  test('shows category, kind, status, excerpt, time and deadline; a tap opens the ticket', async () => {
    const c = render(id, { card: toCard(listItem(overdueTicket()), new Date()) });
    await flush();
    const text = textOf(c);
    expect(text).toContain('市政设施 · 投诉');
    expect(text).toContain('处理中');
    expect(text).toContain('已超时');
    expect(text).toContain('小区南门的路灯坏了');
    expect(text).toContain('上报于 11月18日 19:20');
    expect(text).toContain('办结期限 11月21日 24:00');
    await tap(c, '.card');
    expect(navigations('navigateTo')).toEqual(['/pages/ticket/ticket?id=t-0990']);
  });

  test('a long description is cut to one short excerpt', () => {
    const c = render(id, { card: toCard(listItem(ticketView({ description: '很长的描述'.repeat(40) })), new Date()) });
    expect(textOf(find(c, '.card__excerpt'))).toHaveLength(61);
  });
});
