// The report form (pages/report/report): every state at both font sizes.
import { config } from '../../../miniprogram/config';
import { installPrivacyHandler, type PrivacyResolve } from '../../../miniprogram/services/privacy';
import { ApiError } from '../../../miniprogram/services/api';
import { apiFake } from '../support/api-fake';
import { fixClock, realClock } from '../support/clock';
import { DEMO_PHOTOS } from '../support/demo-data';
import { realAnswers } from '../support/real-answers';
import { callPage, flush, load, render, tap, type, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';
import { wxFake, wxScene } from '../support/wx-fake';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/report/report');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function openForm(query: Record<string, string> = {}): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

/** Photos the previews can draw (data URIs instead of wxfile:// paths). */
function pickablePhotos(count: number): void {
  wxScene.media = { ok: true, files: DEMO_PHOTOS.slice(0, count).map((p) => ({ tempFilePath: p, size: 120 * 1024 })) };
}

async function fill(page: Root): Promise<void> {
  await tap(page, '.choice', 0);
  await type(page, '.description', '3号楼东门口的垃圾桶已经满了三天，没有人清运，气味很大。');
  pickablePhotos(3);
  await tap(page, '.photos >> .photo--add');
  await tap(page, '.location-field >> .choose-location');
  await type(page, '.phone', '13812345678');
}

test('a fresh form, located by GPS', async () => {
  const page = await openForm();
  await snapshotBoth('report', '上报表单：刚打开（第一屏）', page);
  await snapshotBoth('report-full', '上报表单：刚打开（整页）', page, { fullPage: true });
});

test('opened from the 政策咨询 tile: the kind follows the category (咨询)', async () => {
  const page = await openForm({ category: 'policy' });
  await flush();
  await type(page, '.description', '老旧小区加装电梯的补贴怎么申请？需要哪些材料？');
  await snapshotBoth('report-policy', '上报表单：从“政策咨询”进入，类型自动为“咨询”', page, { fullPage: true });
});

test('a category retired since the form opened: refused, the list read again without it', async () => {
  const { refused, categories } = realAnswers().retired;
  apiFake
    .on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }))
    .on('report.nearby', () => ({ items: [] }))
    .on('report.submit', () => {
      throw new ApiError(refused.code, refused.message, refused.details);
    });
  const page = await openForm({ category: 'life-service' });
  await flush();
  await type(page, '.description', '楼道里的灯坏了一个星期了');
  apiFake.on('categories.list', () => categories);
  await tap(page, '.submit');
  await flush();
  await snapshotBoth('report-category-retired', '上报表单：所选类别刚被停用，请重新选择', page, { fullPage: true });
});

test('still locating', async () => {
  wxFake.getLocation.mockImplementationOnce(() => undefined);
  const page = await openForm();
  await snapshotBoth('report-locating', '上报表单：正在定位', page, { fullPage: true });
});

test('location refused', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail auth deny' };
  const page = await openForm();
  await snapshotBoth('report-location-denied', '上报表单：没有定位权限', page, { fullPage: true });
});

test('filled in: photos, a place picked on the map, a phone number', async () => {
  const page = await openForm();
  await fill(page);
  await snapshotBoth('report-filled', '上报表单：填好了', page, { fullPage: true });
});

test('an urgent category chosen from the home tile', async () => {
  const page = await openForm({ category: 'urgent-repair' });
  await snapshotBoth('report-urgent', '上报表单：抢修抢险（先打 119/110）', page);
});

test('a wrong field fixed: its frame goes, the count goes down', async () => {
  const page = await openForm();
  await tap(page, '.submit');
  await tap(page, '.choice', 2);
  await snapshotBoth('report-invalid-fixing', '上报表单：改好一处后', page);
});

test('submitted with nothing filled in', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail' };
  const page = await openForm();
  await type(page, '.phone', '12345');
  await tap(page, '.submit');
  await snapshotBoth('report-invalid', '上报表单：没填完就提交', page);
  await snapshotBoth('report-invalid-full', '上报表单：没填完就提交（整页）', page, { fullPage: true });
});

test('sending: photos uploading', async () => {
  apiFake.on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length })).on('report.nearby', () => ({ items: [] }));
  wxScene.cloudUpload = () => new Promise<never>(() => undefined);
  const page = await openForm();
  await fill(page);
  await tap(page, '.submit');
  await snapshotBoth('report-sending', '上报表单：正在上传照片', page);
});

test('the server refused the report', async () => {
  apiFake
    .on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }))
    .on('report.nearby', () => ({ items: [] }))
    .fail('report.submit', 'RATE_LIMITED', '一小时内最多上报 10 件，请稍后再试');
  const page = await openForm();
  await tap(page, '.choice', 0);
  await type(page, '.description', '楼道灯坏了');
  await tap(page, '.submit');
  await snapshotBoth('report-submit-error', '上报表单：服务器拒绝（太频繁）', page);
});

test('"是同一个问题吗？" before a new ticket is made', async () => {
  apiFake
    .on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }))
    .on('report.nearby', () => ({ items: realAnswers().nearby.items }));
  const page = await openForm();
  await tap(page, '.choice', 0);
  await type(page, '.description', '东门垃圾没人清运');
  await tap(page, '.submit');
  await snapshotBoth('report-nearby', '上报表单：附近有相同的问题', page);
});

test('"我也遇到了": following a ticket nearby (once report.follow is deployed)', async () => {
  config.features.follow = true;
  try {
    apiFake.on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length })).on('report.nearby', () => realAnswers().nearby);
    const page = await openForm();
    await tap(page, '.choice', 0);
    await type(page, '.description', '东门垃圾没人清运');
    await tap(page, '.submit');
    await snapshotBoth('report-nearby-follow', '上报表单：附近有相同的问题，可以“我也遇到了”', page);
  } finally {
    config.features.follow = false;
  }
});

test('the privacy prompt before the first location', async () => {
  let listener: ((resolve: PrivacyResolve, info: { referrer: string }) => void) | null = null;
  wxFake.onNeedPrivacyAuthorization.mockImplementation((fn: typeof listener) => {
    listener = fn;
  });
  installPrivacyHandler();
  const page = await openForm();
  if (!listener) throw new Error('no privacy listener');
  (listener as (resolve: PrivacyResolve, info: { referrer: string }) => void)(() => undefined, { referrer: 'getLocation' });
  await flush();
  await snapshotBoth('report-privacy', '上报表单：隐私保护提示', page);
});
