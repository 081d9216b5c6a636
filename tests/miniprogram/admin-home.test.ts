// 管理后台 (admin/pages/home): who I am and the three places an admin keeps their area; only for
// those the server gives `administration` — a resident is shown how to bind, a grid worker that
// these pages are not theirs; a failed identity lookup says so with a retry.
import { apiFake } from './support/api-fake';
import { adminMe, answerAsAdmin } from './support/admin-data';
import { exists, find, findAll, tap, textOf } from './support/render';
import { pageUnderTest } from './support/page';
import { navigations } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const { open } = pageUnderTest('admin/pages/home/home', { realClock: true });

test('an admin is greeted with their area and finds invites, staff and figures', async () => {
  answerAsAdmin(apiFake);
  const page = await open();
  expect(textOf(find(page, '.who__hello'))).toBe('陈静，您好');
  expect(textOf(find(page, '.who__scope'))).toBe('街道 · 张店区 · 车站街道');
  expect(findAll(page, '.entry__title').map(textOf)).toEqual(['邀请人员', '人员名单', '数据统计', '网格与地点', '类别与部门']);
  expect(findAll(page, '.entry__hint').map(textOf)).toEqual([
    '生成邀请码和小程序码，撤销未用的邀请',
    '辖区内的工作人员，调整管辖范围或移除',
    '办结率、满意率、趋势和排名',
    '区、街道、社区和网格；导入网格边界',
    '问题类别的时限和默认部门；辖区的部门',
  ]);
  await tap(page, '.entry--invites');
  await tap(page, '.entry--staff');
  await tap(page, '.entry--figures');
  await tap(page, '.entry--grids');
  await tap(page, '.entry--catalog');
  expect(navigations('navigateTo')).toEqual([
    '/admin/pages/invites/invites',
    '/admin/pages/staff/staff',
    '/admin/pages/figures/figures',
    '/admin/pages/grids/grids',
    '/admin/pages/catalog/catalog',
  ]);
});

test('a resident is shown the way to bind and the way home', async () => {
  const page = await open();
  expect(textOf(find(page, '.gate-view >> .away__text'))).toBe('您还没有管理员身份。请用上级管理员给您的邀请码绑定。');
  await tap(page, '.gate-view >> .away__bind');
  await tap(page, '.gate-view >> .away__home');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/bind/bind']);
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});

test('a grid worker is told these pages are for admins, and nothing else is asked', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await open();
  expect(textOf(find(page, '.gate-view >> .away__text'))).toBe('只有社区、街道、区的管理员可以使用管理后台');
  expect(exists(page, '.gate-view >> .away__bind')).toBe(false);
  expect(apiFake.actions()).toEqual(['staff.me']);
});

test('a failed lookup: the message and a retry', async () => {
  apiFake.fail('staff.me', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.page-state'))).toContain('网络不太好，请稍后重试');
  answerAsAdmin(apiFake);
  await tap(page, '.page-state >> .state__action');
  expect(exists(page, '.entry--figures')).toBe(true);
});
