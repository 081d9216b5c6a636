// The report form, driven like a resident would: choose, type, add photos, tap 提交上报.
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { adminCategories, DEMO_CLOUD, DEMO_FOLDER, demoCategories, demoResident, nearbyItems, submitAnswer } from './support/demo-data';
import { callPage, doubleTap, exists, find, flush, load, render, tap, textOf, type, type Root } from './support/render';
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

/** What the page sent besides loading the categories (which every form does on its own). */
function sent(): Api.ActionName[] {
  return apiFake.actions().filter((a) => a !== 'categories.list');
}

const choiceNames = (page: Root): string[] => page.querySelectorAll('.choice--category').map(textOf);

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
  expect(sent()).toEqual([]);
  expect(wxFake.requestSubscribeMessage).not.toHaveBeenCalled();
  expect(toasts()).toEqual(['请选择问题类型']);
});

test('a description of only spaces is no description', async () => {
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '   ');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(sent()).toEqual([]);
});

test('a wrong phone number is caught before sending', async () => {
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '路灯坏了');
  await type(page, '.phone', '12345');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-phone'))).toBe('电话号码格式不对，请检查');
  expect(sent()).toEqual([]);
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

  expect(apiCallsWhenAsked).toBe(1); // only the categories, loaded with the form
  expect(wxFake.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['ticketAccepted', 'ticketResolved', 'ticketRejected']);
  expect(apiFake.actions()).toEqual(['categories.list', 'subscription.record', 'report.nearby', 'staff.me', 'report.submit']);
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
  // Under the resident's own folder, or the server would refuse the fileID.
  expect(wxFake.cloud.uploadFile.mock.calls[0][0].cloudPath).toMatch(new RegExp(`^${DEMO_FOLDER}/202611/[a-z0-9]+\\.jpg$`));
  expect(submitted.photos[0]).toBe(`${DEMO_CLOUD}/${wxFake.cloud.uploadFile.mock.calls[0][0].cloudPath}`);
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

test('"同一个问题?" lists the open tickets nearby; 不是，继续上报 submits', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');

  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
  const dialog = textOf(find(page, '.nearby'));
  expect(dialog).toContain('附近已有相同类型的问题正在处理');
  expect(dialog).toContain('*号楼东门垃圾桶满了没人清运');
  expect(dialog).toContain('处理中 · 50 米内');
  expect(dialog).toContain('11月21日 09:00 上报');
  expect(dialog).toContain('待受理 · 50 米内');
  expect(textOf(find(page, '.nearby__actions'))).toBe('就是这个问题不是，继续上报先不报了');

  await tap(page, '.nearby-continue');
  expect(apiFake.callsOf('report.submit')).toHaveLength(1);
  expect(navigations('redirectTo')).toHaveLength(1);
});

test('"同一个问题?": other people\'s tickets are only listed, never opened (ticket.get would be NOT_FOUND)', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');

  expect(textOf(find(page, '.nearby'))).not.toContain('查看');
  await tap(page, '.nearby__item', 0);
  await tap(page, '.nearby__item', 1);
  expect(navigations('navigateTo')).toEqual([]);
  expect(sent()).not.toContain('ticket.get');
  expect(page.data.nearby).toMatchObject({ visible: true });
  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
});

test('"同一个问题?": 就是这个问题 thanks the resident, makes no ticket, clears the draft and goes back', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  wxScene.media = { ok: true, files: [{ tempFilePath: 'wxfile://tmp/p1.jpg', size: 120 * 1024 }] };
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.photo--add');
  await tap(page, '.submit');
  expect(wxScene.storage.has(DRAFT_KEY)).toBe(true);

  await tap(page, '.nearby-same');

  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
  expect(wxFake.cloud.uploadFile).not.toHaveBeenCalled();
  expect(wxFake.showModal).toHaveBeenCalledTimes(1);
  expect(wxFake.showModal.mock.calls[0][0]).toMatchObject({
    title: '感谢您的反映',
    content: '已有居民反映过，网格员正在处理，无需重复上报。',
    showCancel: false,
    confirmText: '知道了',
  });
  expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
  expect(page.data.nearby).toMatchObject({ visible: false });
  expect(page.data.submitting).toBe(false);
  // The form was the only page (getCurrentPages is empty here): home, not a ticket.
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
  expect(navigations('navigateTo')).toEqual([]);

  // Leaving the page does not bring the draft back, and nothing more can be sent meanwhile.
  await tap(page, '.submit');
  expect(sent()).toEqual(['subscription.record', 'report.nearby']);
  page.detach();
  expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
});

