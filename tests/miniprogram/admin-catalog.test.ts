// 类别与部门 (admin/pages/catalog): the super admin changes a category (name, SLA profile, the kind
// the report form starts with, the default department dispatch suggests) or adds one; a street
// admin changes or adds their street's departments (the district's shown read-only); a community
// admin only reads. Each save is confirmed first; the server's real refusals (CONFLICT, FORBIDDEN,
// INVALID_INPUT) are shown where they belong with what they mean; empty areas and failed loads.
import { apiFake } from './support/api-fake';
import { adminAnswers, adminMe, answerAsAdmin, openAs } from './support/admin-data';
import { callPage, exists, find, findAll, tap, textOf, type, type Root } from './support/render';
import { pageUnderTest } from './support/page';
import { toasts, wxFake } from './support/wx-fake';
import { ApiError } from '../../miniprogram/services/api';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const catalogPage = pageUnderTest('admin/pages/catalog/catalog');

const open = (who: 'street' | 'community' | 'superAdmin' = 'street'): Promise<Root> => openAs(catalogPage, who);

/** The action fails with the server's real error body (its issues included). */
function refuse(action: 'admin.categories.upsert' | 'admin.departments.upsert', body: Api.ErrorBody): void {
  apiFake.on(action, () => {
    throw new ApiError(body.code, body.message, body.details);
  });
}

const refused = () => adminAnswers().catalog.refused;
const catalog = (who: 'street' | 'community' | 'superAdmin') => adminAnswers().catalog[who];
const categoryIndex = (code: string): number => catalog('superAdmin').categories.findIndex((c) => c.code === code);
const departmentIndex = (who: 'street' | 'superAdmin', code: string): number =>
  catalog(who)
    .departments.filter((d) => d.editable)
    .findIndex((d) => d.code === code);
/** The text of the first confirmation the page asked for. */
const confirmation = (): string | undefined => (wxFake.showModal.mock.calls[0]?.[0] as { content?: string } | undefined)?.content;
const pickerOption = (page: Root, picker: string, label: string): number =>
  findAll(page, `.${picker} >> .option__label`).map(textOf).indexOf(label);

