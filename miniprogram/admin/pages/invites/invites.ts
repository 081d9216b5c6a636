// 邀请人员: make an invite for a role the server offers and a scope picked from the admin's area,
// then show it — the code in large letters and its 小程序码 for the new member to scan (the bind
// page reads the code from the scene). Below, the pending invites of the area: show again, or
// revoke after a confirmation.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { pagedList, type More } from '../../../behaviors/paged-list';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/gate';
import { pickManyFor, placeBook, scopeOf, type ScopeOption } from '../../../services/admin-places';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { formatDateTime } from '../../../utils/time';

type Load = 'loading' | 'ready' | 'empty' | 'error';

interface Row {
  code: string;
  title: string;
  sub: string;
}

interface Shown {
  code: string;
  title: string;
  expires: string;
  qr: 'loading' | 'ready' | 'error';
  qrUrl: string;
}

const t = zh.admin.invites;

const toRow = (i: Api.InviteItem, now: Date): Row => ({
  code: i.code,
  title: `${i.roleLabel} · ${i.scopeLabel}`,
  sub: `${i.code} · ${t.expires(formatDateTime(i.expiresAt, now))}${i.mine ? '' : ` · ${t.byOther}`}`,
});

const state = instanceState(() => ({ alive: true, book: placeBook(), qrSeq: 0 }));

Component({
  behaviors: [gatedPage(adminGate), pagedList],

  data: {
    t,
    common: zh.common,
    roles: [] as Api.InvitableRole[],
    role: '' as Api.StaffRole | '',
    optionsState: 'loading' as Load,
    optionsMessage: '',
    options: [] as ScopeOption[],
    multiple: false,
    picked: [] as string[],
    creating: false,
    createError: '',
    shown: null as Shown | null,
    rows: [] as Row[],
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

    /** The pending invites (and, with the first page, the roles the form offers). */
    fetchPage(cursor: string | null): Promise<Api.Data<'admin.invites.list'>> {
      return call('admin.invites.list', cursor ? { cursor } : {});
    },

    async showPage(page: Api.Data<'admin.invites.list'>, more: boolean, nextMore: More): Promise<void> {
      const now = new Date();
      const rows = page.items.map((i) => toRow(i, now));
      this.showRows('rows', rows, more, nextMore, t.pendingEmpty, more ? {} : { roles: page.roles });
      const first = page.roles[0];
      if (!more && !this.data.role && first) await this.chooseRole(first.role);
    },

    async chooseRole(role: Api.StaffRole): Promise<void> {
      const book = state.of(this).book;
      this.setData({
        role,
        picked: [],
        multiple: pickManyFor(role),
        optionsState: 'loading',
        optionsMessage: '',
        options: [],
        createError: '',
      });
      try {
        const options = await book.options(role);
        if (this.data.role !== role || !state.of(this).alive) return;
        this.setData({ options, optionsState: options.length ? 'ready' : 'empty', optionsMessage: options.length ? '' : t.noChoices });
      } catch (e) {
        if (this.data.role !== role) return;
        this.setData({ optionsState: 'error', optionsMessage: toApiError(e).message });
      }
    },

    onRole(e: TapEvent<{ role?: Api.StaffRole }>): void {
      const role = e.currentTarget.dataset.role;
      if (role && role !== this.data.role) void this.chooseRole(role);
    },

    onRetryOptions(): void {
      if (this.data.role) void this.chooseRole(this.data.role);
    },

    onPick(e: WechatMiniprogram.CustomEvent<{ value: string[] }>): void {
      this.setData({ picked: e.detail.value, createError: '' });
    },

    async onCreate(): Promise<void> {
      const role = this.data.role;
      if (!role || this.data.creating) return;
      const scope = scopeOf(role, this.data.picked);
      if (!scope) {
        this.setData({ createError: t.pickScope });
        return;
      }
      this.setData({ creating: true, createError: '' });
      try {
        const made = await call('admin.invites.create', { role, scope });
        if (!state.of(this).alive) return;
        const label = this.data.roles.find((r) => r.role === role)?.label ?? '';
        const picked = this.data.options.filter((o) => this.data.picked.includes(o.key)).map((o) => o.label);
        this.setData({ creating: false, picked: [] });
        await Promise.all([this.show(made.code, `${label} · ${picked.join('、')}`, made.expiresAt), this.loadPage(false)]);
      } catch (e) {
        this.setData({ creating: false, createError: toApiError(e).message });
      }
    },

    /** Shows one invite at the top: the code and its 小程序码. */
    async show(code: string, title: string, expiresAt: string | null): Promise<void> {
      const s = state.of(this);
      const seq = ++s.qrSeq;
      this.setData({
        shown: { code, title, expires: expiresAt ? t.expires(formatDateTime(expiresAt, new Date())) : '', qr: 'loading', qrUrl: '' },
      });
      wx.pageScrollTo({ scrollTop: 0, duration: 200 });
      try {
        const qr = await call('admin.invites.qr', { code });
        if (seq !== s.qrSeq || !s.alive) return;
        this.setData({ 'shown.qr': 'ready', 'shown.qrUrl': qr.url });
      } catch {
        if (seq !== s.qrSeq || !s.alive) return;
        this.setData({ 'shown.qr': 'error' });
      }
    },

    onShow(e: TapEvent<{ code?: string }>): void {
      const code = e.currentTarget.dataset.code;
      const row = this.data.rows.find((r) => r.code === code);
      if (row) void this.show(row.code, row.title, null);
    },

    onRetryQr(): void {
      const shown = this.data.shown;
      if (shown) void this.show(shown.code, shown.title, null).then(() => undefined);
    },

    onCloseShown(): void {
      state.of(this).qrSeq += 1;
      this.setData({ shown: null });
    },

    onCopy(): void {
      const shown = this.data.shown;
      if (!shown) return;
      wx.setClipboardData({ data: shown.code, success: () => wx.showToast({ title: t.copied, icon: 'none' }) });
    },

    onRevoke(e: TapEvent<{ code?: string }>): void {
      const code = e.currentTarget.dataset.code;
      if (!code) return;
      wx.showModal({
        title: t.revokeTitle,
        content: t.revokeText(code),
        confirmText: t.revoke,
        confirmColor: '#b42318',
        success: (res) => {
          if (res.confirm) void this.revoke(code);
        },
      });
    },

    async revoke(code: string): Promise<void> {
      try {
        await call('admin.invites.revoke', { code });
        if (!state.of(this).alive) return;
        const rows = this.data.rows.filter((r) => r.code !== code);
        this.setData({ rows, listState: rows.length ? 'ready' : 'empty', listMessage: rows.length ? '' : t.pendingEmpty });
        if (this.data.shown?.code === code) this.onCloseShown();
        wx.showToast({ title: t.revoked, icon: 'none' });
      } catch (e) {
        wx.showToast({ title: toApiError(e).message, icon: 'none' });
        // Used, revoked or expired meanwhile: the list says how things stand now.
        void this.loadPage(false);
      }
    },
  },
});
