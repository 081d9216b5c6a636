// departments.list: the dispatch picker. For a ticket: the departments of its street and its
// district — exactly the ones ticket.dispatch accepts — the category's default department first,
// then those that declare the category, then the rest by name. Without a ticket: the caller's own
// street's and district's departments. Another area's departments never appear.
import { ADMIN, bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  createDepartment,
  CZ_SANITATION,
  expectUnchanged,
  fileReport,
  freshResidents,
  HEPING,
  importNeighbourAreas,
  ZD_WATER,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await importNeighbourAreas(app);
  await createDepartment(app, CZ_SANITATION);
  await createDepartment(app, ZD_WATER);
  await createDepartment(app, { code: 'cz-chengguan', name: '车站街道城管中队', street: '车站街道', categories: ['facilities', 'safety'] });
  await createDepartment(app, { code: 'cz-property', name: '车站街道物业办', street: '车站街道', categories: ['property'] });
  await createDepartment(app, { code: 'hp-sanitation', name: '和平街道环卫所', street: '和平街道', categories: ['sanitation'] });
  await createDepartment(app, { code: 'zc-water', name: '周村区水务局', district: '周村区', categories: ['facilities'] });
  // 市政设施 goes to the city administration by default (an admin's choice, not the first that declares it).
  await app.ok(ADMIN, 'admin.categories.upsert', {
    code: 'facilities',
    name: '市政设施',
    profile: 'normal',
    defaultDepartmentCode: 'cz-chengguan',
  });
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});

const nextResident = freshResidents('departments-resident');
const codes = (answer: Api.Data<'departments.list'>) => answer.items.map((d) => d.code);
const suggested = (answer: Api.Data<'departments.list'>) => answer.items.filter((d) => d.suggested).map((d) => d.code);

describe('departments.list', () => {
  test('for a facilities ticket: the default department first, then those declaring the category, then the rest', async () => {
    const ticket = await fileReport(app, nextResident(), { category: 'facilities' });
    await bringTo(app, ticket, 'accepted');
    const answer = await app.ok('worker-1', 'departments.list', { ticketId: ticket.id });
    // The rest by name, as Chinese readers sort (pinyin): 环卫所 (huan) before 物业办 (wu).
    expect(codes(answer)).toEqual(['cz-chengguan', 'zd-water', 'cz-sanitation', 'cz-property']);
    expect(suggested(answer)).toEqual(['cz-chengguan', 'zd-water']);
    expect(answer.items[1]).toEqual({
      code: 'zd-water',
      name: '张店区水务局',
      street: null,
      district: '张店区',
      categories: ['facilities'],
      suggested: true,
    });
    // Every department offered is one dispatch accepts.
    for (const code of codes(answer)) {
      const other = await fileReport(app, nextResident(), { category: 'facilities' });
      await bringTo(app, other, 'accepted');
      expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: other.id, departmentCode: code })).toMatchObject({ ok: true });
    }
  });

  test('for a sanitation ticket without a default department: those declaring it first', async () => {
    const ticket = await fileReport(app, nextResident());
    const answer = await app.ok('community-1', 'departments.list', { ticketId: ticket.id });
    expect(codes(answer)).toEqual(['cz-sanitation', 'cz-chengguan', 'cz-property', 'zd-water']);
    expect(suggested(answer)).toEqual(['cz-sanitation']);
  });

  test("a ticket of 和平街道 offers 和平街道's and 张店区's departments, not 车站街道's", async () => {
    const ticket = await fileReport(app, nextResident(), { location: HEPING });
    expect(codes(await app.ok('worker-hp', 'departments.list', { ticketId: ticket.id }))).toEqual(['hp-sanitation', 'zd-water']);
  });

  test("without a ticket: the caller's street and district", async () => {
    // By name (pinyin): 城管中队 (cheng), 环卫所 (huan), 物业办 (wu), 张店区水务局 (zhang).
    expect(codes(await app.ok('worker-1', 'departments.list', {}))).toEqual(['cz-chengguan', 'cz-sanitation', 'cz-property', 'zd-water']);
    expect(new Set(codes(await app.ok('street-1', 'departments.list', {})))).toEqual(
      new Set(['cz-sanitation', 'cz-chengguan', 'cz-property', 'zd-water']),
    );
    expect(codes(await app.ok('district-1', 'departments.list', {}))).toEqual(['zd-water']);
    expect(suggested(await app.ok('community-1', 'departments.list', {}))).toEqual([]);
  });

  test('a ticket the caller cannot see → NOT_FOUND; residents → FORBIDDEN; nothing changes', async () => {
    const ticket = await fileReport(app, nextResident());
    await expectUnchanged(app, async () => {
      expect(await app.call('worker-2', 'departments.list', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.call('worker-hp', 'departments.list', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.call(ticket.resident, 'departments.list', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  test.each([
    ['an operator as ticket id', { ticketId: { $ne: '' } }],
    ['an unknown field', { street: '车站街道' }],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    expect(await app.raw('worker-1', { action: 'departments.list', params })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
