// 人员名单: the staff of the admin's area (the server decides who that is) — name, role and scope,
// when they last used the system — paged and pulled to refresh. Where the server allows it, a
// member's scope is changed in a sheet (picked from the admin's area) or the member is removed
// after a confirmation; a removed member loses access at once.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { pagedList, type More } from '../../../behaviors/paged-list';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/gate';
import { keysOf, pickManyFor, placeBook, scopeOf, type ScopeOption } from '../../../services/admin-places';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { formatDateTime } from '../../../utils/time';

type Load = 'loading' | 'ready' | 'empty' | 'error';

interface Row {
  code: string;
  name: string;
  self: boolean;
  role: string;
  scope: string;
  active: string;
  canUpdate: boolean;
  canRemove: boolean;
}

interface Editing {
  code: string;
  name: string;
  role: Api.StaffRole;
  state: Load;
  message: string;
  options: ScopeOption[];
  picked: string[];
  multiple: boolean;
  saving: boolean;
  error: string;
}

const t = zh.admin.staff;

function toRow(m: Api.StaffListItem, now: Date): Row {
  return {
    code: m.inviteCode,
    name: m.displayName ?? t.noName,
    self: m.self,
    role: m.roleLabel,
    scope: m.scopeLabel,
    active: m.lastActiveAt ? t.lastActive(formatDateTime(m.lastActiveAt, now)) : t.neverActive,
    canUpdate: m.allowedActions.includes('update'),
    canRemove: m.allowedActions.includes('remove'),
  };
}

const state = instanceState(() => ({
  alive: true,
  book: placeBook(),
  members: new Map<string, Api.StaffListItem>(),
}));

Component({
  behaviors: [gatedPage(adminGate), pagedList],

  data: {
    t,
    common: zh.common,
    rows: [] as Row[],
    editing: null as Editing | null,
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    refresh(): Promise<void> {
      return this.loadPage(false);
    },

    fetchPage(cursor: string | null): Promise<Api.Data<'staff.list'>> {
      return call('staff.list', cursor ? { cursor } : {});
    },

    showPage(page: Api.Data<'staff.list'>, more: boolean, nextMore: More): void {
      const members = state.of(this).members;
      if (!more) members.clear();
      for (const m of page.items) members.set(m.inviteCode, m);
      const now = new Date();
      const rows = page.items.map((m) => toRow(m, now));
      this.showRows('rows', rows, more, nextMore, t.empty);
    },

    onInvite(): void {
      wx.navigateTo({ url: '/admin/pages/invites/invites' });
    },

    onRemove(e: TapEvent<{ code?: string }>): void {
      const row = this.data.rows.find((r) => r.code === e.currentTarget.dataset.code);
      if (!row) return;
      wx.showModal({
        title: t.removeTitle,
        content: t.removeText(row.name),
        confirmText: t.remove,
        confirmColor: '#b42318',
        success: (res) => {
          if (res.confirm) void this.remove(row.code);
        },
      });
    },

    async remove(code: string): Promise<void> {
      try {
        await call('staff.remove', { inviteCode: code });
        if (!state.of(this).alive) return;
        state.of(this).members.delete(code);
        const rows = this.data.rows.filter((r) => r.code !== code);
        this.setData({ rows, listState: rows.length ? 'ready' : 'empty', listMessage: rows.length ? '' : t.empty });
        wx.showToast({ title: t.removed, icon: 'none' });
      } catch (e) {
        wx.showToast({ title: toApiError(e).message, icon: 'none' });
        void this.loadPage(false);
      }
    },

    async onUpdate(e: TapEvent<{ code?: string }>): Promise<void> {
      const member = state.of(this).members.get(e.currentTarget.dataset.code ?? '');
      const book = state.of(this).book;
      if (!member) return;
      const editing: Editing = {
        code: member.inviteCode,
        name: member.displayName ?? t.noName,
        role: member.role,
        state: 'loading',
        message: '',
        options: [],
        picked: keysOf(member.scope),
        multiple: pickManyFor(member.role),
        saving: false,
        error: '',
      };
      this.setData({ editing });
      try {
        const options = await book.options(member.role);
        if (this.data.editing?.code !== member.inviteCode) return;
        this.setData({
          'editing.options': options,
          'editing.state': options.length ? 'ready' : 'empty',
          'editing.message': options.length ? '' : zh.admin.invites.noChoices,
        });
      } catch (err) {
        if (this.data.editing?.code !== member.inviteCode) return;
        this.setData({ 'editing.state': 'error', 'editing.message': toApiError(err).message });
      }
    },

    onPick(e: WechatMiniprogram.CustomEvent<{ value: string[] }>): void {
      this.setData({ 'editing.picked': e.detail.value, 'editing.error': '' });
    },

    onCancelEdit(): void {
      this.setData({ editing: null });
    },

    onPopup(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void {
      if (!e.detail.visible) this.setData({ editing: null });
    },

    async onSave(): Promise<void> {
      const editing = this.data.editing;
      if (!editing || editing.saving) return;
      const scope = scopeOf(editing.role, editing.picked);
      if (!scope) {
        this.setData({ 'editing.error': zh.admin.invites.pickScope });
        return;
      }
      this.setData({ 'editing.saving': true, 'editing.error': '' });
      try {
        const updated = await call('staff.update', { inviteCode: editing.code, scope });
        const s = state.of(this);
        if (!s.alive) return;
        s.members.set(updated.inviteCode, updated);
        const index = this.data.rows.findIndex((r) => r.code === updated.inviteCode);
        this.setData({ editing: null, ...(index >= 0 ? { [`rows[${index}]`]: toRow(updated, new Date()) } : {}) });
        wx.showToast({ title: t.updated, icon: 'none' });
      } catch (err) {
        this.setData({ 'editing.saving': false, 'editing.error': toApiError(err).message });
      }
    },
  },
});
