// The report form, driven like a resident would: choose, type, add photos, tap 提交上报. Its
// parts have their own tests (photo-picker, location-field, nearby-dialog); here they work
// together with the draft, the validation and the submit flow. Server answers are real ones.
import { config } from '../../miniprogram/config';
import { ApiError } from '../../miniprogram/services/api';
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { adminCategories, DEMO_CLOUD, DEMO_FOLDER, demoCategories, demoResident } from './support/demo-data';
import { realAnswers } from './support/real-answers';
import { callPage, doubleTap, exists, find, findAll, flush, load, render, tap, textOf, type, type Root } from './support/render';
import { navigations, toasts, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const DRAFT_KEY = 'report-draft-v1';
const answers = realAnswers();
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
    .on('report.submit', () => answers.submit);
}

async function fillValidForm(page: Root): Promise<void> {
  await tap(page, '.choice', 0); // 环境卫生
  await type(page, '.description', '3号楼东门口的垃圾三天没人清运');
}

/** What the page sent besides loading the categories (which every form does on its own). */
function sent(): Api.ActionName[] {
  return apiFake.actions().filter((a) => a !== 'categories.list');
}

const choiceNames = (page: Root): string[] => page.querySelectorAll('.choice__label').map(textOf);
const choiceCode = (page: Root, i: number): string => String((page.data.categories as Array<{ code: string }>)[i]?.code);
const place = (page: Root): string => textOf(find(page, '.location-field >> .location__place'));
const ADD_PHOTO = '.photos >> .photo--add';

test('locates the resident in GCJ-02, shows the point on a map to confirm, and preselects the category from the home tile', async () => {
  const page = await openForm({ category: 'urgent-repair' });
  expect(wxFake.getLocation.mock.calls[0]?.[0]).toMatchObject({ type: 'gcj02' });
  expect(place(page)).toBe('已定位到您现在的位置，请在地图上核对');
  expect(exists(page, '.location-field >> .location__map')).toBe(true);
  expect(textOf(find(page, '.choice--on'))).toBe('抢修抢险');
  expect(textOf(find(page, '.urgent-hint'))).toBe('燃气泄漏、火情等紧急情况，请先拨打 119 / 110');
});

test('nothing filled in: every wrong field is framed and named, the first one scrolled to, no toast', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail auth deny' };
  const page = await openForm();
  expect(place(page)).toBe('没有定位权限，请在地图上选择，或去开启定位');
  expect(exists(page, '.location-field >> .open-setting')).toBe(true);
  await type(page, '.phone', '12345');

  await tap(page, '.submit');

  expect(textOf(find(page, '.error-category'))).toBe('请选择问题类型');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(textOf(find(page, '.location-field >> .error-location'))).toBe('请选择问题发生的位置');
  expect(textOf(find(page, '.error-phone'))).toBe('电话号码格式不对，请检查（手机 11 位，座机带区号）');
  expect(page.querySelectorAll('.section--error').map((s) => textOf(s).slice(0, 4))).toEqual([
    '问题类型',
    '问题描述',
    '问题位置',
    '联系电话',
  ]);
  expect(page.querySelectorAll('.field-box--error')).toHaveLength(2);
  expect(exists(page, '.location-field >> .location--error')).toBe(true);
  expect(textOf(find(page, '.error-summary'))).toBe('还有 4 处需要修改，已用红框标出');
  expect(wxFake.pageScrollTo.mock.calls[0]?.[0]).toMatchObject({ selector: '#field-category' });
  expect(toasts()).toEqual([]);
  expect(sent()).toEqual([]);
  expect(wxFake.requestSubscribeMessage).not.toHaveBeenCalled();
});

