// The sheet behind each move on the handling page: accept (一般 / 复杂), reject (a reason; 重复上报
// picks the kept ticket from ticket.duplicates: same category, within 50 m), transfer (a grid of the
// community or the district), dispatch (a department, the category's own first), return,
// escalate, resolve (result and photos), supervise, and the answer to a 督办. It loads its own
// pickers, checks the form, and hands it to the page (which confirms and sends it).
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { currentCategories } from '../../../services/categories';
import type { TapEvent, ValueEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { emptyForm, formProblem, sheetTitle, type MoveForm, type RejectReason, type SheetKind } from '../../../utils/staff-moves';
import { REASON_MAX } from '../../../utils/validate';

type ListState = 'idle' | 'loading' | 'ready' | 'error';

interface Option {
  key: string;
  title: string;
  detail: string;
  badge: string;
}

const KINDS: readonly SheetKind[] = ['accept', 'reject', 'transfer', 'dispatch', 'return', 'escalate', 'resolve', 'supervise', 'reply'];
const isKind = (v: unknown): v is SheetKind => KINDS.some((k) => k === v);

const state = instanceState(() => ({
  seq: 0,
  gridCursor: null as string | null,
  photoPaths: [] as string[],
  /** The refusal the departments were last read again for (the page sets `error` on every render). */
  reloadedFor: '',
}));

Component({
  properties: {
    visible: { type: Boolean, value: false },
    kind: { type: String, value: '' },
    ticketId: { type: String, value: '' },
    category: { type: String, value: '' },
    gridCode: { type: String, value: '' },
    community: { type: String, value: '' },
    supervisionId: { type: String, value: '' },
    busy: { type: Boolean, value: false },
    /** A refusal from the server for this form, shown inside the sheet. */
    error: { type: String, value: '' },
  },

  data: {
    s: zh.staff.sheet,
    reasonMax: REASON_MAX,
    title: '',
    form: emptyForm(),
    problem: '',
    urgent: false,
    textLabel: '',
    textPlaceholder: '',
    rejectReasons: zh.staff.sheet.rejectReasons,
    options: [] as Option[],
    listState: 'idle' as ListState,
    listMessage: '',
    gridScope: 'community' as 'community' | 'district',
    hasMore: false,
    generation: 0,
    /** The server's refusal (`error`) is shown until the form is changed. */
    showError: true,
  },

  observers: {
    'visible, kind': function (visible: boolean, kind: string): void {
      if (visible && isKind(kind)) this.start(kind);
    },
    error(error: string): void {
      this.setData({ showError: true });
      // A refused 派发 (the department retired, or no longer serving here, since the list was
      // read): the departments as they are now, the refused pick dropped if it is gone.
      const s = state.of(this);
      if (error === s.reloadedFor) return;
      s.reloadedFor = error;
      if (error && this.kindNow() === 'dispatch' && this.data.visible) void this.loadDepartments();
    },
  },

  methods: {
    kindNow(): SheetKind | null {
      return isKind(this.data.kind) ? this.data.kind : null;
    },

    /** A fresh form for `kind`, and its picker loading. */
    start(kind: SheetKind): void {
      const s = state.of(this);
      s.seq += 1;
      s.gridCursor = null;
      s.photoPaths = [];
      s.reloadedFor = '';
      const sheet = zh.staff.sheet;
      const labels: Partial<Record<SheetKind, [string, string]>> = {
        reject: [sheet.reasonLabel, sheet.reasonPlaceholder],
        transfer: [sheet.reasonLabel, sheet.reasonPlaceholder],
        return: [sheet.reasonLabel, sheet.reasonPlaceholder],
        escalate: [sheet.reasonLabel, sheet.reasonPlaceholder],
        dispatch: [sheet.noteLabel, sheet.notePlaceholder],
        supervise: [sheet.superviseLabel, sheet.supervisePlaceholder],
        reply: [zh.staff.ticket.replyTitle, zh.staff.ticket.replyPlaceholder],
      };
      const [textLabel, textPlaceholder] = labels[kind] ?? ['', ''];
      const urgent = currentCategories().some((c) => c.code === this.data.category && c.profile === 'urgent');
      this.setData({
        title: sheetTitle(kind),
        form: { ...emptyForm(), supervisionId: this.data.supervisionId },
        problem: '',
        urgent,
        textLabel,
        textPlaceholder,
        options: [],
        listState: 'idle',
        listMessage: '',
        gridScope: 'community',
        hasMore: false,
      });
      // A new form starts with no photos (the photo grid empties when this number changes).
      this.setData({ generation: this.data.generation + 1 });
      if (kind === 'transfer') void this.loadGrids(false);
      if (kind === 'dispatch') void this.loadDepartments();
    },

    // ---- pickers ----

    async loadList(load: () => Promise<{ options: Option[]; more: boolean }>, append: boolean): Promise<void> {
      const s = state.of(this);
      const seq = s.seq;
      this.setData({ listState: 'loading', listMessage: '' });
      try {
        const { options, more } = await load();
        if (seq !== s.seq) return;
        this.setData({ options: append ? [...this.data.options, ...options] : options, listState: 'ready', hasMore: more });
      } catch (e) {
        if (seq === s.seq) this.setData({ listState: 'error', listMessage: toApiError(e).message });
      }
    },

    loadGrids(more: boolean): Promise<void> {
      const s = state.of(this);
      const community = this.data.gridScope === 'community' && this.data.community ? this.data.community : undefined;
      return this.loadList(async () => {
        const page = await call('grids.pick', {
          ticketId: this.data.ticketId,
          ...(community ? { community } : {}),
          ...(more && s.gridCursor ? { cursor: s.gridCursor } : {}),
        });
        s.gridCursor = page.nextCursor;
        const options = page.items
          .filter((g) => g.code !== this.data.gridCode)
          .map((g) => ({ key: g.code, title: g.name, detail: [g.community, g.code].filter(Boolean).join(' · '), badge: '' }));
        return { options, more: page.nextCursor !== null };
      }, more);
    },

    loadDepartments(): Promise<void> {
      return this.loadList(async () => {
        const { items } = await call('departments.list', { ticketId: this.data.ticketId });
        const options = items.map((d) => ({
          key: d.code,
          title: d.name,
          detail: d.street ?? d.district ?? '',
          badge: d.suggested ? zh.staff.sheet.departmentSuggested : '',
        }));
        const picked = this.data.form.departmentCode;
        if (picked && !items.some((d) => d.code === picked)) this.setData({ 'form.departmentCode': '' });
        const first = items.find((d) => d.suggested);
        if (first && !this.data.form.departmentCode) this.setData({ 'form.departmentCode': first.code });
        return { options, more: false };
      }, false);
    },

    loadDuplicates(): Promise<void> {
      return this.loadList(async () => {
        const { items } = await call('ticket.duplicates', { ticketId: this.data.ticketId });
        const options = items.map((t) => ({
          key: t.id,
          title: `${t.no} · ${zh.status[t.status]}`,
          detail: t.description,
          badge: zh.staff.sheet.meters(t.distanceMeters),
        }));
        return { options, more: false };
      }, false);
    },

    onRetryList(): void {
      const kind = this.kindNow();
      if (kind === 'transfer') void this.loadGrids(false);
      else if (kind === 'dispatch') void this.loadDepartments();
      else if (kind === 'reject') void this.loadDuplicates();
    },

    onMoreGrids(): void {
      if (this.data.listState !== 'loading') void this.loadGrids(true);
    },

    onGridScope(e: TapEvent<{ scope?: string }>): void {
      const scope = e.currentTarget.dataset.scope === 'district' ? 'district' : 'community';
      if (scope === this.data.gridScope) return;
      state.of(this).gridCursor = null;
      this.setData({ gridScope: scope, 'form.gridCode': '' });
      void this.loadGrids(false);
    },

    onPick(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key ?? '';
      const field = this.kindNow() === 'transfer' ? 'gridCode' : this.kindNow() === 'dispatch' ? 'departmentCode' : 'duplicateOf';
      this.setData({ [`form.${field}`]: key, problem: '' });
    },

    // ---- fields ----

    onComplexity(e: TapEvent<{ value?: string }>): void {
      this.setData({ 'form.complexity': e.currentTarget.dataset.value === 'complex' ? 'complex' : 'normal' });
    },

    onRejectReason(e: TapEvent<{ key?: string }>): void {
      const reason = zh.staff.sheet.rejectReasons.find((r) => r.key === e.currentTarget.dataset.key);
      if (!reason) return;
      const patch: Record<string, unknown> = { 'form.rejectReason': reason.key as RejectReason, 'form.duplicateOf': '', problem: '' };
      // The reason's name is a good start for the text; the worker may say more.
      if (!this.data.form.text.trim() || zh.staff.sheet.rejectReasons.some((r) => r.label === this.data.form.text.trim())) {
        patch['form.text'] = reason.key === 'other' ? '' : reason.label;
      }
      this.setData(patch);
      if (reason.key === 'duplicate') void this.loadDuplicates();
      else this.setData({ options: [], listState: 'idle' });
    },

    onText(e: ValueEvent): void {
      this.setData({ 'form.text': String(e.detail.value ?? ''), problem: '', showError: false });
    },

    onResult(e: ValueEvent): void {
      this.setData({ 'form.result': String(e.detail.value ?? ''), problem: '', showError: false });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ paths: string[] }>): void {
      state.of(this).photoPaths = e.detail.paths;
    },

    // ---- leaving ----

    onVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void {
      if (!e.detail.visible) this.triggerEvent('close');
    },

    onCancel(): void {
      this.triggerEvent('close');
    },

    onSubmit(): void {
      const kind = this.kindNow();
      if (!kind || this.data.busy) return;
      const form: MoveForm = this.data.form;
      const problem = formProblem(kind, form);
      this.setData({ problem });
      if (problem) return;
      this.triggerEvent('submit', { kind, form, photoPaths: [...state.of(this).photoPaths] });
    },
  },
});
