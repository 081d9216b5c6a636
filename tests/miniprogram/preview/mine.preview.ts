// 我的上报 (pages/mine/mine): every state at both font sizes, from the real report.mine answer.
import { config } from '../../../miniprogram/config';
import { ApiError } from '../../../miniprogram/services/api';
import { apiFake } from '../support/api-fake';
import { fixClock, realClock } from '../support/clock';
import { snapshotBoth } from '../support/preview';
import { realAnswers } from '../support/real-answers';
import { callPage, load, render, type Root } from '../support/render';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/mine/mine');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function open(): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad');
  return page;
}

test('a list with one ticket in each state', async () => {
  apiFake.on('report.mine', () => realAnswers().mine);
  const page = await open();
  await snapshotBoth('mine', '我的上报：第一屏', page);
  await snapshotBoth('mine-full', '我的上报：整页（待评价、已超时、各状态）', page, { fullPage: true });
});

test('followed and claimed tickets, and the way to claim (once report.follow / report.claim are deployed)', async () => {
  const [a, b, ...rest] = realAnswers().mine.items;
  if (!a || !b) throw new Error('report.mine answered too few items');
  apiFake.on('report.mine', () => ({
    items: [{ ...a, relation: 'follower', affectedCount: 3 }, { ...b, relation: 'claimant', affectedCount: 1 }, ...rest],
    nextCursor: null,
  }));
  config.features.claim = true;
  try {
    await snapshotBoth('mine-followed', '我的上报：关注的、认领的，和认领入口', await open());
  } finally {
    config.features.claim = false;
  }
});

test('the next page failed to load', async () => {
  apiFake.on('report.mine', (p) => {
    if (p.cursor) throw new ApiError('NETWORK');
    return { ...realAnswers().mine, nextCursor: 'c2' };
  });
  const page = await open();
  await callPage(page, 'onReachBottom');
  await snapshotBoth('mine-more-failed', '我的上报：下一页没加载出来', page, { fullPage: true });
});

test('loading', async () => {
  apiFake.on('report.mine', () => new Promise<never>(() => undefined));
  await snapshotBoth('mine-loading', '我的上报：加载中', await open());
});

test('nothing reported yet', async () => {
  apiFake.on('report.mine', () => ({ items: [], nextCursor: null }));
  await snapshotBoth('mine-empty', '我的上报：还没有记录', await open());
});

test('the list could not be loaded', async () => {
  apiFake.fail('report.mine', 'NETWORK');
  await snapshotBoth('mine-error', '我的上报：加载失败', await open());
});
