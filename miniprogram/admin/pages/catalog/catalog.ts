// 类别与部门: the problem categories (a super admin changes a name, the SLA profile, the kind the
// report form starts with and the default department dispatch suggests first, or retires one —
// 停用: no longer offered, its tickets go on — and brings it back) and the departments
// of the admin's area (name, street or district, categories served). The server says what the
// caller may change; each save is confirmed first, and a refusal is shown where it belongs with
// what it means (FORBIDDEN: not yours; CONFLICT: the code is taken).
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/gate';
import {
  categoryForm,
  categoryParams,
  categoryRow,
  departmentForm,
  departmentParams,
  departmentRow,
  explanationOf,
  fieldOf,
  formChoices,
  NO_DEPARTMENT,
  statusChange,
  type CatalogForm,
  type CategoryRow,
  type DepartmentRow,
  type FormChoices,
  type FormField,
} from '../../../utils/admin-catalog';
import type { TapEvent, ValueEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';

type Load = 'loading' | 'ready' | 'empty' | 'error';
type Tab = 'categories' | 'departments';

interface Sheet {
  title: string;
  form: CatalogForm;
  /** The picked keys of each single-choice picker, as admin-scope-picker takes them. */
  picked: { profile: string[]; defaultKind: string[]; defaultDepartment: string[]; status: string[]; area: string[] };
  field: FormField | '';
  error: string;
  hint: string;
  saving: boolean;
}

const t = zh.admin.catalog;

const state = instanceState(() => ({
  seq: 0,
  alive: true,
  catalog: null as Api.Data<'admin.catalog.list'> | null,
}));

/** The two lists and what the caller may do with them, as the server answered. */
function listsOf(catalog: Api.Data<'admin.catalog.list'>): {
  categories: CategoryRow[];
  departments: DepartmentRow[];
  categoriesEditable: boolean;
  canAddDepartment: boolean;
} {
  return {
    categories: catalog.categories.map(categoryRow),
    departments: catalog.departments.map(departmentRow),
    categoriesEditable: catalog.categoriesEditable,
    canAddDepartment: catalog.areas.length > 0,
  };
}

function pickedOf(form: CatalogForm): Sheet['picked'] {
  return {
    profile: [form.profile],
    defaultKind: [form.defaultKind],
    defaultDepartment: [form.defaultDepartment || NO_DEPARTMENT],
    status: [form.status],
    area: form.area ? [form.area] : [],
  };
}

Component({
  behaviors: [gatedPage(adminGate)],

  data: {
    t,
    common: zh.common,
    tab: 'categories' as Tab,
    listState: 'loading' as Load,
    listMessage: '',
    categories: [] as CategoryRow[],
    departments: [] as DepartmentRow[],
    categoriesEditable: false,
    canAddDepartment: false,
    departmentsNote: '',
    sheet: null as Sheet | null,
    choices: null as FormChoices | null,
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    admitted(me: Api.StaffMe): object {
      return { tab: me.role === 'superAdmin' ? 'categories' : 'departments' };
    },

    /** Both lists: on opening and on a pull (the gate's refresh), a retry, after a save. */
    async refresh(): Promise<void> {
      const s = state.of(this);
      const seq = ++s.seq;
      this.setData({ listState: 'loading', listMessage: '' });
      try {
        const catalog = await call('admin.catalog.list', {});
        if (seq !== s.seq || !s.alive) return;
        s.catalog = catalog;
        this.setData({
          ...listsOf(catalog),
          departmentsNote:
            catalog.areas.length === 0
              ? t.departmentsNoteCommunity
              : catalog.departments.some((d) => !d.editable)
                ? t.departmentsNoteStreet
                : '',
          choices: formChoices(catalog),
        });
        this.showTab(this.data.tab);
      } catch (e) {
        if (seq !== s.seq || !s.alive) return;
        this.setData({ listState: 'error', listMessage: toApiError(e).message });
      }
    },

    /** The list state of a tab: an empty area says so (and whether a department may be added). */
    showTab(tab: Tab): void {
      const empty = tab === 'categories' ? this.data.categories.length === 0 : this.data.departments.length === 0;
      const emptyText = tab === 'categories' ? t.emptyCategories : this.data.canAddDepartment ? t.emptyDepartmentsAdd : t.emptyDepartments;
      this.setData({ tab, listState: empty ? 'empty' : 'ready', listMessage: empty ? emptyText : '' });
    },

    onRetryList(): void {
      void this.refresh();
    },

    onTab(e: TapEvent<{ tab?: Tab }>): void {
      const tab = e.currentTarget.dataset.tab;
      if (tab && tab !== this.data.tab && this.data.listState !== 'loading' && this.data.listState !== 'error') this.showTab(tab);
      else if (tab) this.setData({ tab });
    },

    openSheet(title: string, form: CatalogForm): void {
      this.setData({ sheet: { title, form, picked: pickedOf(form), field: '', error: '', hint: '', saving: false } });
    },

    onAddCategory(): void {
      this.openSheet(t.newCategory, categoryForm(null));
    },

    onEditCategory(e: TapEvent<{ code?: string }>): void {
      const found = state.of(this).catalog?.categories.find((c) => c.code === e.currentTarget.dataset.code);
      if (found) this.openSheet(t.editCategory, categoryForm(found));
    },

    onAddDepartment(): void {
      this.openSheet(t.newDepartment, departmentForm(null, state.of(this).catalog?.areas ?? []));
    },

    onEditDepartment(e: TapEvent<{ code?: string }>): void {
      const catalog = state.of(this).catalog;
      const found = catalog?.departments.find((d) => d.code === e.currentTarget.dataset.code);
      if (catalog && found?.editable) this.openSheet(t.editDepartment, departmentForm(found, catalog.areas));
    },

    onCode(e: ValueEvent): void {
      this.setData({
        'sheet.form.code': e.detail.value,
        ...(this.data.sheet?.field === 'code' ? { 'sheet.field': '', 'sheet.error': '', 'sheet.hint': '' } : {}),
      });
    },

    onName(e: ValueEvent): void {
      this.setData({
        'sheet.form.name': e.detail.value,
        ...(this.data.sheet?.field === 'name' ? { 'sheet.field': '', 'sheet.error': '' } : {}),
      });
    },

    onPickOne(
      e: WechatMiniprogram.CustomEvent<
        { value: string[] },
        Record<string, never>,
        { which?: 'profile' | 'defaultKind' | 'defaultDepartment' | 'status' | 'area' }
      >,
    ): void {
      const which = e.currentTarget.dataset.which;
      const key = e.detail.value[0];
      if (!which || key === undefined || !this.data.sheet) return;
      const value = which === 'defaultDepartment' && key === NO_DEPARTMENT ? '' : key;
      this.setData({ [`sheet.form.${which}`]: value, [`sheet.picked.${which}`]: [key], 'sheet.field': '', 'sheet.error': '' });
    },

    onPickCategories(e: WechatMiniprogram.CustomEvent<{ value: string[] }>): void {
      this.setData({ 'sheet.form.categories': e.detail.value, 'sheet.field': '', 'sheet.error': '' });
    },

    onCancel(): void {
      this.setData({ sheet: null });
    },

    onPopup(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void {
      if (!e.detail.visible && !this.data.sheet?.saving) this.setData({ sheet: null });
    },

    onSave(): void {
      const sheet = this.data.sheet;
      const catalog = state.of(this).catalog;
      if (!sheet || sheet.saving || !catalog) return;
      const form = sheet.form;
      let content: string;
      let send: () => Promise<unknown>;
      if (form.kind === 'category') {
        const params = categoryParams(form);
        const department = catalog.departments.find((d) => d.code === params.defaultDepartmentCode)?.name;
        content = t.confirmCategory(
          params.name || params.code,
          t.profiles[params.profile],
          department ? t.defaultDepartment(department) : t.noDefaultDepartment,
        );
        send = () => call('admin.categories.upsert', params);
      } else {
        const params = departmentParams(form, catalog.areas);
        if (!params) {
          this.setData({ 'sheet.field': 'area', 'sheet.error': t.pickArea, 'sheet.hint': '' });
          return;
        }
        content = t.confirmDepartment(params.name || params.code, params.street ?? params.district ?? '', params.categories.length);
        send = () => call('admin.departments.upsert', params);
      }
      // Retiring or bringing back says what that means, for either kind.
      const change = statusChange(form);
      if (change) content = `${content}\n${change}`;
      wx.showModal({
        title: t.confirmTitle(form.creating),
        content,
        confirmText: t.save,
        success: (res) => {
          if (res.confirm) void this.save(send);
        },
      });
    },

    async save(send: () => Promise<unknown>): Promise<void> {
      this.setData({ 'sheet.saving': true, 'sheet.field': '', 'sheet.error': '', 'sheet.hint': '' });
      try {
        await send();
        if (!state.of(this).alive) return;
        this.setData({ sheet: null });
        wx.showToast({ title: t.saved, icon: 'success' });
        await this.refresh();
      } catch (e) {
        if (!state.of(this).alive) return;
        const error = toApiError(e);
        this.setData({
          'sheet.saving': false,
          'sheet.field': fieldOf(error.code, error.details) ?? '',
          'sheet.error': error.message,
          'sheet.hint': explanationOf(error.code),
        });
        // What the caller may change, or what exists, was not what the page showed: read it again.
        if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') void this.refreshBehindSheet();
      }
    },

    /** Reads the lists again while the sheet stays open with its explanation. */
    async refreshBehindSheet(): Promise<void> {
      const s = state.of(this);
      const seq = ++s.seq;
      try {
        const catalog = await call('admin.catalog.list', {});
        if (seq !== s.seq || !s.alive) return;
        s.catalog = catalog;
        this.setData(listsOf(catalog));
      } catch {
        // the sheet already says what happened; pulling down reads again
      }
    },
  },
});
