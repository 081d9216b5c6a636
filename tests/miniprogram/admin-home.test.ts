// The admin subpackage holds a placeholder until its real pages land.
import { find, load, render, tap, textOf } from './support/render';
import { navigations } from './support/wx-fake';

test('says 功能即将开放 and leads home', async () => {
  const page = render(load('admin/pages/home/home'));
  expect(textOf(find(page, '.soon__title'))).toBe('管理后台');
  expect(textOf(find(page, '.soon__text'))).toBe('功能即将开放');
  await tap(page, '.soon__home');
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});
