// staff.bind: a one-time invite code binds its role and scope to the caller's openid (from the
// cloud context); it works once, before it expires, and a race for one code has one winner.
import { bindStaff as bindUseCase } from '../../../../cloudfunctions/_core/app/staff/bind';
import { validateBind } from '../../../../miniprogram/utils/staff-bind';
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, expectUnchanged, rowById, rows } from '../../../support/flows';

const DAY = 24 * 60 * 60 * 1000;
// Monday 2026-11-23 09:00 in Shanghai.
const T0 = new Date('2026-11-23T01:00:00.000Z');
const at = (ms: number): string => new Date(T0.getTime() + ms).toISOString();
const CHINESE = /[\u4e00-\u9fa5]/;
const NAME = '张燕';

const app = useTestApp(async () => {
  app.setNow(T0);
  await seedCommunity(app);
});
beforeEach(() => app.setNow(T0));

const invite = (role: Api.StaffRole, scope: Api.Scope) => app.ok(ADMIN, 'admin.invites.create', { role, scope });

describe('staff.bind', () => {
  test('binds the invite role and scope to the caller; staff.me then shows it', async () => {
    expect((await app.ok('new-worker', 'staff.me', {})).role).toBe('resident');
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-03'] });
    const bound = await app.ok('new-worker', 'staff.bind', { inviteCode: code, displayName: NAME });
    expect(bound).toEqual({ role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-03'] } });
    const me = await app.ok('new-worker', 'staff.me', {});
    expect(me).toMatchObject({ openid: 'new-worker', role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-03'] } });
    // The new role is effective at once: the worker may read their grid's queue.
    expect((await app.call('new-worker', 'queue.list', {})).ok).toBe(true);
  });

  test('the staff record is keyed by the caller openid and remembers the code', async () => {
    const { code } = await invite('communityAdmin', { community: '华光社区' });
    await app.ok('bind-keyed', 'staff.bind', { inviteCode: code, displayName: NAME });
    const doc = await rowById(app, 'staff', 'bind-keyed');
    expect(doc).toMatchObject({ role: 'communityAdmin', scope: { community: '华光社区' }, inviteCode: code });
    const used = await rowById(app, 'invites', code);
    expect(used).toMatchObject({ usedBy: 'bind-keyed' });
  });

  test('a second use of a code → CONFLICT, by anyone, and the first binding stays', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-04'] });
    await app.ok('first-user', 'staff.bind', { inviteCode: code, displayName: NAME });
    await expectUnchanged(app, async () => {
      for (const who of ['second-user', 'first-user']) {
        const again = await app.call(who, 'staff.bind', { inviteCode: code, displayName: NAME });
        expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        if (!again.ok) expect(again.error.message).toMatch(CHINESE);
      }
    });
    expect((await app.ok('second-user', 'staff.me', {})).role).toBe('resident');
  });

  test('expired after 7 days → CONFLICT; just before expiry it still works', async () => {
    const late = await invite('gridWorker', { grids: ['ZD-CZ-HG-05'] });
    const inTime = await invite('gridWorker', { grids: ['ZD-CZ-HG-06'] });

    app.setNow(at(7 * DAY - 60_000));
    expect(await app.ok('in-time', 'staff.bind', { inviteCode: inTime.code, displayName: NAME })).toMatchObject({ role: 'gridWorker' });

    app.setNow(at(7 * DAY + 60_000));
    const error = await expectRefused(app, 'CONFLICT', () =>
      app.call('too-late', 'staff.bind', { inviteCode: late.code, displayName: NAME }),
    );
    expect(error.message).toMatch(/过期/);
    expect((await app.ok('too-late', 'staff.me', {})).role).toBe('resident');
  });

  test('an unknown code → NOT_FOUND', async () => {
    const answer = await app.call('stranger', 'staff.bind', { inviteCode: 'ABCDEFGH', displayName: NAME });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!answer.ok) expect(answer.error.message).toMatch(CHINESE);
  });

  test('lower-case input and surrounding spaces are accepted', async () => {
    const { code } = await invite('streetAdmin', { street: '车站街道' });
    const bound = await app.ok('lower-case', 'staff.bind', { inviteCode: `  ${code.toLowerCase()} `, displayName: NAME });
    expect(bound).toEqual({ role: 'streetAdmin', scope: { street: '车站街道' } });
  });

  test('two users redeeming one code at once: exactly one wins, the other gets CONFLICT, one staff doc', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-01'] });
    const racers = ['racer-a', 'racer-b', 'racer-c', 'racer-d'];
    const answers = await Promise.all(racers.map((who) => app.call(who, 'staff.bind', { inviteCode: code, displayName: NAME })));
    const winners = answers.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((a) => !a.ok)) expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const bound = (await rows(app, 'staff')).filter((d) => d.inviteCode === code);
    expect(bound).toHaveLength(1);
    const winner = racers[answers.findIndex((a) => a.ok)];
    expect(bound[0]?._id).toBe(winner);
    const roles = await Promise.all(racers.map(async (who) => (await app.ok(who, 'staff.me', {})).role));
    expect(roles.filter((r) => r === 'gridWorker')).toHaveLength(1);
  });

  test('the display name and service phone are kept on the staff record; staff.me answers them', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-03'] });
    await app.ok('named-worker', 'staff.bind', { inviteCode: code, displayName: '  李  小燕 ', servicePhone: '0533-2180101' });
    expect(await rowById(app, 'staff', 'named-worker')).toMatchObject({ displayName: '李 小燕', servicePhone: '0533-2180101' });
    expect(await app.ok('named-worker', 'staff.me', {})).toMatchObject({ displayName: '李 小燕', servicePhone: '0533-2180101' });
  });

  test('the service phone is optional', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-04'] });
    await app.ok('no-phone', 'staff.bind', { inviteCode: code, displayName: '王芳' });
    expect(await app.ok('no-phone', 'staff.me', {})).toMatchObject({ displayName: '王芳', servicePhone: null });
  });

  test('a display name content security refuses → CONTENT_REJECTED, and the code stays usable', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-05'] });
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call('bad-name', 'staff.bind', { inviteCode: code, displayName: '违禁测试' }));
    expect((await app.ok('bad-name', 'staff.me', {})).role).toBe('resident');
    expect(await app.ok('bad-name', 'staff.bind', { inviteCode: code, displayName: '王芳' })).toMatchObject({ role: 'gridWorker' });
  });

  describe('a display name or phone that is not one → INVALID_INPUT and nothing changes', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['no display name', {}],
      ['a blank name', { displayName: '   ' }],
      ['a name over 20 characters', { displayName: '张'.repeat(21) }],
      ['a name of digits only', { displayName: '12345' }],
      ['a name with a control character', { displayName: '张\u0007燕' }],
      ['a name with a bidi override', { displayName: '张\u202e燕' }],
      ['a name with a zero-width space', { displayName: '张\u200b燕' }],
      ['a name with a line break', { displayName: '张\n燕' }],
      ['a name as an object', { displayName: { $ne: null } }],
      ['a phone that is not one', { displayName: NAME, servicePhone: '12345' }],
      ['a phone as a number', { displayName: NAME, servicePhone: 13812345678 }],
    ];
    test.each(cases)('%s', async (_name, extra) => {
      const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-06'] });
      const error = await expectRefused(app, 'INVALID_INPUT', () =>
        app.raw('bad-profile', { action: 'staff.bind', params: { inviteCode: code, ...extra } }),
      );
      expect(error.message).toMatch(CHINESE);
    });
  });

  test('20 characters, including letters of any script, are a name', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-06'] });
    const name = '阿卜杜拉·买买提Abdulla';
    expect(Array.from(name).length).toBeLessThanOrEqual(20);
    await app.ok('long-name', 'staff.bind', { inviteCode: code, displayName: name });
    expect((await app.ok('long-name', 'staff.me', {})).displayName).toBe(name);
  });

  test('one person redeeming two codes at once: exactly one binds, the other code stays unused', async () => {
    const a = await invite('gridWorker', { grids: ['ZD-CZ-HG-01'] });
    const b = await invite('communityAdmin', { community: '华光社区' });
    const answers = await Promise.all(
      [a, b].map((i) => app.call('double-redeemer', 'staff.bind', { inviteCode: i.code, displayName: NAME })),
    );
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const won = answers.findIndex((x) => x.ok);
    const me = await app.ok('double-redeemer', 'staff.me', {});
    expect(me.role).toBe(won === 0 ? 'gridWorker' : 'communityAdmin');
    const invites = await rows(app, 'invites');
    const unused = [a, b][1 - won];
    expect(invites.find((d) => d._id === unused?.code)?.usedBy ?? null).toBeNull();
    // The unused code still works for someone else.
    expect((await app.call('someone-else-binds', 'staff.bind', { inviteCode: unused?.code ?? '', displayName: NAME })).ok).toBe(true);
  });

  test('no openid → UNAUTHENTICATED, and the code stays usable', async () => {
    const { code } = await invite('gridWorker', { grids: ['ZD-CZ-HG-02'] });
    expect(await app.call(null, 'staff.bind', { inviteCode: code, displayName: NAME })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await app.ok('after-anon', 'staff.bind', { inviteCode: code, displayName: NAME })).toMatchObject({ role: 'gridWorker' });
  });

  describe('bad input → INVALID_INPUT and nothing changes', () => {
    const cases: Array<[string, unknown]> = [
      ['a number', { inviteCode: 12345678, displayName: NAME }],
      ['null', { inviteCode: null, displayName: NAME }],
      ['missing', { displayName: NAME }],
      ['an unknown field', { inviteCode: 'ABCDEFGH', displayName: NAME, role: 'superAdmin' }],
      ['an operator object as code', { inviteCode: { $ne: null }, displayName: NAME }],
      ['an operator object with $exists', { inviteCode: { $exists: true }, displayName: NAME }],
      ['an array', { inviteCode: ['ABCDEFGH'], displayName: NAME }],
      ['too short', { inviteCode: 'ABC', displayName: NAME }],
      ['too long', { inviteCode: 'ABCDEFGHJKLMN', displayName: NAME }],
      ['punctuation', { inviteCode: 'ABCD-EFG', displayName: NAME }],
      ['a regex-looking string', { inviteCode: '.*', displayName: NAME }],
      ['empty', { inviteCode: '', displayName: NAME }],
      ['params not an object', 'ABCDEFGH'],
    ];
    test.each(cases)('%s', async (_name, params) => {
      // A live, unused code exists: an operator that matched "any code" would redeem it.
      await invite('districtAdmin', { district: '张店区' });
      const error = await expectRefused(app, 'INVALID_INPUT', () => app.raw('bad-input', { action: 'staff.bind', params }));
      expect(error.message).toMatch(CHINESE);
      expect((await app.ok('bad-input', 'staff.me', {})).role).toBe('resident');
    });
  });
});

