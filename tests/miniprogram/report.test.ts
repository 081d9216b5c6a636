// The report form, driven like a resident would: choose, type, add photos, tap 提交上报.
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { nearbyItems, submitAnswer } from './support/demo-data';
import { callPage, doubleTap, exists, find, load, render, tap, textOf, type, type Root } from './support/render';
import { navigations, toasts, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const DRAFT_KEY = 'report-draft-v1';
let pageId: string;

beforeAll(() => {
  pageId = load('pages/report/report');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

/** A form with the default GPS fix, and the server answering every step of a submit. */
async function openForm(query: Record<string, string> = {}): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

function serverAcceptsEverything(): void {
  apiFake
    .on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }))
    .on('report.nearby', () => ({ items: [] }))
    .on('report.submit', () => submitAnswer());
}

async function fillValidForm(page: Root): Promise<void> {
  await tap(page, '.choice--category', 0); // 环境卫生
  await type(page, '.description', '3号楼东门口的垃圾三天没人清运');
}

test('locates the resident in GCJ-02 and preselects the category from the home tile', async () => {
  const page = await openForm({ category: 'urgent-repair' });
  expect(wxFake.getLocation.mock.calls[0][0]).toMatchObject({ type: 'gcj02' });
  expect(textOf(find(page, '.location'))).toContain('您当前所在的位置');
  expect(textOf(find(page, '.choice--on'))).toBe('抢修抢险');
  expect(textOf(find(page, '.urgent-hint'))).toContain('燃气泄漏、火情等紧急情况，请先拨打 119/110');
});

test('refuses to submit without category, description and location, and says why', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail auth deny' };
  const page = await openForm();
  expect(textOf(find(page, '.location'))).toContain('没能获取位置，请在地图上选择');
  expect(exists(page, '.open-setting')).toBe(true);

  await tap(page, '.submit');

  expect(textOf(find(page, '.error-category'))).toBe('请选择问题类型');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(textOf(find(page, '.error-location'))).toBe('请选择问题发生的位置');
  expect(apiFake.calls).toEqual([]);
  expect(wxFake.requestSubscribeMessage).not.toHaveBeenCalled();
  expect(toasts()).toEqual(['请选择问题类型']);
});

test('a description of only spaces is no description', async () => {
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '   ');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(apiFake.calls).toEqual([]);
});

test('a wrong phone number is caught before sending', async () => {
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '路灯坏了');
  await type(page, '.phone', '12345');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-phone'))).toBe('电话号码格式不对，请检查');
  expect(apiFake.calls).toEqual([]);
});

test('picking a place on the map fixes a failed location', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail' };
  const page = await openForm();
  await tap(page, '.choose-location');
  expect(textOf(find(page, '.location'))).toBe('山东省淄博市张店区和平路18号 和平小区3号楼');
});

test('one tap: subscriptions first, then grants recorded, nearby checked, photos uploaded, report submitted', async () => {
  serverAcceptsEverything();
  let apiCallsWhenAsked = -1;
  wxFake.requestSubscribeMessage.mockImplementationOnce((o) => {
    apiCallsWhenAsked = apiFake.calls.length;
    setTimeout(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' }), 0);
  });
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.photo--add');
  expect(page.querySelectorAll('.photo__img')).toHaveLength(1);

  await tap(page, '.choice--kind', 1); // 建议
  await type(page, '.phone', '13812345678');
  await tap(page, '.submit');

  expect(apiCallsWhenAsked).toBe(0);
  expect(wxFake.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['ticketAccepted', 'ticketResolved', 'ticketRejected']);
  expect(apiFake.calls.map((c) => c.action)).toEqual(['subscription.record', 'report.nearby', 'report.submit']);
  expect(apiFake.callsOf('subscription.record')[0]).toEqual({
    grants: { ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' },
  });
  const [submitted] = apiFake.callsOf('report.submit');
  expect(submitted).toMatchObject({
    category: 'sanitation',
    kind: 'suggestion',
    description: '3号楼东门口的垃圾三天没人清运',
    location: { latitude: 36.8127, longitude: 118.0549 },
    contactPhone: '13812345678',
  });
  expect(submitted.photos).toHaveLength(1);
  expect(submitted.photos[0]).toMatch(/^cloud:\/\/env\/reports\/202611\/\w+\.jpg$/);
  expect(submitted.clientRequestId).toMatch(/^r\w+/);
  expect(navigations('redirectTo')).toEqual([
    '/pages/report-success/report-success?ticketId=t-2001&no=20261123-0015&acceptBy=2026-11-25T16%3A00%3A00.000Z&triage=0',
  ]);
  expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
});

test('a double tap on 提交上报 sends one request', async () => {
  serverAcceptsEverything();
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '井盖松动，踩上去会响');
  await doubleTap(page, '.submit');
  await tap(page, '.submit');
  expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(apiFake.callsOf('report.submit')).toHaveLength(1);
});

test('"同一个问题?" lists the open tickets nearby; continuing submits', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');

  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
  const dialog = textOf(find(page, '.nearby'));
  expect(dialog).toContain('附近已有相同类型的问题正在处理');
  expect(dialog).toContain('3号楼东门垃圾桶满了没人清运');
  expect(dialog).toContain('处理中 · 约 18 米');
  expect(dialog).toContain('11月21日 09:00 上报');
  expect(dialog).toContain('约 43 米');

  await tap(page, '.nearby-continue');
  expect(apiFake.callsOf('report.submit')).toHaveLength(1);
});

