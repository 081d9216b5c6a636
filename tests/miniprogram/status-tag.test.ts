// status-tag: a status in words and colour, with 已超时 beside it when late.
import { find, load, render, textOf } from './support/render';

describe('status-tag', () => {
  let id: string;
  beforeAll(() => {
    id = load('components/status-tag/status-tag');
  });

  test.each<[Api.TicketStatus, string, string]>([
    ['submitted', '待受理', 'warning'],
    ['accepted', '处理中', 'primary'],
    ['resolved', '已办结', 'success'],
    ['closed', '已归档', 'default'],
    ['rejected', '不予受理', 'danger'],
    ['withdrawn', '已撤回', 'default'],
  ])('%s reads %s in %s', (status, label, theme) => {
    const c = render(id, { status, overdue: false });
    expect(textOf(c)).toBe(label);
    expect(find(c, '.status-tag__main >> .t-tag').dom?.className).toContain(theme);
  });

  test('an overdue ticket gets a red 已超时 beside its status', () => {
    const c = render(id, { status: 'accepted', overdue: true });
    expect(textOf(c)).toBe('处理中已超时');
    expect(find(c, '.status-tag__overdue >> .t-tag').dom?.className).toContain('danger');
  });
});
