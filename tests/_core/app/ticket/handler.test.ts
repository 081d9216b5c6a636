// Who handles a ticket, on every view (app/ticket/handler.ts): the display name and public service
// phone of the staff member who holds it now — the one who last acted on it, else the only person
// whose queue it sits in — or, once finished, of who resolved or rejected it. Never an openid.
// Staff detail views also carry the ticket's 督办 records and the grid's outline for the map.
import type { CloudStaffStore } from '../../../../cloudfunctions/_core/adapters/cloudbase/staff-store';
import { bindStaff, seedCommunity, useTestApp, displayNameOf } from '../../../support/app';
import { bringTo, CZ_SANITATION, departmentWithHandler, expectNoneOf, fileReport, freshResidents, TUESDAY } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  // Grid 1 and grid 5 get a second worker: their queues then have two people.
  await bindStaff(app, 'zhang-yan', 'gridWorker', { grids: ['ZD-CZ-HG-01'] }, { displayName: '张燕', servicePhone: '0533-2180101' });
  await bindStaff(app, 'li-qiang', 'gridWorker', { grids: ['ZD-CZ-HG-05'] }, { displayName: '李强' });
});

const nextResident = freshResidents('handler-resident');
const GRID_5 = { latitude: 36.8112, longitude: 118.0435 };
const GRID_3 = { latitude: 36.8134, longitude: 118.0463 };
const handlerSeenBy = async (openid: string, ticketId: string) => (await app.ok(openid, 'ticket.get', { ticketId })).handler;

