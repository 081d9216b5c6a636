// The whole core loop over HTTP, as the mini program (or a curl user) drives `npm start`:
// import grids, invite and bind staff, submit, list, accept, resolve, rate.
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { demoGeoJson, demoPointIn } from '../../cloudfunctions/_local/demo/grids';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: ['local-admin'] });
});
afterAll(() => server.close());

async function post(path: string, body: unknown, openid?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

async function api<A extends Api.ActionName>(openid: string | undefined, action: A, params: Api.Params<A>): Promise<Api.Response<A>> {
  return (await post('/functions/api', { action, params }, openid)).json as Api.Response<A>;
}

async function ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> {
  const answer = await api(openid, action, params);
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

test('import → invite → bind → submit → list → accept → resolve → rate, over HTTP', async () => {
  // Monday 2026-11-23 09:30 Shanghai.
  expect((await post('/__clock', { now: '2026-11-23T09:30:00+08:00' })).json).toEqual({
    ok: true,
    data: { now: '2026-11-23T01:30:00.000Z' },
  });

  expect(await ok('local-admin', 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' })).toEqual({ imported: 6, replaced: 0 });
  const grids = await ok('local-admin', 'admin.grids.list', {});
  expect(grids.items.map((g) => g.code)).toEqual([
    'ZD-CZ-HG-01',
    'ZD-CZ-HG-02',
    'ZD-CZ-HG-03',
    'ZD-CZ-HG-04',
    'ZD-CZ-HG-05',
    'ZD-CZ-HG-06',
  ]);

  const communityInvite = await ok('local-admin', 'admin.invites.create', { role: 'communityAdmin', scope: { community: '华光社区' } });
  expect(await ok('zhang-shequ', 'staff.bind', { inviteCode: communityInvite.code, displayName: '张社区' })).toEqual({
    role: 'communityAdmin',
    scope: { community: '华光社区' },
  });
  // the community admin invites the grid worker of grid 5
  const workerInvite = await ok('zhang-shequ', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } });
  await ok('li-wangge', 'staff.bind', { inviteCode: workerInvite.code, displayName: '李网格' });
  expect(await ok('li-wangge', 'staff.me', {})).toMatchObject({ role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } });

  const submitted = await ok('wang-jumin', 'report.submit', {
    category: 'facilities',
    kind: 'complaint',
    description: '金晶大道人行道地砖松动，老人容易绊倒。',
    photos: [],
    location: { ...demoPointIn(5), address: '金晶大道 18 号' },
    clientRequestId: 'e2e-wang-0001',
  });
  expect(submitted).toMatchObject({
    status: 'submitted',
    gridCode: 'ZD-CZ-HG-05',
    no: expect.stringMatching(/^20261123-\d{6}$/) as unknown as string,
    acceptBy: '2026-11-24T15:59:59.999Z',
  });

  const mine = await ok('wang-jumin', 'report.mine', {});
  expect(mine.items.map((t) => t.id)).toEqual([submitted.ticketId]);
  const queue = await ok('li-wangge', 'queue.list', {});
  expect(queue.items.map((t) => t.id)).toEqual([submitted.ticketId]);
  expect(queue.items[0]?.allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);

  await post('/__clock', { now: '2026-11-23T10:00:00+08:00' });
  const accepted = await ok('li-wangge', 'ticket.accept', { ticketId: submitted.ticketId, complexity: 'normal' });
  expect(accepted).toMatchObject({ status: 'accepted', resolveBy: '2026-11-26T15:59:59.999Z' });

  await post('/__clock', { now: '2026-11-24T15:00:00+08:00' });
  const resolved = await ok('li-wangge', 'ticket.resolve', { ticketId: submitted.ticketId, result: '已更换松动地砖 12 块。' });
  expect(resolved.status).toBe('resolved');

  const forResident = await ok('wang-jumin', 'ticket.get', { ticketId: submitted.ticketId });
  expect(forResident.allowedActions).toEqual(['rate']);
  const rated = await ok('wang-jumin', 'report.rate', { ticketId: submitted.ticketId, rating: 'satisfied', comment: '很快，谢谢！' });
  expect(rated).toMatchObject({ status: 'closed', rating: 'satisfied' });
  expect(rated.timeline?.map((e) => e.kind)).toEqual(['submit', 'accept', 'resolve', 'rate']);
});

test('errors come back in the envelope; the jobs function refuses a user; reset and outbox', async () => {
  expect(await api(undefined, 'staff.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const broken = await fetch(`${server.url}/functions/api`, { method: 'POST', body: '{not json', headers: { 'x-wx-openid': 'x' } });
  expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect((await post('/functions/jobs', { Type: 'Timer', TriggerName: 'sweep' }, 'wang-jumin')).json).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  // the first test's moves queued messages: the resident hears accepted and resolved, the worker a new ticket
  const outbox = (await (await fetch(`${server.url}/__outbox`)).json()) as {
    items: Array<{ touser: string; template: string; state: string; page: string }>;
  };
  expect(outbox.items.filter((m) => m.touser === 'wang-jumin').map((m) => m.template)).toEqual(['ticketAccepted', 'ticketResolved']);
  expect(outbox.items.filter((m) => m.touser === 'li-wangge').map((m) => m.template)).toEqual(['staffNewTicket']);
  expect(
    outbox.items.every((m) => m.state === 'pending' && m.page.startsWith('pages/ticket/ticket?id=') === (m.touser === 'wang-jumin')),
  ).toBe(true);
  expect((await post('/__reset', { seed: false })).json).toEqual({ ok: true, data: { seeded: false } });
  expect(await ok('local-admin', 'admin.grids.list', {})).toEqual({ items: [], nextCursor: null });
  // categories are built in and always exist, even in an empty store
  const triaged = await ok('wang-jumin', 'report.submit', {
    category: 'other',
    kind: 'question',
    description: '社区有没有老年食堂？',
    photos: [],
    location: { latitude: 36.81, longitude: 118.04 },
    clientRequestId: 'e2e-empty-store',
  });
  expect(triaged.gridCode).toBeNull();
});

test('a photo uploaded to /__files can be cited and is served back', async () => {
  const form = new FormData();
  form.append('cloudPath', '2026/11/door.jpg');
  form.append('file', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), 'door.jpg');
  const upload = await fetch(`${server.url}/__files`, { method: 'POST', body: form, headers: { 'x-wx-openid': 'wang-jumin' } });
  const { fileID } = (await upload.json()) as { fileID: string };
  expect(fileID).toBe(`local://${server.deps.files.folderOf('wang-jumin')}/2026/11/door.jpg`);
  expect(fileID).not.toContain('wang-jumin');
  const submitted = await ok('wang-jumin', 'report.submit', {
    category: 'property',
    kind: 'complaint',
    description: '单元门坏了',
    photos: [fileID],
    location: { latitude: 36.81, longitude: 118.04 },
    clientRequestId: 'e2e-photo-0001',
  });
  const view = await ok('wang-jumin', 'ticket.get', { ticketId: submitted.ticketId });
  const image = await fetch(view.photoUrls[0] ?? '');
  expect(image.status).toBe(200);
  expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
});
