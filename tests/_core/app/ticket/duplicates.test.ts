// ticket.duplicates: the candidates a 重复上报 rejection may keep — open tickets of the same
// category within 50 m from the last 30 days that the caller may see, nearest first, never the
// ticket itself; each one a valid duplicateOf for ticket.reject.
import { bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, expectUnchanged, fileReport, freshResidents, HEPING, importNeighbourAreas, TUESDAY } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await importNeighbourAreas(app);
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});

const nextResident = freshResidents('duplicates-resident');
// ~20 m and ~40 m north of the default report point, and ~80 m.
const AT = { latitude: 36.8135, longitude: 118.0406 };
const north = (meters: number) => ({ latitude: AT.latitude + meters / 111_320, longitude: AT.longitude });

describe('ticket.duplicates', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('open tickets of the same category within 50 m, nearest first, not the ticket itself; each can be kept', async () => {
    const far = await fileReport(app, nextResident(), { location: north(40), description: '垃圾桶满了，电话 13812345678' });
    const near = await fileReport(app, nextResident(), { location: north(20) });
    await fileReport(app, nextResident(), { location: north(80) });
    await fileReport(app, nextResident(), { category: 'facilities' });
    const done = await fileReport(app, nextResident(), { location: north(10) });
    await bringTo(app, done, 'resolved');
    const ticket = await fileReport(app, nextResident());

    const { items } = await app.ok('worker-1', 'ticket.duplicates', { ticketId: ticket.id });
    expect(items.map((t) => t.id)).toEqual([near.id, far.id]);
    expect(items[0]).toMatchObject({ no: near.no, status: 'submitted', distanceMeters: 20 });
    expect(items[1]?.distanceMeters).toBe(40);
    // Numbers in a resident's words are masked even for staff: the excerpt is for recognising the problem.
    expect(items[1]?.description).not.toContain('13812345678');

    const view = await app.ok('worker-1', 'ticket.reject', { ticketId: ticket.id, reason: '重复上报', duplicateOf: near.id });
    expect(view.status).toBe('rejected');
    // A rejected ticket is no longer a candidate for the others.
    expect((await app.ok('worker-1', 'ticket.duplicates', { ticketId: near.id })).items.map((t) => t.id)).toEqual([far.id]);
  });

  test('a ticket the caller may not see is never offered; other areas see none of ours', async () => {
    const mine = await fileReport(app, nextResident(), { location: HEPING });
    const other = await fileReport(app, nextResident(), { location: { latitude: HEPING.latitude + 0.0002, longitude: HEPING.longitude } });
    expect((await app.ok('worker-hp', 'ticket.duplicates', { ticketId: mine.id })).items.map((t) => t.id)).toEqual([other.id]);
    // The street admin of 车站街道 sees neither ticket at all.
    expect(await app.call('street-1', 'ticket.duplicates', { ticketId: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('residents, unknown tickets and bad input are refused; asking changes nothing', async () => {
    const ticket = await fileReport(app, nextResident());
    await expectUnchanged(app, async () => {
      expect(await app.call(ticket.resident, 'ticket.duplicates', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await app.call('worker-2', 'ticket.duplicates', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.call('worker-1', 'ticket.duplicates', { ticketId: 'no-such-ticket' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.raw('worker-1', { action: 'ticket.duplicates', params: { ticketId: { $ne: '' } } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await app.raw('worker-1', { action: 'ticket.duplicates', params: { ticketId: ticket.id, meters: 500 } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    });
  });
});
