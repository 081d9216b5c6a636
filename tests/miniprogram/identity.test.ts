// services/identity: who the user is, from staff.me, asked once per session.
import { apiFake } from './support/api-fake';
import { demoResident } from './support/demo-data';
import { currentIdentity, forgetIdentity, myOpenid } from '../../miniprogram/services/identity';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

test('answers what staff.me says, residents included', async () => {
  await expect(currentIdentity()).resolves.toEqual({ openid: 'demo-resident-1', role: 'resident', scope: null, scopeLabel: '居民', displayName: null, servicePhone: null, abilities: [] });
  await expect(myOpenid()).resolves.toBe('demo-resident-1');
  expect(apiFake.callsOf('staff.me')).toEqual([{}]);
});

test('asks once per session, and callers arriving meanwhile share the one request', async () => {
  const answers = await Promise.all([myOpenid(), myOpenid(), currentIdentity()]);
  await myOpenid();
  expect(answers.slice(0, 2)).toEqual(['demo-resident-1', 'demo-resident-1']);
  expect(apiFake.actions()).toEqual(['staff.me']);
});

test('a failure is passed on as an ApiError and not remembered', async () => {
  apiFake.fail('staff.me', 'NETWORK');
  await expect(myOpenid()).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请稍后重试' });
  apiFake.on('staff.me', () => demoResident());
  await expect(myOpenid()).resolves.toBe('demo-resident-1');
  expect(apiFake.actions()).toEqual(['staff.me', 'staff.me']);
});

test.each(['', '../other', 'a/b', 'x'.repeat(200)])('an openid that cannot name a folder (%j) is refused', async (openid) => {
  apiFake.on('staff.me', () => ({ ...demoResident(), openid }));
  await expect(myOpenid()).rejects.toMatchObject({ code: 'INTERNAL' });
  // …and not remembered either.
  apiFake.on('staff.me', () => demoResident());
  await expect(myOpenid()).resolves.toBe('demo-resident-1');
});

test('forgetIdentity makes the next caller ask again (after staff.bind, say)', async () => {
  await myOpenid();
  forgetIdentity();
  apiFake.on('staff.me', () => ({ ...demoResident(), role: 'gridWorker', scope: { grids: ['G-HP-03'] }, scopeLabel: '和平社区 · 第3网格' }));
  await expect(currentIdentity()).resolves.toMatchObject({ role: 'gridWorker' });
  expect(apiFake.actions()).toEqual(['staff.me', 'staff.me']);
});