test('fixing a field takes its frame away and counts down the summary', async () => {
  const page = await openForm();
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-summary'))).toBe('还有 2 处需要修改，已用红框标出');
  expect(wxFake.pageScrollTo.mock.calls[0]?.[0]).toMatchObject({ selector: '#field-category' });
  await tap(page, '.choice', 2);
  expect(exists(page, '.error-category')).toBe(false);
  expect(textOf(find(page, '.error-summary'))).toBe('还有 1 处需要修改，已用红框标出');
  await type(page, '.description', '路灯坏了');
  expect(exists(page, '.error-summary')).toBe(false);
  expect(exists(page, '.section--error')).toBe(false);
});

test('a description of only spaces is no description, and is the one scrolled to', async () => {
  const page = await openForm({ category: 'sanitation' });
  await type(page, '.description', '   ');
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-description'))).toBe('请描述一下问题（1–500 字）');
  expect(wxFake.pageScrollTo.mock.calls[0]?.[0]).toMatchObject({ selector: '#field-description' });
  expect(sent()).toEqual([]);
});

test('picking a place on the map fixes a failed location and shows its address', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail' };
  const page = await openForm();
  expect(place(page)).toBe('没能获取位置，请在地图上选择问题的位置');
  expect(exists(page, '.location-field >> .location__map')).toBe(false);
  await tap(page, '.location-field >> .choose-location');
  expect(place(page)).toBe('山东省淄博市张店区和平路18号 和平小区3号楼');
  expect(exists(page, '.location-field >> .location__map')).toBe(true);
  expect(page.data.location).toEqual({ latitude: 36.8131, longitude: 118.0556, address: '山东省淄博市张店区和平路18号 和平小区3号楼' });
  expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ location: { address: '山东省淄博市张店区和平路18号 和平小区3号楼' } });
});

