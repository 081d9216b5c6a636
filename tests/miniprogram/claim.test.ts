// Claiming a 代报 (pages/claim/claim): the code typed, from a QR code's link or scene, or scanned;
// the notification grants asked in the claiming tap; the ticket opened once report.claim answers.
// report.claim's answer is the real server's (support/real-answers-build.ts).
import { claimCodeFrom, isClaimCode, normaliseClaimCode } from '../../miniprogram/utils/claim-code';
import { apiFake } from './support/api-fake';
import { realAnswers } from './support/real-answers';
import { callPage, exists, find, load, render, tap, textOf, type, type Root } from './support/render';
import { navigations, toasts, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/claim/claim');
});

/** What report.claim really answered: the claimed ticket, seen by the resident it was filed for. */
const claimed = (): Api.TicketView => realAnswers().moves.claim;

async function open(query: Record<string, string> = {}): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

test('a code typed in: grants asked in the tap, then report.claim, then the ticket', async () => {
  apiFake.on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length })).on('report.claim', () => claimed());
  const page = await open();
  await type(page, '.code', ' ab12 cd ');
  expect(page.data.code).toBe('AB12CD');
  await tap(page, '.submit');
  expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(apiFake.actions()).toEqual(['subscription.record', 'report.claim']);
  expect(apiFake.callsOf('report.claim')).toEqual([{ code: 'AB12CD' }]);
  expect(toasts()).toEqual(['认领成功']);
  expect(navigations('redirectTo')).toEqual([`/pages/ticket/ticket?id=${claimed().id}`]);
});

test('a wrong-looking code is caught before anything is sent', async () => {
  const page = await open();
  await type(page, '.code', 'a-1');
  await tap(page, '.submit');
  expect(textOf(find(page, '.code-error'))).toBe('认领码是 4–12 位字母或数字，请核对');
  expect(exists(page, '.field-box--error')).toBe(true);
  expect(apiFake.calls).toEqual([]);
  expect(wxFake.requestSubscribeMessage).not.toHaveBeenCalled();
});

test('opened from a QR code: the code is filled in from ?code= or ?scene=, and still claimed by a tap', async () => {
  expect((await open({ code: 'k7m2p9' })).data.code).toBe('K7M2P9');
  expect((await open({ scene: encodeURIComponent('code=Q1W2E3') })).data.code).toBe('Q1W2E3');
  expect(apiFake.calls).toEqual([]);
});

test('scanning fills the code in; a scan that holds no code says so', async () => {
  const page = await open();
  wxFake.scanCode.mockImplementationOnce((o) =>
    setTimeout(
      () =>
        o.success?.({
          result: '',
          path: 'pages/claim/claim?code=ZX81',
          scanType: 'WX_CODE',
          charSet: 'utf-8',
          rawData: '',
          errMsg: 'scanCode:ok',
        }),
      0,
    ),
  );
  await tap(page, '.scan');
  expect(page.data.code).toBe('ZX81');
  wxFake.scanCode.mockImplementationOnce((o) =>
    setTimeout(
      () =>
        o.success?.({
          result: 'https://example.com/?x=1',
          path: '',
          scanType: 'QR_CODE',
          charSet: 'utf-8',
          rawData: '',
          errMsg: 'scanCode:ok',
        }),
      0,
    ),
  );
  await tap(page, '.scan');
  expect(textOf(find(page, '.code-error'))).toBe('认领码是 4–12 位字母或数字，请核对');
});

test('the server refusing (a used or wrong code) says why and lets the resident try again', async () => {
  apiFake.on('subscription.record', () => ({ recorded: 0 })).fail('report.claim', 'NOT_FOUND', '认领码不对或已被认领');
  const page = await open({ code: 'AB12CD' });
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe('认领码不对或已被认领');
  expect(page.data.submitting).toBe(false);
  expect(navigations('redirectTo')).toEqual([]);
  apiFake.on('report.claim', () => claimed());
  await tap(page, '.submit');
  expect(navigations('redirectTo')).toHaveLength(1);
});

test('the code rules', () => {
  expect(normaliseClaimCode(' ab 12 ')).toBe('AB12');
  expect(isClaimCode('AB12')).toBe(true);
  expect(isClaimCode('AB1')).toBe(false);
  expect(isClaimCode('AB12CD34EF567')).toBe(false);
  expect(claimCodeFrom('pages/claim/claim?code=ab12&x=1')).toBe('AB12');
  expect(claimCodeFrom('scene=Q1W2E3')).toBe('Q1W2E3');
  expect(claimCodeFrom('k7m2p9')).toBe('K7M2P9');
  expect(claimCodeFrom('https://evil.example/?x=1')).toBe('');
  expect(claimCodeFrom(undefined)).toBe('');
});
