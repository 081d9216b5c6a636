// admin.invites.qr: a pending invite's 小程序码 as a short-lived link. Locally the twin draws a
// real QR image of the bind page with the code as its scene — what the bind page reads from a scan
// (checked against the bind page's own parser). Only admins who may see the invite get it.
import QRCode from 'qrcode';
import { inviteCodeFrom } from '../../../../miniprogram/utils/staff-bind';
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, neighbourAreasWithAdmins } from '../../../support/flows';

const NOW = new Date('2026-11-23T01:00:00.000Z');
// Drawing and encoding a 430 px QR image in plain JavaScript takes a while on a busy machine.
jest.setTimeout(30_000);

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
});

async function fetchImage(url: string): Promise<Buffer> {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('image/png');
  return Buffer.from(await answer.arrayBuffer());
}

test('the link serves a QR image that opens the bind page with the code as scene', async () => {
  const { code } = await app.ok('community-1', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-02'] } });
  const qr = await app.ok('community-1', 'admin.invites.qr', { code });
  expect(qr).toEqual({
    code,
    page: 'staff/pages/bind/bind',
    scene: code,
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__files\/server\/invites\//),
    linkExpiresAt: '2026-11-23T01:10:00.000Z',
  });
  const image = await fetchImage(qr.url);
  // A PNG: its signature, then the IHDR chunk's width and height.
  expect(image.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([430, 430]);
  // The same text drawn by the library is the same image (no decoder here: the encoder is deterministic).
  const text = `staff/pages/bind/bind?scene=${code}`;
  expect(image.equals(await QRCode.toBuffer(text, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' }))).toBe(true);
  expect(inviteCodeFrom(text)).toBe(code);
  // A tampered link serves nothing.
  const tampered = qr.url.replace(/sign=(\w)/, (_, c: string) => `sign=${c === '0' ? '1' : '0'}`);
  expect(tampered).not.toBe(qr.url);
  expect((await fetch(tampered)).status).toBe(404);
});

test('the admin above may show it too; another area, a used code and non-admins may not', async () => {
  const { code } = await app.ok('community-1', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-03'] } });
  expect((await app.ok('street-1', 'admin.invites.qr', { code })).scene).toBe(code);
  expect((await app.ok(ADMIN, 'admin.invites.qr', { code })).scene).toBe(code);
  await expectRefused(app, 'NOT_FOUND', () => app.call('street-hp', 'admin.invites.qr', { code }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'admin.invites.qr', { code }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'admin.invites.qr', { code }));
  await app.ok('joined', 'staff.bind', { inviteCode: code, displayName: '新人' });
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'admin.invites.qr', { code }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.qr', { code: '../x' }));
});
