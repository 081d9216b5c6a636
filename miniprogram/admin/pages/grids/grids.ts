// 网格与地点: the places of the admin's area — district · street · community, and the grids of each
// (admin.grids.list, scoped by the server, paged). Super admins also import grid outlines: a
// GeoJSON file picked from a chat (wx.chooseMessageFile) in a declared CRS is first checked by
// admin.grids.preview (what it adds, changes, leaves out; overlaps) and imported only on confirmation.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { pagedList, type More } from '../../../behaviors/paged-list';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/gate';
import type { TapEvent } from '../../../utils/events';
import { groupPlaces, previewView, type PlaceGroup, type PreviewView } from '../../../utils/admin-places';
import { instanceState } from '../../../utils/instance-state';

type Step = 'idle' | 'reading' | 'checking' | 'preview' | 'applying';

/** wx.cloud.callFunction's advice: past ~256 KB of data, the call should not carry it. */
const MAX_FILE_BYTES = 256 * 1024;
const t = zh.admin.grids;

const state = instanceState(() => ({
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
  behaviors: [gatedPage(adminGate), pagedList],

  data: {
    t,
    common: zh.common,
    canImport: false,
    crsList: (['gcj02', 'wgs84'] as Api.Crs[]).map((key) => ({ key, label: t.crsOptions[key] })),
    crs: 'gcj02' as Api.Crs,
    step: 'idle' as Step,
    importError: '',
    preview: null as PreviewView | null,
    groups: [] as PlaceGroup[],
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    admitted(me: Api.StaffMe): object {
      return { canImport: me.abilities.includes('gridImport') };
    },

    refresh(): Promise<void> {
      return this.loadPage(false);
    },

    fetchPage(cursor: string | null): Promise<Api.Data<'admin.grids.list'>> {
      return call('admin.grids.list', cursor ? { cursor } : {});
    },

    /** Places are grouped across pages: each page regroups every grid read so far. */
    showPage(page: Api.Data<'admin.grids.list'>, more: boolean, nextMore: More): void {
      const s = state.of(this);
      s.grids = more ? [...s.grids, ...page.items] : page.items;
      const groups = groupPlaces(s.grids);
      this.setData({
        groups,
        listState: groups.length ? 'ready' : 'empty',
        listMessage: groups.length ? '' : t.empty,
        more: nextMore,
      });
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
