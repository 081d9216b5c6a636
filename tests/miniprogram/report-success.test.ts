// After a report: the number, and in the server's words who accepts it by when. The query comes
// from the form (utils/report-form successQuery) fed with report.submit's real answers.
import { successQuery } from '../../miniprogram/utils/report-form';
import { fixClock, realClock } from './support/clock';
import { realAnswers } from './support/real-answers';
import { callPage, find, findAll, load, render, tap, textOf, type Root } from './support/render';
import { navigations, toasts, wxFake } from './support/wx-fake';

let pageId: string;
beforeAll(() => {
  pageId = load('pages/report-success/report-success');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

const { submit, submitTriage } = realAnswers();

/** Opens the page the way the form does: the query of a submit answer, as WeChat hands it over. */
/** The promise's lines: the lead-in, then the server's words kept on one line. */
const promise = (page: Root): string[] => findAll(page, '.success__promise-line').map(textOf);

async function openWith(answer: Api.ReportSubmitData): Promise<Root> {
  const query = Object.fromEntries(
    successQuery(answer)
      .split('&')
      .map((kv) => kv.split('=') as [string, string]),
  );
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

test('says the number and "网格员将在 11月24日 24:00 前受理" — the server\'s end of day', async () => {
  const page = await openWith(submit);
  expect(textOf(find(page, '.success__title'))).toBe('上报成功');
  expect(textOf(find(page, '.number__value'))).toBe(submit.no);
  expect(submit.acceptBy).toBe('2026-11-24T15:59:59.999Z');
  expect(promise(page)).toEqual(['网格员将在', '11月24日 24:00 前受理']);
  expect(textOf(find(page, '.steps'))).toContain('办结后请您评价是否满意');
});

test('an urgent deadline keeps its clock time', async () => {
  const page = await openWith({
    ...submit,
    deadline: { kind: 'accept', at: '2026-11-23T06:35:00.000Z', label: '11月23日 14:35 前受理', overdue: false },
  });
  expect(promise(page)).toEqual(['网格员将在', '11月23日 14:35 前受理']);
});

test('a report outside every grid goes to the community triage queue, and says so', async () => {
  const page = await openWith(submitTriage);
  expect(submitTriage.gridCode).toBeNull();
  expect(promise(page)).toEqual(['已交社区统一分派，将在', '11月24日 24:00 前受理']);
});

test('without a deadline it still says what happens', async () => {
  const page = await openWith({ ...submit, deadline: null });
  expect(promise(page)).toEqual(['我们会尽快安排网格员受理']);
});

test('the number can be copied; the buttons lead to the ticket and home (返回首页 outlined, not grey)', async () => {
  const page = await openWith(submit);
  await tap(page, '.number');
  expect(wxFake.setClipboardData.mock.calls[0]?.[0]?.data).toBe(submit.no);
  expect(toasts()).toEqual(['编号已复制']);
  expect(find(page, '.back-home >> .t-button').dom?.className).toContain('outline');
  await tap(page, '.view-progress');
  await tap(page, '.back-home');
  expect(navigations('redirectTo')).toEqual([`/pages/ticket/ticket?id=${submit.ticketId}`]);
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});

test('a broken link shows an error face with a way home', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', {});
  expect(textOf(find(page, '.missing'))).toContain('没有找到这条记录');
  await tap(page, '.missing >> .state__action');
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});
