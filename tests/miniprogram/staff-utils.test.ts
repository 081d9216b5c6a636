// The workbench's pure view logic: time left in words, queue cards, tab filters and the banner,
// the handling page's detail and action buttons, move forms and their params, invite codes.
import { fixClock, realClock } from './support/clock';
import { acceptedTicket, counts, queuePage, staffAnswers } from './support/staff-data';
import { durationWords, timeLeft } from '../../miniprogram/utils/staff-time';
import { bannerOf, tabParams, tabsOf, toQueueCard } from '../../miniprogram/utils/staff-queue';
import { actionButtons, toStaffDetail, toSupervisionRow } from '../../miniprogram/utils/staff-ticket';
import { emptyForm, formProblem, moveCall } from '../../miniprogram/utils/staff-moves';
import { bindParams, inviteCodeFrom, validateBind } from '../../miniprogram/utils/staff-bind';

beforeEach(() => fixClock());
afterEach(() => realClock());

const NOW = new Date('2026-11-23T02:00:00.000Z');
const MIN = 60 * 1000;

describe('time left', () => {
  test.each([
    [30 * 1000, '1 分钟'],
    [45 * MIN, '45 分钟'],
    [59 * MIN + 59 * 1000, '60 分钟'],
    [60 * MIN, '1 小时'],
    [23 * 60 * MIN + 59 * MIN, '23 小时'],
    [24 * 60 * MIN, '1 天'],
    [3.5 * 24 * 60 * MIN, '3 天'],
  ])('%i ms → %s', (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });

  test('before the deadline: 剩 …, orange within four hours; after it: 超期 …', () => {
    expect(timeLeft('2026-11-23T10:00:00.000Z', NOW)).toEqual({ text: '剩 8 小时', tone: 'normal' });
    expect(timeLeft('2026-11-23T05:00:00.000Z', NOW)).toEqual({ text: '剩 3 小时', tone: 'soon' });
    expect(timeLeft('2026-11-21T02:00:00.000Z', NOW)).toEqual({ text: '超期 2 天', tone: 'overdue' });
    expect(timeLeft(null, NOW)).toBeNull();
    expect(timeLeft('not a time', NOW)).toBeNull();
  });
});

describe('the queue', () => {
  test("each tab's filter", () => {
    expect(tabParams('submitted')).toEqual({ status: 'submitted', duty: true });
    expect(tabParams('accepted')).toEqual({ status: 'accepted', duty: true });
    expect(tabParams('overdue')).toEqual({ overdue: true });
    expect(tabParams('resolved')).toEqual({ status: 'resolved' });
  });

  test("tabs with the server's counts, or none yet", () => {
    expect(tabsOf(counts()).map((t) => [t.label, t.count])).toEqual([
      ['待受理', 4],
      ['处理中', 2],
      ['已超期', 0],
      ['已办结', 1],
    ]);
    expect(tabsOf(null).every((t) => t.count === null)).toBe(true);
  });

  test('the banner: red with overdue, orange with only due today, calm with neither', () => {
    expect(bannerOf(counts({ overdue: 1 }))).toEqual({ text: '已超期 1 件 · 今天到期 1 件', tone: 'danger' });
    expect(bannerOf(counts())).toEqual({ text: '已超期 0 件 · 今天到期 1 件', tone: 'warning' });
    expect(bannerOf(counts({ overdue: 0, dueToday: 0 }))).toEqual({ text: '今天没有到期的事项', tone: 'calm' });
  });

  test("a card carries only what it shows; the time left is counted to the server's deadline", () => {
    const item = queuePage().items[0]!;
    const card = toQueueCard(item, NOW);
    expect(card).toEqual({
      id: item.id,
      no: item.no,
      status: 'submitted',
      statusLabel: '待受理',
      categoryName: '抢修抢险',
      place: '华光路 1 号 3号楼地下室',
      excerpt: '3号楼地下室水管爆了，水一直往外冒。',
      levelLabel: '网格',
      showLevel: false,
      sourceLabel: '',
      supervised: false,
      overdue: false,
      affected: '',
      timeText: '剩 10 分钟',
      timeTone: 'soon',
      createdText: '11月23日 09:40',
    });
    expect(
      toQueueCard(
        { ...item, deadline: { kind: 'accept', at: '2026-11-23T03:00:00.000Z', label: '11月23日 11:00 前受理', overdue: false } },
        NOW,
      ).timeText,
    ).toBe('剩 1 小时');
    expect(toQueueCard({ ...item, deadline: null }, NOW).timeText).toBe('');
    expect(JSON.stringify(card).length).toBeLessThan(600);
  });
});

describe('the handling page', () => {
  test("action buttons: the staff moves the server allows, in a fixed order, never a resident's", () => {
    expect(actionButtons(['escalate', 'accept', 'withdraw', 'rate', 'reject']).map((b) => b.key)).toEqual(['accept', 'escalate', 'reject']);
    expect(actionButtons(['reject']).map((b) => b.theme)).toEqual(['danger']);
  });

  test('detail: notes allowed become buttons; a dispatched ticket says so; 督办 rows by name', () => {
    const d = toStaffDetail(acceptedTicket({ departmentCode: 'cz-sanitation' }), NOW);
    expect(d).toMatchObject({
      canContact: false,
      canReply: true,
      supervised: true,
      departmentNote: '职能部门处理中',
      phoneMasked: '',
      levelLabel: '网格',
      sourceLabel: '居民上报',
      deadlineText: '11月26日 24:00 前办结',
      timeText: '剩 3 天',
    });
    expect(d.supervisions).toEqual([
      {
        id: acceptedTicket().supervisions?.[0]?.id,
        by: '街道 陈静',
        whenText: '11月23日 09:50',
        note: '请今天内上门核实',
        answered: false,
        answerText: '',
        answerNote: '',
      },
    ]);
    const fresh = toStaffDetail(staffAnswers().tickets.submitted, NOW);
    expect(fresh).toMatchObject({ canContact: true, canReply: false, phoneMasked: '138****5678', deadlineText: '11月24日 24:00 前受理' });
    const system = toSupervisionRow({ ...acceptedTicket().supervisions![0]!, by: '系统', byLabel: '系统' }, NOW);
    expect(system.by).toBe('系统');
  });
});

