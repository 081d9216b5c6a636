/// <reference types="miniprogram-api-typings" />
// A scriptable stand-in for the `wx` object: what pages, services and TDesign call, as jest
// mocks whose behaviour a test sets through `wxScene` (the place, the photos, the answers of the
// pickers…). miniprogram-simulate copies these functions onto its own `wx`, so tests assert on
// the mocks exported here and change behaviour through the scene, never by swapping functions.
import { createSelectorQuery, resetCanvases } from './canvas-fake';

type Callbacks<S> = { success?: (res: S) => void; fail?: (err: { errMsg: string }) => void; complete?: () => void };

function answer<S>(opts: Callbacks<S> | undefined, outcome: { ok: true; res: S } | { ok: false; errMsg: string }): void {
  // Asynchronous like the real APIs, so a page never sees its callback before the call returns.
  setTimeout(() => {
    if (outcome.ok) opts?.success?.(outcome.res);
    else opts?.fail?.({ errMsg: outcome.errMsg });
    opts?.complete?.();
  }, 0);
}

export const SYSTEM_INFO = {
  SDKVersion: '3.7.0',
  platform: 'devtools',
  brand: 'devtools',
  model: 'iPhone 13',
  system: 'iOS 17.0',
  version: '8.0.50',
  language: 'zh_CN',
  theme: 'light',
  fontSizeSetting: 16,
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
};

export interface PickedPhoto {
  tempFilePath: string;
  size: number;
}

/** What the fake platform answers; reset before every test. */
export interface WxScene {
  location: { ok: true; latitude: number; longitude: number } | { ok: false; errMsg: string };
  chosenLocation: { ok: true; latitude: number; longitude: number; name: string; address: string } | { ok: false; errMsg: string };
  media: { ok: true; files: PickedPhoto[] } | { ok: false; errMsg: string };
  /** Size of a file by path (compressed files included); unknown paths are 100 KB. */
  fileSizes: Record<string, number>;
  /** Bytes a compressed copy has, by quality; default: a quarter of the original. */
  compress: (src: string, quality: number) => number;
  subscribe: { ok: true; result: Record<string, string> } | { ok: false; errMsg: string };
  /** wx.scanCode: a mini program code answers its page `path` (with ?scene=…), a plain QR code its text as `result`. */
  scan: { ok: true; result: string; path?: string } | { ok: false; errMsg: string };
  envVersion: 'develop' | 'trial' | 'release';
  storage: Map<string, unknown>;
  /** wx.cloud.callFunction / wx.request answers (services/api tests). */
  cloudCall: (data: unknown) => Promise<{ result: unknown }>;
  request: (opts: {
    url: string;
    data: unknown;
    header: Record<string, string>;
  }) => { ok: true; statusCode: number; data: unknown } | { ok: false; errMsg: string };
  cloudUpload: (opts: { cloudPath: string; filePath: string }) => Promise<{ fileID: string }>;
  /** The local server's POST /__files; by default like the real one: {the caller's upload folder}/{cloudPath}. */
  localUpload: (opts: {
    url: string;
    formData: Record<string, string>;
    header?: Record<string, string>;
  }) => { ok: true; statusCode: number; data: string } | { ok: false; errMsg: string };
  /** wx.chooseMessageFile: the file picked from a chat (its text, read back by readFile), or a cancel. */
  messageFile: { ok: true; name: string; path: string; text: string; size?: number } | { ok: false; errMsg: string };
}

let compressSeq = 0;