test('"同一个问题?": opening a candidate shows it and sends nothing', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  await tap(page, '.nearby__item', 0);

  expect(navigations('navigateTo')).toEqual(['/pages/ticket/ticket?id=t-0777']);
  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
  expect(page.data.submitting).toBe(false);
});

test('"同一个问题?": 先不报了 keeps the form for later', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  await tap(page, '.nearby-cancel');
  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
  expect(page.data.submitting).toBe(false);
  expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ description: '3号楼东门口的垃圾三天没人清运' });
});

test('a failed nearby check does not block the report', async () => {
  serverAcceptsEverything();
  apiFake.fail('report.nearby', 'NETWORK');
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  expect(apiFake.callsOf('report.submit')).toHaveLength(1);
});

test('flaky 4G: the submit is retried with the same clientRequestId', async () => {
  serverAcceptsEverything();
  let tries = 0;
  apiFake.on('report.submit', () => {
    tries += 1;
    if (tries < 3) throw new (jest.requireActual('../../miniprogram/services/api').ApiError)('NETWORK');
    return submitAnswer();
  });
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  await new Promise((r) => setTimeout(r, 20));

  const ids = apiFake.callsOf('report.submit').map((p) => p.clientRequestId);
  expect(ids).toHaveLength(3);
  expect(new Set(ids).size).toBe(1);
  expect(navigations('redirectTo')).toHaveLength(1);
});

test('the clientRequestId survives an app kill, so submitting again cannot make a second ticket', async () => {
  serverAcceptsEverything();
  apiFake.fail('report.submit', 'NETWORK');
  const first = await openForm();
  await fillValidForm(first);
  await tap(first, '.submit');
  await new Promise((r) => setTimeout(r, 20));
  const firstId = apiFake.callsOf('report.submit')[0].clientRequestId;
  expect(textOf(find(first, '.submit-error'))).toBe('网络不太好，请稍后重试');

  // The app is killed and opened again: the form comes back with the same request id.
  first.detach();
  apiFake.on('report.submit', () => submitAnswer());
  const again = await openForm();
  expect(again.data.description).toBe('3号楼东门口的垃圾三天没人清运');
  await tap(again, '.submit');
  const ids = apiFake.callsOf('report.submit').map((p) => p.clientRequestId);
  expect(new Set(ids)).toEqual(new Set([firstId]));
});

const ERROR_CASES: Array<[Api.ErrorCode, string]> = [
  ['INVALID_INPUT', '描述太长了'],
  ['UNAUTHENTICATED', '请在微信中打开'],
  ['FORBIDDEN', '无权操作'],
  ['NOT_FOUND', '没有找到'],
  ['CONFLICT', '状态已变化'],
  ['RATE_LIMITED', '一小时内最多上报 10 次，请稍后再试'],
  ['CONTENT_REJECTED', '内容含有不适宜的信息，请修改后再提交'],
  ['INTERNAL', '服务暂时不可用'],
];

