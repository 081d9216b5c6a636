// The handling page (staff/pages/ticket): the ticket as staff see it (masked phone, map with the
// grid's outline, 督办 records, timeline by name), and every move the server allows through its
// sheet and a confirmation — each action's params, each error code, a conflict with a refresh,
// 联系居民 (the number dialled, never kept), answering a 督办, a resident turned away, and the
// staff notification grant asked in the accept and resolve taps.
import { apiFake } from './support/api-fake';
import { acceptedTicket, staffAnswers, staffMe, staffTicket } from './support/staff-data';
import { exists, find, findAll, flush, setDataSizes, SET_DATA_LIMIT, tap, textOf, type, type Root } from './support/render';
import { openTicket, pageUnderTest } from './support/page';
import { toasts, wxFake, wxScene } from './support/wx-fake';
import { ApiError } from '../../miniprogram/services/api';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const ticketPage = pageUnderTest('staff/pages/ticket/ticket');
beforeEach(() => {
  apiFake.on('staff.me', () => staffMe()).on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }));
  wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'accept' } };
});

const open = (view: Api.TicketView): Promise<Root> => openTicket(ticketPage, view);

const moves = () => staffAnswers().moves;
const T = () => staffTicket();

/** Taps a move's button, fills nothing more, submits the sheet and confirms. */
async function submitSheet(page: Root): Promise<void> {
  await tap(page, '.action-sheet >> .sheet-submit');
}
async function confirm(page: Root): Promise<void> {
  await tap(page, '.confirm-ok');
}
const sheetText = (page: Root): string => textOf(find(page, '.action-sheet >> .sheet'));
const actionLabels = (page: Root): string[] => findAll(page, '.action >> .t-button').map(textOf);

describe('what the page shows', () => {
  test('head, reporter with the phone masked, description, place, map with the grid, timeline by name', async () => {
    const page = await open(staffTicket());
    expect(apiFake.callsOf('ticket.get')).toEqual([{ ticketId: T().id }]);
    const head = textOf(find(page, '.head'));
    expect(head).toContain('待受理');
    expect(head).toContain(`编号 ${T().no}`);
    expect(head).toContain('环境卫生 · 投诉');
    expect(head).toContain('网格');
    expect(head).toContain('11月24日 24:00 前受理');
    expect(head).toContain('剩 1 天');
    expect(textOf(find(page, '.reporter'))).toContain('联系电话：138****5678');
    expect(exists(page, '.contact')).toBe(true);
    expect(textOf(find(page, '.description'))).toContain('3号楼东门口的垃圾又堆起来了');
    expect(findAll(page, '.photo')).toHaveLength(2);

    const map = page.data.map as { markers: unknown[]; polygons: Array<{ points: unknown[] }>; includePoints: unknown[] };
    expect(map.markers).toEqual([{ id: 1, latitude: 36.8135, longitude: 118.0406, width: 30, height: 30 }]);
    expect(map.polygons.map((p) => p.points)).toEqual(T().gridOutline);
    expect(map.includePoints).toHaveLength(5);
    expect(textOf(find(page, '.ticket-map'))).toContain('华光路 1 号 3号楼东门');
    expect(textOf(find(page, '.ticket-map'))).toContain('所属网格：华光社区 · 华光社区第一网格（华光路北）');

    expect(findAll(page, '.staff-timeline >> .tl__title').map(textOf)).toEqual(['居民 提交了上报']);
    expect(actionLabels(page)).toEqual(['受理', '转派', '吹哨上报', '不予受理']);
  });

  test('an accepted, supervised ticket: the 督办 record with 答复, names in the timeline, the actions allowed', async () => {
    const page = await open(acceptedTicket());
    expect(textOf(find(page, '.head'))).toContain('督办');
    expect(textOf(find(page, '.head'))).toContain('11月26日 24:00 前办结');
    const sv = textOf(find(page, '.supervisions'));
    expect(sv).toContain('街道 陈静');
    expect(sv).toContain('请今天内上门核实');
    expect(sv).toContain('待答复');
    expect(exists(page, '.reply')).toBe(true);
    expect(findAll(page, '.staff-timeline >> .tl__title').map(textOf)).toEqual(['街道 陈静 督办', '网格员 张燕 受理了', '居民 提交了上报']);
    expect(actionLabels(page)).toEqual(['办结', '派发部门', '转派', '吹哨上报', '不予受理']);
    // This resident left no phone: nothing to call.
    expect(textOf(find(page, '.reporter'))).toContain('居民没有留电话');
    expect(exists(page, '.contact')).toBe(false);
  });

  test('a 代报 names the resident it was filed for, with their phone masked', async () => {
    const page = await open(staffAnswers().tickets.proxy);
    expect(textOf(find(page, '.reporter'))).toContain('上报人：王大爷');
    expect(textOf(find(page, '.reporter'))).toContain('139****1111');
    expect(exists(page, '.contact')).toBe(true);
    expect(textOf(find(page, '.head'))).toContain('代报');
  });

  test('nothing for this person to do: no buttons, a plain sentence', async () => {
    const page = await open(staffTicket({ allowedActions: [], allowedNotes: [], supervisions: [] }));
    expect(exists(page, '.action')).toBe(false);
    expect(textOf(find(page, '.no-actions'))).toBe('这件事项现在不需要您处理');
  });

  test('photos enlarge', async () => {
    const page = await open(staffTicket());
    await tap(page, '.photo', 1);
    const view = staffTicket();
    expect(view.photoUrls).toHaveLength(2);
    expect(wxFake.previewImage.mock.calls[0][0]).toEqual({ urls: view.photoUrls, current: view.photoUrls[1] });
  });

  test('a long timeline travels in small setData slices', async () => {
    const base = acceptedTicket();
    const long = Array.from({ length: 60 }, (_, i) => ({
      ...(base.timeline?.[2] as Api.TimelineEntry),
      note: `第 ${i + 1} 次督办：请尽快处理。`.repeat(4),
    }));
    const page = await open(acceptedTicket({ timeline: long }));
    expect(findAll(page, '.staff-timeline >> .tl')).toHaveLength(60);
    expect(Math.max(...setDataSizes)).toBeLessThan(SET_DATA_LIMIT);
  });
});

