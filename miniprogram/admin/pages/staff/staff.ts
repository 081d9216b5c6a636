// 人员名单: the staff of the admin's area (the server decides who that is) — name, role and scope,
// when they last used the system — paged and pulled to refresh. Where the server allows it, a
// member's scope is changed in a sheet (picked from the admin's area) or the member is removed
// after a confirmation; a removed member loses access at once.
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/admin-gate';
import { keysOf, pickManyFor, placeBook, scopeOf, type PlaceBook, type ScopeOption } from '../../../services/admin-places';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { formatDateTime } from '../../../utils/time';

type Gate = 'loading' | 'admin' | 'resident' | 'forbidden' | 'error';
type Load = 'loading' | 'ready' | 'empty' | 'error';
type More = 'idle' | 'loading' | 'error' | 'end';

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
  seq: 0,
  cursor: null as string | null,
  alive: true,
  book: null as PlaceBook | null,
  members: new Map<string, Api.StaffListItem>(),
}));

Component({
  data: {
    t,
    common: zh.common,
    gate: 'loading' as Gate,
    gateMessage: '',
    listState: 'loading' as Load,
    listMessage: '',
    rows: [] as Row[],
    more: 'idle' as More,
    editing: null as Editing | null,
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
      state.drop(this);
    },
  },

  methods: {
    onLoad(): void {
      void this.open();
    },

    async onPullDownRefresh(): Promise<void> {
      if (this.data.gate === 'admin') await this.loadPage(false);
      else await this.open();
      wx.stopPullDownRefresh();
    },

    onReachBottom(): void {
      if (this.data.more === 'idle' && state.of(this).cursor) void this.loadPage(true);
    },

    async open(): Promise<void> {
      this.setData({ gate: 'loading', gateMessage: '' });
      const found = await adminGate();
      if (found.gate !== 'admin') {
        this.setData({ gate: found.gate, gateMessage: found.gate === 'error' ? found.message : '' });
        return;
      }
      state.of(this).book = placeBook();
      this.setData({ gate: 'admin' });
      await this.loadPage(false);
    },

    onRetryGate(): void {
      void this.open();
    },

    async loadPage(more: boolean): Promise<void> {
      const s = state.of(this);
      const seq = more ? s.seq : ++s.seq;
      this.setData(more ? { more: 'loading' } : { listState: 'loading', listMessage: '', more: 'idle' });
      try {
        const page = await call('staff.list', more && s.cursor ? { cursor: s.cursor } : {});
        if (seq !== s.seq || !s.alive) return;
        s.cursor = page.nextCursor;
        if (!more) s.members.clear();
        for (const m of page.items) s.members.set(m.inviteCode, m);
        const now = new Date();
        const rows = page.items.map((m) => toRow(m, now));
        const nextMore: More = page.nextCursor ? 'idle' : 'end';
        if (more) this.setData({ rows: [...this.data.rows, ...rows], more: nextMore });
        else this.setData({ rows, listState: rows.length ? 'ready' : 'empty', listMessage: rows.length ? '' : t.empty, more: nextMore });
      } catch (e) {
        if (seq !== s.seq || !s.alive) return;
        if (more) this.setData({ more: 'error' });
        else this.setData({ listState: 'error', listMessage: toApiError(e).message });
      }
    },

    onRetryList(): void {
      void this.loadPage(false);
    },

    onRetryMore(): void {
      void this.loadPage(true);
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
      if (!member || !book) return;
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
