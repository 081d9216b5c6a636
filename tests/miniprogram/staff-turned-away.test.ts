// staff-turned-away: a resident on a staff page is told politely, with the way to bind and home.
import { find, load, render, tap, textOf } from './support/render';
import { navigations } from './support/wx-fake';

test('a polite word, 我有邀请码 and 返回首页', async () => {
  const c = render(load('staff/components/staff-turned-away/staff-turned-away'));
  expect(textOf(find(c, '.away'))).toContain('您还没有绑定工作人员身份');
  await tap(c, '.away__bind');
  await tap(c, '.away__home');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/bind/bind']);
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});
