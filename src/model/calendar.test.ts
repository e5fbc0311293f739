import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareCalendar,
  daysInMonth,
  dayOfWeek,
  formatCalendar,
  fromEpochDay,
  isCalendarString,
  parseCalendar,
  precisionOf,
  toEpochDay,
} from './calendar';

describe('calendar strings', () => {
  it('accepts YYYY, YYYY-MM and YYYY-MM-DD', () => {
    expect(parseCalendar('2022')).toEqual({ year: 2022 });
    expect(parseCalendar('2022-11')).toEqual({ year: 2022, month: 11 });
    expect(parseCalendar('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('rejects impossible days instead of rolling them over', () => {
    expect(isCalendarString('2021-02-30')).toBe(false);
    expect(isCalendarString('2023-02-29')).toBe(false);
    expect(isCalendarString('2021-13-01')).toBe(false);
    expect(isCalendarString('2021-00')).toBe(false);
    expect(isCalendarString('2021-04-31')).toBe(false);
  });

  it('rejects other shapes', () => {
    for (const s of ['21', '2021-1-1', '2021/01/01', '2021-01-01T00:00Z', ' 2021', '']) {
      expect(isCalendarString(s)).toBe(false);
    }
  });

  it('knows leap years by the Gregorian rule', () => {
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it('formats at a precision and reads precision back', () => {
    expect(formatCalendar({ year: 1953, month: 1, day: 9 })).toBe('1953-01-09');
    expect(formatCalendar({ year: 2013, month: 12, day: 1 }, 'month')).toBe('2013-12');
    expect(precisionOf('2013-12')).toBe('month');
    expect(precisionOf('2013-02-30')).toBeUndefined();
  });

  it('does day arithmetic without Date', () => {
    expect(toEpochDay(1970, 1, 1)).toBe(0);
    expect(addDays({ year: 2020, month: 4, day: 23 }, 4)).toEqual({ year: 2020, month: 4, day: 27 });
    expect(addDays({ year: 2020, month: 2, day: 28 }, 1)).toEqual({ year: 2020, month: 2, day: 29 });
    expect(dayOfWeek({ year: 2021, month: 12, day: 1 })).toBe(3); // a Wednesday
  });

  it('orders calendar strings by their first day', () => {
    expect(compareCalendar('2022', '2022-01-01')).toBe(0);
    expect(compareCalendar('2021-12-31', '2022')).toBeLessThan(0);
  });

  propTest.prop([fc.integer({ min: -1_000_000, max: 1_000_000 })])('epoch days round-trip', (n) => {
    const p = fromEpochDay(n);
    expect(toEpochDay(p.year, p.month, p.day)).toBe(n);
  });

  propTest.prop([fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 })])(
    'a day past the end of its month is never a date',
    (y, m, d) => {
      const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(isCalendarString(s)).toBe(d <= daysInMonth(y, m));
    },
  );
});
