/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The staff workbench end to end: the mini program's own pages and API client (services/api in
// local mode, wx.request carried over real HTTP) against the real local server (`npm start`'s
// embedded cloud and wx-server-sdk stores). A grid worker binds on the bind page, finds the
// resident's report in the queue, accepts and resolves it on the handling page; the resident's
// detail page then shows it resolved, with the worker's name and work number. A department
// handler's queue holds only what was dispatched to them; a resident is turned away.
//
// Each page is loaded in its own module registry (jest.isolateModules): miniprogram-simulate
// registers a page's components once per registry, and the pages here share many of them.
import http from 'node:http';
import timers from 'node:timers';
import util from 'node:util';
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { demoGeoJson, demoPointIn } from '../../cloudfunctions/_local/demo/grids';
import type { AppConfig } from '../../miniprogram/config';
import type * as ApiModule from '../../miniprogram/services/api';
import { fixClock, realClock } from '../miniprogram/support/clock';
import { installWx, resetWx, wxFake, wxScene } from '../miniprogram/support/wx-fake';
import type * as RenderModule from '../miniprogram/support/render';

// The server runs in this jsdom process too: it needs Node's timers (jsdom's answer numbers; the
// local server's shutdown relies on handles) and the text codecs jsdom does not provide.
Object.assign(globalThis, {
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  TextEncoder: util.TextEncoder,
  TextDecoder: util.TextDecoder,
});
installWx();

const ADMIN = 'local-admin';
const WORKER = 'zhang-yan';
const RESIDENT = 'wang-jumin';
const DEPT = 'sun-tao';
let server: LocalServer;

/** The server's clock and the phone's (the pages' `new Date()`) at one instant. */
function setNow(iso: string): void {
  server.clock.set(new Date(iso));
  fixClock(iso);
}

/** One HTTP call to the local server, as the test's own hand (setup), not the page's. */
function post(path: string, body: unknown, openid?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve(JSON.parse(text) as unknown));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
async function ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> {
  const answer = (await post('/functions/api', { action, params }, openid)) as Api.Response<A>;
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** wx.request, as the devtools would send it to the local server: real HTTP, answered asynchronously. */
function carryRequestsOverHttp(): void {
  wxFake.request.mockImplementation((o) => {
    const url = new URL(o.url);
    const req = http.request(url, { method: 'POST', headers: o.header }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => o.success?.({ statusCode: res.statusCode ?? 0, data: JSON.parse(text) as unknown }));
    });
    req.on('error', () => o.fail?.({ errMsg: 'request:fail' }));
    req.end(JSON.stringify(o.data));
  });
}

interface Kit {
  r: typeof RenderModule;
  api: typeof ApiModule;
  id: string;
}

/** `page` loaded in a fresh module registry, its API client pointed at the local server as `openid`. */
function pageAs(openid: string, page: string): Kit {
  let kit: Kit | undefined;
  jest.isolateModules(() => {
    const { config } = jest.requireActual<{ config: AppConfig }>('../../miniprogram/config');
    config.localServer = server.url;
    config.devOpenid = openid;
    const r = jest.requireActual<typeof RenderModule>('../miniprogram/support/render');
    kit = { r, api: jest.requireActual<typeof ApiModule>('../../miniprogram/services/api'), id: r.load(page) };
  });
  if (!kit) throw new Error('page not loaded');
  return kit;
}

/** Lets real HTTP round trips finish: flushes until `done()` holds (or gives up after ~5 s). */
async function until(kit: Kit, done: () => boolean): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    await kit.r.flush(2);
    if (done()) return;
    await new Promise((resolve) => timers.setTimeout(resolve, 20));
  }
  throw new Error('the page did not get there');
}

const text = (kit: Kit, root: RenderModule.Root, selector: string): string => kit.r.textOf(kit.r.findAll(root, selector)[0]);

beforeAll(async () => {
  server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [ADMIN] });
  setNow('2026-11-23T01:30:00.000Z'); // Monday 09:30 Shanghai
  await ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await ok(ADMIN, 'admin.departments.upsert', {
    code: 'cz-sanitation',
    name: '车站街道环卫所',
    street: '车站街道',
    categories: ['sanitation'],
  });
  const dept = await ok(ADMIN, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-sanitation' } });
  await ok(DEPT, 'staff.bind', { inviteCode: dept.code, displayName: '孙涛' });
}, 60_000);
afterAll(async () => {
  realClock();
  await server.close();
});
beforeEach(() => {
  resetWx();
  carryRequestsOverHttp();
  wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'accept' } };
});

