// The handling page (staff/pages/ticket/ticket): the ticket with its map, each action sheet, the
// confirmation, a conflict, 联系居民, a refused move — at both font sizes where the page is read.
// miniprogram-simulate cannot draw WeChat's native <map>: the preview draws the same marker and
// grid polygon the page gives the map, into the map's frame, marked as a sketch.
import { apiFake } from '../support/api-fake';
import { DEMO_PHOTOS } from '../support/demo-data';
import { acceptedTicket, pictured, staffAnswers, staffMe, staffTicket } from '../support/staff-data';
import { tap, type, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshot, snapshotBoth } from '../support/preview';
import { wxScene } from '../support/wx-fake';
import type { TicketMap } from '../../../miniprogram/utils/staff-ticket';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const ticketPage = pageUnderTest('staff/pages/ticket/ticket');
beforeEach(() => {
  apiFake.on('staff.me', () => staffMe()).on('subscription.record', () => ({ recorded: 2 }));
  wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'accept' } };
});

/** Draws the map's marker and polygons (the data the page hands the native <map>) as an SVG sketch. */
function sketchMap(page: Root): void {
  const map = page.data.map as TicketMap | null;
  const frame = page.dom?.querySelector('wx-map');
  if (!map || !frame) return;
  const points = map.includePoints;
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const pad = 0.0006;
  const [minLat, maxLat, minLng, maxLng] = [
    Math.min(...lats) - pad,
    Math.max(...lats) + pad,
    Math.min(...lngs) - pad,
    Math.max(...lngs) + pad,
  ];
  const W = 340;
  const H = 200;
  const x = (lng: number) => (((lng - minLng) / (maxLng - minLng)) * W).toFixed(1);
  const y = (lat: number) => (H - ((lat - minLat) / (maxLat - minLat)) * H).toFixed(1);
  const polygons = map.polygons
    .map(
      (p) =>
        `<polygon points="${p.points.map((q) => `${x(q.longitude)},${y(q.latitude)}`).join(' ')}" fill="rgba(0,82,217,0.12)" stroke="#0052d9" stroke-width="2"/>`,
    )
    .join('');
  const marker = map.markers[0];
  const pin = marker
    ? `<circle cx="${x(marker.longitude)}" cy="${y(marker.latitude)}" r="7" fill="#d54941" stroke="#fff" stroke-width="2"/>`
    : '';
  const roads = `<path d="M0 ${H * 0.3} L${W} ${H * 0.25} M${W * 0.2} 0 L${W * 0.28} ${H} M0 ${H * 0.8} L${W} ${H * 0.85}" stroke="#fff" stroke-width="6" fill="none"/>`;
  // The preview's generic centre pin gives way to the ticket's own marker, drawn where it is.
  frame.innerHTML = `<style>wx-map::after { display: none; }</style><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" style="display:block;width:100%;height:100%"><rect width="${W}" height="${H}" fill="#e8eef5"/>${roads}${polygons}${pin}<text x="8" y="${H - 8}" font-size="11" fill="#4b5563">地图示意（预览）</text></svg>`;
}

async function open(answer: Api.TicketView): Promise<Root> {
  const view = pictured(answer);
  apiFake.on('ticket.get', () => view);
  const page = await ticketPage.open({ id: view.id });
  sketchMap(page);
  return page;
}

test('a submitted ticket with its map; the accept sheet and its confirmation', async () => {
  const page = await open(staffTicket());
  await snapshotBoth('staff-ticket', '办理页：待受理（第一屏）', page);
  await snapshotBoth('staff-ticket-full', '办理页：待受理，地图与网格范围（整页）', page, { fullPage: true });
  await tap(page, '.action--accept');
  await snapshotBoth('staff-sheet-accept', '办理页：受理（一般 / 复杂）', page);
  await tap(page, '.action-sheet >> .sheet-submit');
  await snapshotBoth('staff-confirm-accept', '办理页：确认受理', page);
});

test('an accepted, supervised ticket', async () => {
  const page = await open(acceptedTicket());
  await snapshotBoth('staff-ticket-accepted', '办理页：处理中，街道督办待答复（整页）', page, { fullPage: true });
});