describe('the super admin and the categories', () => {
  test('every category with its time limit, default kind and default department; the one the scenario set shows its department', async () => {
    const page = await open('superAdmin');
    expect(find(page, '.tab--on').dom?.textContent).toBe('问题类别');
    expect(findAll(page, '.category')).toHaveLength(catalog('superAdmin').categories.length);
    const facilities = textOf(find(page, '.category', categoryIndex('facilities')));
    expect(facilities).toContain('市政设施');
    expect(facilities).toContain('一般');
    expect(facilities).toContain('默认类型：投诉');
    expect(facilities).toContain('默认部门：车站街道城管中队');
    expect(textOf(find(page, '.category', categoryIndex('urgent-repair')))).toContain('紧急');
    expect(textOf(find(page, '.category', categoryIndex('policy')))).toContain('默认类型：咨询');
    expect(textOf(find(page, '.category', categoryIndex('sanitation')))).toContain('未设默认部门');
    expect(findAll(page, '.edit-category')).toHaveLength(catalog('superAdmin').categories.length);
    expect(exists(page, '.add-category')).toBe(true);
  });

  test('changing 市政设施: the sheet starts from what is stored; after a yes it sends exactly the form and reads the list again', async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('facilities'));
    expect(textOf(find(page, '.sheet__title'))).toBe('修改问题类别');
    expect(textOf(find(page, '.field__fixed'))).toBe('facilities');
    expect(exists(page, '.code-input')).toBe(false);
    expect(findAll(page, '.profile-picker >> .option--on').map(textOf)).toEqual([expect.stringContaining('一般')]);
    expect(findAll(page, '.kind-picker >> .option--on').map(textOf)).toEqual(['投诉']);
    expect(findAll(page, '.department-picker >> .option--on').map(textOf)).toEqual([expect.stringContaining('车站街道城管中队')]);
    await tap(page, '.profile-picker >> .option', 1);
    await tap(page, '.kind-picker >> .option', 1);
    await tap(page, '.department-picker >> .option', pickerOption(page, 'department-picker', '张店区水务局'));
    await type(page, '.name-input', '市政设施维护');
    await tap(page, '.sheet__save');
    expect(wxFake.showModal.mock.calls[0]?.[0]).toMatchObject({
      title: '确认保存修改？',
      content: '市政设施维护：时限紧急，默认部门：张店区水务局',
    });
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([
      {
        code: 'facilities',
        name: '市政设施维护',
        profile: 'urgent',
        defaultKind: 'suggestion',
        defaultDepartmentCode: 'zd-water',
        retired: false,
      },
    ]);
    expect(exists(page, '.sheet')).toBe(false);
    expect(toasts()).toContain('已保存');
    expect(apiFake.callsOf('admin.catalog.list')).toHaveLength(2);
  });

  test('no default department: 不设默认部门 leaves it out; a declined confirmation sends nothing', async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('facilities'));
    await tap(page, '.department-picker >> .option', 0);
    wxFake.showModal.mockImplementationOnce((o) => o?.success?.({ confirm: false, cancel: true }));
    await tap(page, '.sheet__save');
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([]);
    expect(exists(page, '.sheet')).toBe(true);
    await tap(page, '.sheet__save');
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([
      { code: 'facilities', name: '市政设施', profile: 'normal', defaultKind: 'complaint', retired: false },
    ]);
  });

  test('生活服务, retired (停用): listed in grey with 已停用; its sheet offers 在用 back, confirmed with what that means', async () => {
    const page = await open('superAdmin');
    const row = find(page, '.category', categoryIndex('life-service'));
    expect(row.dom?.className).toContain('row--retired');
    expect(textOf(row)).toContain('已停用');
    expect(findAll(page, '.tag--retired').map(textOf)).toEqual(['已停用']);
    await tap(page, '.edit-category', categoryIndex('life-service'));
    expect(findAll(page, '.status-picker >> .option--on').map(textOf)).toEqual([expect.stringContaining('停用')]);
    await tap(page, '.status-picker >> .option', pickerOption(page, 'status-picker', '在用'));
    await tap(page, '.sheet__save');
    expect(confirmation()).toBe('生活服务：时限一般，未设默认部门\n“生活服务”将重新供居民和网格员上报时选择。');
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([
      { code: 'life-service', name: '生活服务', profile: 'normal', defaultKind: 'complaint', retired: false },
    ]);
  });

  test('retiring 市政设施: the confirmation says new reports cannot pick it and its tickets go on; retired: true is sent', async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('facilities'));
    expect(findAll(page, '.status-picker >> .option--on').map(textOf)).toEqual([expect.stringContaining('在用')]);
    await tap(page, '.status-picker >> .option', pickerOption(page, 'status-picker', '停用'));
    await tap(page, '.sheet__save');
    expect(confirmation()).toBe(
      '市政设施：时限一般，默认部门：车站街道城管中队\n停用后，居民和网格员上报时不能再选“市政设施”；已有的事项照常办理。',
    );
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([
      {
        code: 'facilities',
        name: '市政设施',
        profile: 'normal',
        defaultKind: 'complaint',
        defaultDepartmentCode: 'cz-chengguan',
        retired: true,
      },
    ]);
  });

  test('其他 is always in use: no 停用 choice, the note says why; a new category has no status to choose', async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('other'));
    expect(exists(page, '.status-picker')).toBe(false);
    expect(textOf(find(page, '.status-fixed'))).toBe('“其他”是居民找不到合适类别时的选项，一直在用');
    await tap(page, '.sheet__cancel');
    await tap(page, '.add-category');
    expect(exists(page, '.status-picker')).toBe(false);
    expect(exists(page, '.status-fixed')).toBe(false);
  });

  test("the server's refusal to retire 其他 is shown at the status", async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('facilities'));
    await tap(page, '.status-picker >> .option', pickerOption(page, 'status-picker', '停用'));
    refuse('admin.categories.upsert', refused().fallback);
    await tap(page, '.sheet__save');
    expect(textOf(find(page, '.error-status'))).toBe('“其他”是居民找不到合适类别时的选项，不能停用');
    expect(exists(page, '.sheet')).toBe(true);
  });

  test("a new category: create is sent; the server's INVALID_INPUT about the code is shown under the code; a fixed code saves", async () => {
    const page = await open('superAdmin');
    await tap(page, '.add-category');
    expect(textOf(find(page, '.sheet__title'))).toBe('新增问题类别');
    await type(page, '.code-input', 'Parking');
    await type(page, '.name-input', '停车管理');
    refuse('admin.categories.upsert', refused().invalid);
    await tap(page, '.sheet__save');
    expect(apiFake.callsOf('admin.categories.upsert')).toEqual([
      { code: 'Parking', name: '停车管理', profile: 'normal', defaultKind: 'complaint', create: true },
    ]);
    expect(textOf(find(page, '.error-code'))).toBe(refused().invalid.message);
    expect(refused().invalid.message).toBe('类别编号用小写字母开头，只能有小写字母、数字和 -');
    expect(exists(page, '.sheet__error')).toBe(false);
    await type(page, '.code-input', 'parking');
    expect(exists(page, '.error-code')).toBe(false);
    answerAsAdmin(apiFake, 'superAdmin');
    await tap(page, '.sheet__save');
    expect(apiFake.callsOf('admin.categories.upsert')[1]).toMatchObject({ code: 'parking', create: true });
    expect(exists(page, '.sheet')).toBe(false);
  });

  test('NOT_FOUND (a default department removed meanwhile) is shown in the sheet and the list is read again', async () => {
    const page = await open('superAdmin');
    await tap(page, '.edit-category', categoryIndex('facilities'));
    apiFake.fail('admin.categories.upsert', 'NOT_FOUND', '没有找到默认部门');
    await tap(page, '.sheet__save');
    expect(textOf(find(page, '.sheet__error'))).toBe('没有找到默认部门');
    expect(textOf(find(page, '.sheet__hint'))).toBe('列表中的内容可能已被其他管理员修改，列表已重新读取。');
    expect(apiFake.callsOf('admin.catalog.list')).toHaveLength(2);
  });
});

