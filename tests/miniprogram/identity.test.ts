// services/identity: who the user is, from staff.me, asked once per session.
import { apiFake } from './support/api-fake';
import { DEMO_FOLDER, demoResident } from './support/demo-data';
import { currentIdentity, forgetIdentity, myUploadFolder } from '../../miniprogram/services/identity';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

test('answers what staff.me says, residents included', async () => {
  await expect(currentIdentity()).resolves.toEqual({
    openid: 'demo-resident-1',
    role: 'resident',
    scope: null,
    scopeLabel: '居民',
    uploadFolder: DEMO_FOLDER,
    displayName: null,
    servicePhone: null,
    abilities: [],
  });
  await expect(myUploadFolder()).resolves.toBe(DEMO_FOLDER);
  expect(apiFake.callsOf('staff.me')).toEqual([{}]);
});

test('asks once per session, and callers arriving meanwhile share the one request', async () => {
  const answers = await Promise.all([myUploadFolder(), myUploadFolder(), currentIdentity()]);
  await myUploadFolder();
  expect(answers.slice(0, 2)).toEqual([DEMO_FOLDER, DEMO_FOLDER]);
  expect(apiFake.actions()).toEqual(['staff.me']);
});

test('a failure is passed on as an ApiError and not remembered', async () => {
  apiFake.fail('staff.me', 'NETWORK');
  await expect(myUploadFolder()).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请稍后重试' });
  apiFake.on('staff.me', () => demoResident());
  await expect(myUploadFolder()).resolves.toBe(DEMO_FOLDER);
  expect(apiFake.actions()).toEqual(['staff.me', 'staff.me']);
});

test.each(['', 'uploads/../other', 'uploads/a/b', 'elsewhere/abc', `uploads/${'x'.repeat(200)}`])(
  "a folder that is not the caller's own (%j) is refused",
  async (uploadFolder) => {
    apiFake.on('staff.me', () => ({ ...demoResident(), uploadFolder }));
    await expect(myUploadFolder()).rejects.toMatchObject({ code: 'INTERNAL' });
    // …and not remembered either.
    apiFake.on('staff.me', () => demoResident());
    await expect(myUploadFolder()).resolves.toBe(DEMO_FOLDER);
  },
);

test('forgetIdentity makes the next caller ask again (after staff.bind, say)', async () => {
  await myUploadFolder();
  forgetIdentity();
  apiFake.on('staff.me', () => ({
    ...demoResident(),
    role: 'gridWorker',
    scope: { grids: ['G-HP-03'] },
    scopeLabel: '和平社区 · 第3网格',
  }));
  await expect(currentIdentity()).resolves.toMatchObject({ role: 'gridWorker' });
  expect(apiFake.actions()).toEqual(['staff.me', 'staff.me']);
});
