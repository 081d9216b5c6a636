// The report form. Its parts are components — photo-picker (photos, shrunk to 300 KB),
// location-field (GPS on a map, or a place picked on the map), nearby-dialog ("same problem?") —
// and this page wires them to the draft and the API. One tap on 提交上报: check the fields (every
// wrong one framed in red and named, the first scrolled to), ask for notification grants (WeChat
// allows that only as the first thing in a tap), record them, offer the open tickets nearby,
// upload the photos, then submit with the form's clientRequestId (kept in storage until the
// ticket exists, so retries and an app kill can never make two tickets). A second tap meanwhile
// does nothing.
import { call, callWithRetry, toApiError } from '../../services/api';
import {
  builtInCategories,
  currentCategories,
  isCategoryCode,
  KINDS,
  loadCategories,
  refusedForCategory,
  reloadCategories,
  suggestedKind,
  type CategoryInfo,
} from '../../services/categories';
import { clearDraft, emptyDraft, loadDraft, saveDraft, type ReportDraft } from '../../services/draft';
import { uploadPhoto } from '../../services/files';
import { MAX_PHOTOS } from '../../services/photos';
import { recordGrants, requestResidentSubscriptions } from '../../services/subscribe';
import { config } from '../../config';
import { zh } from '../../i18n/zh';
import type { NearbyDecision } from '../../components/nearby-dialog/nearby-dialog';
import { categoryTile, type CategoryTile } from '../../utils/category-view';
import { queryValue, type Query, type TapEvent, type ValueEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';
import { nearbyRows, successQuery, type NearbyRow } from '../../utils/report-form';
import { DESCRIPTION_MAX, validateReport, wrongFields, type FieldErrors, type ReportField } from '../../utils/validate';

/** What the resident chose in the "same problem?" dialog; following names the ticket. */
type NearbyChoice = { decision: Exclude<NearbyDecision, 'follow'> } | { decision: 'follow'; ref: string };

/** The element each field sits in, to scroll the first wrong one into view. */
const FIELD_ANCHOR: Record<ReportField, string> = {
  category: '#field-category',
  description: '#field-description',
  location: '#field-location',
  contactPhone: '#field-phone',
};

const state = instanceState(() => ({
  /** A submit is running: further taps are ignored. */
  busy: false,
  clientRequestId: '',
  photos: [] as string[],
  /** Local path → fileID, so a retried submit does not upload a photo twice. */
  uploaded: new Map<string, string>(),
  decideNearby: null as ((d: NearbyChoice) => void) | null,
  saveTimer: null as ReturnType<typeof setTimeout> | null,
  /** A category asked for (home tile, draft) that the list shown so far does not have yet. */
  pendingCategory: '' as Api.CategoryCode | '',
  shownCategories: null as CategoryInfo[] | null,
  /** The resident tapped a kind: from then on the category no longer sets it. */
  kindChosen: false,
  locationPicked: false,
  alive: true,
}));

function choices(list: CategoryInfo[]): CategoryTile[] {
  return list.map(categoryTile);
}

/** Back to the page the form was opened from, or home when the form is the only page. */
function leaveForm(): void {
  const home = (): void => {
    wx.reLaunch({ url: '/pages/index/index' });
  };
  if (getCurrentPages().length > 1) wx.navigateBack({ delta: 1, fail: home });
  else home();
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
    location: null as Api.Location | null,

    errors: {} as FieldErrors,
    errorSummary: '',
    submitError: '',
    submitting: false,
    submitLabel: zh.common.submitting,
    nearby: { visible: false, items: [] as NearbyRow[] },
    canFollow: false,
  },

  lifetimes: {
    detached(): void {
      const s = state.of(this);
      if (s.saveTimer) clearTimeout(s.saveTimer);
      this.persist();
      s.alive = false;
      if (s.decideNearby) s.decideNearby({ decision: 'cancel' });
    },
  },

  methods: {
    onLoad(query: Query): void {
      const s = state.of(this);
      const asked = queryValue(query, 'category');
      const draft = loadDraft() ?? emptyDraft();
      s.clientRequestId = draft.clientRequestId;
      s.pendingCategory = (isCategoryCode(asked) ? asked : '') || draft.category;
      s.kindChosen = draft.kindChosen === true;
      s.locationPicked = !!draft.location;
      this.setData({
        kind: draft.kind,
        description: draft.description,
        contactPhone: draft.contactPhone,
        location: draft.location,
        canFollow: config.features.follow,
      });
      this.showCategories(currentCategories(), false);
      const field = this.selectComponent('#location') as unknown as { start(initial: Api.Location | null): void } | null;
      field?.start(draft.location);
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
      this.setData({ categories, category, urgentSelected: categories.some((c) => c.code === category && c.urgent) });
      const kindChanged = this.followCategoryKind();
      if (changed || kindChanged) this.persist();
    },

    /**
     * Until the resident taps a kind, the kind is the one the server suggests for the category
     * (政策咨询 is a 咨询). Answers whether it changed.
     */
    followCategoryKind(): boolean {
      const s = state.of(this);
      if (s.kindChosen) return false;
      const kind = suggestedKind(s.shownCategories, this.data.category);
      if (!kind || kind === this.data.kind) return false;
      this.setData({ kind });
      return true;
    },

    onHide(): void {
      this.persist();
    },

    /** The draft that survives an app kill, with the clientRequestId of this form fill. */
    draft(): ReportDraft {
      const s = state.of(this);
      return {
        clientRequestId: s.clientRequestId,
        category: this.data.category || s.pendingCategory,
        kind: this.data.kind,
        kindChosen: s.kindChosen,
        description: this.data.description,
        contactPhone: this.data.contactPhone,
        location: s.locationPicked ? this.data.location : null,
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

    /** Drops a field's error once it is fixed (the summary follows). */
    clearError(field: ReportField): void {
      if (!this.data.errors[field]) return;
      const errors = { ...this.data.errors };
      delete errors[field];
      const count = wrongFields(errors).length;
      this.setData({ errors, errorSummary: count > 0 ? zh.report.errorSummary(count) : '' });
    },

    /**
     * The server refused the category (an admin retired it since the list was read): says so at
     * the field and shows the server's list again, without it, to choose from.
     */
    async categoryRefused(message: string): Promise<void> {
      // The server's words stay above the button (submitError); the field is framed and says them too.
      this.setData({ errors: { ...this.data.errors, category: message } });
      const list = await reloadCategories();
      if (list && state.of(this).alive) this.showCategories(list, true);
    },

    onCategory(e: TapEvent<{ code?: string }>): void {
      const chosen = this.data.categories.find((c) => c.code === e.currentTarget.dataset.code);
      if (!chosen) return;
      state.of(this).pendingCategory = '';
      // A refusal of the category shown above the button is answered by choosing again.
      const refused = !!this.data.errors.category && !!this.data.submitError;
      this.setData({ category: chosen.code, urgentSelected: chosen.urgent, ...(refused ? { submitError: '' } : {}) });
      this.followCategoryKind();
      this.clearError('category');
      this.persist();
    },

    onKind(e: TapEvent<{ kind?: string }>): void {
      const kind = KINDS.find((k) => k === e.currentTarget.dataset.kind);
      if (!kind) return;
      state.of(this).kindChosen = true;
      this.setData({ kind });
      this.persist();
    },

    onDescription(e: ValueEvent): void {
      const description = String(e.detail.value ?? '').slice(0, DESCRIPTION_MAX);
      this.setData({ description });
      if (description.trim()) this.clearError('description');
      this.persistSoon();
    },

    onPhone(e: ValueEvent): void {
      this.setData({ contactPhone: String(e.detail.value ?? '') });
      this.clearError('contactPhone');
      this.persistSoon();
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ paths: string[] }>): void {
      state.of(this).photos = e.detail.paths;
    },

    onLocation(e: WechatMiniprogram.CustomEvent<{ location: Api.Location | null; picked: boolean }>): void {
      state.of(this).locationPicked = e.detail.picked;
      this.setData({ location: e.detail.location });
      if (e.detail.location) this.clearError('location');
      if (e.detail.picked) this.persist();
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
      const wrong = wrongFields(errors);
      this.setData({ errors, errorSummary: wrong.length > 0 ? zh.report.errorSummary(wrong.length) : '', submitError: '' });
      if (wrong.length > 0) {
        wx.pageScrollTo({ selector: FIELD_ANCHOR[wrong[0] as ReportField], offsetTop: -12, duration: 200 });
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

        const choice = await this.checkNearby(category, location);
        if (choice.decision === 'cancel') return;
        if (choice.decision === 'same') {
          done = true;
          this.endAsDuplicate();
          return;
        }
        if (choice.decision === 'follow') {
          const view = await call('report.follow', { ref: choice.ref });
          done = true;
          this.endAsFollower(view.id);
          return;
        }

        if (s.photos.length > 0) this.setData({ submitLabel: zh.report.uploading });
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
        wx.redirectTo({ url: `/pages/report-success/report-success?${successQuery(answer)}` });
      } catch (e) {
        const error = toApiError(e);
        this.setData({ submitError: error.message });
        if (refusedForCategory(error)) void this.categoryRefused(error.message);
      } finally {
        // After a success the page is leaving; stay busy so nothing can be sent twice.
        if (!done) {
          s.busy = false;
          this.setData({ submitting: false });
        }
      }
    },

    /** Open tickets of the same category nearby; a failed check never blocks a report. */
    async checkNearby(category: Api.CategoryCode, location: Api.Location): Promise<NearbyChoice> {
      let items: Api.NearbyItem[] = [];
      try {
        items = (await call('report.nearby', { category, location })).items;
      } catch {
        return { decision: 'continue' };
      }
      if (items.length === 0) return { decision: 'continue' };
      this.setData({ nearby: { visible: true, items: nearbyRows(items, new Date()) } });
      return new Promise<NearbyChoice>((resolve) => {
        state.of(this).decideNearby = resolve;
      });
    },

    onNearby(e: WechatMiniprogram.CustomEvent<{ decision: NearbyDecision; ref?: string }>): void {
      const s = state.of(this);
      const decide = s.decideNearby;
      s.decideNearby = null;
      this.setData({ 'nearby.visible': false });
      const { decision, ref } = e.detail;
      if (!decide) return;
      if (decision === 'follow') decide(ref ? { decision, ref } : { decision: 'cancel' });
      else decide({ decision });
    },

    /** "我也遇到了": the resident now follows that ticket; the draft goes, and they see the ticket. */
    endAsFollower(ticketId: string): void {
      const s = state.of(this);
      clearDraft();
      s.clientRequestId = '';
      wx.showToast({ title: zh.report.followed, icon: 'success' });
      wx.redirectTo({ url: `/pages/ticket/ticket?id=${encodeURIComponent(ticketId)}` });
    },

    /**
     * "是同一个问题": someone already reported it and it is being handled. No ticket is made, the
     * draft goes (the dialog's button said so), and after a kind word the resident is taken back
     * to where they came from. The page stays busy: nothing more can be sent.
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
      for (const path of s.photos) {
        let id = s.uploaded.get(path);
        if (!id) {
          id = await uploadPhoto(path);
          s.uploaded.set(path, id);
        }
        ids.push(id);
      }
      return ids;
    },
  },
});