test('reject as a duplicate', async () => {
  apiFake.on('ticket.duplicates', () => staffAnswers().duplicates);
  const page = await open(staffTicket());
  await tap(page, '.action--reject');
  await tap(page, '.action-sheet >> .reason', 0);
  await tap(page, '.action-sheet >> .option', 0);
  await snapshotBoth('staff-sheet-reject', '办理页：不予受理（重复上报，选保留的那一件）', page);
});

test('transfer, dispatch, return, escalate, supervise, reply sheets', async () => {
  apiFake.on('grids.pick', () => staffAnswers().gridsCommunity).on('departments.list', () => staffAnswers().departments);
  const page = await open(acceptedTicket());
  await tap(page, '.action--transfer');
  await tap(page, '.action-sheet >> .option', 1);
  await type(page, '.action-sheet >> .sheet-text', '问题位置在第三网格');
  await snapshotBoth('staff-sheet-transfer', '办理页：转派（本社区的网格）', page);
  await tap(page, '.action-sheet >> .sheet-cancel');
  await tap(page, '.action--dispatch');
  await snapshotBoth('staff-sheet-dispatch', '办理页：派发部门（推荐的在前）', page);
  await tap(page, '.action-sheet >> .sheet-cancel');
  await tap(page, '.action--escalate');
  await snapshotBoth('staff-sheet-escalate', '办理页：吹哨上报', page);
  await tap(page, '.action-sheet >> .sheet-cancel');
  await tap(page, '.reply');
  await type(page, '.action-sheet >> .sheet-text', '已于今天上午上门核实，明天一早清运');
  await snapshotBoth('staff-sheet-reply', '办理页：答复督办', page);
});

test('resolve with photos', async () => {
  wxScene.media = { ok: true, files: DEMO_PHOTOS.slice(2, 4).map((p) => ({ tempFilePath: p, size: 120 * 1024 })) };
  const page = await open(acceptedTicket());
  await tap(page, '.action--resolve');
  await type(page, '.action-sheet >> .sheet-result', '已联系环卫清运，垃圾桶已清空并消毒');
  await tap(page, '.action-sheet >> .sheet-photos >> .photo--add');
  await snapshotBoth('staff-sheet-resolve', '办理页：办结（结果与照片）', page);
});

test('return (department) and supervise (street)', async () => {
  apiFake.on('staff.me', () => staffMe('deptHandler'));
  const page = await open(staffAnswers().tickets.dispatched);
  await tap(page, '.action--return');
  await type(page, '.action-sheet >> .sheet-text', '该处属于物业管理区域，不归环卫所');
  await snapshot('staff-sheet-return', '办理页：部门退回', page);
});

test('supervise, by the street', async () => {
  apiFake.on('staff.me', () => staffMe('streetAdmin'));
  const page = await open(staffAnswers().tickets.forStreet);
  await tap(page, '.action--supervise');
  await type(page, '.action-sheet >> .sheet-text', '请于今日内联系居民并反馈');
  await snapshot('staff-sheet-supervise', '办理页：街道督办', page);
});

test('someone else was first; a refused move; 联系居民', async () => {
  const page = await open(staffTicket());
  apiFake.fail('ticket.accept', 'CONFLICT');
  await tap(page, '.action--accept');
  await tap(page, '.action-sheet >> .sheet-submit');
  await tap(page, '.confirm-ok');
  await snapshotBoth('staff-conflict', '办理页：已被他人处理，可刷新', page);
  await tap(page, '.conflict-refresh');
  apiFake.fail('ticket.escalate', 'CONTENT_REJECTED', '内容含有不当信息，请修改后再提交');
  await tap(page, '.action--escalate');
  await type(page, '.action-sheet >> .sheet-text', '违禁测试');
  await tap(page, '.action-sheet >> .sheet-submit');
  await tap(page, '.confirm-ok');
  await snapshot('staff-refused', '办理页：服务器拒绝，原因写在表单里', page);
  await tap(page, '.action-sheet >> .sheet-cancel');
  await tap(page, '.contact');
  await snapshotBoth('staff-contact', '办理页：联系居民（查看会记入办理过程）', page);
});

test('a resident turned away', async () => {
  apiFake.reset();
  const page = await ticketPage.open({ id: 't-3001' });
  await snapshot('staff-ticket-resident', '办理页：居民打开时', page);
});
