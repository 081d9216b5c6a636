// A department merged or abolished is retired (停用) with admin.departments.upsert: dispatch no
// longer offers it and refuses it, invites for it are refused (and one made before binds nobody)
// and a category cannot newly name it as its default; the tickets it already holds stay with its
// handlers, who resolve or return them. Brought back, it is offered again. Every refusal changes
// nothing.
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  CZ_SANITATION,
  departmentWithHandler,
  expectRefused,
  fileReport,
  freshResidents,
  rowById,
  TUESDAY,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow(TUESDAY);
  await seedCommunity(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await departmentWithHandler(app, { code: 'cz-property', name: '车站街道物业办', street: '车站街道', categories: ['property'] }, 'dept-2');
});

const nextResident = freshResidents('retire-resident');
const retire = (retired: boolean, name = CZ_SANITATION.name) =>
  app.ok(ADMIN, 'admin.departments.upsert', { ...CZ_SANITATION, name, retired });
// The tests share one store: each starts with the department in use.
beforeEach(async () => {
  app.setNow(TUESDAY);
  await retire(false);
});
const accepted = async () => {
  const ticket = await fileReport(app, nextResident(), { category: 'sanitation' });
  await bringTo(app, ticket, 'accepted');
  return ticket;
};
const offered = async (ticketId?: string): Promise<string[]> =>
  (await app.ok('worker-1', 'departments.list', ticketId ? { ticketId } : {})).items.map((d) => d.code);

test('retired: not offered, dispatch and invites refused; what it holds stays with it; a rename keeps it retired; brought back', async () => {
  const held = await accepted();
  await app.ok('worker-1', 'ticket.dispatch', { ticketId: held.id, departmentCode: 'cz-sanitation' });
  const waiting = await accepted();
  expect(await offered(waiting.id)).toEqual(['cz-sanitation', 'cz-property']);

  expect(await retire(true)).toEqual({ code: 'cz-sanitation', created: false });
  expect(await rowById(app, 'departments', 'cz-sanitation')).toMatchObject({ retired: true });
  expect(await offered(waiting.id)).toEqual(['cz-property']);
  expect(await offered()).toEqual(['cz-property']);
  const refused = await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('worker-1', 'ticket.dispatch', { ticketId: waiting.id, departmentCode: 'cz-sanitation' }),
  );
  expect(refused).toMatchObject({ message: '这个部门已停用，请选择其他部门', details: [{ path: 'departmentCode' }] });
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call(ADMIN, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-sanitation' } }),
  );
  // The ticket it held before: its handler still resolves it.
  expect((await app.ok('dept-1', 'queue.list', {})).items.map((t) => t.id)).toEqual([held.id]);
  await app.ok('dept-1', 'ticket.resolve', { ticketId: held.id, result: '已清运' });

  // The admin page shows it retired; a rename without the field keeps it so.
  await retire(true, '车站街道环卫站');
  await app.ok(ADMIN, 'admin.departments.upsert', { ...CZ_SANITATION, name: '车站街道环卫站' });
  expect((await app.ok(ADMIN, 'admin.catalog.list', {})).departments.find((d) => d.code === 'cz-sanitation')).toMatchObject({
    name: '车站街道环卫站',
    retired: true,
  });

  await retire(false);
  expect(await offered(waiting.id)).toEqual(['cz-sanitation', 'cz-property']);
  await app.ok('worker-1', 'ticket.dispatch', { ticketId: waiting.id, departmentCode: 'cz-sanitation' });
});

test('an invite made before the department was retired binds nobody (CONFLICT, the code stays unused); brought back, it binds', async () => {
  const { code } = await app.ok(ADMIN, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-sanitation' } });
  await retire(true);
  const refused = await expectRefused(app, 'CONFLICT', () =>
    app.call('new-handler', 'staff.bind', { inviteCode: code, displayName: '李明' }),
  );
  expect(refused.message).toBe('这个部门已停用，邀请码不能再使用，请联系管理员');
  await retire(false);
  expect(await app.ok('new-handler', 'staff.bind', { inviteCode: code, displayName: '李明' })).toEqual({
    role: 'deptHandler',
    scope: { department: 'cz-sanitation' },
  });
});

test('a retired department holding a ticket: its handler may return it, and the level above dispatches elsewhere', async () => {
  const held = await accepted();
  await app.ok('worker-1', 'ticket.dispatch', { ticketId: held.id, departmentCode: 'cz-sanitation' });
  await retire(true);
  await app.ok('dept-1', 'ticket.return', { ticketId: held.id, reason: '本所已撤并，请派给其他部门' });
  await app.ok('worker-1', 'ticket.dispatch', { ticketId: held.id, departmentCode: 'cz-property' });
  expect((await app.ok('dept-2', 'queue.list', {})).items.map((t) => t.id)).toEqual([held.id]);
});

test('a category cannot newly take a retired default department; one set before does not block a rename', async () => {
  await app.ok(ADMIN, 'admin.categories.upsert', {
    code: 'sanitation',
    name: '环境卫生',
    profile: 'normal',
    defaultDepartmentCode: 'cz-sanitation',
  });
  await retire(true);
  await app.ok(ADMIN, 'admin.categories.upsert', {
    code: 'sanitation',
    name: '环境与卫生',
    profile: 'normal',
    defaultDepartmentCode: 'cz-sanitation',
  });
  const refused = await expectRefused(app, 'INVALID_INPUT', () =>
    app.call(ADMIN, 'admin.categories.upsert', {
      code: 'property',
      name: '物业服务',
      profile: 'normal',
      defaultDepartmentCode: 'cz-sanitation',
    }),
  );
  expect(refused).toMatchObject({ message: '这个部门已停用，不能作为默认部门', details: [{ path: 'defaultDepartmentCode' }] });
});

test('retired given as anything but a boolean → INVALID_INPUT, nothing stored', async () => {
  for (const retired of ['yes', 1, { $ne: false }, null]) {
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.raw(ADMIN, { action: 'admin.departments.upsert', params: { ...CZ_SANITATION, retired } }),
    );
  }
});
