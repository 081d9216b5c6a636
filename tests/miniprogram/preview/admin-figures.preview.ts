// 数据统计 (admin/pages/figures/figures): a street's month (tiles, the trend chart drawn on its
// canvas, rankings and shares), a quiet period, an error — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin } from '../support/admin-data';
import { canvases, canvasSize } from '../support/canvas-fake';
import { fixClock, realClock } from '../support/clock';
import { callPage, load, render, type Root } from '../support/render';
import { snapshot } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('admin/pages/figures/figures');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

/** The canvas is 11rem tall: its size differs with the font, so each font is drawn on its own. */
async function both(name: string, caption: string, setUp: () => void, fullPage = false): Promise<void> {
  for (const [font, px, suffix] of [
    ['standard', 17, ''],
    ['large', 23.8, '-large'],
  ] as const) {
    canvasSize.height = Math.round(px * 11);
    canvases.clear();
    setUp();
    const page: Root = render(pageId);
    await callPage(page, 'onLoad');
    await snapshot(`${name}${suffix}`, suffix ? `${caption}（关怀模式大字）` : caption, page, { font, fullPage });
  }
}

test("a street's month", async () => {
  await both('admin-figures', '数据统计：本月的办结率、满意率、趋势图和排名（整页）', () => answerAsAdmin(apiFake), true);
});

test('a quiet period', async () => {
  await both('admin-figures-empty', '数据统计：这段时间还没有工单', () => {
    answerAsAdmin(apiFake);
    apiFake.on('stats.summary', () => ({ ...adminAnswers().figures.quiet, openOverdue: 0 }));
  });
});

test('figures that failed to load', async () => {
  await both('admin-figures-error', '数据统计：没加载出来，可以重试', () => {
    answerAsAdmin(apiFake);
    apiFake.fail('stats.summary', 'NETWORK');
  });
});
