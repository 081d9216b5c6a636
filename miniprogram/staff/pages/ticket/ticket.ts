// Handling one ticket. The head says where it stands and how long it has; the reporter's phone
// is masked, and 联系居民 asks the server for it (each reveal recorded) and dials; the report,
// its photos (tap to enlarge) and its place on a map inside the grid's outline; the 督办 records
// with 答复; the timeline by name; and the moves the SERVER allows, each through its sheet and a
// confirmation. Accept and resolve taps also ask for staff notifications. Someone else acting
// first (CONFLICT) is explained, with a refresh.
import { zh } from '../../../i18n/zh';
import { ticketPage, TIMELINE_SLICE } from '../../../behaviors/ticket-page';
import { toApiError, type ApiError } from '../../../services/api';
import { uploadPhoto } from '../../../services/files';
import { currentIdentity } from '../../../services/identity';
import { requestStaffSubscriptions } from '../../../services/staff-subscribe';
import { callResident, performMove } from '../../../services/staff-work';
import type { Query, TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { confirmText, confirmTitle, type MoveForm, type SheetKind } from '../../../utils/staff-moves';
import {
  isStaffMove,
  toStaffDetail,
  toStaffTimeline,
  toTicketMap,
  type StaffDetail,
  type StaffTimelineRow,
  type TicketMap,
} from '../../../utils/staff-ticket';

type Gate = 'loading' | 'staff' | 'resident' | 'error';

interface Pending {
  kind: SheetKind;
  form: MoveForm;
  photoPaths: string[];
}

const state = instanceState(() => ({
  pending: null as Pending | null,
  /** Local photo path → fileID, so a retried resolve does not upload twice. */
  uploaded: new Map<string, string>(),
  busy: false,
}));

Component({
  behaviors: [ticketPage],

  data: {
    t: zh.staff.ticket,
    common: zh.common,
    gate: 'loading' as Gate,
    detail: null as StaffDetail | null,
    map: null as TicketMap | null,
    timeline: [] as StaffTimelineRow[],
    place: { category: '', gridCode: '', community: '' },

    sheet: { visible: false, kind: '' as SheetKind | '', supervisionId: '' },
    busy: false,
    sheetError: '',
    confirm: { visible: false, title: '', text: '' },
    conflictVisible: false,
    contactVisible: false,
  },

  methods: {
    onLoad(query: Query): void {
      this.readQuery(query);
      void this.open();
    },

    async open(): Promise<void> {
      this.setData({ gate: 'loading' });
      try {
        const me = await currentIdentity();
        if (me.role === 'resident') {
          this.setData({ gate: 'resident' });
          return;
        }
      } catch (e) {
        this.setData({ gate: 'error', message: toApiError(e).message });
        return;
      }
      this.setData({ gate: 'staff' });
      await this.load(false);
    },

    onRetry(): void {
      if (this.data.gate === 'staff') void this.load(false);
      else void this.open();
    },

    /** The ticket as the server answered; the timeline travels in slices to keep each setData small. */
    show(view: Api.TicketView): void {
      const now = new Date();
      const timeline = toStaffTimeline(view.timeline, now);
      this.setData({
        state: 'ready',
        message: '',
        detail: toStaffDetail(view, now),
        map: toTicketMap(view),
        timeline: timeline.slice(0, TIMELINE_SLICE),
        place: { category: view.category, gridCode: view.gridCode ?? '', community: view.communityName ?? '' },
      });
      this.showSlices('timeline', timeline);
    },

    onPreview(e: TapEvent<{ index?: number }>): void {
      const urls = this.data.detail?.photoUrls ?? [];
      const current = urls[Number(e.currentTarget.dataset.index)] ?? urls[0];
      if (current) wx.previewImage({ urls, current });
    },

    // ---- moves ----

    onAction(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key;
      if (!isStaffMove(key) || state.of(this).busy) return;
      // First thing in the tap (WeChat shows the request nowhere else): accepting and resolving
      // are the staff's everyday taps, so their notification grants keep accumulating.
      if (key === 'accept' || key === 'resolve') void requestStaffSubscriptions();
      this.openSheet(key, '');
    },

    onReply(e: TapEvent<{ id?: string }>): void {
      const id = e.currentTarget.dataset.id;
      if (id) this.openSheet('reply', id);
    },

    openSheet(kind: SheetKind, supervisionId: string): void {
      this.setData({ sheet: { visible: true, kind, supervisionId }, sheetError: '' });
    },

    onSheetClose(): void {
      if (!this.data.busy) this.setData({ 'sheet.visible': false, sheetError: '' });
    },

    onSheetSubmit(e: WechatMiniprogram.CustomEvent<Pending>): void {
      state.of(this).pending = e.detail;
      this.setData({ confirm: { visible: true, title: confirmTitle(e.detail.kind), text: confirmText(e.detail.kind) } });
    },

    onConfirmCancel(): void {
      state.of(this).pending = null;
      this.setData({ 'confirm.visible': false });
    },

    async onConfirm(): Promise<void> {
      const s = state.of(this);
      const pending = s.pending;
      if (!pending || s.busy) return;
      s.busy = true;
      this.setData({ 'confirm.visible': false, busy: true, sheetError: '' });
      try {
        const photos = await this.upload(pending.photoPaths);
        const view = await performMove(pending.kind, this.ticketId(), { ...pending.form, photos });
        s.pending = null;
        this.setData({ 'sheet.visible': false });
        this.show(view);
        wx.showToast({ title: zh.staff.ticket.done, icon: 'success' });
      } catch (e) {
        this.refused(toApiError(e));
      } finally {
        s.busy = false;
        this.setData({ busy: false });
      }
    },

    async upload(paths: string[]): Promise<string[]> {
      const s = state.of(this);
      const ids: string[] = [];
      for (const path of paths) {
        let id = s.uploaded.get(path);
        if (!id) {
          id = await uploadPhoto(path);
          s.uploaded.set(path, id);
        }
        ids.push(id);
      }
      return ids;
    },

    /** A refusal: someone else was first (explained, with a refresh), or the server's own words. */
    refused(error: ApiError): void {
      if (error.code === 'CONFLICT') {
        this.setData({ 'sheet.visible': false, conflictVisible: true });
        return;
      }
      this.setData({ sheetError: error.message });
      wx.showToast({ title: error.message, icon: 'none', duration: 3000 });
    },

    onConflictRefresh(): void {
      this.setData({ conflictVisible: false });
      void this.load(false);
    },

    // ---- 联系居民 ----

    onContact(): void {
      this.setData({ contactVisible: true });
    },

    onContactCancel(): void {
      this.setData({ contactVisible: false });
    },

    async onContactGo(): Promise<void> {
      this.setData({ contactVisible: false });
      try {
        await callResident(this.ticketId());
      } catch (e) {
        const error = toApiError(e);
        if (error.code === 'CONFLICT') this.setData({ conflictVisible: true });
        else wx.showToast({ title: error.message, icon: 'none', duration: 3000 });
        return;
      }
      // The reveal is now in the timeline.
      void this.load(true);
    },
  },
});
