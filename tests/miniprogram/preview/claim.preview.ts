// Claiming a 代报 (pages/claim/claim): every state at both font sizes. report.claim's server part
// lands after issue 7; the refusal below is a typed fake.
import { apiFake } from '../support/api-fake';
import { snapshotBoth } from '../support/preview';
import { callPage, load, render, tap, type, type Root } from '../support/render';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/claim/claim');
});

async function open(query: Record<string, string> = {}): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

test('empty', async () => {
  await snapshotBoth('claim', '认领代报：输入认领码', await open());
});

test("opened from the worker's QR code", async () => {
  await snapshotBoth('claim-from-qr', '认领代报：扫码打开，认领码已填好', await open({ code: 'K7M2P9' }));
});

test('a code that cannot be one', async () => {
  const page = await open();
  await type(page, '.code', 'A-1');
  await tap(page, '.submit');
  await snapshotBoth('claim-invalid', '认领代报：认领码格式不对', page);
});

test('refused by the server', async () => {
  apiFake.on('subscription.record', () => ({ recorded: 0 })).fail('report.claim', 'NOT_FOUND', '认领码不对或已被认领');
  const page = await open({ code: 'AB12CD' });
  await tap(page, '.submit');
  await snapshotBoth('claim-refused', '认领代报：认领码不对或已被认领', page);
});
