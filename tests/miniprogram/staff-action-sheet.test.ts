// staff-action-sheet: the form behind each move — it loads its own pickers when opened, checks
// the form, and hands it on (`submit`) without sending anything itself.
import { apiFake } from './support/api-fake';
import { staffAnswers } from './support/staff-data';
import { exists, find, findAll, flush, load, render, tap, textOf, type, type Root } from './support/render';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let id: string;
beforeAll(() => {
  id = load('staff/components/staff-action-sheet/staff-action-sheet');
});

const BASE = { ticketId: 't-1', category: 'sanitation', gridCode: 'G-1', community: '华光社区' };

async function openSheet(kind: string, extra: Record<string, unknown> = {}): Promise<{ c: Root; submitted: unknown[]; closed: number[] }> {
  const c = render(id, { ...BASE, ...extra, kind, visible: true });
  const submitted: unknown[] = [];
  const closed: number[] = [];
  const on = c as unknown as { addEventListener(name: string, fn: (e: { detail: unknown }) => void): void };
  on.addEventListener('submit', (e) => submitted.push(e.detail));
  on.addEventListener('close', () => closed.push(1));
  await flush();
  return { c, submitted, closed };
}

test('accept: 一般 by default; the form handed on as it stands', async () => {
  const { c, submitted } = await openSheet('accept');
  expect(textOf(find(c, '.sheet__title'))).toBe('受理');
  await tap(c, '.sheet-submit');
  expect(submitted).toEqual([{ kind: 'accept', form: expect.objectContaining({ complexity: 'normal' }), photoPaths: [] }]);
});

test('an urgent category says 24 hours on both choices', async () => {
  const { c } = await openSheet('accept', { category: 'urgent-repair' });
  expect(findAll(c, '.choice__detail').map(textOf)).toEqual(['抢修类事项须 24 小时内办结', '抢修类事项须 24 小时内办结']);
});

test("reject: a reason's name starts the text; choosing another replaces it; 其他 leaves it to the worker", async () => {
  const { c } = await openSheet('reject');
  await tap(c, '.reason', 1);
  expect(c.data.form).toMatchObject({ rejectReason: 'scope', text: '不属于受理范围' });
  await tap(c, '.reason', 2);
  expect(c.data.form).toMatchObject({ rejectReason: 'abuse', text: '恶意或无效信息' });
  await type(c, '.sheet-text', '多次发布广告');
  await tap(c, '.reason', 1);
  expect(c.data.form).toMatchObject({ rejectReason: 'scope', text: '多次发布广告' });
});

test('a picker that fails to load offers a retry', async () => {
  apiFake.fail('departments.list', 'NETWORK');
  const { c } = await openSheet('dispatch');
  expect(textOf(find(c, '.options__state--error'))).toContain('网络不太好，请稍后重试');
  apiFake.on('departments.list', () => ({
    items: [{ code: 'd-1', name: '环卫所', street: '车站街道', district: null, categories: [], suggested: false }],
  }));
  await tap(c, '.options__state--error');
  expect(findAll(c, '.option').map(textOf)).toEqual([expect.stringContaining('环卫所')]);
  // Nothing suggested: nothing chosen for the worker.
  expect(c.data.form).toMatchObject({ departmentCode: '' });
});

test('a refused 派发 (the department retired since): the departments are read again once, and the refused pick dropped', async () => {
  const { refused, departments } = staffAnswers().retiredDepartment;
  apiFake.on('departments.list', () => staffAnswers().departments);
  const { c } = await openSheet('dispatch');
  const water = findAll(c, '.option')
    .map(textOf)
    .findIndex((t) => t.includes('张店区水务局'));
  await tap(c, '.option', water);
  expect(c.data.form).toMatchObject({ departmentCode: 'zd-water' });
  apiFake.on('departments.list', () => departments);
  // The page hands the server's refusal in, as it does after a refused move (and keeps it on later renders).
  (c as unknown as { setData(data: object): void }).setData({ error: refused.message });
  await flush();
  (c as unknown as { setData(data: object): void }).setData({ error: refused.message });
  await flush();
  expect(apiFake.callsOf('departments.list')).toHaveLength(2);
  expect(textOf(find(c, '.sheet-error'))).toBe('这个部门已停用，请选择其他部门');
  expect(findAll(c, '.option').map(textOf).join()).not.toContain('张店区水务局');
  expect(c.data.form).toMatchObject({ departmentCode: departments.items.find((d) => d.suggested)?.code });
});

test('no candidates for a duplicate: said so', async () => {
  apiFake.on('ticket.duplicates', () => ({ items: [] }));
  const { c } = await openSheet('reject');
  await tap(c, '.reason', 0);
  expect(textOf(find(c, '.options__state'))).toBe('附近 50 米内没有同类的事项，请选择其他原因');
});

test('reply carries the 督办 it answers', async () => {
  const { c, submitted } = await openSheet('reply', { supervisionId: 'sv-7' });
  expect(textOf(find(c, '.sheet__title'))).toBe('答复督办');
  await type(c, '.sheet-text', '已处理');
  await tap(c, '.sheet-submit');
  expect(submitted).toEqual([{ kind: 'reply', form: expect.objectContaining({ supervisionId: 'sv-7', text: '已处理' }), photoPaths: [] }]);
});

test("the server's refusal shows inside until the text changes; blank text is refused before sending; cancel closes", async () => {
  const { c, submitted, closed } = await openSheet('escalate', { error: '内容含有不当信息，请修改后再提交' });
  expect(textOf(find(c, '.sheet-error'))).toBe('内容含有不当信息，请修改后再提交');
  await type(c, '.sheet-text', '需要协调');
  expect(exists(c, '.sheet-error')).toBe(false);
  await type(c, '.sheet-text', '   ');
  await tap(c, '.sheet-submit');
  expect(textOf(find(c, '.sheet-error'))).toBe('请填写原因（1–200 字）');
  expect(submitted).toEqual([]);
  await tap(c, '.sheet-cancel');
  expect(closed).toEqual([1]);
});

test('a busy sheet sends nothing more', async () => {
  const { c, submitted } = await openSheet('accept', { busy: true });
  await tap(c, '.sheet-submit');
  expect(submitted).toEqual([]);
  expect(exists(c, '.sheet')).toBe(true);
});
