// One report in full (pages/ticket/ticket): every state at both font sizes, from the server's
// real answers (pictures swapped for drawable ones).
import { apiFake } from '../support/api-fake';
import { withPictures } from '../support/demo-data';
import { snapshotBoth } from '../support/preview';
import { realAnswers } from '../support/real-answers';
import { tap, type, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const ticketPage = pageUnderTest('pages/ticket/ticket');

const { tickets, moves } = realAnswers();

async function open(view: Api.TicketView | null): Promise<Root> {
  if (view) apiFake.on('ticket.get', () => withPictures(view));
  const page = await ticketPage.open({ id: view?.id ?? 't-1' });
  return page;
}

test('waiting to be accepted', async () => {
  const page = await open(tickets.submitted);
  await snapshotBoth('ticket-submitted', '详情：待受理（撤回在页尾）', page);
  await snapshotBoth('ticket-submitted-full', '详情：待受理（整页）', page, { fullPage: true });
  await tap(page, '.withdraw');
  await snapshotBoth('ticket-withdraw-dialog', '详情：确认撤回', page);
});

test('past its deadline: 催办', async () => {
  const page = await open(tickets.urgentLate);
  await snapshotBoth('ticket-late', '详情：已过受理期限，可以催办', page);
  apiFake.on('report.urge', () => withPictures(moves.urge));
  await tap(page, '.urge-btn');
  await snapshotBoth('ticket-urged', '详情：催办之后', page, { fullPage: true });
});

test('being handled', async () => {
  await snapshotBoth('ticket-accepted', '详情：处理中', await open(tickets.accepted), { fullPage: true });
});

test('overdue and escalated to the community', async () => {
  await snapshotBoth('ticket-overdue', '详情：超时后交社区督办', await open(tickets.overdue), { fullPage: true });
});

test('resolved, waiting for the rating', async () => {
  const page = await open(tickets.resolved);
  await snapshotBoth('ticket-resolved', '详情：已办结，待评价（第一屏）', page);
  await snapshotBoth('ticket-resolved-full', '详情：已办结，待评价（整页）', page, { fullPage: true });
  await tap(page, '.rate-submit');
  await snapshotBoth('ticket-rate-error', '详情：没选满意程度就提交', page);
  await tap(page, '.rate__choice', 0);
  await type(page, '.rate__comment', '处理得很快，谢谢！');
  await snapshotBoth('ticket-rate-filled', '详情：评价填好了', page);
});

test('rated 不满意: 重办', async () => {
  const page = await open(tickets.unsatisfied);
  await snapshotBoth('ticket-unsatisfied', '详情：不满意，可申请重办', page, { fullPage: true });
  await tap(page, '.reopen');
  await snapshotBoth('ticket-reopen', '详情：申请重办', page);
  await tap(page, '.reopen-submit');
  await snapshotBoth('ticket-reopen-error', '详情：重办没填原因', page);
});

test('rated and closed', async () => {
  await snapshotBoth('ticket-closed', '详情：已评价归档', await open(tickets.closed), { fullPage: true });
});

test('rejected', async () => {
  await snapshotBoth('ticket-rejected', '详情：不予受理', await open(tickets.rejected), { fullPage: true });
});

test('withdrawn', async () => {
  await snapshotBoth('ticket-withdrawn', '详情：已撤回', await open(tickets.withdrawn), { fullPage: true });
});

test('followed and claimed (typed fakes until report.follow / report.claim land)', async () => {
  await snapshotBoth(
    'ticket-followed',
    '详情：我关注的问题',
    await open({ ...tickets.accepted, relation: 'follower', affectedCount: 3, allowedActions: [] }),
    { fullPage: true },
  );
  await snapshotBoth(
    'ticket-claimed',
    '详情：认领的代报，待评价',
    await open({ ...tickets.resolved, source: 'proxy', relation: 'claimant' }),
  );
});

test('a move refused by the server', async () => {
  const page = await open(tickets.submitted);
  apiFake.fail('report.withdraw', 'CONFLICT', '网格员已受理，不能撤回了');
  await tap(page, '.withdraw');
  await tap(page, '.withdraw-confirm');
  await snapshotBoth('ticket-action-error', '详情：操作被拒绝', page);
});

test('loading', async () => {
  apiFake.on('ticket.get', () => new Promise<never>(() => undefined));
  await snapshotBoth('ticket-loading', '详情：加载中', await open(null));
});

test('not found', async () => {
  apiFake.fail('ticket.get', 'NOT_FOUND');
  await snapshotBoth('ticket-error', '详情：没有找到', await open(null));
});