describe('move forms', () => {
  const filled = {
    ...emptyForm(),
    text: '需要社区协调',
    result: '已清理',
    gridCode: 'G-2',
    departmentCode: 'd-1',
    rejectReason: 'scope' as const,
    supervisionId: 'sv-1',
    photos: ['cloud://x/1.jpg'],
  };

  test('what each form needs before it may be sent', () => {
    expect(formProblem('accept', emptyForm())).toBe('');
    expect(formProblem('reject', emptyForm())).toBe('请先选择一项');
    expect(formProblem('reject', { ...emptyForm(), rejectReason: 'duplicate', text: '重复上报' })).toBe('请先选择一项');
    expect(formProblem('reject', { ...emptyForm(), rejectReason: 'scope' })).toBe('请填写原因（1–200 字）');
    expect(formProblem('transfer', { ...emptyForm(), text: 'x' })).toBe('请先选择一项');
    expect(formProblem('dispatch', { ...emptyForm(), departmentCode: 'd' })).toBe('');
    expect(formProblem('resolve', emptyForm())).toBe('请填写办理结果（1–200 字）');
    expect(formProblem('supervise', { ...emptyForm(), text: '督'.repeat(201) })).toBe('请填写原因（1–200 字）');
    for (const kind of ['accept', 'reject', 'transfer', 'dispatch', 'return', 'escalate', 'resolve', 'supervise', 'reply'] as const)
      expect(formProblem(kind, filled)).toBe('');
  });

  test('the action and params each form sends', () => {
    expect(moveCall('accept', 't', { ...filled, complexity: 'complex' })).toEqual({
      action: 'ticket.accept',
      params: { ticketId: 't', complexity: 'complex' },
    });
    expect(moveCall('reject', 't', filled)).toEqual({ action: 'ticket.reject', params: { ticketId: 't', reason: '需要社区协调' } });
    expect(moveCall('reject', 't', { ...filled, rejectReason: 'duplicate', duplicateOf: 't-2' })).toEqual({
      action: 'ticket.reject',
      params: { ticketId: 't', reason: '需要社区协调', duplicateOf: 't-2' },
    });
    expect(moveCall('transfer', 't', filled)).toEqual({
      action: 'ticket.transfer',
      params: { ticketId: 't', toGridCode: 'G-2', reason: '需要社区协调' },
    });
    expect(moveCall('dispatch', 't', { ...filled, text: '  ' })).toEqual({
      action: 'ticket.dispatch',
      params: { ticketId: 't', departmentCode: 'd-1' },
    });
    expect(moveCall('return', 't', filled)).toEqual({ action: 'ticket.return', params: { ticketId: 't', reason: '需要社区协调' } });
    expect(moveCall('escalate', 't', filled)).toEqual({ action: 'ticket.escalate', params: { ticketId: 't', reason: '需要社区协调' } });
    expect(moveCall('resolve', 't', filled)).toEqual({
      action: 'ticket.resolve',
      params: { ticketId: 't', result: '已清理', photos: ['cloud://x/1.jpg'] },
    });
    expect(moveCall('supervise', 't', filled)).toEqual({ action: 'ticket.supervise', params: { ticketId: 't', note: '需要社区协调' } });
    expect(moveCall('reply', 't', filled)).toEqual({
      action: 'ticket.reply',
      params: { ticketId: 't', supervisionId: 'sv-1', note: '需要社区协调' },
    });
  });
});

describe('invite codes and the bind form', () => {
  test.each<[string | null | undefined, string | null]>([
    ['abcd2345', 'ABCD2345'],
    ['  ABCD2345 ', 'ABCD2345'],
    ['scene=ABCD2345', 'ABCD2345'],
    ['staff/pages/bind/bind?scene=ABCD2345', 'ABCD2345'],
    ['staff/pages/bind/bind?scene=ABCD2345&x=1', 'ABCD2345'],
    ['https://example.com/invite?code=abcd2345', 'ABCD2345'],
    [encodeURIComponent('scene=ABCD2345'), 'ABCD2345'],
    ['https://example.com/', null],
    ['ABC', null],
    ['ABCD-2345', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, code) => {
    expect(inviteCodeFrom(raw)).toBe(code);
  });

  test('params as the server takes them', () => {
    expect(bindParams({ code: ' abcd2345 ', displayName: ' 张  燕 ', servicePhone: '' })).toEqual({
      inviteCode: 'ABCD2345',
      displayName: '张 燕',
    });
    expect(bindParams({ code: 'ABCD2345', displayName: '张燕', servicePhone: ' 0533-2180101 ' })).toEqual({
      inviteCode: 'ABCD2345',
      displayName: '张燕',
      servicePhone: '0533-2180101',
    });
    expect(validateBind({ code: 'ABCD2345', displayName: '张燕', servicePhone: '' })).toEqual({});
  });
});