test("a grid worker binds, accepts and resolves a resident's report; the resident sees it with the worker's name", async () => {
  const { code } = await ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } });

  // The resident reports through the mini program's API client.
  const resident = pageAs(RESIDENT, 'pages/ticket/ticket');
  const report = await resident.api.call('report.submit', {
    category: 'sanitation',
    kind: 'complaint',
    description: '金晶大道路口垃圾堆了三天没人清运。',
    photos: [],
    location: { ...demoPointIn(5), address: '金晶大道 18 号' },
    contactPhone: '13812345678',
    clientRequestId: 'e2e-staff-0001',
  });
  expect(report).toMatchObject({ status: 'submitted', gridCode: 'ZD-CZ-HG-05' });

  // The worker scans the admin's QR code: the bind page opens with the code as its scene.
  const bind = pageAs(WORKER, 'staff/pages/bind/bind');
  const bindPage = bind.r.render(bind.id);
  await bind.r.callPage(bindPage, 'onLoad', { scene: encodeURIComponent(code) });
  await until(bind, () => bind.r.exists(bindPage, '.name'));
  await bind.r.type(bindPage, '.name', '张燕');
  await bind.r.type(bindPage, '.phone', '0533-2180101');
  await bind.r.tap(bindPage, '.submit');
  await until(bind, () => wxFake.redirectTo.mock.calls.length > 0);
  expect(wxFake.redirectTo.mock.calls[0][0]?.url).toBe('/staff/pages/home/home');
  expect(await ok(WORKER, 'staff.me', {})).toMatchObject({ role: 'gridWorker', displayName: '张燕', servicePhone: '0533-2180101' });

  // The workbench: the report waits in 待受理.
  const home = pageAs(WORKER, 'staff/pages/home/home');
  const queue = home.r.render(home.id);
  await home.r.callPage(queue, 'onLoad', {});
  // The counts and the list are two calls in parallel: wait for both (either may answer first).
  await until(
    home,
    () => home.r.exists(queue, '.queue-card') && (queue.data.tabs as { count: number | null }[]).every((t) => t.count !== null),
  );
  expect(text(home, queue, '.tab--submitted')).toContain('1');
  expect(home.r.findAll(queue, '.queue-card').map(home.r.textOf)).toEqual([expect.stringContaining('金晶大道 18 号')]);
  expect(text(home, queue, '.queue-card')).toContain('剩 1 天');

  // The handling page: accept (the staff grant is asked in that tap), then resolve.
  const handle = pageAs(WORKER, 'staff/pages/ticket/ticket');
  const ticket = handle.r.render(handle.id);
  await handle.r.callPage(ticket, 'onLoad', { id: report.ticketId });
  await until(handle, () => handle.r.exists(ticket, '.action--accept'));
  expect(text(handle, ticket, '.reporter')).toContain('138****5678');
  expect((ticket.data.map as { polygons: unknown[] }).polygons).toHaveLength(1);
  await handle.r.tap(ticket, '.action--accept');
  expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  await handle.r.tap(ticket, '.action-sheet >> .sheet-submit');
  await handle.r.tap(ticket, '.confirm-ok');
  await until(handle, () => handle.r.exists(ticket, '.action--resolve'));
  expect(text(handle, ticket, '.head')).toContain('处理中');
  expect(await server.deps.grants.has(WORKER, 'staffNewTicket')).toBe(true);

  setNow('2026-11-24T07:00:00.000Z');
  await handle.r.tap(ticket, '.action--resolve');
  await handle.r.type(ticket, '.action-sheet >> .sheet-result', '已联系环卫清运，路口已清扫干净。');
  await handle.r.tap(ticket, '.action-sheet >> .sheet-submit');
  await handle.r.tap(ticket, '.confirm-ok');
  await until(handle, () => text(handle, ticket, '.head').includes('已办结'));
  expect(handle.r.findAll(ticket, '.staff-timeline >> .tl__title').map(handle.r.textOf)).toEqual([
    '网格员 张燕 办结了',
    '网格员 张燕 受理了',
    '居民 提交了上报',
  ]);

  // The resident's detail page: resolved, by 张燕, with her work number; no openid anywhere.
  const detail = resident.r.render(resident.id);
  await resident.r.callPage(detail, 'onLoad', { id: report.ticketId });
  await until(resident, () => resident.r.exists(detail, '.head'));
  expect(text(resident, detail, '.head')).toContain('已办结');
  expect(text(resident, detail, '.handler')).toContain('张燕');
  expect(text(resident, detail, '.handler')).toContain('0533-2180101');
  // Resolved and waiting for the rating: the result stands above the rating form.
  expect(text(resident, detail, '.rate__result')).toContain('已联系环卫清运');
  expect(JSON.stringify(detail.data)).not.toContain(WORKER);
}, 60_000);

test("a department handler's queue holds only what was dispatched to them; a resident is turned away", async () => {
  const { code } = await ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01'] } });
  await ok('li-qiang', 'staff.bind', { inviteCode: code, displayName: '李强' });
  const file = (n: number) =>
    ok(RESIDENT, 'report.submit', {
      category: 'sanitation',
      kind: 'complaint',
      description: `第 ${n} 件：垃圾没人清运`,
      photos: [],
      location: demoPointIn(1),
      clientRequestId: `e2e-dept-${n}`,
    });
  const kept = await file(1);
  const sent = await file(2);
  for (const t of [kept, sent]) await ok('li-qiang', 'ticket.accept', { ticketId: t.ticketId, complexity: 'normal' });
  await ok('li-qiang', 'ticket.dispatch', { ticketId: sent.ticketId, departmentCode: 'cz-sanitation' });

  const dept = pageAs(DEPT, 'staff/pages/home/home');
  const queue = dept.r.render(dept.id);
  await dept.r.callPage(queue, 'onLoad', { tab: 'accepted' });
  await until(dept, () => dept.r.exists(queue, '.queue-card'));
  expect(dept.r.findAll(queue, '.queue-card').map(dept.r.textOf)).toEqual([expect.stringContaining('第 2 件')]);
  expect(dept.r.exists(queue, '.quick')).toBe(false);

  const away = pageAs(RESIDENT, 'staff/pages/home/home');
  const page = away.r.render(away.id);
  await away.r.callPage(page, 'onLoad', {});
  await until(away, () => away.r.exists(page, '.turned-away'));
  expect(away.r.exists(page, '.queue-card')).toBe(false);
}, 60_000);
