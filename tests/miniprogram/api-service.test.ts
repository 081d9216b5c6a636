// services/api.ts itself (the real module): the envelope, error codes and Chinese messages,
// network failures, the local-server switch, init with the env id, and the retry loop.
import { config } from '../../miniprogram/config';
import { ApiError, call, callWithRetry, initCloud, withRetry } from '../../miniprogram/services/api';
import { wxFake, wxScene } from './support/wx-fake';
import { MESSAGES } from '../../cloudfunctions/_core/app/errors';

const saved = { ...config };
afterEach(() => {
  Object.assign(config, saved);
  delete config.localServer;
  delete config.devOpenid;
});

describe('in the cloud', () => {
  test('calls the `api` function with {action, params} and answers data', async () => {
    wxScene.cloudCall = () => Promise.resolve({ result: { ok: true, data: { recorded: 2 } } });
    const data = await call('subscription.record', { grants: { a: 'accept', b: 'reject' } });
    expect(data).toEqual({ recorded: 2 });
    expect(wxFake.cloud.callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { action: 'subscription.record', params: { grants: { a: 'accept', b: 'reject' } } },
    });
  });

  test('initialises the cloud once, always with the env id', () => {
    jest.isolateModules(() => {
      const fresh = jest.requireActual<{ initCloud: typeof initCloud }>('../../miniprogram/services/api');
      fresh.initCloud();
      fresh.initCloud();
    });
    expect(wxFake.cloud.init).toHaveBeenCalledTimes(1);
    expect(wxFake.cloud.init).toHaveBeenCalledWith({ env: 'your-env-id', traceUser: true });
  });

  // Every code the server can answer: its messages are a record over the contract's codes.
  test.each(Object.keys(MESSAGES) as Api.ErrorCode[])('%s becomes an ApiError carrying the server message', async (code) => {
    wxScene.cloudCall = () =>
      Promise.resolve({ result: { ok: false, error: { code, message: `服务器说：${code}`, details: { field: 'x' } } } });
    const err = await call('ticket.get', { ticketId: 't' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code, message: `服务器说：${code}`, details: { field: 'x' } });
  });

  test('an error without a message gets a Chinese one', async () => {
    wxScene.cloudCall = () => Promise.resolve({ result: { ok: false, error: { code: 'CONFLICT', message: '' } } });
    await expect(call('ticket.get', { ticketId: 't' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '这条上报的状态已经变化，请刷新后再试',
    });
  });

  test('an unknown error code or a malformed answer is INTERNAL', async () => {
    wxScene.cloudCall = () => Promise.resolve({ result: { ok: false, error: { code: 'TEAPOT', message: '我是茶壶' } } });
    await expect(call('ticket.get', { ticketId: 't' })).rejects.toMatchObject({ code: 'INTERNAL', message: '我是茶壶' });
    wxScene.cloudCall = () => Promise.resolve({ result: 'oops' });
    await expect(call('ticket.get', { ticketId: 't' })).rejects.toMatchObject({ code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
  });

  test('a failed call (no network) is NETWORK: 网络不太好，请稍后重试', async () => {
    wxScene.cloudCall = () => Promise.reject(new Error('cloud.callFunction:fail Error: errCode: -1 request:fail'));
    await expect(call('report.mine', {})).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请稍后重试' });
  });
});

describe('against the local server', () => {
  beforeEach(() => {
    config.localServer = 'http://127.0.0.1:8787';
    config.devOpenid = 'demo-resident-1';
  });

  test('POSTs the same envelope to /functions/api with x-wx-openid', async () => {
    wxScene.request = () => ({ ok: true, statusCode: 200, data: { ok: true, data: { items: [], nextCursor: null } } });
    await expect(call('report.mine', { status: 'accepted' })).resolves.toEqual({ items: [], nextCursor: null });
    const [opts] = wxFake.request.mock.calls[0];
    expect(opts).toMatchObject({
      url: 'http://127.0.0.1:8787/functions/api',
      method: 'POST',
      data: { action: 'report.mine', params: { status: 'accepted' } },
      header: { 'x-wx-openid': 'demo-resident-1' },
    });
    expect(wxFake.cloud.callFunction).not.toHaveBeenCalled();
  });

  test('an error envelope with a 4xx status still reads as that error', async () => {
    wxScene.request = () => ({
      ok: true,
      statusCode: 429,
      data: { ok: false, error: { code: 'RATE_LIMITED', message: '一小时最多 10 条' } },
    });
    await expect(call('report.mine', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '一小时最多 10 条' });
  });

  test('no connection is NETWORK', async () => {
    wxScene.request = () => ({ ok: false, errMsg: 'request:fail -101' });
    await expect(call('report.mine', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });

  test('is ignored outside the develop build, so it can never ship', async () => {
    wxScene.envVersion = 'release';
    wxScene.cloudCall = () => Promise.resolve({ result: { ok: true, data: { items: [], nextCursor: null } } });
    await call('report.mine', {});
    expect(wxFake.request).not.toHaveBeenCalled();
    expect(wxFake.cloud.callFunction).toHaveBeenCalled();
  });
});

describe('retries', () => {
  test('retries NETWORK and INTERNAL up to 3 tries with growing waits', async () => {
    const attempt = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new ApiError('NETWORK'))
      .mockRejectedValueOnce(new ApiError('INTERNAL'))
      .mockResolvedValueOnce('ok');
    const started = Date.now();
    await expect(withRetry(attempt, { tries: 3, baseDelayMs: 10 })).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25); // 10 + 20
  });

  test('gives up after 3 tries with the last error', async () => {
    const attempt = jest.fn<Promise<string>, []>().mockRejectedValue(new ApiError('NETWORK'));
    await expect(withRetry(attempt, { tries: 3, baseDelayMs: 1 })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  test('never retries an answer the server gave on purpose', async () => {
    const attempt = jest.fn<Promise<string>, []>().mockRejectedValue(new ApiError('CONTENT_REJECTED', '含有敏感词'));
    await expect(withRetry(attempt, { tries: 3, baseDelayMs: 1 })).rejects.toMatchObject({ code: 'CONTENT_REJECTED' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('callWithRetry sends the very same params every time', async () => {
    let n = 0;
    wxScene.cloudCall = () => {
      n += 1;
      return n < 3
        ? Promise.reject(new Error('timeout'))
        : Promise.resolve({ result: { ok: true, data: { ticketId: 't', no: '1', status: 'submitted', gridCode: null, acceptBy: null } } });
    };
    const params: Api.ReportSubmitParams = {
      category: 'other',
      kind: 'question',
      description: '问',
      photos: [],
      location: { latitude: 36.8, longitude: 118 },
      clientRequestId: 'r-1',
    };
    await callWithRetry('report.submit', params, { tries: 3, baseDelayMs: 1 });
    const sent = wxFake.cloud.callFunction.mock.calls.map((c) => (c[0].data as { params: Api.ReportSubmitParams }).params.clientRequestId);
    expect(sent).toEqual(['r-1', 'r-1', 'r-1']);
  });
});
