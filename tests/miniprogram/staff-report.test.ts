// 代报 and patrol (staff/pages/report): the resident's form — categories, kind, description,
// photos, location — plus the resident's name and phone for a 代报; sent with one clientRequestId
// per form (a retry makes no second ticket); the new ticket's handling page next. Only those the
// server lets file for others get the form; residents are turned away.
import { apiFake } from './support/api-fake';
import { staffAnswers, staffMe } from './support/staff-data';
import { callPage, exists, find, findAll, flush, load, render, tap, textOf, type, type Root } from './support/render';
import { realAnswers } from './support/real-answers';
import { ApiError } from '../../miniprogram/services/api';
import { navigations, toasts, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('staff/pages/report/report');
});
beforeEach(() => {
  apiFake.on('staff.me', () => staffMe());
});

async function open(mode: 'proxy' | 'patrol'): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', { mode });
  return page;
}

async function fillReport(page: Root): Promise<void> {
  await tap(page, '.choice--category', 0); // 环境卫生
  await type(page, '.description', '王大爷来电：楼下垃圾三天没人清运');
}

test("代报: the resident's name and phone go with the report; the handling page of the new ticket opens", async () => {
  const page = await open('proxy');
  expect(textOf(find(page, '.intro'))).toContain('代居民上报');
  const answer = staffAnswers().moves.proxySubmit;
  apiFake.on('report.submit', () => answer);
  await fillReport(page);
  await type(page, '.resident-name', '王大爷');
  await type(page, '.resident-phone', '13900001111');
  await tap(page, '.report-photos >> .photo--add');
  await tap(page, '.submit');
  const [params] = apiFake.callsOf('report.submit');
  expect(params).toMatchObject({
    category: 'sanitation',
    kind: 'complaint',
    description: '王大爷来电：楼下垃圾三天没人清运',
    location: { latitude: 36.8127, longitude: 118.0549 },
    onBehalfOf: { name: '王大爷', phone: '13900001111' },
  });
  expect(params?.patrol).toBeUndefined();
  expect(params?.photos).toHaveLength(1);
  expect(params?.clientRequestId).toMatch(/^r[a-z0-9]+$/);
  expect(toasts()).toContain('已上报');
  expect(navigations('redirectTo')).toEqual([`/staff/pages/ticket/ticket?id=${answer.ticketId}`]);
});

test('patrol: no resident fields; patrol: true', async () => {
  const page = await open('patrol');
  expect(textOf(find(page, '.intro'))).toContain('巡查上报');
  expect(exists(page, '.resident-name')).toBe(false);
  apiFake.on('report.submit', () => staffAnswers().moves.proxySubmit);
  await fillReport(page);
  await tap(page, '.submit');
  expect(apiFake.callsOf('report.submit')[0]).toMatchObject({ patrol: true });
  expect(apiFake.callsOf('report.submit')[0]?.onBehalfOf).toBeUndefined();
});

test('checked before sending, and said where', async () => {
  const page = await open('proxy');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-category'))).toBe('请选择问题类型');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(textOf(find(page, '.error-name'))).toBe('请填写居民称呼（1–20 个字）');
  expect(textOf(find(page, '.error-phone'))).toBe('请填写正确的居民电话');
  expect(apiFake.callsOf('report.submit')).toEqual([]);
});

test('no location: pick one on the map', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail auth deny' };
  const page = await open('patrol');
  expect(textOf(find(page, '.location'))).toContain('没能获取位置，请在地图上选择');
  await tap(page, '.choose-location');
  expect(textOf(find(page, '.location'))).toContain('山东省淄博市张店区和平路18号 和平小区3号楼');
  expect(page.data.location).toMatchObject({ latitude: 36.8131, longitude: 118.0556 });
});

test('a failed submit keeps the form; sending again uses the same clientRequestId (one ticket)', async () => {
  const page = await open('patrol');
  await fillReport(page);
  apiFake.fail('report.submit', 'CONTENT_REJECTED', '内容含有不当信息，请修改后再提交');
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe('内容含有不当信息，请修改后再提交');
  apiFake.on('report.submit', () => staffAnswers().moves.proxySubmit);
  await tap(page, '.submit');
  const [first, second] = apiFake.callsOf('report.submit');
  expect(second?.clientRequestId).toBe(first?.clientRequestId);
});

test("the categories are the server's (categories.list)", async () => {
  apiFake.on('categories.list', () => ({
    items: [
      { code: 'sanitation', name: '环境卫生', profile: 'normal', defaultKind: 'complaint' },
      { code: 'elevator', name: '电梯困人', profile: 'urgent', defaultKind: 'complaint' },
    ],
  }));
  const page = await open('patrol');
  expect(findAll(page, '.choice--category').map(textOf)).toEqual(['环境卫生', '电梯困人']);
  expect(exists(page, '.choice--urgent')).toBe(true);
});

test('a category retired since the form opened: said at the category, the list read again without it', async () => {
  // The real server's refusal of a report in a retired category (the same for a worker's patrol find).
  const { refused, categories } = realAnswers().retired;
  apiFake.on('report.submit', () => {
    throw new ApiError(refused.code, refused.message, refused.details);
  });
  const page = await open('patrol');
  const lifeService = findAll(page, '.choice--category').map(textOf).indexOf('生活服务');
  await tap(page, '.choice--category', lifeService);
  await type(page, '.description', '巡查发现：小区快递柜的门坏了');
  apiFake.on('categories.list', () => categories);
  await tap(page, '.submit');
  await flush();
  expect(textOf(find(page, '.error-category'))).toBe('这个问题类型已停用，请重新选择');
  expect(apiFake.callsOf('categories.list')).toHaveLength(2);
  expect(findAll(page, '.choice--category').map(textOf)).not.toContain('生活服务');
  expect(exists(page, '.choice--on.choice--category')).toBe(false);
  expect(page.data.submitting).toBe(false);
});

test('a category sets its usual kind (政策咨询: 咨询) until the worker taps a kind', async () => {
  const kindShown = (page: Root): string => textOf(find(page, '.choice--kind.choice--on'));
  const page = await open('proxy');
  const policy = findAll(page, '.choice--category').map(textOf).indexOf('政策咨询');
  await tap(page, '.choice--category', policy);
  expect(kindShown(page)).toBe('咨询');
  await tap(page, '.choice--category', 0); // 环境卫生
  expect(kindShown(page)).toBe('投诉');
  await tap(page, '.choice--kind', 1); // 建议
  await tap(page, '.choice--category', policy);
  expect(kindShown(page)).toBe('建议');
});

test('a department handler may not file for others: told so, no form', async () => {
  apiFake.on('staff.me', () => staffMe('deptHandler'));
  const page = await open('proxy');
  expect(textOf(find(page, '.page-state'))).toContain('您没有权限查看这里');
  expect(exists(page, '.submit')).toBe(false);
});

test('a resident is turned away', async () => {
  apiFake.reset();
  const page = await open('proxy');
  expect(textOf(find(page, '.turned-away'))).toContain('这里是工作人员的工作台');
});
