// After a report (pages/report-success/report-success): every state at both font sizes.
import { fixClock, realClock } from '../support/clock';
import { submitAnswer } from '../support/demo-data';
import { callPage, load, render, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/report-success/report-success');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function open(query: Record<string, string>): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

test('reported to a grid', async () => {
  const a = submitAnswer();
  const page = await open({ ticketId: a.ticketId, no: a.no, acceptBy: a.acceptBy ?? '', triage: '0' });
  await snapshotBoth('report-success', '上报成功：网格员受理期限', page);
});

test('reported outside every grid (triage)', async () => {
  const a = submitAnswer({ gridCode: null });
  const page = await open({ ticketId: a.ticketId, no: a.no, acceptBy: a.acceptBy ?? '', triage: '1' });
  await snapshotBoth('report-success-triage', '上报成功：社区统一分派', page);
});

test('opened without a ticket', async () => {
  const page = await open({});
  await snapshotBoth('report-success-missing', '上报成功页：没有编号（出错）', page);
});
