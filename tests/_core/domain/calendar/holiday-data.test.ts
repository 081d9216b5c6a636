// The holiday data checked twice: against the State Council notices as transcribed below (block
// dates, 共N天, the weekday the notice prints beside each date) and against the calendar's own
// soundness rules.
import { calendarData2025, calendarData2026, workCalendarData } from '../../../../cloudfunctions/_core/config/holidays';
import { addDays, dayNumberOf, WEEKDAY_NAMES_ZH, weekdayOf } from '../../../../cloudfunctions/_core/domain/calendar/shanghai-time';
import {
  createWorkCalendar,
  validateWorkCalendarData,
  type HolidayName,
  type WorkCalendarData,
} from '../../../../cloudfunctions/_core/domain/calendar/work-calendar';

interface NoticeBlock {
  /** The names its days carry; a merged block lists the exceptions in `exceptions`. */
  name: HolidayName;
  from: string;
  fromWeekday: string;
  to: string;
  toWeekday: string;
  days: number;
  exceptions?: Record<string, HolidayName>;
}
interface Notice {
  data: WorkCalendarData;
  blocks: NoticeBlock[];
  makeUps: [string, string, HolidayName][];
}

// 国办发明电〔2024〕12号 (2024-11-12).
const NOTICE_2025: Notice = {
  data: calendarData2025,
  blocks: [
    { name: '元旦', from: '2025-01-01', fromWeekday: '周三', to: '2025-01-01', toWeekday: '周三', days: 1 },
    { name: '春节', from: '2025-01-28', fromWeekday: '周二', to: '2025-02-04', toWeekday: '周二', days: 8 },
    { name: '清明节', from: '2025-04-04', fromWeekday: '周五', to: '2025-04-06', toWeekday: '周日', days: 3 },
    { name: '劳动节', from: '2025-05-01', fromWeekday: '周四', to: '2025-05-05', toWeekday: '周一', days: 5 },
    { name: '端午节', from: '2025-05-31', fromWeekday: '周六', to: '2025-06-02', toWeekday: '周一', days: 3 },
    // 国庆节、中秋节 merged; 10月6日 is 农历八月十五.
    {
      name: '国庆节',
      from: '2025-10-01',
      fromWeekday: '周三',
      to: '2025-10-08',
      toWeekday: '周三',
      days: 8,
      exceptions: { '2025-10-06': '中秋节' },
    },
  ],
  makeUps: [
    ['2025-01-26', '周日', '春节'],
    ['2025-02-08', '周六', '春节'],
    ['2025-04-27', '周日', '劳动节'],
    ['2025-09-28', '周日', '国庆节'],
    ['2025-10-11', '周六', '国庆节'],
  ],
};

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
const NOTICE_2026: Notice = {
  data: calendarData2026,
  blocks: [
    { name: '元旦', from: '2026-01-01', fromWeekday: '周四', to: '2026-01-03', toWeekday: '周六', days: 3 },
    { name: '春节', from: '2026-02-15', fromWeekday: '周日', to: '2026-02-23', toWeekday: '周一', days: 9 },
    { name: '清明节', from: '2026-04-04', fromWeekday: '周六', to: '2026-04-06', toWeekday: '周一', days: 3 },
    { name: '劳动节', from: '2026-05-01', fromWeekday: '周五', to: '2026-05-05', toWeekday: '周二', days: 5 },
    { name: '端午节', from: '2026-06-19', fromWeekday: '周五', to: '2026-06-21', toWeekday: '周日', days: 3 },
    { name: '中秋节', from: '2026-09-25', fromWeekday: '周五', to: '2026-09-27', toWeekday: '周日', days: 3 },
    { name: '国庆节', from: '2026-10-01', fromWeekday: '周四', to: '2026-10-07', toWeekday: '周三', days: 7 },
  ],
  makeUps: [
    ['2026-01-04', '周日', '元旦'],
    ['2026-02-14', '周六', '春节'],
    ['2026-02-28', '周六', '春节'],
    ['2026-05-09', '周六', '劳动节'],
    ['2026-09-20', '周日', '国庆节'],
    ['2026-10-10', '周六', '国庆节'],
  ],
};

const NOTICES: [number, Notice][] = [
  [2025, NOTICE_2025],
  [2026, NOTICE_2026],
];

function expand(block: NoticeBlock): { date: string; name: HolidayName }[] {
  const out: { date: string; name: HolidayName }[] = [];
  for (let d = block.from; d <= block.to; d = addDays(d, 1)) out.push({ date: d, name: block.exceptions?.[d] ?? block.name });
  return out;
}

const byDate = (a: { date: string }, b: { date: string }): number => a.date.localeCompare(b.date);

