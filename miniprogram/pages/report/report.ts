// The report form. One tap on 提交上报: ask for notification grants (WeChat allows that only as
// the first thing in a tap), record them, offer the "same problem?" candidates nearby, upload the
// photos, then submit with the form's clientRequestId (kept in storage until the ticket exists,
// so retries and an app kill can never make two tickets). A second tap meanwhile does nothing.
// The "same problem?" candidates are other people's tickets, which a resident may not open
// (ticket.get answers NOT_FOUND): the dialog only lists them, and "就是这个问题" ends the flow
// kindly with no ticket made. The categories come from categories.list (services/categories).
import { call, callWithRetry, toApiError } from '../../services/api';
import { clearDraft, emptyDraft, loadDraft, saveDraft, type ReportDraft } from '../../services/draft';
import { uploadPhoto } from '../../services/files';
import { currentLocation, LocationError, pickLocation } from '../../services/location';
import { choosePhotos, isCancel, MAX_PHOTOS, PhotoTooLargeError, shrinkPhoto, type LocalPhoto } from '../../services/photos';
import { recordGrants, requestResidentSubscriptions } from '../../services/subscribe';
import { zh } from '../../i18n/zh';
import { builtInCategories, currentCategories, isCategoryCode, loadCategories, type CategoryInfo } from '../../services/categories';
import { categoryTile } from '../../utils/category-view';
import { queryValue, type Query, type TapEvent, type ValueEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';
import { formatDateTime } from '../../utils/time';
import { statusLabel } from '../../utils/ticket-view';
import { DESCRIPTION_MAX, hasErrors, validateReport, type FieldErrors } from '../../utils/validate';

type LocationState = 'locating' | 'located' | 'picked' | 'failed' | 'denied';
type NearbyDecision = 'continue' | 'cancel' | 'same';

interface PhotoItem {
  key: string;
  path: string;
}

interface NearbyRow {
  id: string;
  excerpt: string;
  statusLabel: string;
  distance: string;
  createdText: string;
}

interface CategoryChoice {
  code: Api.CategoryCode;
  name: string;
  icon: string;
  urgent: boolean;
}

function choices(list: CategoryInfo[]): CategoryChoice[] {
  return list.map(categoryTile).map(({ code, name, icon, urgent }) => ({ code, name, icon, urgent }));
}

function isUrgent(list: CategoryChoice[], code: string): boolean {
  return list.some((c) => c.code === code && c.urgent);
}

const KINDS: ReadonlyArray<Api.Kind> = ['complaint', 'suggestion', 'question'];

const state = instanceState(() => ({
  /** A submit is running: further taps are ignored. */
  busy: false,
  clientRequestId: '',
  /** Local path → fileID, so a retried submit does not upload a photo twice. */
  uploaded: new Map<string, string>(),
  decideNearby: null as ((d: NearbyDecision) => void) | null,
  saveTimer: null as ReturnType<typeof setTimeout> | null,
  photoSeq: 0,
  /** A category asked for (home tile, draft) that the list shown so far does not have yet. */
  pendingCategory: '' as Api.CategoryCode | '',
  shownCategories: null as CategoryInfo[] | null,
  alive: true,
}));

function locationText(s: LocationState, loc: Api.Location | null): string {
  if (s === 'locating') return zh.report.locating;
  if (s === 'failed' || s === 'denied') return zh.report.locationFailed;
  if (loc && loc.address) return loc.address;
  return zh.report.locatedHere;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Back to the page the form was opened from, or home when the form is the only page. */
function leaveForm(): void {
  const home = (): void => {
    wx.reLaunch({ url: '/pages/index/index' });
  };
  if (getCurrentPages().length > 1) wx.navigateBack({ delta: 1, fail: home });
  else home();
}

function firstError(errors: FieldErrors): string {
  return errors.category ?? errors.description ?? errors.location ?? errors.contactPhone ?? '';
}

Component({
  data: {
    t: zh.report,
    categories: choices(builtInCategories()),
    urgentSelected: false,
    kinds: KINDS.map((key) => ({ key, label: zh.kinds[key] })),
    descriptionMax: DESCRIPTION_MAX,
    maxPhotos: MAX_PHOTOS,
    autosize: { minHeight: 120 },

    category: '' as Api.CategoryCode | '',
    kind: 'complaint' as Api.Kind,
    description: '',
    contactPhone: '',
    photos: [] as PhotoItem[],
    addingPhoto: false,
    location: null as Api.Location | null,
    locationState: 'locating' as LocationState,
    locationText: zh.report.locating,

    errors: {} as FieldErrors,
    submitError: '',
    submitting: false,
    submitLabel: zh.common.submitting,
    nearby: { visible: false, items: [] as NearbyRow[] },
  },

  lifetimes: {
    detached(): void {
      const s = state.of(this);
      if (s.saveTimer) clearTimeout(s.saveTimer);
      this.persist();
      s.alive = false;
      if (s.decideNearby) s.decideNearby('cancel');
      state.drop(this);
    },
  },

  methods: {
    onLoad(query: Query): void {
      const s = state.of(this);
      const asked = queryValue(query, 'category');
      const wanted = isCategoryCode(asked) ? asked : '';
      const draft = loadDraft() ?? emptyDraft();
      s.clientRequestId = draft.clientRequestId;
      s.pendingCategory = wanted || draft.category;
      this.setData({
        kind: draft.kind,
        description: draft.description,
        contactPhone: draft.contactPhone,
      });
      this.showCategories(currentCategories(), false);
      if (draft.location) {
        this.setLocation('picked', draft.location);
      } else {
        this.locate();
      }
      this.persist();
      void loadCategories().then((list) => {
        if (list && s.alive) this.showCategories(list, true);
      });
    },

    /**
     * Shows `list` as the choices. A category asked for but not in the list waits for the
     * server's list; the server's list (`final`) also drops a choice that no longer exists.
     */
    showCategories(list: CategoryInfo[], final: boolean): void {
      const s = state.of(this);
      if (s.shownCategories === list) return;
      s.shownCategories = list;
      const categories = choices(list);
      const has = (code: string): boolean => categories.some((c) => c.code === code);
      let category = this.data.category;
      if (category && !has(category) && final) category = '';
      if (!category && s.pendingCategory && has(s.pendingCategory)) category = s.pendingCategory;
      if (category || final) s.pendingCategory = '';
      const changed = category !== this.data.category;
      this.setData({ categories, category, urgentSelected: isUrgent(categories, category) });
      if (changed) this.persist();
    },

    onHide(): void {
      this.persist();
    },

    /** The draft that survives an app kill, with the clientRequestId of this form fill. */
    draft(): ReportDraft {
      return {
        clientRequestId: state.of(this).clientRequestId,
        category: this.data.category || state.of(this).pendingCategory,
        kind: this.data.kind,
        description: this.data.description,
        contactPhone: this.data.contactPhone,
        location: this.data.locationState === 'picked' ? this.data.location : null,
      };
    },

    persist(): void {
      if (state.of(this).clientRequestId) saveDraft(this.draft());
    },

    persistSoon(): void {
      const s = state.of(this);
      if (s.saveTimer) clearTimeout(s.saveTimer);
      s.saveTimer = setTimeout(() => {
        s.saveTimer = null;
        this.persist();
      }, 400);
    },

    setLocation(locationState: LocationState, location: Api.Location | null): void {
      this.setData({
        locationState,
        location,
        locationText: locationText(locationState, location),
        'errors.location': location ? '' : this.data.errors.location ?? '',
      });
    },

    async locate(): Promise<void> {
      this.setLocation('locating', null);
      try {
        this.setLocation('located', await currentLocation());
      } catch (e) {
        const denied = e instanceof LocationError && e.reason === 'denied';
        this.setLocation(denied ? 'denied' : 'failed', null);
      }
    },

    onCategory(e: TapEvent<{ code?: string }>): void {
      const chosen = this.data.categories.find((c) => c.code === e.currentTarget.dataset.code);
      if (!chosen) return;
      state.of(this).pendingCategory = '';
      this.setData({ category: chosen.code, urgentSelected: chosen.urgent, 'errors.category': '' });
      this.persist();
    },

    onKind(e: TapEvent<{ kind?: string }>): void {
      const kind = KINDS.find((k) => k === e.currentTarget.dataset.kind);
      if (!kind) return;
      this.setData({ kind });
      this.persist();
    },

    onDescription(e: ValueEvent): void {
      const description = String(e.detail.value ?? '').slice(0, DESCRIPTION_MAX);
      this.setData({ description, ...(description.trim() ? { 'errors.description': '' } : {}) });
      this.persistSoon();
    },

    onPhone(e: ValueEvent): void {
      this.setData({ contactPhone: String(e.detail.value ?? ''), 'errors.contactPhone': '' });
      this.persistSoon();
    },

    async onAddPhoto(): Promise<void> {
      const room = MAX_PHOTOS - this.data.photos.length;
      if (room <= 0) {
        wx.showToast({ title: zh.report.photoLimit, icon: 'none' });
        return;
      }
      if (this.data.addingPhoto) return;
      let chosen: LocalPhoto[];
      try {
        chosen = await choosePhotos(room);
      } catch (err) {
        if (!isCancel(err)) wx.showToast({ title: zh.report.photoFailed, icon: 'none' });
        return;
      }
      this.setData({ addingPhoto: true });
      const s = state.of(this);
      const added: PhotoItem[] = [];
      let tooLarge = false;
      let failed = false;
      for (const photo of chosen.slice(0, room)) {
        try {
          const small = await shrinkPhoto(photo);
          s.photoSeq += 1;
          added.push({ key: `p${s.photoSeq}`, path: small.path });
        } catch (err) {
          if (err instanceof PhotoTooLargeError) tooLarge = true;
          else failed = true;
        }
      }
      const start = this.data.photos.length;
      const patch: Record<string, unknown> = { addingPhoto: false };
      added.forEach((p, i) => {
        patch[`photos[${start + i}]`] = p;
      });
      this.setData(patch);
      if (chosen.length > room) wx.showToast({ title: zh.report.photoLimit, icon: 'none' });
      else if (tooLarge) wx.showToast({ title: zh.report.photoTooLarge, icon: 'none' });
      else if (failed) wx.showToast({ title: zh.report.photoFailed, icon: 'none' });
    },

    onRemovePhoto(e: TapEvent<{ index?: number }>): void {
      const index = Number(e.currentTarget.dataset.index);
      const photos = this.data.photos.filter((_, i) => i !== index);
      this.setData({ photos });
    },

    onPreviewPhoto(e: TapEvent<{ index?: number }>): void {
      const urls = this.data.photos.map((p) => p.path);
      const current = urls[Number(e.currentTarget.dataset.index)] ?? urls[0];
      if (current) wx.previewImage({ urls, current });
    },

    async onChooseLocation(): Promise<void> {
      try {
        this.setLocation('picked', await pickLocation(this.data.location));
        this.persist();
      } catch (e) {
        if (e instanceof LocationError && e.reason === 'denied') this.setLocation('denied', this.data.location);
        // Cancelling the map keeps whatever was there before.
      }
    },

    onOpenSetting(): void {
      wx.openSetting({
        success: (res) => {
          if (res.authSetting['scope.userLocation']) this.locate();
        },
      });
    },

    onSubmit(): void {
      const s = state.of(this);
      if (s.busy) return;
      const errors = validateReport({
        category: this.data.category,
        description: this.data.description,
        location: this.data.location,
        contactPhone: this.data.contactPhone,
      });
      this.setData({ errors, submitError: '' });
      if (hasErrors(errors)) {
        wx.showToast({ title: firstError(errors), icon: 'none' });
        return;
      }
      s.busy = true;
      this.setData({ submitting: true, submitLabel: zh.common.submitting });
      this.persist(); // the clientRequestId is on disk before anything is sent
      // Synchronously, still inside the tap: WeChat refuses this request anywhere else.
      const grants = requestResidentSubscriptions();
      void this.submitFlow(grants);
    },

    async submitFlow(grants: Promise<Record<string, Api.GrantResult>>): Promise<void> {
      const s = state.of(this);
      let done = false;
      try {
        await recordGrants(await grants);
        const category = this.data.category as Api.CategoryCode;
        const location = this.data.location as Api.Location;

        const decision = await this.checkNearby(category, location);
        if (decision === 'cancel') return;
        if (decision === 'same') {
          done = true;
          this.endAsDuplicate();
          return;
        }

        this.setData({ submitLabel: zh.report.uploading });
        const photos = await this.uploadPhotos();
        this.setData({ submitLabel: zh.common.submitting });
        const contactPhone = this.data.contactPhone.trim();
        const answer = await callWithRetry('report.submit', {
          category,
          kind: this.data.kind,
          description: this.data.description.trim(),
          photos,
          location,
          ...(contactPhone ? { contactPhone } : {}),
          clientRequestId: s.clientRequestId,
        });
        done = true;
        clearDraft();
        s.clientRequestId = '';
        const q = [
          `ticketId=${encodeURIComponent(answer.ticketId)}`,
          `no=${encodeURIComponent(answer.no)}`,
          `acceptBy=${encodeURIComponent(answer.acceptBy ?? '')}`,
          `triage=${answer.gridCode ? '0' : '1'}`,
        ].join('&');
        wx.redirectTo({ url: `/pages/report-success/report-success?${q}` });
      } catch (e) {
        const err = toApiError(e);
        this.setData({ submitError: err.message });
        wx.showToast({ title: err.message, icon: 'none', duration: 3000 });
      } finally {
        // After a success the page is leaving; stay busy so nothing can be sent twice.
        if (!done) {
          s.busy = false;
          this.setData({ submitting: false });
        }
      }
    },

    /** Open tickets of the same category nearby; a failed check never blocks a report. */
    async checkNearby(category: Api.CategoryCode, location: Api.Location): Promise<NearbyDecision> {
      let items: Api.NearbyItem[] = [];
      try {
        items = (await call('report.nearby', { category, location })).items;
      } catch {
        return 'continue';
      }
      if (items.length === 0) return 'continue';
      const now = new Date();
      const rows: NearbyRow[] = items.slice(0, 5).map((it) => ({
        id: it.ref,
        excerpt: excerpt(it.description),
        statusLabel: statusLabel(it.status),
        distance: zh.report.nearbyDistance(it.withinMeters),
        createdText: formatDateTime(it.reportedHour, now),
      }));
      this.setData({ nearby: { visible: true, items: rows } });
      return new Promise<NearbyDecision>((resolve) => {
        state.of(this).decideNearby = resolve;
      });
    },

    decideNearby(d: NearbyDecision): void {
      const s = state.of(this);
      const decide = s.decideNearby;
      s.decideNearby = null;
      this.setData({ 'nearby.visible': false });
      if (decide) decide(d);
    },

    onNearbySame(): void {
      this.decideNearby('same');
    },

    onNearbyContinue(): void {
      this.decideNearby('continue');
    },

    onNearbyCancel(): void {
      this.decideNearby('cancel');
    },

    /**
     * "就是这个问题": someone already reported it and it is being handled. No ticket is made, the
     * draft goes (so the form starts empty next time), and after a kind word the resident is
     * taken back to where they came from. The page stays busy: nothing more can be sent.
     */
    endAsDuplicate(): void {
      const s = state.of(this);
      clearDraft();
      s.clientRequestId = '';
      s.pendingCategory = '';
      this.setData({ submitting: false });
      wx.showModal({
        title: zh.report.nearbySameTitle,
        content: zh.report.nearbySameContent,
        showCancel: false,
        confirmText: zh.report.nearbySameConfirm,
        complete: () => leaveForm(),
      });
    },

    /** Uploads what is not uploaded yet, in order; answers the fileIDs. */
    async uploadPhotos(): Promise<string[]> {
      const s = state.of(this);
      const ids: string[] = [];
      for (const photo of this.data.photos) {
        let id = s.uploaded.get(photo.path);
        if (!id) {
          id = await uploadPhoto(photo.path);
          s.uploaded.set(photo.path, id);
        }
        ids.push(id);
      }
      return ids;
    },
  },
});
