// After a report (pages/report-success/report-success): every state at both font sizes, from
// report.submit's real answers handed over the way the form does.
import { successQuery } from '../../../miniprogram/utils/report-form';
import { fixClock, realClock } from '../support/clock';
import { snapshotBoth } from '../support/preview';
import { realAnswers } from '../support/real-answers';
import { callPage, load, render, type Root } from '../support/render';

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

const queryOf = (answer: Api.ReportSubmitData): Record<string, string> =>
  Object.fromEntries(
    successQuery(answer)
      .split('&')
      .map((kv) => kv.split('=') as [string, string]),
  );

test('reported to a grid', async () => {
  await snapshotBoth('report-success', '上报成功：网格员受理期限', await open(queryOf(realAnswers().submit)));
});

test('reported outside every grid (triage)', async () => {
  await snapshotBoth('report-success-triage', '上报成功：社区统一分派', await open(queryOf(realAnswers().submitTriage)));
});

test('opened without a ticket', async () => {
  await snapshotBoth('report-success-missing', '上报成功页：没有编号（出错）', await open({}));
});
