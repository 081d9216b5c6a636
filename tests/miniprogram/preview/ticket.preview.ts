// One report in full (pages/ticket/ticket): every state at both font sizes.
import { apiFake } from '../support/api-fake';
import { fixClock, realClock } from '../support/clock';
import { overdueTicket, resolvedTicket, ticketView, entry } from '../support/demo-data';
import { callPage, load, render, tap, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/ticket/ticket');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function open(view: Api.TicketView | null): Promise<Root> {
  if (view) apiFake.on('ticket.get', () => view);
  const page = render(pageId);
  await callPage(page, 'onLoad', { id: view?.id ?? 't-1001' });
  return page;
}

test('waiting to be accepted (the resident may withdraw)', async () => {
  const page = await open(ticketView());
  await snapshotBoth('ticket-submitted', '详情：待受理，可撤回', page, { fullPage: true });
  await tap(page, '.withdraw');
  await snapshotBoth('ticket-withdraw-dialog', '详情：确认撤回', page);
});

test('being handled', async () => {
  const view = ticketView({
    status: 'accepted',
    resolveBy: '2026-11-25T16:00:00.000Z',
    complexity: 'normal',
    allowedActions: [],
    timeline: [
      entry('submit', 'resident', '您', null, 'submitted', '2026-11-22T06:05:00.000Z'),
      entry('accept', 'gridWorker', '网格员', 'submitted', 'accepted', '2026-11-22T06:32:00.000Z', '已收到，马上联系环卫。'),
    ],
  });
  const page = await open(view);
  await snapshotBoth('ticket-accepted', '详情：处理中', page, { fullPage: true });
});

test('overdue and escalated', async () => {
  const page = await open(overdueTicket());
  await snapshotBoth('ticket-overdue', '详情：超时，已到社区', page, { fullPage: true });
});

test('resolved, waiting for the rating', async () => {
  const page = await open(resolvedTicket({ allowedActions: ['rate', 'reopen'] }));
  await snapshotBoth('ticket-resolved', '详情：已办结，待评价（第一屏）', page);
  await snapshotBoth('ticket-resolved-full', '详情：已办结，待评价（整页）', page, { fullPage: true });
  await tap(page, '.rate-submit');
  await snapshotBoth('ticket-rate-error', '详情：没选满意程度就提交', page, { fullPage: true });
});

test('unsatisfied: asking for 重办', async () => {
  const page = await open(resolvedTicket({ allowedActions: ['rate', 'reopen'] }));
  await tap(page, '.reopen');
  await snapshotBoth('ticket-reopen', '详情：申请重办', page);
});

test('rated and closed', async () => {
  const page = await open(resolvedTicket({ status: 'closed', rating: 'satisfied', ratingComment: '处理得很及时，谢谢！', allowedActions: [] }));
  await snapshotBoth('ticket-closed', '详情：已评价归档', page, { fullPage: true });
});

test('rejected', async () => {
  const view = ticketView({
    status: 'rejected',
    acceptBy: null,
    allowedActions: [],
    timeline: [
      entry('submit', 'resident', '您', null, 'submitted', '2026-11-22T06:05:00.000Z'),
      entry('reject', 'gridWorker', '网格员', 'submitted', 'rejected', '2026-11-22T07:00:00.000Z', '与 20261121-0002 是同一个问题，已合并处理。'),
    ],
  });
  const page = await open(view);
  await snapshotBoth('ticket-rejected', '详情：不予受理', page, { fullPage: true });
});

test('loading', async () => {
  apiFake.on('ticket.get', () => new Promise<never>(() => undefined));
  const page = await open(null);
  await snapshotBoth('ticket-loading', '详情：加载中', page);
});

test('not found', async () => {
  apiFake.fail('ticket.get', 'NOT_FOUND');
  const page = await open(null);
  await snapshotBoth('ticket-error', '详情：没有找到', page);
});
