// 数据统计 (admin/pages/figures/figures): a street's month (tiles, the trend chart drawn on its
// canvas, rankings and shares), a quiet period, an error, an export being made and one refused
// over the row cap — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin } from '../support/admin-data';
import { canvases, canvasSize } from '../support/canvas-fake';
import { tap, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshot } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const figuresPage = pageUnderTest('admin/pages/figures/figures');

/** The canvas is 11rem tall: its size differs with the font, so each font is drawn on its own. */
async function both(
  name: string,
  caption: string,
  setUp: () => void,
  fullPage = false,
  then?: (page: Root) => Promise<void>,
): Promise<void> {
  for (const [font, px, suffix] of [
    ['standard', 17, ''],
    ['large', 23.8, '-large'],
  ] as const) {
    canvasSize.height = Math.round(px * 11);
    canvases.clear();
    setUp();
    const page: Root = await figuresPage.open();
    if (then) await then(page);
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

test('an export being made', async () => {
  await both(
    'admin-figures-exporting',
    '数据统计：正在导出 Excel（按钮转圈，不能重复点）',
    () => {
      answerAsAdmin(apiFake);
      apiFake.on('admin.export', () => new Promise<Api.AdminExport>(() => undefined));
    },
    true,
    (page) => tap(page, '.export__button'),
  );
});

test('an export refused over the row cap', async () => {
  await both(
    'admin-figures-export-refused',
    '数据统计：导出的时段工单太多，提示缩短时段或用命令行',
    () => {
      answerAsAdmin(apiFake);
      apiFake.fail(
        'admin.export',
        'INVALID_INPUT',
        '该时段共有 23001 件事项，超过一次导出的上限 20000 件：请缩短时段，或请系统管理员用命令行导出',
      );
    },
    true,
    (page) => tap(page, '.export__button'),
  );
});