/** An opaque folder per openid, as the local server names them (no openid in the path). */
export function fakeFolderOf(openid: string): string {
  let h = 0;
  for (const ch of openid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `uploads/${h.toString(16).padStart(8, '0')}f01de7`;
}

function freshScene(): WxScene {
  return {
    location: { ok: true, latitude: 36.8127, longitude: 118.0549 },
    chosenLocation: { ok: true, latitude: 36.8131, longitude: 118.0556, name: '和平小区3号楼', address: '山东省淄博市张店区和平路18号' },
    media: { ok: true, files: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg', size: 120 * 1024 }] },
    fileSizes: {},
    compress: (src) => Math.round((fileSizeOf(src) || 100 * 1024) / 4),
    subscribe: { ok: true, result: { ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' } },
    scan: { ok: false, errMsg: 'scanCode:fail cancel' },
    envVersion: 'develop',
    storage: new Map(),
    cloudCall: () => Promise.resolve({ result: { ok: true, data: null } }),
    request: () => ({ ok: true, statusCode: 200, data: { ok: true, data: null } }),
    cloudUpload: (o) => Promise.resolve({ fileID: `cloud://your-env-id.7975-your-env-id-1300000000/${o.cloudPath}` }),
    messageFile: { ok: false, errMsg: 'chooseMessageFile:fail cancel' },
    localUpload: (o) => {
      const openid = o.header?.['x-wx-openid'];
      if (!openid)
        return { ok: true, statusCode: 401, data: JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) };
      return { ok: true, statusCode: 200, data: JSON.stringify({ fileID: `local://${fakeFolderOf(openid)}/${o.formData.cloudPath}` }) };
    },
  };
}

export const wxScene: WxScene = freshScene();

function fileSizeOf(path: string): number {
  return wxScene.fileSizes[path] ?? 100 * 1024;
}

const fileSystemManager = {
  getFileInfo: jest.fn((o: Callbacks<{ size: number }> & { filePath: string }) =>
    answer(o, { ok: true, res: { size: fileSizeOf(o.filePath) } }),
  ),
  /** Reads back the picked message file's text (utf8); any other path fails. */
  readFile: jest.fn((o: Callbacks<{ data: string }> & { filePath: string; encoding?: string }) => {
    const f = wxScene.messageFile;
    answer(o, f.ok && f.path === o.filePath ? { ok: true, res: { data: f.text } } : { ok: false, errMsg: 'readFile:fail no such file' });
  }),
};

export const wxFake = {
  // ---- what TDesign reads ----
  getSystemInfoSync: jest.fn(() => SYSTEM_INFO),
  getWindowInfo: jest.fn(() => SYSTEM_INFO),
  getAppBaseInfo: jest.fn(() => SYSTEM_INFO),
  getDeviceInfo: jest.fn(() => SYSTEM_INFO),
  getMenuButtonBoundingClientRect: jest.fn(() => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 })),
  onMenuButtonBoundingClientRectWeightChange: jest.fn(),
  offMenuButtonBoundingClientRectWeightChange: jest.fn(),
  nextTick: jest.fn((fn: () => void) => setTimeout(fn, 0)),
  getAccountInfoSync: jest.fn(() => ({ miniProgram: { appId: 'wx-test', envVersion: wxScene.envVersion, version: '' } })),

  // ---- feedback and navigation ----
  showToast: jest.fn((o?: Callbacks<unknown> & { title: string }) => answer(o, { ok: true, res: {} })),
  hideToast: jest.fn(),
  showModal: jest.fn((o?: Callbacks<{ confirm: boolean; cancel: boolean }>) =>
    answer(o, { ok: true, res: { confirm: true, cancel: false } }),
  ),
  navigateTo: jest.fn((o?: Callbacks<unknown> & { url: string }) => answer(o, { ok: true, res: {} })),
  redirectTo: jest.fn((o?: Callbacks<unknown> & { url: string }) => answer(o, { ok: true, res: {} })),
  reLaunch: jest.fn((o?: Callbacks<unknown> & { url: string }) => answer(o, { ok: true, res: {} })),
  navigateBack: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  pageScrollTo: jest.fn(),
  makePhoneCall: jest.fn((o?: Callbacks<unknown> & { phoneNumber: string }) => answer(o, { ok: true, res: {} })),
  previewImage: jest.fn((o?: Callbacks<unknown> & { urls: string[]; current?: string }) => answer(o, { ok: true, res: {} })),
  openLocation: jest.fn((o?: Callbacks<unknown> & { latitude: number; longitude: number }) => answer(o, { ok: true, res: {} })),
  setClipboardData: jest.fn((o?: Callbacks<unknown> & { data: string }) => answer(o, { ok: true, res: {} })),
  openSetting: jest.fn((o?: Callbacks<{ authSetting: Record<string, boolean> }>) =>
    answer(o, { ok: true, res: { authSetting: { 'scope.userLocation': true } } }),
  ),
  openPrivacyContract: jest.fn((o?: Callbacks<unknown>) => answer(o, { ok: true, res: {} })),
  onNeedPrivacyAuthorization: jest.fn(),

  // ---- storage ----
  getStorageSync: jest.fn((key: string) => (wxScene.storage.has(key) ? wxScene.storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    wxScene.storage.set(key, JSON.parse(JSON.stringify(value)));
  }),
  removeStorageSync: jest.fn((key: string) => {
    wxScene.storage.delete(key);
  }),

  // ---- location, photos, subscriptions ----
  getLocation: jest.fn((o: Callbacks<{ latitude: number; longitude: number }> & { type?: string }) => {
    const l = wxScene.location;
    answer(o, l.ok ? { ok: true, res: { latitude: l.latitude, longitude: l.longitude } } : { ok: false, errMsg: l.errMsg });
  }),
  chooseLocation: jest.fn((o: Callbacks<{ latitude: number; longitude: number; name: string; address: string }>) => {
    const c = wxScene.chosenLocation;
    answer(
      o,
      c.ok
        ? { ok: true, res: { latitude: c.latitude, longitude: c.longitude, name: c.name, address: c.address } }
        : { ok: false, errMsg: c.errMsg },
    );
  }),
  chooseMedia: jest.fn((o: Callbacks<{ tempFiles: Array<PickedPhoto & { fileType: 'image' }>; type: string }> & { count?: number }) => {
    const m = wxScene.media;
    if (!m.ok) {
      answer(o, { ok: false, errMsg: m.errMsg });
      return;
    }
    for (const f of m.files) wxScene.fileSizes[f.tempFilePath] = f.size;
    answer(o, { ok: true, res: { type: 'image', tempFiles: m.files.map((f) => ({ ...f, fileType: 'image' as const })) } });
  }),
  compressImage: jest.fn((o: Callbacks<{ tempFilePath: string }> & { src: string; quality?: number }) => {
    compressSeq += 1;
    const out = `wxfile://tmp/compressed-${compressSeq}.jpg`;
    wxScene.fileSizes[out] = wxScene.compress(o.src, o.quality ?? 80);
    answer(o, { ok: true, res: { tempFilePath: out } });
  }),
  getFileSystemManager: jest.fn(() => fileSystemManager),
  chooseMessageFile: jest.fn(
    (
      o: Callbacks<{ tempFiles: Array<{ path: string; name: string; size: number; type: string; time: number }> }> & {
        count: number;
        type?: string;
        extension?: string[];
      },
    ) => {
      const f = wxScene.messageFile;
      answer(
        o,
        f.ok
          ? {
              ok: true,
              res: { tempFiles: [{ path: f.path, name: f.name, size: f.size ?? Buffer.byteLength(f.text), type: 'file', time: 0 }] },
            }
          : { ok: false, errMsg: f.errMsg },
      );
    },
  ),
  /** Closed without scanning unless the scene (or a test) says what was scanned. */
  scanCode: jest.fn(
    (o: Callbacks<{ result: string; path: string; scanType: string; charSet: string; rawData: string; errMsg: string }>) => {
      const s = wxScene.scan;
      answer(
        o,
        s.ok
          ? {
              ok: true,
              res: {
                result: s.result,
                path: s.path ?? '',
                scanType: s.path ? 'WX_CODE' : 'QR_CODE',
                charSet: 'utf-8',
                rawData: '',
                errMsg: 'scanCode:ok',
              },
            }
          : { ok: false, errMsg: s.errMsg },
      );
    },
  ),
  requestSubscribeMessage: jest.fn((o: Callbacks<Record<string, string>> & { tmplIds: string[] }) => {
    const s = wxScene.subscribe;
    answer(o, s.ok ? { ok: true, res: { errMsg: 'requestSubscribeMessage:ok', ...s.result } } : { ok: false, errMsg: s.errMsg });
  }),

  // ---- network ----
  request: jest.fn(
    (o: Callbacks<{ statusCode: number; data: unknown }> & { url: string; data: unknown; header: Record<string, string> }) => {
      const r = wxScene.request(o);
      answer(o, r.ok ? { ok: true, res: { statusCode: r.statusCode, data: r.data } } : { ok: false, errMsg: r.errMsg });
    },
  ),
  uploadFile: jest.fn(
    (
      o: Callbacks<{ statusCode: number; data: string }> & {
        url: string;
        formData: Record<string, string>;
        header?: Record<string, string>;
      },
    ) => {
      const r = wxScene.localUpload(o);
      answer(o, r.ok ? { ok: true, res: { statusCode: r.statusCode, data: r.data } } : { ok: false, errMsg: r.errMsg });
    },
  ),
  // ---- canvas (the admin trend chart) ----
  createSelectorQuery: jest.fn(() => createSelectorQuery()),

  cloud: {
    init: jest.fn(),
    callFunction: jest.fn((o: { name: string; data: unknown }) => wxScene.cloudCall(o.data)),
    uploadFile: jest.fn((o: { cloudPath: string; filePath: string }) => wxScene.cloudUpload(o)),
  },
};

function allMocks(): jest.Mock[] {
  const fns: jest.Mock[] = [];
  const collect = (o: Record<string, unknown>): void => {
    for (const v of Object.values(o)) {
      if (typeof v === 'function' && 'mock' in v) fns.push(v as jest.Mock);
      else if (v && typeof v === 'object') collect(v as Record<string, unknown>);
    }
  };
  collect(wxFake as unknown as Record<string, unknown>);
  collect(fileSystemManager as unknown as Record<string, unknown>);
  return fns;
}

/** Fresh scene and empty call records; run before every test. */
export function resetWx(): void {
  Object.assign(wxScene, freshScene());
  resetCanvases();
  for (const fn of allMocks()) fn.mockClear();
}

/** Installs the fake as the global `wx` (simulate later copies it onto its own). */
export function installWx(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.wx = wxFake;
  g.getApp = () => ({ globalData: {} });
  g.getCurrentPages = () => [];
}

/** The `title` of every toast shown so far. */
export function toasts(): string[] {
  return wxFake.showToast.mock.calls.map((c) => String(c[0]?.title ?? ''));
}

/** The url of every navigateTo / redirectTo / reLaunch so far. */
export function navigations(kind: 'navigateTo' | 'redirectTo' | 'reLaunch'): string[] {
  return wxFake[kind].mock.calls.map((c) => String(c[0]?.url ?? ''));
}