describe('the bind page checks what the server checks (one rule, compared on a table)', () => {
  const names = [
    '张燕',
    '李 小燕',
    'Abdulla',
    '阿卜杜拉·买买提',
    '',
    '   ',
    '12345',
    '张\u202e燕',
    '张\u200b燕',
    '张\u0007燕',
    '张\n燕',
    '张'.repeat(20),
    '张'.repeat(21),
    '🙂张',
    '网格员3号',
  ];
  const phones = [
    '',
    '13812345678',
    '0533-2180101',
    '05332180101',
    '010-12345678',
    '12345',
    '23812345678',
    '1381234567',
    '+8613812345678',
    '0533 2180101',
  ];
  test.each(names)('display name %j', (displayName) => {
    const server = bindUseCase.params.safeParse({ inviteCode: 'ABCD2345', displayName }).success;
    const client = validateBind({ code: 'ABCD2345', displayName, servicePhone: '' }).displayName === undefined;
    expect(client).toBe(server);
  });
  test.each(phones)('service phone %j', (servicePhone) => {
    const server = bindUseCase.params.safeParse({
      inviteCode: 'ABCD2345',
      displayName: '张燕',
      ...(servicePhone ? { servicePhone } : {}),
    }).success;
    const client = validateBind({ code: 'ABCD2345', displayName: '张燕', servicePhone }).servicePhone === undefined;
    expect(client).toBe(server);
  });
});
