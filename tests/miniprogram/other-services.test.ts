// The smaller services and helpers, on the real services/api talking to the fake wx: photo upload
// paths, subscriptions, drafts, validation and Shanghai time formatting (these must read the same
// under TZ=UTC and TZ=Asia/Shanghai).
import { config } from '../../miniprogram/config';
import { clearDraft, emptyDraft, loadDraft, saveDraft } from '../../miniprogram/services/draft';
import { photoCloudPath, photoFileName, uploadPhoto } from '../../miniprogram/services/files';
import { recordGrants, requestResidentSubscriptions } from '../../miniprogram/services/subscribe';
import { formatDateTime, yearMonth } from '../../miniprogram/utils/time';
import { validateReport } from '../../miniprogram/utils/validate';
import { fakeFolderOf, wxFake, wxScene } from './support/wx-fake';

afterEach(() => {
  delete config.localServer;
  delete config.devOpenid;
});

describe('photo upload', () => {
  const ME = { openid: 'oResident_1-x', role: 'resident', scope: null, scopeLabel: '居民', uploadFolder: 'uploads/k1e2y3' };
  /** The cloud answering staff.me with `me` (and counting how often it was asked). */
  function cloudKnows(me: unknown): { asked: () => number } {
    let asked = 0;
    wxScene.cloudCall = (data) => {
      if ((data as { action?: string }).action === 'staff.me') asked += 1;
      return Promise.resolve({ result: { ok: true, data: me } });
    };
    return { asked: () => asked };
  }
  const cloudPaths = (): string[] => wxFake.cloud.uploadFile.mock.calls.map((c) => c[0].cloudPath);

  test('cloud: {upload folder}/{yyyymm}/{random}.jpg, the month in Shanghai time', async () => {
    // 2026-11-30 17:00 UTC is already December in Shanghai.
    expect(photoCloudPath('uploads/k1e2y3', new Date('2026-11-30T17:00:00Z'))).toMatch(/^uploads\/k1e2y3\/202612\/[a-z0-9]+\.jpg$/);
    expect(photoFileName(new Date('2026-11-30T17:00:00Z'))).toMatch(/^202612\/[a-z0-9]+\.jpg$/);
    cloudKnows(ME);
    const id = await uploadPhoto('wxfile://tmp/a.jpg', new Date('2026-11-22T06:00:00Z'));
    expect(cloudPaths()[0]).toMatch(/^uploads\/k1e2y3\/202611\/[a-z0-9]+\.jpg$/);
    expect(id).toBe(`cloud://your-env-id.7975-your-env-id-1300000000/${cloudPaths()[0]}`);
    expect(wxFake.cloud.uploadFile.mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/a.jpg' });
    expect(wxFake.cloud.callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'staff.me', params: {} } });
  });

  test('cloud: the folder is asked once per session, however many photos go up', async () => {
    const me = cloudKnows(ME);
    await Promise.all([uploadPhoto('a'), uploadPhoto('b'), uploadPhoto('c')]);
    await uploadPhoto('d');
    expect(me.asked()).toBe(1);
    expect(cloudPaths()).toHaveLength(4);
    expect(new Set(cloudPaths()).size).toBe(4);
    expect(cloudPaths().every((p) => p.startsWith('uploads/k1e2y3/'))).toBe(true);
  });

  test.each<[string, () => void]>([
    [
      'no network',
      () => {
        wxScene.cloudCall = () => Promise.reject(new Error('cloud.callFunction:fail timeout'));
      },
    ],
    [
      'an error from the server',
      () => {
        wxScene.cloudCall = () => Promise.resolve({ result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
      },
    ],
    ['no folder in the answer', () => cloudKnows({ ...ME, uploadFolder: '' })],
    ['a folder that climbs out', () => cloudKnows({ ...ME, uploadFolder: 'uploads/../someone-else' })],
    ['a malformed answer', () => cloudKnows(null)],
  ])('cloud: a failed identity lookup (%s) fails the upload with the network message, nothing is uploaded', async (_what, arrange) => {
    arrange();
    await expect(uploadPhoto('wxfile://tmp/a.jpg')).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请稍后重试' });
    expect(wxFake.cloud.uploadFile).not.toHaveBeenCalled();
  });

  test('cloud: a failed lookup is not remembered; the next upload asks again', async () => {
    wxScene.cloudCall = () => Promise.reject(new Error('offline'));
    await expect(uploadPhoto('a')).rejects.toMatchObject({ code: 'NETWORK' });
    const me = cloudKnows(ME);
    await expect(uploadPhoto('a')).resolves.toContain('/uploads/k1e2y3/');
    expect(me.asked()).toBe(1);
  });

  test('cloud: a failed storage upload is NETWORK', async () => {
    cloudKnows(ME);
    wxScene.cloudUpload = () => Promise.reject(new Error('uploadFile:fail'));
    await expect(uploadPhoto('a')).rejects.toMatchObject({ code: 'NETWORK' });
  });

  test("local: POST /__files with field `file` and cloudPath {yyyymm}/{random}.jpg; the server adds the caller's folder", async () => {
    config.localServer = 'http://127.0.0.1:8787';
    config.devOpenid = 'demo-resident-1';
    const id = await uploadPhoto('wxfile://tmp/a.jpg', new Date('2026-11-30T17:00:00Z'));
    const [opts] = wxFake.uploadFile.mock.calls[0];
    expect(opts).toMatchObject({
      url: 'http://127.0.0.1:8787/__files',
      name: 'file',
      filePath: 'wxfile://tmp/a.jpg',
      header: { 'x-wx-openid': 'demo-resident-1' },
    });
    expect(opts.formData.cloudPath).toMatch(/^202612\/[a-z0-9]+\.jpg$/);
    expect(id).toBe(`local://${fakeFolderOf('demo-resident-1')}/${opts.formData.cloudPath}`);
    // The local server knows the openid from the header: no staff.me, no cloud storage.
    expect(wxFake.request).not.toHaveBeenCalled();
    expect(wxFake.cloud.callFunction).not.toHaveBeenCalled();
    expect(wxFake.cloud.uploadFile).not.toHaveBeenCalled();
  });

  test('local: a bad answer is INTERNAL, no connection is NETWORK', async () => {
    config.localServer = 'http://127.0.0.1:8787';
    wxScene.localUpload = () => ({ ok: true, statusCode: 500, data: 'oops' });
    await expect(uploadPhoto('a')).rejects.toMatchObject({ code: 'INTERNAL' });
    wxScene.localUpload = () => ({ ok: false, errMsg: 'uploadFile:fail' });
    await expect(uploadPhoto('a')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('subscriptions', () => {
  test('asks for the three resident templates and keeps only known answers', async () => {
    wxScene.subscribe = { ok: true, result: { ticketAccepted: 'accept', ticketResolved: 'ban', ticketRejected: 'weird' } };
    await expect(requestResidentSubscriptions()).resolves.toEqual({ ticketAccepted: 'accept', ticketResolved: 'ban' });
    expect(wxFake.requestSubscribeMessage.mock.calls[0][0].tmplIds).toHaveLength(3);
  });

  test('a failed request means no grants in the cloud…', async () => {
    wxScene.subscribe = { ok: false, errMsg: 'requestSubscribeMessage:fail' };
    await expect(requestResidentSubscriptions()).resolves.toEqual({});
  });

  test('…but counts as accepted against the local server, so the local outbox can be tried', async () => {
    config.localServer = 'http://127.0.0.1:8787';
    wxScene.subscribe = { ok: false, errMsg: 'requestSubscribeMessage:fail invalid tmplId' };
    await expect(requestResidentSubscriptions()).resolves.toEqual({
      ticketAccepted: 'accept',
      ticketResolved: 'accept',
      ticketRejected: 'accept',
    });
  });

  test('recording grants never throws and sends nothing for no grants', async () => {
    wxScene.cloudCall = () => Promise.reject(new Error('offline'));
    await expect(recordGrants({ a: 'accept' })).resolves.toBeUndefined();
    wxFake.cloud.callFunction.mockClear();
    await recordGrants({});
    expect(wxFake.cloud.callFunction).not.toHaveBeenCalled();
  });
});

describe('draft', () => {
  test('round-trips through storage and clears', () => {
    expect(loadDraft()).toBeNull();
    const d = { ...emptyDraft('safety'), description: '楼道灯不亮' };
    saveDraft(d);
    expect(loadDraft()).toEqual(d);
    clearDraft();
    expect(loadDraft()).toBeNull();
  });

  test('every form fill gets its own clientRequestId', () => {
    expect(emptyDraft().clientRequestId).not.toBe(emptyDraft().clientRequestId);
  });

  test('garbage in storage is ignored', () => {
    wxScene.storage.set('report-draft-v1', { nope: true });
    expect(loadDraft()).toBeNull();
  });
});

describe('validation', () => {
  const ok = { category: 'other', description: '问题', location: { latitude: 36.8, longitude: 118 }, contactPhone: '' };
  test.each([
    ['', true],
    ['13812345678', true],
    ['0533-1234567', true],
    ['05331234567', true],
    ['1381234567', false],
    ['abc', false],
  ])('phone %j valid: %s', (phone, valid) => {
    expect(validateReport({ ...ok, contactPhone: phone }).contactPhone === undefined).toBe(valid);
  });

  test('description must be 1–500 characters', () => {
    expect(validateReport({ ...ok, description: 'x'.repeat(500) })).toEqual({});
    expect(validateReport({ ...ok, description: 'x'.repeat(501) }).description).toBeDefined();
  });
});

describe('Shanghai time', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  test('formats in Asia/Shanghai whatever the process zone', () => {
    expect(formatDateTime('2026-11-22T06:05:00.000Z', now)).toBe('11月22日 14:05');
    expect(formatDateTime('2026-11-22T17:30:00.000Z', now)).toBe('11月23日 01:30');
    expect(yearMonth(new Date('2026-12-31T16:30:00Z'))).toBe('202701');
  });

  test('midnight as an event time is 00:00 of the new day (deadlines come worded from the server)', () => {
    expect(formatDateTime('2026-11-25T16:00:00.000Z', now)).toBe('11月26日 00:00');
  });

  test('another year is named; bad input is empty', () => {
    expect(formatDateTime('2025-12-31T15:00:00.000Z', now)).toBe('2025年12月31日 23:00');
    expect(formatDateTime('not a date', now)).toBe('');
    expect(formatDateTime(null, now)).toBe('');
  });
});
