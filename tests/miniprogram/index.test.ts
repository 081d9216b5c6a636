// Home: the big report button, the 9 categories as tiles, emergency numbers beside 抢修抢险,
// the way to 我的上报 and to the staff placeholder.
import { find, load, render, tap, textOf } from './support/render';
import { navigations, wxFake } from './support/wx-fake';

let pageId: string;
beforeAll(() => {
  pageId = load('pages/index/index');
});

test('shows one big report button and all nine categories in Chinese', () => {
  const page = render(pageId);
  expect(textOf(find(page, '.report-btn'))).toContain('一键上报');
  const names = page.querySelectorAll('.tile__name').map(textOf);
  expect(names.sort()).toEqual(
    ['环境卫生', '矛盾纠纷', '物业服务', '市政设施', '治安隐患', '抢修抢险', '政策咨询', '生活服务', '其他'].sort(),
  );
  expect(textOf(find(page, '.urgent__tile'))).toContain('抢修抢险');
  expect(textOf(find(page, '.urgent'))).toContain('燃气泄漏、火情请先拨打 119/110');
});

test('the big button opens an empty report form', async () => {
  const page = render(pageId);
  await tap(page, '.report-btn');
  expect(navigations('navigateTo')).toEqual(['/pages/report/report']);
});

test('a category tile opens the form with that category chosen', async () => {
  const page = render(pageId);
  await tap(page, '.tile', 0);
  await tap(page, '.urgent__tile');
  expect(navigations('navigateTo')).toEqual(['/pages/report/report?category=sanitation', '/pages/report/report?category=urgent-repair']);
});

test('the emergency buttons dial 119 and 110', async () => {
  const page = render(pageId);
  await tap(page, '.call--119');
  await tap(page, '.call--110');
  expect(wxFake.makePhoneCall.mock.calls.map((c) => c[0]?.phoneNumber)).toEqual(['119', '110']);
});

test('我的上报 and the staff entry navigate', async () => {
  const page = render(pageId);
  await tap(page, '.entry');
  await tap(page, '.staff-link');
  expect(navigations('navigateTo')).toEqual(['/pages/mine/mine', '/staff/pages/home/home']);
});