test('one tap: subscriptions first, then grants recorded, nearby checked, photos uploaded, report submitted', async () => {
  serverAcceptsEverything();
  let apiCallsWhenAsked = -1;
  wxFake.requestSubscribeMessage.mockImplementationOnce((o) => {
    apiCallsWhenAsked = apiFake.calls.length;
    setTimeout(
      () =>
        o.success?.({ errMsg: 'requestSubscribeMessage:ok', ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' }),
      0,
    );
  });
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, ADD_PHOTO);
  expect(findAll(page, '.photos >> .photo__img')).toHaveLength(1);

  await tap(page, '.kind', 1); // 建议
  await type(page, '.phone', '13812345678');
  await tap(page, '.submit');

  expect(apiCallsWhenAsked).toBe(1); // only the categories, loaded with the form
  expect(wxFake.requestSubscribeMessage.mock.calls[0]?.[0].tmplIds).toEqual(['ticketAccepted', 'ticketResolved', 'ticketRejected']);
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
  expect(submitted?.photos).toHaveLength(1);
  // Under the resident's own folder, or the server would refuse the fileID.
  const cloudPath = wxFake.cloud.uploadFile.mock.calls[0]?.[0].cloudPath;
  expect(cloudPath).toMatch(new RegExp(`^${DEMO_FOLDER}/202611/[a-z0-9]+\\.jpg$`));
  expect(submitted?.photos[0]).toBe(`${DEMO_CLOUD}/${cloudPath}`);
  expect(submitted?.clientRequestId).toMatch(/^r\w+/);
  // The success page gets the deadline in the server's words.
  expect(navigations('redirectTo')).toEqual([
    `/pages/report-success/report-success?ticketId=${answers.submit.ticketId}&no=${answers.submit.no}&deadline=${encodeURIComponent('11月24日 24:00 前受理')}&triage=0`,
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

describe('"是同一个问题吗?" (with following switched off, a deployment choice)', () => {
  beforeEach(() => {
    config.features.follow = false;
  });
  afterEach(() => {
    config.features.follow = true;
  });
  /** The server's real answer for a neighbour standing by the fresh report. */
  const nearby = (): Api.Data<'report.nearby'> => answers.nearby;

  async function askedAboutNearby(): Promise<Root> {
    serverAcceptsEverything();
    apiFake.on('report.nearby', () => nearby());
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, '.submit');
    return page;
  }

  test('lists the open tickets nearby without any distance finer than 50 m; continuing is the filled button', async () => {
    const page = await askedAboutNearby();
    expect(apiFake.callsOf('report.submit')).toHaveLength(0);
    const dialog = textOf(find(page, '.nearby-dialog >> .nearby'));
    expect(dialog).toContain('附近 50 米内，有同类问题正在处理');
    // The server masks the house number and gives only the hour it was reported.
    expect(dialog).toContain('*号楼东门口的垃圾又堆起来了');
    expect(dialog).toContain('待受理 · 50 米内 · 11月23日 09:00 上报');
    expect(dialog).not.toMatch(/约 \d+ 米/);
    const buttons = ['.nearby-continue', '.nearby-same', '.nearby-cancel'].map(
      (b) => find(page, `.nearby-dialog >> ${b} >> .t-button`).dom?.className ?? '',
    );
    expect(buttons[0]).toContain('t-button--base');
    expect(buttons[1]).toContain('outline');
    expect(buttons[2]).toContain('text');
    expect(textOf(find(page, '.nearby-dialog >> .nearby__actions'))).toBe('不是，继续上报是同一个问题先不报了');

    await tap(page, '.nearby-dialog >> .nearby-continue');
    expect(apiFake.callsOf('report.submit')).toHaveLength(1);
    expect(navigations('redirectTo')).toHaveLength(1);
  });

  test("other people's tickets are only listed, never opened (ticket.get would be NOT_FOUND)", async () => {
    const page = await askedAboutNearby();
    await tap(page, '.nearby-dialog >> .nearby__item', 0);
    expect(navigations('navigateTo')).toEqual([]);
    expect(sent()).not.toContain('ticket.get');
    expect(page.data.nearby).toMatchObject({ visible: true });
  });

  test('是同一个问题: the modal says the draft will not be sent, makes no ticket, clears the draft and goes back', async () => {
    serverAcceptsEverything();
    apiFake.on('report.nearby', () => nearby());
    wxScene.media = { ok: true, files: [{ tempFilePath: 'wxfile://tmp/p1.jpg', size: 120 * 1024 }] };
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, ADD_PHOTO);
    await tap(page, '.submit');
    expect(wxScene.storage.has(DRAFT_KEY)).toBe(true);

    await tap(page, '.nearby-dialog >> .nearby-same');

    expect(apiFake.callsOf('report.submit')).toHaveLength(0);
    expect(wxFake.cloud.uploadFile).not.toHaveBeenCalled();
    expect(wxFake.showModal.mock.calls[0]?.[0]).toMatchObject({
      title: '感谢您的反映',
      content: '这个问题已有居民反映，网格员会一并处理，您不用再报了。这次填写的内容和照片不会提交。',
      showCancel: false,
      confirmText: '知道了',
    });
    expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
    expect(page.data.nearby).toMatchObject({ visible: false });
    expect(page.data.submitting).toBe(false);
    // The form was the only page (getCurrentPages is empty here): home, not a ticket.
    expect(navigations('reLaunch')).toEqual(['/pages/index/index']);

    // Leaving the page does not bring the draft back, and nothing more can be sent meanwhile.
    await tap(page, '.submit');
    expect(sent()).toEqual(['subscription.record', 'report.nearby']);
    page.detach();
    expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
  });

  test('是同一个问题 goes back to the page the form came from, when there is one', async () => {
    const g = globalThis as unknown as { getCurrentPages: () => unknown[] };
    const saved = g.getCurrentPages;
    g.getCurrentPages = () => [{ route: 'pages/index/index' }, { route: 'pages/report/report' }];
    try {
      const page = await askedAboutNearby();
      await tap(page, '.nearby-dialog >> .nearby-same');
      expect(wxFake.navigateBack).toHaveBeenCalledWith(expect.objectContaining({ delta: 1 }));
      expect(navigations('reLaunch')).toEqual([]);
    } finally {
      g.getCurrentPages = saved;
    }
  });

  test('先不报了 keeps the form for later', async () => {
    const page = await askedAboutNearby();
    await tap(page, '.nearby-dialog >> .nearby-cancel');
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
});

describe('"我也遇到了" (report.follow, on by default)', () => {
  /** What report.follow will answer: the ticket as a follower sees it. */
  /** What report.follow really answered the neighbour who was offered that ticket. */
  const followed = (): Api.TicketView => answers.moves.follow;

  async function askedWithFollow(): Promise<Root> {
    serverAcceptsEverything();
    apiFake.on('report.nearby', () => answers.nearby);
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, '.submit');
    return page;
  }

  test('each ticket nearby can be followed instead of filing a new one; the draft goes and the ticket opens', async () => {
    apiFake.on('report.follow', () => followed());
    const page = await askedWithFollow();
    expect(textOf(find(page, '.nearby-dialog >> .nearby'))).toContain('是同一个就点“我也遇到了”');
    expect(exists(page, '.nearby-dialog >> .nearby-same')).toBe(false);
    await tap(page, '.nearby-dialog >> .nearby-follow', 0);
    expect(apiFake.callsOf('report.follow')).toEqual([{ ref: answers.nearby.items[0]?.ref }]);
    expect(apiFake.callsOf('report.submit')).toEqual([]);
    // The grants were asked in the submitting tap, so the follower hears accepted / resolved too.
    expect(apiFake.callsOf('subscription.record')).toHaveLength(1);
    expect(wxScene.storage.has(DRAFT_KEY)).toBe(false);
    expect(toasts()).toEqual(['已关注，处理进展会通知您']);
    expect(navigations('redirectTo')).toEqual([`/pages/ticket/ticket?id=${followed().id}`]);
  });

  test('a refused follow says why; the form and its draft stay', async () => {
    apiFake.fail('report.follow', 'CONFLICT', '这个问题已经办结了，请重新上报');
    const page = await askedWithFollow();
    await tap(page, '.nearby-dialog >> .nearby-follow', 0);
    expect(textOf(find(page, '.submit-error'))).toBe('这个问题已经办结了，请重新上报');
    expect(page.data.submitting).toBe(false);
    expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ description: '3号楼东门口的垃圾三天没人清运' });
    expect(navigations('redirectTo')).toEqual([]);
  });
});

test('flaky 4G: the submit is retried with the same clientRequestId', async () => {
  serverAcceptsEverything();
  let tries = 0;
  apiFake.on('report.submit', () => {
    tries += 1;
    if (tries < 3) throw new ApiError('NETWORK');
    return answers.submit;
  });
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');

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
  const firstId = apiFake.callsOf('report.submit')[0]?.clientRequestId;
  expect(textOf(find(first, '.submit-error'))).toBe('网络不太好，请稍后重试');

  // The app is killed and opened again: the form comes back with the same request id.
  first.detach();
  apiFake.on('report.submit', () => answers.submit);
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
  ['RATE_LIMITED', '一小时内最多上报 10 件，请稍后再试'],
  ['CONTENT_REJECTED', '内容含有不适宜的信息，请修改后再提交'],
  ['INTERNAL', '服务暂时不可用'],
];

test.each(ERROR_CASES)('%s from the server: its Chinese message is shown above the button and the form stays', async (code, message) => {
  serverAcceptsEverything();
  apiFake.fail('report.submit', code, message);
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe(message);
  expect(page.data.submitting).toBe(false);
  expect(navigations('redirectTo')).toEqual([]);
});

test('a category retired since the form opened: the server says so at the category, the list comes again without it, another goes through', async () => {
  serverAcceptsEverything();
  const { refused, categories } = answers.retired;
  apiFake.on('report.submit', () => {
    throw new ApiError(refused.code, refused.message, refused.details);
  });
  const page = await openForm({ category: 'life-service' });
  await type(page, '.description', '楼道里的灯坏了一个星期了');
  expect(textOf(find(page, '.choice--on'))).toBe('生活服务');
  apiFake.on('categories.list', () => categories);
  await tap(page, '.submit');
  await flush();
  expect(textOf(find(page, '.error-category'))).toBe('这个问题类型已停用，请重新选择');
  expect(textOf(find(page, '.submit-error'))).toBe('这个问题类型已停用，请重新选择');
  expect(apiFake.callsOf('categories.list')).toHaveLength(2);
  expect(choiceNames(page)).not.toContain('生活服务');
  expect(choiceNames(page)).toHaveLength(categories.items.length);
  expect(exists(page, '.choice--on')).toBe(false);
  expect(navigations('redirectTo')).toEqual([]);

  apiFake.on('report.submit', () => answers.submit);
  await tap(page, '.choice', 0);
  expect(exists(page, '.error-category')).toBe(false);
  expect(exists(page, '.submit-error')).toBe(false);
  await tap(page, '.submit');
  expect(apiFake.callsOf('report.submit').map((p) => p.category)).toEqual(['life-service', choiceCode(page, 0)]);
  expect(navigations('redirectTo')).toHaveLength(1);
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
  await tap(page, ADD_PHOTO);
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe('网络不太好，请稍后重试');
  expect(apiFake.callsOf('report.submit')).toHaveLength(0);
});

test("photos go under the resident's own folder, in order, uploaded once; staff.me is asked once for all of them", async () => {
  serverAcceptsEverything();
  apiFake.fail('report.submit', 'NETWORK');
  wxScene.media = { ok: true, files: [1, 2, 3].map((n) => ({ tempFilePath: `wxfile://tmp/p${n}.jpg`, size: 120 * 1024 })) };
  const page = await openForm();
  await fillValidForm(page);
  await tap(page, ADD_PHOTO);
  await tap(page, '.photos >> .photo__remove', 1);
  await tap(page, '.submit');
  apiFake.on('report.submit', () => answers.submit);
  await tap(page, '.submit'); // the retry uploads nothing again
  const uploads = wxFake.cloud.uploadFile.mock.calls.map((c) => c[0]);
  expect(uploads.map((u) => u.filePath)).toEqual(['wxfile://tmp/p1.jpg', 'wxfile://tmp/p3.jpg']);
  for (const u of uploads) expect(u.cloudPath).toMatch(new RegExp(`^${DEMO_FOLDER}/202611/[a-z0-9]+\\.jpg$`));
  expect(apiFake.callsOf('staff.me')).toHaveLength(1);
  expect(apiFake.callsOf('report.submit').at(-1)?.photos).toEqual(uploads.map((u) => `${DEMO_CLOUD}/${u.cloudPath}`));
});

test.each<Api.ErrorCode | 'NETWORK'>(['NETWORK', 'UNAUTHENTICATED', 'INTERNAL'])(
  'staff.me failing (%s) fails the upload with the network message: no guessed path, nothing submitted',
  async (code) => {
    serverAcceptsEverything();
    apiFake.fail('staff.me', code, '服务器的话');
    const page = await openForm();
    await fillValidForm(page);
    await tap(page, ADD_PHOTO);
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

test('a place picked on the map survives an app kill; a GPS fix is taken afresh', async () => {
  const first = await openForm();
  await tap(first, '.location-field >> .choose-location');
  first.detach();
  wxFake.getLocation.mockClear();
  const again = await openForm();
  expect(place(again)).toBe('山东省淄博市张店区和平路18号 和平小区3号楼');
  expect(wxFake.getLocation).not.toHaveBeenCalled();
});

describe("a category's usual kind (categories.list's defaultKind)", () => {
  const kindShown = (page: Root): string => textOf(find(page, '.kind--on'));

  test('picking 政策咨询 makes it a 咨询, and picking 环境卫生 after it a 投诉 again; the kind is sent', async () => {
    serverAcceptsEverything();
    const page = await openForm();
    expect(kindShown(page)).toBe('投诉');
    await tap(page, '.choice', 6); // 政策咨询
    expect(kindShown(page)).toBe('咨询');
    await tap(page, '.choice', 0); // 环境卫生
    expect(kindShown(page)).toBe('投诉');
    await tap(page, '.choice', 6);
    await type(page, '.description', '老旧小区加装电梯的补贴怎么申请？');
    await tap(page, '.submit');
    expect(apiFake.callsOf('report.submit')[0]).toMatchObject({ category: 'policy', kind: 'question' });
  });

  test('a kind the resident tapped stays whatever category they pick, also after an app kill', async () => {
    const page = await openForm();
    await tap(page, '.kind', 1); // 建议
    await tap(page, '.choice', 6); // 政策咨询
    expect(kindShown(page)).toBe('建议');
    page.detach();
    const again = await openForm();
    await tap(again, '.choice', 0);
    expect(kindShown(again)).toBe('建议');
  });

  test('a home tile opens the form with its kind, once the server has said it', async () => {
    let answer: (v: Api.Data<'categories.list'>) => void = () => undefined;
    apiFake.on('categories.list', () => new Promise((resolve) => (answer = resolve)));
    const page = await openForm({ category: 'policy' });
    // The built-in list shown meanwhile does not know the kinds: the form does not guess.
    expect(textOf(find(page, '.choice--on'))).toBe('政策咨询');
    expect(kindShown(page)).toBe('投诉');
    answer({ items: demoCategories() });
    await flush();
    expect(kindShown(page)).toBe('咨询');
    expect(wxScene.storage.get(DRAFT_KEY)).toMatchObject({ category: 'policy', kind: 'question', kindChosen: false });
  });

  test("an admin's kind for an added category is followed", async () => {
    apiFake.on('categories.list', () => ({ items: adminCategories() }));
    const page = await openForm();
    await tap(page, '.choice', 9); // 停车管理: 建议
    expect(kindShown(page)).toBe('建议');
  });
});

describe('categories from the server', () => {
  const NINE = ['环境卫生', '物业服务', '市政设施', '治安隐患', '矛盾纠纷', '生活服务', '政策咨询', '抢修抢险', '其他'];

  test("while loading and when categories.list fails, the built-in nine are offered, in the home page's order", async () => {
    apiFake.fail('categories.list', 'NETWORK');
    const page = await openForm();
    expect(choiceNames(page)).toEqual(NINE);
  });

  test('admin-added categories can be chosen and are sent by code; urgent ones show the 119/110 hint', async () => {
    serverAcceptsEverything();
    apiFake.on('categories.list', () => ({ items: adminCategories() }));
    const page = await openForm();
    expect(choiceNames(page)).toEqual([
      '环境卫生',
      '物业服务',
      '市政设施',
      '治安隐患',
      '矛盾纠纷',
      '生活服务',
      '政策咨询',
      '抢修抢险',
      '电梯困人',
      '停车管理',
      '其他',
    ]);

    await tap(page, '.choice', 9); // 停车管理
    expect(exists(page, '.urgent-hint')).toBe(false);
    await tap(page, '.choice', 8); // 电梯困人, urgent
    expect(textOf(find(page, '.choice--on'))).toBe('电梯困人');
    expect(textOf(find(page, '.urgent-hint'))).toContain('燃气泄漏、火情等紧急情况，请先拨打 119 / 110');
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
    await tap(page, '.choice', 3); // 治安隐患
    expect(textOf(find(page, '.choice--on'))).toBe('治安隐患');
    expect(exists(page, '.urgent-hint')).toBe(true);
  });

  test('a drafted category the server no longer lists is dropped, so it is chosen again', async () => {
    wxScene.storage.set(DRAFT_KEY, {
      clientRequestId: 'r-old',
      category: 'parking',
      kind: 'complaint',
      description: '门口乱停车',
      contactPhone: '',
      location: null,
    });
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
