// state-view: the loading / empty / error face of every page.
import { load, render, tap, textOf } from './support/render';

describe('state-view', () => {
  let id: string;
  beforeAll(() => {
    id = load('components/state-view/state-view');
  });

  test('loading shows a spinner and 正在加载…', () => {
    const c = render(id, { state: 'loading' });
    expect(textOf(c)).toBe('正在加载…');
    expect(c.querySelector('.state__action')).toBeUndefined();
  });

  test('empty shows the message and an action button that raises `action`', async () => {
    const c = render(id, { state: 'empty', message: '还没有上报记录', actionText: '去上报问题' });
    const onAction = jest.fn();
    (c as unknown as { addEventListener(n: string, f: () => void): void }).addEventListener('action', onAction);
    expect(textOf(c)).toContain('还没有上报记录');
    await tap(c, '.state__action');
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  test('error shows the message with a warning icon', () => {
    const c = render(id, { state: 'error', message: '网络不太好，请稍后重试', actionText: '重新加载' });
    expect(textOf(c)).toContain('网络不太好，请稍后重试');
    expect(c.querySelector('.state--error')).toBeDefined();
  });

  test('ready renders nothing', () => {
    expect(textOf(render(id, { state: 'ready', message: 'x' }))).toBe('');
  });
});