describe.each(NOTICES)('holiday data %i', (year, notice) => {
  it('is sound', () => {
    expect(notice.data.year).toBe(year);
    expect(validateWorkCalendarData(notice.data)).toEqual([]);
  });

  it('transcribes the notice correctly: block lengths (共N天) and printed weekdays', () => {
    for (const block of notice.blocks) {
      expect(dayNumberOf(block.to) - dayNumberOf(block.from) + 1).toBe(block.days);
      expect(WEEKDAY_NAMES_ZH[weekdayOf(block.from)]).toBe(block.fromWeekday);
      expect(WEEKDAY_NAMES_ZH[weekdayOf(block.to)]).toBe(block.toWeekday);
    }
    for (const [date, weekday] of notice.makeUps) expect(WEEKDAY_NAMES_ZH[weekdayOf(date)]).toBe(weekday);
  });

  it('lists exactly the days off of the notice, weekend days inside blocks included, and nothing else', () => {
    const expected = notice.blocks.flatMap(expand).sort(byDate);
    expect([...notice.data.holidays].sort(byDate)).toEqual(expected);
  });

  it('lists exactly the make-up working days of the notice, all on Saturday or Sunday', () => {
    const expected = notice.makeUps.map(([date, , name]) => ({ date, name })).sort(byDate);
    expect([...notice.data.makeUpWorkdays].sort(byDate)).toEqual(expected);
    for (const { date } of notice.data.makeUpWorkdays) expect([0, 6]).toContain(weekdayOf(date));
  });

  it('never lists a day both off and on', () => {
    const off = new Set(notice.data.holidays.map((h) => h.date));
    expect(notice.data.makeUpWorkdays.filter((m) => off.has(m.date))).toEqual([]);
  });

  it('leaves 365 − weekend days − 13 statutory holidays as working days (调休 only moves days)', () => {
    const cal = createWorkCalendar([notice.data]);
    let working = 0;
    let weekend = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      if (cal.isWorkingDay(d)) working += 1;
      if ([0, 6].includes(weekdayOf(d))) weekend += 1;
    }
    expect(working).toBe(365 - weekend - 13);
    expect(working).toBe(248);
  });
});

describe('holiday data index', () => {
  it('exports every year once, in order — 2027 is left out until its notice is published', () => {
    expect(workCalendarData.map((d) => d.year)).toEqual([2025, 2026]);
    expect(createWorkCalendar(workCalendarData).coverage).toEqual([2025, 2026]);
  });
});

describe('validateWorkCalendarData catches bad data', () => {
  const base: WorkCalendarData = {
    year: 2026,
    holidays: [
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-02', name: '国庆节' },
      { date: '2026-10-03', name: '国庆节' },
    ],
    makeUpWorkdays: [{ date: '2026-10-10', name: '国庆节' }],
  };
  const withHolidays = (...extra: { date: string; name: string }[]): WorkCalendarData =>
    ({ ...base, holidays: [...base.holidays, ...extra] }) as WorkCalendarData;
  const withMakeUps = (...extra: { date: string; name: string }[]): WorkCalendarData =>
    ({ ...base, makeUpWorkdays: [...base.makeUpWorkdays, ...extra] }) as WorkCalendarData;

  it('accepts the sound base', () => {
    expect(validateWorkCalendarData(base)).toEqual([]);
  });

  it.each<[string, WorkCalendarData, RegExp]>([
    ['an impossible date', withHolidays({ date: '2026-02-30', name: '春节' }), /不是有效日期/],
    ['a malformed date', withHolidays({ date: '2026-2-3', name: '春节' }), /不是有效日期/],
    ['a date in another year', withHolidays({ date: '2027-01-01', name: '元旦' }), /不在 2026 年内/],
    ['an unknown name', withHolidays({ date: '2026-12-25', name: '圣诞节' }), /未知节日名/],
    ['a duplicate day', withHolidays({ date: '2026-10-01', name: '国庆节' }), /重复/],
    ['a day both off and on', withMakeUps({ date: '2026-10-03', name: '国庆节' }), /既是放假日又是调休上班日/],
    ['a make-up day on a weekday', withMakeUps({ date: '2026-10-09', name: '国庆节' }), /不是周六或周日/],
    ['a make-up day far from its festival', withMakeUps({ date: '2026-06-13', name: '国庆节' }), /附近没有国庆节的放假日/],
    ['a stray weekday off outside its block', withHolidays({ date: '2026-10-09', name: '国庆节' }), /国庆节：放假日不连续/],
    [
      'a block missing the weekend inside it',
      withHolidays({ date: '2026-10-05', name: '国庆节' }, { date: '2026-10-06', name: '国庆节' }, { date: '2026-10-07', name: '国庆节' }),
      /放假日不连续/,
    ],
    ['a bad year', { ...base, year: 26 }, /年份无效/],
  ])('%s', (_label, data, problem) => {
    expect(validateWorkCalendarData(data).join('\n')).toMatch(problem);
  });

  it('makes createWorkCalendar refuse bad data and a year given twice', () => {
    expect(() => createWorkCalendar([withMakeUps({ date: '2026-10-09', name: '国庆节' })])).toThrow(/节假日数据有误/);
    expect(() => createWorkCalendar([calendarData2026, calendarData2026])).toThrow(/2026 年的数据重复/);
  });
});
