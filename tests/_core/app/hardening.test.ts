// Review findings pinned: forged cursors, re-binding over an existing role, log redaction,
// friendly validation messages, the super admin's header label.
import { redact } from '../../../cloudfunctions/_core/app/handle-api';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../support/app';

const app = useTestApp(seedCommunity);

test.each([
  ['report.mine', 'AAAA'],
  ['report.mine', Buffer.from('2026-01-01T00:00:00.000Z|nothex').toString('base64url')],
  ['queue.list', '='],
  ['admin.grids.list', Buffer.from('华光').toString('base64url')],
] as const)('%s refuses a cursor it did not issue (%s)', async (action, cursor) => {
  const openid = action === 'report.mine' ? 'resident-a' : 'worker-1';
  expect(await app.raw(openid, { action, params: { cursor } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('a cursor the server issued keeps working', async () => {
  for (let i = 0; i < 21; i += 1) await app.ok(`cursor-${i}`, 'report.submit', reportParams());
  const first = await app.ok('worker-1', 'queue.list', {});
  expect(first.nextCursor).not.toBeNull();
  expect((await app.ok('worker-1', 'queue.list', { cursor: first.nextCursor ?? '' })).items.length).toBeGreaterThan(0);
});

test('a staff member cannot redeem another code over their role', async () => {
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-06'] } });
  expect(await app.call('district-1', 'staff.bind', { inviteCode: invite.code, displayName: '赵磊' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect((await app.ok('district-1', 'staff.me', {})).role).toBe('districtAdmin');
  // the code is still good for someone else
  expect((await app.ok('newcomer', 'staff.bind', { inviteCode: invite.code, displayName: '王芳' })).role).toBe('gridWorker');
});

test('the super admin has a header label', async () => {
  expect((await app.ok(ADMIN, 'staff.me', {})).scopeLabel).toBe('系统管理员');
});

test('validation messages are plain words, not schema jargon', async () => {
  const answers = await Promise.all([
    app.raw('resident-a', { action: 'report.submit', params: { ...reportParams(), kind: 'praise' } }),
    app.raw('resident-a', { action: 'report.submit', params: [] }),
    app.raw('resident-a', { action: 'report.submit', params: { ...reportParams(), extra: 1 } }),
  ]);
  for (const answer of answers) {
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).not.toMatch(/期望|key|string|object|无效/);
  }
});

test('log lines keep the shape of an error, never its data', () => {
  const line = redact(
    'E11000 duplicate key error collection: tickets index: _id_ dup key: { _id: "oX1a2b3c4d5e6f7g8h9" } phone 13812341234',
  );
  expect(line).not.toContain('oX1a2b3c4d5e6f7g8h9');
  expect(line).not.toContain('13812341234');
  expect(line).toContain('duplicate key error');
});
