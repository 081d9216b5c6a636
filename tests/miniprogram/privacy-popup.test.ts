// privacy-popup: our answer to wx.onNeedPrivacyAuthorization.
import { installPrivacyHandler, type PrivacyResolve } from '../../miniprogram/services/privacy';
import { find, flush, load, render, tap, textOf, type Root } from './support/render';
import { toasts, wxFake } from './support/wx-fake';

describe('privacy-popup', () => {
  let id: string;
  let listener: ((resolve: PrivacyResolve, info: { referrer: string }) => void) | null = null;
  const mounted: Root[] = [];
  beforeAll(() => {
    id = load('components/privacy-popup/privacy-popup');
  });
  afterEach(() => {
    mounted.splice(0).forEach((c) => c.detach());
  });
  function popup(): Root {
    const c = render(id);
    mounted.push(c);
    return c;
  }
  beforeEach(() => {
    wxFake.onNeedPrivacyAuthorization.mockImplementation((fn: typeof listener) => {
      listener = fn;
    });
    installPrivacyHandler();
  });

  function needAuthorization(): jest.Mock {
    const resolve = jest.fn();
    if (!listener) throw new Error('no privacy listener installed');
    listener(resolve, { referrer: 'getLocation' });
    return resolve;
  }

  test('opens when WeChat holds a privacy call, and agreeing lets it go on', async () => {
    const c = popup();
    expect(c.data.visible).toBe(false);
    const resolve = needAuthorization();
    await flush();
    expect(c.data.visible).toBe(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    expect(textOf(c)).toContain('用户隐私保护提示');
    expect(textOf(c)).toContain('《一键上报隐私保护指引》');

    await tap(c, '.privacy__link');
    expect(wxFake.openPrivacyContract).toHaveBeenCalledTimes(1);

    find(c, '#agree-btn').dispatchEvent('agreeprivacyauthorization');
    await flush();
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'agree-btn' });
    expect(c.data.visible).toBe(false);
  });

  test('disagreeing fails the held call and explains what is lost', async () => {
    const c = popup();
    const resolve = needAuthorization();
    await flush();
    await tap(c, '.privacy__disagree');
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(toasts()).toEqual(['未同意隐私保护指引，暂时无法使用定位和照片']);
  });

  test('with no popup on screen the held call is declined, never left hanging', () => {
    const resolve = needAuthorization();
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });
});