describe('a street admin and the departments', () => {
  test("their street's departments editable, the district's read-only, with the note saying why", async () => {
    const page = await open('street');
    expect(find(page, '.tab--on').dom?.textContent).toBe('部门');
    const items = catalog('street').departments;
    expect(findAll(page, '.department .row__name').map(textOf)).toEqual(items.map((d) => d.name));
    expect(findAll(page, '.edit-department')).toHaveLength(items.filter((d) => d.editable).length);
    const water = textOf(
      find(
        page,
        '.department',
        items.findIndex((d) => d.code === 'zd-water'),
      ),
    );
    expect(water).toContain('只读');
    expect(water).toContain('张店区（全区）');
    expect(water).toContain('负责：市政设施');
    expect(textOf(find(page, '.departments-note'))).toBe('区级部门由区管理员维护；本街道的部门可以修改。');
    await tap(page, '.tab--categories');
    expect(textOf(find(page, '.categories-note'))).toBe('问题类别由系统管理员维护，这里只能查看。');
    expect(exists(page, '.edit-category')).toBe(false);
  });

  test('a new department: their street already picked; categories ticked; confirmed; sent with create', async () => {
    const page = await open('street');
    await tap(page, '.add-department');
    expect(findAll(page, '.area-picker >> .option--on').map(textOf)).toEqual(['车站街道']);
    await type(page, '.code-input', 'cz-greening');
    await type(page, '.name-input', '车站街道绿化队');
    await tap(page, '.categories-picker >> .option', pickerOption(page, 'categories-picker', '环境卫生'));
    await tap(page, '.categories-picker >> .option', pickerOption(page, 'categories-picker', '市政设施'));
    await tap(page, '.sheet__save');
    expect(wxFake.showModal.mock.calls[0]?.[0]).toMatchObject({
      title: '确认新增？',
      content: '车站街道绿化队（车站街道），负责 2 个类别',
    });
    expect(apiFake.callsOf('admin.departments.upsert')).toEqual([
      { code: 'cz-greening', name: '车站街道绿化队', street: '车站街道', categories: ['sanitation', 'facilities'], create: true },
    ]);
    expect(toasts()).toContain('已保存');
  });

  test('a taken code → CONFLICT under the code, with what to do; the sheet stays', async () => {
    const page = await open('street');
    refuse('admin.departments.upsert', refused().conflict);
    await tap(page, '.add-department');
    await type(page, '.code-input', 'cz-sanitation');
    await type(page, '.name-input', '车站街道环卫站');
    await tap(page, '.sheet__save');
    expect(textOf(find(page, '.error-code'))).toBe('部门编号 cz-sanitation 已被使用，请换一个');
    expect(textOf(find(page, '.sheet__hint'))).toBe('这个编号已被使用。请换一个编号；要修改已有的，请在列表中点“修改”。');
    expect(exists(page, '.sheet')).toBe(true);
  });

  test('editing their department: prefilled; FORBIDDEN (the scope changed meanwhile) explained and the list read again', async () => {
    const page = await open('street');
    await tap(page, '.edit-department', departmentIndex('street', 'cz-sanitation'));
    expect(textOf(find(page, '.sheet__title'))).toBe('修改部门');
    expect(textOf(find(page, '.field__fixed'))).toBe('cz-sanitation');
    expect(findAll(page, '.categories-picker >> .option--on').map(textOf)).toEqual(['环境卫生']);
    refuse('admin.departments.upsert', refused().forbidden);
    await tap(page, '.sheet__save');
    expect(textOf(find(page, '.sheet__error'))).toBe(refused().forbidden.message);
    expect(textOf(find(page, '.sheet__hint'))).toContain('您没有权限做这个修改');
    expect(apiFake.callsOf('admin.catalog.list')).toHaveLength(2);
    expect(exists(page, '.sheet')).toBe(true);
  });

  test('车站街道市场所, retired: in grey with 已停用; brought back with a confirmation that says it is offered again', async () => {
    const page = await open('street');
    const index = catalog('street').departments.findIndex((d) => d.code === 'cz-market');
    const row = find(page, '.department', index);
    expect(row.dom?.className).toContain('row--retired');
    expect(textOf(row)).toContain('已停用');
    await tap(page, '.edit-department', departmentIndex('street', 'cz-market'));
    expect(findAll(page, '.status-picker >> .option--on').map(textOf)).toEqual([expect.stringContaining('停用')]);
    expect(findAll(page, '.status-picker >> .option__sub').map(textOf)).toEqual([
      '派发和邀请时可以选',
      '不再供派发和邀请，手上的事项照常办理',
    ]);
    await tap(page, '.status-picker >> .option', pickerOption(page, 'status-picker', '在用'));
    await tap(page, '.sheet__save');
    expect(confirmation()).toBe('车站街道市场所（车站街道），负责 0 个类别\n“车站街道市场所”将重新出现在派发和邀请中。');
    expect(apiFake.callsOf('admin.departments.upsert')).toEqual([
      { code: 'cz-market', name: '车站街道市场所', street: '车站街道', categories: [], retired: false },
    ]);
  });

  test('retiring their 环卫所: the confirmation says what it still holds goes on; retired: true is sent; a new one has no status', async () => {
    const page = await open('street');
    await tap(page, '.edit-department', departmentIndex('street', 'cz-sanitation'));
    await tap(page, '.status-picker >> .option', pickerOption(page, 'status-picker', '停用'));
    await tap(page, '.sheet__save');
    expect(confirmation()).toContain('停用后，派发和邀请时不再列出“车站街道环卫所”；它手上的事项照常办理。');
    expect(apiFake.callsOf('admin.departments.upsert')).toEqual([
      { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'], retired: true },
    ]);
    await tap(page, '.add-department');
    expect(exists(page, '.status-picker')).toBe(false);
  });

  test("an empty name → the server's INVALID_INPUT under the name", async () => {
    const page = await open('street');
    await tap(page, '.add-department');
    await type(page, '.code-input', 'cz-new');
    refuse('admin.departments.upsert', refused().emptyName);
    await tap(page, '.sheet__save');
    expect(textOf(find(page, '.error-name'))).toBe(refused().emptyName.message);
    expect(findAll(page, '.field-box--error')).toHaveLength(1);
  });

  test('an empty area says so and offers to add one', async () => {
    answerAsAdmin(apiFake, 'street');
    apiFake.on('admin.catalog.list', () => ({ ...catalog('street'), departments: [] }));
    const page = await catalogPage.open();
    expect(textOf(find(page, '.list-state'))).toBe('辖区内还没有部门，可以新增一个');
    expect(exists(page, '.add-department')).toBe(true);
  });
});

describe('a community admin', () => {
  test("reads the street's and the district's departments and may change none of them", async () => {
    const page = await open('community');
    const items = catalog('community').departments;
    expect(items.length).toBeGreaterThan(0);
    expect(findAll(page, '.department')).toHaveLength(items.length);
    expect(exists(page, '.edit-department')).toBe(false);
    expect(exists(page, '.add-department')).toBe(false);
    expect(findAll(page, '.department .tag--plain')).toHaveLength(items.length);
    expect(textOf(find(page, '.departments-note'))).toBe('部门由街道或区的管理员维护，这里只能查看。');
  });

  test('an area without departments: the empty word, no way to add', async () => {
    answerAsAdmin(apiFake, 'community');
    apiFake.on('admin.catalog.list', () => ({ ...catalog('community'), departments: [] }));
    const page = await catalogPage.open();
    expect(textOf(find(page, '.list-state'))).toBe('辖区内还没有部门');
    expect(exists(page, '.add-department')).toBe(false);
  });
});

test('a failed list: the message and a retry; pulling down reads again', async () => {
  answerAsAdmin(apiFake, 'street');
  apiFake.fail('admin.catalog.list', 'NETWORK');
  const page = await catalogPage.open();
  expect(textOf(find(page, '.list-state'))).toContain('网络不太好，请稍后重试');
  apiFake.on('admin.catalog.list', () => catalog('street'));
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.department')).toHaveLength(catalog('street').departments.length);
  await callPage(page, 'onPullDownRefresh');
  expect(apiFake.callsOf('admin.catalog.list')).toHaveLength(3);
});

test('a grid worker is turned away and nothing is asked', async () => {
  answerAsAdmin(apiFake, 'street');
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await catalogPage.open();
  expect(textOf(find(page, '.gate-view >> .away__text'))).toBe('只有社区、街道、区的管理员可以使用管理后台');
  expect(apiFake.callsOf('admin.catalog.list')).toEqual([]);
});