test('"同一个问题?": 就是这个问题 goes back to the page the form came from, when there is one', async () => {
  serverAcceptsEverything();
  apiFake.on('report.nearby', () => ({ items: nearbyItems() }));
  const g = globalThis as unknown as { getCurrentPages: () => unknown[] };
  const saved = g.getCurrentPages;
  g.getCurrentPages = () => [{ route: 'pages/index/index' }, { route: 'pages/report/report' }];
  try {
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, '.submit');
    await tap(page, '.nearby-same');
    expect(wxFake.navigateBack).toHaveBeenCalledWith(expect.objectContaining({ delta: 1 }));
    expect(navigations('reLaunch')).toEqual([]);
  } finally {
    g.getCurrentPages = saved;
  }
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

test('photos go under the resident\'s own folder; staff.me is asked once for all of them', async () => {
  serverAcceptsEverything();
  wxScene.media = { ok: true, files: [1, 2, 3].map((n) => ({ tempFilePath: `wxfile://tmp/p${n}.jpg`, size: 120 * 1024 })) };
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.photo--add');
  await tap(page, '.submit');
  const paths = wxFake.cloud.uploadFile.mock.calls.map((c) => c[0].cloudPath);
  expect(paths).toHaveLength(3);
  for (const p of paths) expect(p).toMatch(new RegExp(`^${DEMO_FOLDER}/202611/[a-z0-9]+\\.jpg$`));
  expect(apiFake.callsOf('staff.me')).toHaveLength(1);
  expect(apiFake.callsOf('report.submit')[0].photos).toEqual(paths.map((p) => `${DEMO_CLOUD}/${p}`));
});

test.each<Api.ErrorCode | 'NETWORK'>(['NETWORK', 'UNAUTHENTICATED', 'INTERNAL'])(
  'staff.me failing (%s) fails the upload with the network message: no guessed path, nothing submitted',
  async (code) => {
    serverAcceptsEverything();
    apiFake.fail('staff.me', code, '服务器的话');
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, '.photo--add');
    await tap(page, '.submit');
    expect(textOf(find(page, '.submit-error'))).toBe('网络不太好，请稍后重试');
    expect(wxFake.cloud.uploadFile).not.toHaveBeenCalled();
    expect(apiFake.callsOf('report.submit')).toHaveLength(0);
    expect(page.data.submitting).toBe(false);

    // Once staff.me answers again, the same form goes through.
    apiFake.on('staff.me', () => demoResident());
    await tap(page, '.submit');
    expect(apiFake.callsOf('report.submit')).toHaveLength(1);
  },
);

test('a report without photos never asks who the resident is', async () => {
  serverAcceptsEverything();
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  expect(sent()).toEqual(['subscription.record', 'report.nearby', 'report.submit']);
});

describe('categories from the server', () => {
  test('while loading and when categories.list fails, the built-in nine are offered', async () => {
    apiFake.fail('categories.list', 'NETWORK');
    const page = await openForm();
    expect(choiceNames(page)).toEqual(['环境卫生', '物业服务', '市政设施', '治安隐患', '矛盾纠纷', '生活服务', '政策咨询', '抢修抢险', '其他']);
  });

  test('admin-added categories can be chosen and are sent by code; urgent ones show the 119/110 hint', async () => {
    serverAcceptsEverything();
    apiFake.on('categories.list', () => ({ items: adminCategories() }));
    const page = await openForm();
    expect(choiceNames(page)).toEqual(['环境卫生', '物业服务', '市政设施', '治安隐患', '矛盾纠纷', '生活服务', '政策咨询', '抢修抢险', '电梯困人', '停车管理', '其他']);

    await tap(page, '.choice--category', 9); // 停车管理
    expect(exists(page, '.urgent-hint')).toBe(false);
    await tap(page, '.choice--category', 8); // 电梯困人, urgent
    expect(textOf(find(page, '.choice--on'))).toBe('电梯困人');
    expect(textOf(find(page, '.urgent-hint'))).toContain('燃气泄漏、火情等紧急情况，请先拨打 119/110');
    expect(find(page, '.choice--on').dom?.className).toContain('choice--urgent');

    await type(page, '.description', '3号楼电梯停在两层中间，里面有人');
    await tap(page, '.submit');
    expect(apiFake.callsOf('report.nearby')[0]).toMatchObject({ category: 'elevator' });
    expect(apiFake.callsOf('report.submit')[0]).toMatchObject({ category: 'elevator' });
  });

  test('a home tile of an admin-added category is chosen once the list knows it', async () => {
    let answer: (v: Api.Data<'categories.list'>) => void = () => undefined;
    apiFake.on('categories.list', () => new Promise((resolve) => (answer = resolve)));
    const page = await openForm({ category: 'parking' });
    expect(page.data.category).toBe('');
    expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ category: 'parking' });
    answer({ items: adminCategories() });
    await flush();
    expect(textOf(find(page, '.choice--on'))).toBe('停车管理');
  });

  test('a category in the link that cannot be a code is ignored', async () => {
    const page = await openForm({ category: '<b>坏的</b>' });
    expect(page.data.category).toBe('');
    expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ category: '' });
  });

  test('a 抢修抢险 made normal by an admin loses the hint; a category made urgent gets it', async () => {
    apiFake.on('categories.list', () => ({
      items: demoCategories().map((c) => ({ ...c, profile: c.code === 'safety' ? ('urgent' as const) : ('normal' as const) })),
    }));
    const page = await openForm({ category: 'urgent-repair' });
    expect(exists(page, '.urgent-hint')).toBe(false);
    await tap(page, '.choice--category', 3); // 治安隐患
    expect(textOf(find(page, '.choice--on'))).toBe('治安隐患');
    expect(exists(page, '.urgent-hint')).toBe(true);
  });

  test('a drafted category the server no longer lists is dropped, so it is chosen again', async () => {
    wxScene.storage.set(DRAFT_KEY, { clientRequestId: 'r-old', category: 'parking', kind: 'complaint', description: '门口乱停车', contactPhone: '', location: null });
    wxScene.storage.set('categories-v1', adminCategories());
    let answer: (v: Api.Data<'categories.list'>) => void = () => undefined;
    apiFake.on('categories.list', () => new Promise((resolve) => (answer = resolve)));
    const page = await openForm();
    // The list kept from last time still has it…
    expect(page.data.category).toBe('parking');
    expect(textOf(find(page, '.choice--on'))).toBe('停车管理');
    // …the server's (the built-in nine) does not.
    answer({ items: demoCategories() });
    await flush();
    expect(page.data.category).toBe('');
    expect(choiceNames(page)).not.toContain('停车管理');
    expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ clientRequestId: 'r-old', category: '', description: '门口乱停车' });
  });
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