test.each(ERROR_CASES)('%s from the server: its Chinese message is shown and the form stays', async (code, message) => {
  serverAcceptsEverything();
  apiFake.fail('report.submit', code, message);
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  await new Promise((r) => setTimeout(r, 20));
  expect(textOf(find(page, '.submit-error'))).toBe(message);
  expect(toasts()).toContain(message);
  expect(page.data.submitting).toBe(false);
  expect(navigations('redirectTo')).toEqual([]);
});

test('an error without a message gets our own Chinese words', async () => {
  serverAcceptsEverything();
  apiFake.fail('report.submit', 'RATE_LIMITED');
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe('操作太频繁了，请稍后再试');
});

test('a photo upload that fails on the network is reported, nothing is submitted', async () => {
  serverAcceptsEverything();
  wxScene.cloudUpload = () => Promise.reject(new Error('uploadFile:fail timeout'));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.photo--add');
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe('网络不太好，请稍后重试');
  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
});

describe('photos', () => {
  const photo = (n: number, kb = 120): { tempFilePath: string; size: number } => ({ tempFilePath: `wxfile://tmp/p${n}.jpg`, size: kb * 1024 });

  test('asks the camera or album for images only, as many as still fit', async () => {
    const page = await openForm();
    await tap(page, '.photo--add');
    expect(wxFake.chooseMedia.mock.calls[0][0]).toMatchObject({ count: 6, mediaType: ['image'], sourceType: ['camera', 'album'] });
    await tap(page, '.photo--add');
    expect(wxFake.chooseMedia.mock.calls[1][0]).toMatchObject({ count: 5 });
  });

  test('a big photo is compressed until it is at most 300 KB', async () => {
    wxScene.media = { ok: true, files: [photo(1, 2400)] };
    wxScene.compress = (_src, quality) => (quality >= 60 ? 500 * 1024 : 280 * 1024);
    const page = await openForm();
    await tap(page, '.photo--add');
    expect(wxFake.compressImage.mock.calls.map((c) => c[0].quality)).toEqual([80, 60, 45]);
    expect(page.data.photos).toEqual([{ key: 'p1', path: 'wxfile://tmp/compressed-3.jpg' }]);
  });

  test('a photo that cannot get under 300 KB is refused with a toast', async () => {
    wxScene.media = { ok: true, files: [photo(1, 9000), photo(2)] };
    wxScene.compress = () => 900 * 1024;
    const page = await openForm();
    await tap(page, '.photo--add');
    expect(page.querySelectorAll('.photo__img')).toHaveLength(1);
    expect(toasts()).toEqual(['有照片太大，没能添加，请换一张']);
  });

  test('more than 6 photos are refused with a toast, and the add button goes away at 6', async () => {
    wxScene.media = { ok: true, files: [1, 2, 3, 4, 5, 6, 7].map((n) => photo(n)) };
    const page = await openForm();
    await tap(page, '.photo--add');
    expect(page.querySelectorAll('.photo__img')).toHaveLength(6);
    expect(toasts()).toEqual(['最多上传 6 张照片']);
    expect(exists(page, '.photo--add')).toBe(false);
    await callPage(page, 'onAddPhoto');
    expect(wxFake.chooseMedia).toHaveBeenCalledTimes(1);
    expect(toasts()).toEqual(['最多上传 6 张照片', '最多上传 6 张照片']);
  });

  test('a photo can be removed and previewed', async () => {
    wxScene.media = { ok: true, files: [photo(1), photo(2)] };
    const page = await openForm();
    await tap(page, '.photo--add');
    await tap(page, '.photo__img', 1);
    expect(wxFake.previewImage.mock.calls[0][0]).toEqual({ urls: ['wxfile://tmp/p1.jpg', 'wxfile://tmp/p2.jpg'], current: 'wxfile://tmp/p2.jpg' });
    await tap(page, '.photo__remove', 0);
    expect(page.data.photos).toEqual([{ key: 'p2', path: 'wxfile://tmp/p2.jpg' }]);
  });

  test('closing the picker is not an error', async () => {
    wxScene.media = { ok: false, errMsg: 'chooseMedia:fail cancel' };
    const page = await openForm();
    await tap(page, '.photo--add');
    expect(toasts()).toEqual([]);
  });
});