describe('moves', () => {
  test('accept: the grant is asked in the tap itself; 一般/复杂; confirmed; the answered view shown', async () => {
    const page = await open(staffTicket());
    apiFake.on('ticket.accept', () => moves().accept);
    await tap(page, '.action--accept');
    // The subscription request happens in the tap, with the staff templates.
    expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(wxFake.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['staffNewTicket', 'staffEscalated']);
    expect(apiFake.callsOf('subscription.record')).toEqual([{ grants: { staffNewTicket: 'accept', staffEscalated: 'accept' } }]);
    expect(sheetText(page)).toContain('一般事项');
    expect(sheetText(page)).toContain('5 个工作日内办结');
    await tap(page, '.action-sheet >> .choice--complex');
    await submitSheet(page);
    expect(page.data.confirm).toEqual({ visible: true, title: '确定受理吗？', text: '受理后开始计算办结期限。' });
    expect(textOf(find(page, '.confirm-dialog >> .t-dialog__header'))).toBe('确定受理吗？');
    expect(apiFake.callsOf('ticket.accept')).toEqual([]);
    await confirm(page);
    expect(apiFake.callsOf('ticket.accept')).toEqual([{ ticketId: T().id, complexity: 'complex' }]);
    expect(textOf(find(page, '.head'))).toContain('处理中');
    // Complex: five working days, to Monday 11/30.
    expect(textOf(find(page, '.head'))).toContain('11月30日 24:00 前办结');
    expect(findAll(page, '.staff-timeline >> .tl__title').map(textOf)[0]).toBe('网格员 张燕 受理了');
    expect(actionLabels(page)).toEqual(['办结', '派发部门', '转派', '吹哨上报', '不予受理']);
    expect(page.data.sheet).toMatchObject({ visible: false });
    expect(toasts()).toContain('已提交');
  });

  test('cancelling the confirmation sends nothing', async () => {
    const page = await open(staffTicket());
    await tap(page, '.action--accept');
    await submitSheet(page);
    await tap(page, '.confirm-cancel');
    expect(apiFake.callsOf('ticket.accept')).toEqual([]);
    expect(page.data.confirm).toMatchObject({ visible: false });
  });

  test('reject as a duplicate: the kept ticket is picked from the same-category ones nearby (ticket.duplicates)', async () => {
    const page = await open(staffTicket());
    const kept = staffAnswers().duplicates.items[0];
    apiFake.on('ticket.duplicates', () => staffAnswers().duplicates);
    apiFake.on('ticket.reject', () => moves().reject);
    await tap(page, '.action--reject');
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请先选择一项');
    await tap(page, '.action-sheet >> .reason', 0);
    expect(apiFake.callsOf('ticket.duplicates')).toEqual([{ ticketId: T().id }]);
    expect(findAll(page, '.action-sheet >> .option').map(textOf)).toEqual([expect.stringContaining(kept?.no ?? '?')]);
    expect(textOf(find(page, '.action-sheet >> .option__badge'))).toBe(`约 ${kept?.distanceMeters} 米`);
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请先选择一项');
    await tap(page, '.action-sheet >> .option', 0);
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.reject')).toEqual([{ ticketId: T().id, reason: '重复上报', duplicateOf: kept?.id }]);
    expect(textOf(find(page, '.head'))).toContain('不予受理');
  });

  test('reject for another reason: the words are required', async () => {
    const page = await open(staffTicket());
    apiFake.on('ticket.reject', () => moves().reject);
    await tap(page, '.action--reject');
    await tap(page, '.action-sheet >> .reason', 3); // 其他原因: an empty text to fill
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请填写原因（1–200 字）');
    await type(page, '.action-sheet >> .sheet-text', '该处属于物业管理区域，请联系物业');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.reject')).toEqual([{ ticketId: T().id, reason: '该处属于物业管理区域，请联系物业' }]);
  });

  test("transfer: the community's grids (not the current one), the whole district on demand, paged", async () => {
    const page = await open(staffTicket());
    apiFake.on('grids.pick', (p) => {
      if (p.community) {
        return {
          items: [
            { code: 'ZD-CZ-HG-01', name: '第一网格', community: '华光社区', street: '车站街道' },
            { code: 'ZD-CZ-HG-02', name: '第二网格', community: '华光社区', street: '车站街道' },
          ],
          nextCursor: null,
        };
      }
      return p.cursor
        ? { items: [{ code: 'ZD-HP-01', name: '和平一网格', community: '和平社区', street: '和平街道' }], nextCursor: null }
        : { items: [{ code: 'ZD-CZ-HG-03', name: '第三网格', community: '华光社区', street: '车站街道' }], nextCursor: 'g-2' };
    });
    apiFake.on('ticket.transfer', () => moves().transfer);
    await tap(page, '.action--transfer');
    expect(apiFake.callsOf('grids.pick')).toEqual([{ ticketId: T().id, community: '华光社区' }]);
    expect(findAll(page, '.action-sheet >> .option').map(textOf)).toEqual([expect.stringContaining('第二网格')]);
    await tap(page, '.action-sheet >> .segment', 1);
    expect(findAll(page, '.action-sheet >> .option').map(textOf)).toEqual([expect.stringContaining('第三网格')]);
    await tap(page, '.action-sheet >> .options__more');
    expect(apiFake.callsOf('grids.pick')).toEqual([
      { ticketId: T().id, community: '华光社区' },
      { ticketId: T().id },
      { ticketId: T().id, cursor: 'g-2' },
    ]);
    await tap(page, '.action-sheet >> .option', 1);
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请填写原因（1–200 字）');
    await type(page, '.action-sheet >> .sheet-text', '位置在和平街道');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.transfer')).toEqual([{ ticketId: T().id, toGridCode: 'ZD-HP-01', reason: '位置在和平街道' }]);
  });

  test('dispatch: departments with the suggested one chosen first; the note is optional', async () => {
    const page = await open(acceptedTicket());
    apiFake.on('departments.list', () => staffAnswers().departments);
    apiFake.on('ticket.dispatch', () => moves().dispatch);
    await tap(page, '.action--dispatch');
    expect(apiFake.callsOf('departments.list')).toEqual([{ ticketId: acceptedTicket().id }]);
    // 市政设施: the departments that declare it first (城管, 水务), then the rest.
    expect(findAll(page, '.action-sheet >> .option').map(textOf)).toEqual([
      expect.stringMatching(/车站街道城管中队.*推荐/),
      expect.stringMatching(/张店区水务局.*推荐/),
      expect.stringContaining('车站街道环卫所'),
    ]);
    expect(exists(page, '.action-sheet >> .option--on')).toBe(true);
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.dispatch')).toEqual([{ ticketId: acceptedTicket().id, departmentCode: 'cz-chengguan' }]);
    expect(textOf(find(page, '.head'))).toContain('职能部门处理中');
  });

  test('dispatch to a department retired since the sheet opened: refused inside the sheet, the departments read again without it', async () => {
    const page = await open(acceptedTicket());
    const { refused, departments } = staffAnswers().retiredDepartment;
    apiFake.on('departments.list', () => staffAnswers().departments);
    apiFake.on('ticket.dispatch', () => {
      throw new ApiError(refused.code, refused.message, refused.details);
    });
    await tap(page, '.action--dispatch');
    const water = findAll(page, '.action-sheet >> .option')
      .map(textOf)
      .findIndex((t) => t.includes('张店区水务局'));
    await tap(page, '.action-sheet >> .option', water);
    apiFake.on('departments.list', () => departments);
    await submitSheet(page);
    await confirm(page);
    await flush();
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('这个部门已停用，请选择其他部门');
    expect(findAll(page, '.action-sheet >> .option').map(textOf)).toEqual(departments.items.map((d) => expect.stringContaining(d.name)));
    expect(findAll(page, '.action-sheet >> .option').map(textOf).join()).not.toContain('张店区水务局');
    // The refused pick is gone; the suggested one is chosen again.
    expect(findAll(page, '.action-sheet >> .option--on').map(textOf)).toEqual([
      expect.stringContaining(departments.items.find((d) => d.suggested)?.name ?? '?'),
    ]);
  });

  test('dispatch where no department exists: said so, nothing to send', async () => {
    const page = await open(acceptedTicket());
    apiFake.on('departments.list', () => ({ items: [] }));
    await tap(page, '.action--dispatch');
    expect(sheetText(page)).toContain('本地区还没有职能部门');
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请先选择一项');
  });

  test('return, by the department: a reason', async () => {
    apiFake.on('staff.me', () => staffMe('deptHandler'));
    const dispatched = staffAnswers().tickets.dispatched;
    const page = await open(dispatched);
    apiFake.on('ticket.return', () => moves().return);
    expect(actionLabels(page)).toEqual(['办结', '退回']);
    await tap(page, '.action--return');
    await type(page, '.action-sheet >> .sheet-text', '不属于环卫所职责');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.return')).toEqual([{ ticketId: dispatched.id, reason: '不属于环卫所职责' }]);
  });

  test('escalate (吹哨): a reason; the community holds it next', async () => {
    const page = await open(staffTicket());
    apiFake.on('ticket.escalate', () => moves().escalate);
    await tap(page, '.action--escalate');
    expect(sheetText(page)).toContain('吹哨后由上一级负责');
    await type(page, '.action-sheet >> .sheet-text', '需要社区协调');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.escalate')).toEqual([{ ticketId: T().id, reason: '需要社区协调' }]);
    expect(textOf(find(page, '.head'))).toContain('社区');
    expect(exists(page, '.action')).toBe(false);
  });

  test('resolve: a result and photos (uploaded once, as fileIDs); the grant asked in the tap', async () => {
    const page = await open(acceptedTicket());
    apiFake.on('ticket.resolve', () => moves().resolve);
    await tap(page, '.action--resolve');
    expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await tap(page, '.action-sheet >> .sheet-photos >> .photo--add');
    expect(findAll(page, '.action-sheet >> .sheet-photos >> .photo__img')).toHaveLength(1);
    await submitSheet(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe('请填写办理结果（1–200 字）');
    await type(page, '.action-sheet >> .sheet-result', '已联系环卫清运，垃圾桶已清空');
    await submitSheet(page);
    await confirm(page);
    const [params] = apiFake.callsOf('ticket.resolve');
    expect(params).toMatchObject({ ticketId: acceptedTicket().id, result: '已联系环卫清运，垃圾桶已清空' });
    expect(params?.photos).toHaveLength(1);
    // Uploaded under the caller's own folder, as staff.me named it.
    expect(params?.photos?.[0]).toContain(`/${staffMe().uploadFolder}/`);
    expect(textOf(find(page, '.result'))).toContain('已更换松动的井盖');
    expect(textOf(find(page, '.head'))).toContain('已办结');
  });

  test('supervise, by the street: a note', async () => {
    apiFake.on('staff.me', () => staffMe('streetAdmin'));
    const page = await open(staffAnswers().tickets.forStreet);
    apiFake.on('ticket.supervise', () => moves().supervise);
    expect(actionLabels(page)).toEqual(['督办']);
    await tap(page, '.action--supervise');
    await type(page, '.action-sheet >> .sheet-text', '请今日内反馈');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.supervise')).toEqual([{ ticketId: T().id, note: '请今日内反馈' }]);
    expect(textOf(find(page, '.supervisions'))).toContain('街道 陈静');
    expect(wxFake.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  test('answering a 督办', async () => {
    const page = await open(acceptedTicket());
    apiFake.on('ticket.reply', () => moves().reply);
    await tap(page, '.reply');
    expect(sheetText(page)).toContain('答复督办');
    await type(page, '.action-sheet >> .sheet-text', '已上门核实，明天清运');
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.reply')).toEqual([
      { ticketId: acceptedTicket().id, supervisionId: acceptedTicket().supervisions?.[0]?.id, note: '已上门核实，明天清运' },
    ]);
    expect(textOf(find(page, '.supervisions'))).toContain('已答复');
    expect(textOf(find(page, '.supervisions'))).toContain('张燕 于 11月23日 10:00 答复');
    expect(exists(page, '.reply')).toBe(false);
  });
});

describe('refusals', () => {
  test('CONFLICT: explained as 已被他人处理, and 刷新 loads the ticket as it now is', async () => {
    const page = await open(staffTicket());
    apiFake.fail('ticket.accept', 'CONFLICT', '该事项状态已变化，请刷新后再试');
    await tap(page, '.action--accept');
    await submitSheet(page);
    await confirm(page);
    expect(page.data.conflictVisible).toBe(true);
    expect(textOf(find(page, '.conflict-dialog >> .t-dialog__header'))).toBe('已被他人处理');
    expect(textOf(find(page, '.conflict-dialog >> .t-dialog__body'))).toContain('请刷新后查看最新情况');
    expect(page.data.sheet).toMatchObject({ visible: false });
    apiFake.on('ticket.get', () => moves().accept);
    await tap(page, '.conflict-refresh');
    expect(apiFake.callsOf('ticket.get')).toHaveLength(2);
    expect(textOf(find(page, '.head'))).toContain('处理中');
    expect(actionLabels(page)).not.toContain('受理');
  });

  test.each<[Api.ErrorCode | 'NETWORK', string | undefined, string]>([
    ['INVALID_INPUT', '不能超过 200 个字', '不能超过 200 个字'],
    ['UNAUTHENTICATED', undefined, '请在微信中打开小程序后再试'],
    ['FORBIDDEN', '您没有权限进行此操作', '您没有权限进行此操作'],
    ['NOT_FOUND', '没有找到要转派的网格', '没有找到要转派的网格'],
    ['RATE_LIMITED', undefined, '操作太频繁了，请稍后再试'],
    ['CONTENT_REJECTED', '内容含有不当信息，请修改后再提交', '内容含有不当信息，请修改后再提交'],
    ['INTERNAL', undefined, '服务暂时不可用，请稍后重试'],
    ['NETWORK', undefined, '网络不太好，请稍后重试'],
  ])('%s on a move: the message inside the sheet, which stays open with what was typed', async (code, message, shown) => {
    const page = await open(staffTicket());
    apiFake.fail('ticket.escalate', code, message);
    await tap(page, '.action--escalate');
    await type(page, '.action-sheet >> .sheet-text', '需要社区协调');
    await submitSheet(page);
    await confirm(page);
    expect(textOf(find(page, '.action-sheet >> .sheet-error'))).toBe(shown);
    expect(toasts()).toContain(shown);
    expect(page.data.sheet).toMatchObject({ visible: true });
    expect(textOf(find(page, '.head'))).toContain('待受理');
    // Sending again works once the server agrees.
    apiFake.on('ticket.escalate', () => moves().escalate);
    await submitSheet(page);
    await confirm(page);
    expect(apiFake.callsOf('ticket.escalate')).toHaveLength(2);
    expect(page.data.sheet).toMatchObject({ visible: false });
  });

  test.each<[Api.ErrorCode | 'NETWORK', string]>([
    ['NOT_FOUND', '没有找到这条记录'],
    ['NETWORK', '网络不太好，请稍后重试'],
  ])('%s when loading: an error face and a retry', async (code, shown) => {
    apiFake.fail('ticket.get', code);
    const page = await ticketPage.open({ id: 't-404' });
    expect(textOf(find(page, '.page-state'))).toContain(shown);
    apiFake.on('ticket.get', () => staffTicket());
    await tap(page, '.page-state >> .state__action');
    expect(textOf(find(page, '.head'))).toContain('待受理');
  });
});

describe('联系居民', () => {
  test('asks first (each reveal is recorded), then dials the number from the server; the number is never kept', async () => {
    const page = await open(staffTicket());
    apiFake.on('ticket.contact', () => moves().contact);
    await tap(page, '.contact');
    expect(textOf(find(page, '.contact-dialog >> .t-dialog__body'))).toContain('记入办理过程');
    expect(apiFake.callsOf('ticket.contact')).toEqual([]);
    apiFake.on('ticket.get', () => moves().afterContact);
    await tap(page, '.contact-go');
    expect(apiFake.callsOf('ticket.contact')).toEqual([{ ticketId: T().id }]);
    expect(wxFake.makePhoneCall.mock.calls.map((c) => c[0]?.phoneNumber)).toEqual(['13812345678']);
    // The reveal now shows in the timeline; the full number is nowhere in the page's data.
    expect(findAll(page, '.staff-timeline >> .tl__title').map(textOf)[0]).toBe('网格员 张燕 查看了联系电话');
    expect(JSON.stringify(page.data)).not.toContain('13812345678');
    // A second call asks the server again (and is recorded again).
    await tap(page, '.contact');
    await tap(page, '.contact-go');
    expect(apiFake.callsOf('ticket.contact')).toHaveLength(2);
  });

  test('cancelling asks nothing', async () => {
    const page = await open(staffTicket());
    await tap(page, '.contact');
    await tap(page, '.contact-cancel');
    expect(apiFake.callsOf('ticket.contact')).toEqual([]);
    expect(wxFake.makePhoneCall).not.toHaveBeenCalled();
  });

  test("no longer responsible (CONFLICT): the conflict explained; no phone: the server's words", async () => {
    const page = await open(staffTicket());
    apiFake.fail('ticket.contact', 'CONFLICT', '这件事项已不由您负责，不能查看联系电话');
    await tap(page, '.contact');
    await tap(page, '.contact-go');
    expect(page.data.conflictVisible).toBe(true);
    apiFake.fail('ticket.contact', 'NOT_FOUND', '上报人没有留下联系电话');
    await tap(page, '.conflict-refresh');
    await tap(page, '.contact');
    await tap(page, '.contact-go');
    expect(toasts()).toContain('上报人没有留下联系电话');
    expect(wxFake.makePhoneCall).not.toHaveBeenCalled();
  });
});

test('a resident who opens the page is turned away; the ticket is not even asked for', async () => {
  apiFake.reset();
  const page = await ticketPage.open({ id: 't-3001' });
  expect(textOf(find(page, '.turned-away'))).toContain('这里是工作人员的工作台');
  expect(apiFake.actions()).toEqual(['staff.me']);
});