describe('the handler on a ticket view', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the staff member who acted and holds it: name and service phone, on the detail and in lists', async () => {
    const ticket = await fileReport(app, nextResident());
    await app.ok('zhang-yan', 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' });
    expect(await handlerSeenBy(ticket.resident, ticket.id)).toEqual({ name: '张燕', phone: '0533-2180101' });
    const mine = await app.ok(ticket.resident, 'report.mine', {});
    expect(mine.items.find((t) => t.id === ticket.id)?.handler).toEqual({ name: '张燕', phone: '0533-2180101' });
    const queue = await app.ok('worker-1', 'queue.list', { status: 'accepted', duty: true });
    expect(queue.items.find((t) => t.id === ticket.id)?.handler).toEqual({ name: '张燕', phone: '0533-2180101' });
    expectNoneOf(await app.ok(ticket.resident, 'ticket.get', { ticketId: ticket.id }), ['zhang-yan', 'worker-1']);
  });

  test('before anyone acts: the only worker of the grid; nobody when two share it', async () => {
    const alone = await fileReport(app, nextResident(), { location: GRID_3 });
    expect(await handlerSeenBy(alone.resident, alone.id)).toEqual({ name: displayNameOf('worker-2'), phone: null });
    const shared = await fileReport(app, nextResident());
    expect(await handlerSeenBy(shared.resident, shared.id)).toBeNull();
    const five = await fileReport(app, nextResident(), { location: GRID_5 });
    expect(await handlerSeenBy(five.resident, five.id)).toBeNull();
  });

  test('escalated: the grid worker no longer holds it; the community admin then does', async () => {
    const ticket = await fileReport(app, nextResident());
    await app.ok('zhang-yan', 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' });
    await app.ok('zhang-yan', 'ticket.escalate', { ticketId: ticket.id, reason: '需要社区协调' });
    // One community admin: they hold the community's queue.
    expect(await handlerSeenBy(ticket.resident, ticket.id)).toEqual({ name: displayNameOf('community-1'), phone: null });
  });

  test("dispatched: the department's handler; returned: back to who holds it", async () => {
    const ticket = await fileReport(app, nextResident());
    await bringTo(app, ticket, 'accepted', { by: 'zhang-yan' });
    await app.ok('zhang-yan', 'ticket.dispatch', { ticketId: ticket.id, departmentCode: 'cz-sanitation' });
    expect(await handlerSeenBy(ticket.resident, ticket.id)).toEqual({ name: displayNameOf('dept-1'), phone: null });
    await app.ok('dept-1', 'ticket.return', { ticketId: ticket.id, reason: '不归我们管' });
    expect(await handlerSeenBy(ticket.resident, ticket.id)).toEqual({ name: '张燕', phone: '0533-2180101' });
  });

  test('finished: who resolved it, also after rating; who rejected it; nobody for a withdrawn one', async () => {
    const resolved = await fileReport(app, nextResident(), { contactPhone: '13812345678' });
    await bringTo(app, resolved, 'accepted', { by: 'zhang-yan' });
    await app.ok('worker-1', 'ticket.resolve', { ticketId: resolved.id, result: '已清运' });
    // Another worker calling the resident after it was resolved does not change who resolved it.
    await app.ok('zhang-yan', 'ticket.contact', { ticketId: resolved.id });
    expect(await handlerSeenBy(resolved.resident, resolved.id)).toEqual({ name: displayNameOf('worker-1'), phone: null });
    await app.ok(resolved.resident, 'report.rate', { ticketId: resolved.id, rating: 'satisfied' });
    expect(await handlerSeenBy(resolved.resident, resolved.id)).toEqual({ name: displayNameOf('worker-1'), phone: null });

    const rejected = await fileReport(app, nextResident());
    await app.ok('zhang-yan', 'ticket.reject', { ticketId: rejected.id, reason: '不属于受理范围' });
    expect(await handlerSeenBy(rejected.resident, rejected.id)).toEqual({ name: '张燕', phone: '0533-2180101' });

    const withdrawn = await fileReport(app, nextResident(), { location: GRID_3 });
    await bringTo(app, withdrawn, 'withdrawn');
    expect(await handlerSeenBy(withdrawn.resident, withdrawn.id)).toBeNull();
  });

  test('a page of tickets in every state names the same handlers as their detail views, reading staff once per kind, not per ticket', async () => {
    const resident = nextResident();
    const open = await fileReport(app, resident);
    const alone = await fileReport(app, resident, { location: GRID_3 });
    const accepted = await fileReport(app, resident);
    await app.ok('zhang-yan', 'ticket.accept', { ticketId: accepted.id, complexity: 'normal' });
    const escalated = await fileReport(app, resident);
    await app.ok('zhang-yan', 'ticket.accept', { ticketId: escalated.id, complexity: 'normal' });
    await app.ok('zhang-yan', 'ticket.escalate', { ticketId: escalated.id, reason: '需要社区协调' });
    const dispatched = await fileReport(app, resident, { location: GRID_5 });
    await bringTo(app, dispatched, 'accepted', { by: 'li-qiang' });
    await app.ok('li-qiang', 'ticket.dispatch', { ticketId: dispatched.id, departmentCode: 'cz-sanitation' });
    const resolved = await fileReport(app, resident);
    await bringTo(app, resolved, 'accepted', { by: 'zhang-yan' });
    await app.ok('worker-1', 'ticket.resolve', { ticketId: resolved.id, result: '已清运' });
    const rejected = await fileReport(app, resident);
    await app.ok('zhang-yan', 'ticket.reject', { ticketId: rejected.id, reason: '不属于受理范围' });

    const staffReads: string[] = [];
    const stop = app.server.cloud.onRequest((r) => {
      if (r.body.collectionName === 'staff') staffReads.push(String(r.body.query));
    });
    // As a function instance that has named nobody yet.
    const store = app.server.deps.staff as CloudStaffStore;
    store.forgetShown();
    const order: string[] = [];
    const shown = store.shown.bind(store);
    const shownHolders = store.shownHolders.bind(store);
    const names = jest.spyOn(store, 'shown').mockImplementation((ids) => {
      order.push('names asked');
      return shown(ids).finally(() => order.push('names answered'));
    });
    const queues = jest.spyOn(store, 'shownHolders').mockImplementation((holders) => {
      order.push('queues asked');
      return shownHolders(holders).finally(() => order.push('queues answered'));
    });
    const mine = await app.ok(resident, 'report.mine', {});
    names.mockRestore();
    queues.mockRestore();
    // Both reads go out together: neither waits for the other's answer.
    expect(order.slice(0, 2).sort()).toEqual(['names asked', 'queues asked']);
    // The caller's own record, the staff named in the timelines (one read), and the holders of
    // the open queues no named person holds: one read per kind of queue (grids, community, department).
    expect(staffReads).toHaveLength(5);
    // The same page again from the same instance: only who is asking is read again.
    staffReads.length = 0;
    expect(await app.ok(resident, 'report.mine', {})).toEqual(mine);
    stop();
    expect(staffReads).toHaveLength(1);
    const tickets = [open, alone, accepted, escalated, dispatched, resolved, rejected];
    expect(mine.items.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
    for (const item of mine.items) expect(item.handler).toEqual(await handlerSeenBy(resident, item.id));
    expect(mine.items.find((t) => t.id === alone.id)?.handler).toEqual({ name: displayNameOf('worker-2'), phone: null });
    expect(mine.items.find((t) => t.id === dispatched.id)?.handler).toEqual({ name: displayNameOf('dept-1'), phone: null });
    expect(mine.items.find((t) => t.id === open.id)?.handler).toBeNull();
  });

  test("timeline entries carry the staff member's display name; residents' and the system's none", async () => {
    const ticket = await fileReport(app, nextResident());
    await app.ok('zhang-yan', 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' });
    const view = await app.ok(ticket.resident, 'ticket.get', { ticketId: ticket.id });
    expect(view.timeline?.map((e) => [e.kind, e.actorLabel, e.actorName])).toEqual([
      ['submit', '居民', null],
      ['accept', '网格员', '张燕'],
    ]);
  });
});

describe('staff detail views', () => {
  test("the grid's outline, a few points per ring, around the ticket; residents get none", async () => {
    const ticket = await fileReport(app, nextResident());
    const view = await app.ok('worker-1', 'ticket.get', { ticketId: ticket.id });
    expect(view.gridOutline).toHaveLength(1);
    const ring = view.gridOutline?.[0] ?? [];
    expect(ring).toHaveLength(4);
    const lats = ring.map((p) => p.latitude);
    const lngs = ring.map((p) => p.longitude);
    expect(Math.min(...lats)).toBeLessThan(view.location.latitude);
    expect(Math.max(...lats)).toBeGreaterThan(view.location.latitude);
    expect(Math.min(...lngs)).toBeLessThan(view.location.longitude);
    expect(Math.max(...lngs)).toBeGreaterThan(view.location.longitude);
    const resident = await app.ok(ticket.resident, 'ticket.get', { ticketId: ticket.id });
    expect(resident.gridOutline).toBeUndefined();
    expect(resident.supervisions).toBeUndefined();
    expect(resident.allowedNotes).toBeUndefined();
  });

  test('lists stay small: no outline, no 督办 records; the 督办 mark is there', async () => {
    const ticket = await fileReport(app, nextResident());
    await app.ok('street-1', 'ticket.supervise', { ticketId: ticket.id, note: '请尽快' });
    const page = await app.ok('worker-1', 'queue.list', {});
    const item = page.items.find((t) => t.id === ticket.id);
    expect(item).toMatchObject({ supervised: true });
    expect(item).not.toHaveProperty('gridOutline');
    expect(item).not.toHaveProperty('supervisions');
    const plain = await fileReport(app, nextResident());
    expect((await app.ok('worker-1', 'queue.list', {})).items.find((t) => t.id === plain.id)).toMatchObject({ supervised: false });
  });
});
