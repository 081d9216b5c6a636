// 代报 and patrol, from the workbench: a grid worker files what a resident phoned or came in about
// (their name and phone), or what they found on patrol. The form is the resident's — the same
// categories (services/categories), location (GCJ-02, map picking), photo handling and checks
// (utils/validate) — plus the resident's name and phone for a 代报. Sent with a clientRequestId
// kept for this form, so a retry never makes two tickets; then the new ticket's handling page.
import { zh } from '../../../i18n/zh';
import { callWithRetry, toApiError } from '../../../services/api';
import {
  currentCategories,
  KINDS,
  loadCategories,
  refusedForCategory,
  reloadCategories,
  suggestedKind,
  type CategoryInfo,
} from '../../../services/categories';
import { newClientRequestId } from '../../../services/draft';
import { uploadPhoto } from '../../../services/files';
import { currentIdentity } from '../../../services/identity';
import { currentLocation, LocationError, pickLocation } from '../../../services/location';
import { categoryTile } from '../../../utils/category-view';
import { queryValue, type Query, type TapEvent, type ValueEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { cleanName } from '../../../utils/staff-bind';
import { DESCRIPTION_MAX, isPhone, validateReport } from '../../../utils/validate';

type Gate = 'loading' | 'form' | 'resident' | 'forbidden' | 'error';
type Mode = 'proxy' | 'patrol';
type LocationState = 'locating' | 'located' | 'picked' | 'failed';

interface Errors {
  category?: string;
  description?: string;
  location?: string;
  name?: string;
  phone?: string;
}

const state = instanceState(() => ({
  busy: false,
  clientRequestId: newClientRequestId(),
  photoPaths: [] as string[],
  uploaded: new Map<string, string>(),
  /** The categories shown, as served (each with the kind the server suggests for it). */
  shown: currentCategories(),
  /** The worker tapped a kind: from then on the category no longer sets it. */
  kindChosen: false,
  alive: true,
}));

function choices(list: CategoryInfo[]): Array<{ code: string; name: string; icon: string; urgent: boolean }> {
  return list.map(categoryTile).map(({ code, name, icon, urgent }) => ({ code, name, icon, urgent }));
}

Component({
  data: {
    t: zh.staff.report,
    r: zh.report,
    common: zh.common,
    back: zh.staff.back,
    gate: 'loading' as Gate,
    gateMessage: '',
    mode: 'proxy' as Mode,
    title: zh.staff.report.proxyTitle,
    intro: zh.staff.report.proxyIntro,
    categories: choices(currentCategories()),
    kinds: KINDS.map((key) => ({ key, label: zh.kinds[key] })),
    descriptionMax: DESCRIPTION_MAX,
    autosize: { minHeight: 100 },
    category: '',
    kind: 'complaint' as Api.Kind,
    description: '',
    residentName: '',
    residentPhone: '',
    location: null as Api.Location | null,
    locationState: 'locating' as LocationState,
    locationText: zh.report.locating,
    errors: {} as Errors,
    submitting: false,
    submitError: '',
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    onLoad(query: Query): void {
      const mode: Mode = queryValue(query, 'mode') === 'patrol' ? 'patrol' : 'proxy';
      const t = zh.staff.report;
      this.setData({
        mode,
        title: mode === 'patrol' ? t.patrolTitle : t.proxyTitle,
        intro: mode === 'patrol' ? t.patrolIntro : t.proxyIntro,
      });
      wx.setNavigationBarTitle({ title: mode === 'patrol' ? t.patrolTitle : t.proxyTitle, fail: () => undefined });
      void this.open();
    },

    async open(): Promise<void> {
      let me: Api.StaffMe;
      try {
        me = await currentIdentity();
      } catch (e) {
        this.setData({ gate: 'error', gateMessage: toApiError(e).message });
        return;
      }
      if (me.role === 'resident') {
        this.setData({ gate: 'resident' });
        return;
      }
      if (!me.abilities.includes('fileForOthers')) {
        this.setData({ gate: 'forbidden', gateMessage: zh.staff.forbidden });
        return;
      }
      this.setData({ gate: 'form' });
      void this.locate();
      const list = await loadCategories();
      if (list && state.of(this).alive) this.showCategories(list);
    },

    /** The server's list as the choices; a category picked that it no longer has is dropped. */
    showCategories(list: CategoryInfo[]): void {
      state.of(this).shown = list;
      const categories = choices(list);
      const kept = categories.some((c) => c.code === this.data.category);
      this.setData({ categories, ...(kept ? {} : { category: '' }) });
      this.followCategoryKind();
    },

    onRetryGate(): void {
      void this.open();
    },

    onHome(): void {
      wx.navigateBack({ delta: 1, fail: () => wx.reLaunch({ url: '/pages/index/index' }) });
    },

    setLocation(locationState: LocationState, location: Api.Location | null): void {
      const text =
        locationState === 'locating'
          ? zh.report.locating
          : locationState === 'failed'
            ? zh.report.locationFailed
            : location?.address || zh.report.locatedHere;
      this.setData({ locationState, location, locationText: text, ...(location ? { 'errors.location': '' } : {}) });
    },

    async locate(): Promise<void> {
      this.setLocation('locating', null);
      try {
        this.setLocation('located', await currentLocation());
      } catch {
        this.setLocation('failed', null);
      }
    },

    async onChooseLocation(): Promise<void> {
      try {
        this.setLocation('picked', await pickLocation(this.data.location));
      } catch (e) {
        if (e instanceof LocationError && e.reason === 'denied') this.setLocation('failed', this.data.location);
      }
    },

    onCategory(e: TapEvent<{ code?: string }>): void {
      const chosen = this.data.categories.find((c) => c.code === e.currentTarget.dataset.code);
      if (!chosen) return;
      this.setData({ category: chosen.code, 'errors.category': '' });
      this.followCategoryKind();
    },

    /** Until the worker taps a kind, the kind is the one the server suggests for the category. */
    followCategoryKind(): void {
      const s = state.of(this);
      if (s.kindChosen) return;
      const kind = suggestedKind(s.shown, this.data.category);
      if (kind && kind !== this.data.kind) this.setData({ kind });
    },

    onKind(e: TapEvent<{ kind?: string }>): void {
      const kind = KINDS.find((k) => k === e.currentTarget.dataset.kind);
      if (!kind) return;
      state.of(this).kindChosen = true;
      this.setData({ kind });
    },

    onDescription(e: ValueEvent): void {
      this.setData({ description: String(e.detail.value ?? '').slice(0, DESCRIPTION_MAX), 'errors.description': '' });
    },

    onResidentName(e: ValueEvent): void {
      this.setData({ residentName: String(e.detail.value ?? ''), 'errors.name': '' });
    },

    onResidentPhone(e: ValueEvent): void {
      this.setData({ residentPhone: String(e.detail.value ?? '').trim(), 'errors.phone': '' });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ paths: string[] }>): void {
      state.of(this).photoPaths = e.detail.paths;
    },

    check(): Errors {
      const t = zh.staff.report;
      const base = validateReport({
        category: this.data.category,
        description: this.data.description,
        location: this.data.location,
        contactPhone: '',
      });
      const errors: Errors = { ...base };
      if (this.data.mode === 'proxy') {
        const name = Array.from(cleanName(this.data.residentName)).length;
        if (name < 1 || name > 20) errors.name = t.errorName;
        if (!isPhone(this.data.residentPhone)) errors.phone = t.errorPhone;
      }
      return errors;
    },

    async onSubmit(): Promise<void> {
      const s = state.of(this);
      if (s.busy) return;
      const errors = this.check();
      this.setData({ errors, submitError: '' });
      if (Object.values(errors).some((e) => !!e)) {
        wx.showToast({
          title: errors.category ?? errors.description ?? errors.location ?? errors.name ?? errors.phone ?? '',
          icon: 'none',
        });
        return;
      }
      s.busy = true;
      this.setData({ submitting: true });
      try {
        const photos: string[] = [];
        for (const path of s.photoPaths) {
          let id = s.uploaded.get(path);
          if (!id) {
            id = await uploadPhoto(path);
            s.uploaded.set(path, id);
          }
          photos.push(id);
        }
        const answer = await callWithRetry('report.submit', {
          category: this.data.category,
          kind: this.data.kind,
          description: this.data.description.trim(),
          photos,
          location: this.data.location as Api.Location,
          clientRequestId: s.clientRequestId,
          ...(this.data.mode === 'proxy'
            ? { onBehalfOf: { name: cleanName(this.data.residentName), phone: this.data.residentPhone } }
            : { patrol: true }),
        });
        wx.showToast({ title: zh.staff.report.done, icon: 'success' });
        wx.redirectTo({ url: `/staff/pages/ticket/ticket?id=${encodeURIComponent(answer.ticketId)}` });
      } catch (e) {
        const error = toApiError(e);
        this.setData({ submitError: error.message });
        wx.showToast({ title: error.message, icon: 'none', duration: 3000 });
        s.busy = false;
        this.setData({ submitting: false });
        if (refusedForCategory(error)) void this.categoryRefused(error.message);
      }
    },

    /** The category was retired since the list was read: say so at the field, show the list again without it. */
    async categoryRefused(message: string): Promise<void> {
      this.setData({ 'errors.category': message });
      const list = await reloadCategories();
      if (list && state.of(this).alive) this.showCategories(list);
    },
  },
});
