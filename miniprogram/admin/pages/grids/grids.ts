// 网格与地点: the places of the admin's area — district · street · community, and the grids of each
// (admin.grids.list, scoped by the server, paged). Super admins also import grid outlines: a
// GeoJSON file picked from a chat (wx.chooseMessageFile) in a declared CRS is first checked by
// admin.grids.preview (what it adds, changes, leaves out; overlaps) and imported only on confirmation.
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/admin-gate';
import type { TapEvent } from '../../../utils/events';
import { groupPlaces, previewView, type PlaceGroup, type PreviewView } from '../../../utils/admin-places';
import { instanceState } from '../../../utils/instance-state';

type Gate = 'loading' | 'admin' | 'resident' | 'forbidden' | 'error';
type Load = 'loading' | 'ready' | 'empty' | 'error';
type More = 'idle' | 'loading' | 'error' | 'end';
type Step = 'idle' | 'reading' | 'checking' | 'preview' | 'applying';

/** wx.cloud.callFunction's advice: past ~256 KB of data, the call should not carry it. */
const MAX_FILE_BYTES = 256 * 1024;
const t = zh.admin.grids;

const state = instanceState(() => ({
  seq: 0,
  cursor: null as string | null,
  alive: true,
  grids: [] as Api.GridSummary[],
  file: null as unknown,
}));

function readText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath: path,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
}

function pickFile(): Promise<{ path: string; size: number } | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['geojson', 'json'],
      success: (res) => {
        const f = res.tempFiles[0];
        resolve(f ? { path: f.path, size: f.size } : null);
      },
      fail: () => resolve(null),
    });
  });
}

Component({
  data: {
    t,
    common: zh.common,
    gate: 'loading' as Gate,
    gateMessage: '',
    canImport: false,
    crsList: (['gcj02', 'wgs84'] as Api.Crs[]).map((key) => ({ key, label: t.crsOptions[key] })),
    crs: 'gcj02' as Api.Crs,
    step: 'idle' as Step,
    importError: '',
    preview: null as PreviewView | null,
    listState: 'loading' as Load,
    listMessage: '',
    groups: [] as PlaceGroup[],
    more: 'idle' as More,
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
      this.setData({ gate: 'admin', canImport: found.me.abilities.includes('gridImport') });
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
        const page = await call('admin.grids.list', more && s.cursor ? { cursor: s.cursor } : {});
        if (seq !== s.seq || !s.alive) return;
        s.cursor = page.nextCursor;
        s.grids = more ? [...s.grids, ...page.items] : page.items;
        const groups = groupPlaces(s.grids);
        this.setData({
          groups,
          listState: groups.length ? 'ready' : 'empty',
          listMessage: groups.length ? '' : t.empty,
          more: page.nextCursor ? 'idle' : 'end',
        });
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

    onCrs(e: TapEvent<{ key?: Api.Crs }>): void {
      const key = e.currentTarget.dataset.key;
      if (key && this.data.step !== 'applying') this.setData({ crs: key, step: 'idle', preview: null, importError: '' });
    },

    async onChoose(): Promise<void> {
      if (this.data.step === 'reading' || this.data.step === 'checking' || this.data.step === 'applying') return;
      const picked = await pickFile();
      if (!picked) return;
      if (picked.size > MAX_FILE_BYTES) {
        this.setData({ step: 'idle', preview: null, importError: t.tooBig(Math.ceil(picked.size / 1024)) });
        return;
      }
      this.setData({ step: 'reading', preview: null, importError: '' });
      let geojson: unknown;
      try {
        geojson = JSON.parse(await readText(picked.path)) as unknown;
      } catch (e) {
        this.setData({ step: 'idle', importError: e instanceof SyntaxError ? t.notJson : t.readFailed });
        return;
      }
      this.setData({ step: 'checking' });
      try {
        const preview = await call('admin.grids.preview', { geojson, crs: this.data.crs });
        if (!state.of(this).alive) return;
        state.of(this).file = geojson;
        this.setData({ step: 'preview', preview: previewView(preview) });
      } catch (e) {
        this.setData({ step: 'idle', importError: toApiError(e).message });
      }
    },

    onCancel(): void {
      state.of(this).file = null;
      this.setData({ step: 'idle', preview: null, importError: '' });
    },

    async onApply(): Promise<void> {
      const s = state.of(this);
      if (this.data.step !== 'preview' || s.file === null) return;
      this.setData({ step: 'applying', importError: '' });
      try {
        const done = await call('admin.grids.import', { geojson: s.file, crs: this.data.crs });
        if (!s.alive) return;
        s.file = null;
        this.setData({ step: 'idle', preview: null });
        wx.showToast({ title: t.applied(done.imported, done.replaced), icon: 'none' });
        await this.loadPage(false);
      } catch (e) {
        this.setData({ step: 'preview', importError: toApiError(e).message });
      }
    },
  },
});
