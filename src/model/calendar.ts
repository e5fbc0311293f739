/**
 * Calendar strings (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) checked by rule, never by `new Date(string)`,
 * which silently rolls 2021-02-30 over to 2021-03-02.
 */

export type Precision = 'day' | 'month' | 'year' | 'decade';

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Parts of a calendar string; month and day are absent when the precision does not reach them. */
export interface CalendarParts {
  year: number;
  month?: number;
  day?: number;
}

const CALENDAR_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for leap years of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined for anything else, including impossible days. */
export function parseCalendar(value: string): CalendarParts | undefined {
  const m = CALENDAR_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when the string is a valid calendar string. */
export function isCalendarString(value: string): boolean {
  return parseCalendar(value) !== undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats parts as a calendar string of the given precision (decade and year both print `YYYY`). */
export function formatCalendar(parts: CalendarParts, precision: Precision = 'day'): string {
  const y = pad(parts.year, 4);
  if (precision === 'year' || precision === 'decade' || parts.month === undefined) return y;
  const ym = `${y}-${pad(parts.month, 2)}`;
  if (precision === 'month' || parts.day === undefined) return ym;
  return `${ym}-${pad(parts.day, 2)}`;
}

/**
 * A calendar string in words: "14 April 2020", "April 2020", "2020" ("3 Apr 2022" with `short`), never through
 * Date; `null` prints as `empty`, and anything that is not a calendar string prints as it is.
 */
export function formatCalendarText(value: string | null, { short = false, empty = 'no date' } = {}): string {
  if (value === null) return empty;
  const p = parseCalendar(value);
  if (!p) return value;
  const name = p.month === undefined ? undefined : MONTH_NAMES[p.month - 1];
  if (name === undefined) return String(p.year);
  const month = short ? name.slice(0, 3) : name;
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** Precision implied by the shape of a calendar string (`YYYY` reads as year). */
export function precisionOf(value: string): Precision | undefined {
  const p = parseCalendar(value);
  if (!p) return undefined;
  if (p.day !== undefined) return 'day';
  if (p.month !== undefined) return 'month';
  return 'year';
}

/** Days since 1970-01-01 for a valid date, computed arithmetically (no Date, no time zone). */
export function toEpochDay(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toEpochDay. */
export function fromEpochDay(days: number): Required<CalendarParts> {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Adds days to a calendar day. */
export function addDays(parts: Required<CalendarParts>, days: number): Required<CalendarParts> {
  return fromEpochDay(toEpochDay(parts.year, parts.month, parts.day) + days);
}

/** Day of week, 0 = Sunday. */
export function dayOfWeek(parts: Required<CalendarParts>): number {
  return (((toEpochDay(parts.year, parts.month, parts.day) + 4) % 7) + 7) % 7;
}

/** First day covered by a calendar string (e.g. `2022` -> 2022-01-01). */
export function firstDay(value: string): Required<CalendarParts> | undefined {
  const p = parseCalendar(value);
  if (!p) return undefined;
  return { year: p.year, month: p.month ?? 1, day: p.day ?? 1 };
}

/** Last day covered by a calendar string (e.g. `2022-02` -> 2022-02-28). */
export function lastDay(value: string): Required<CalendarParts> | undefined {
  const p = parseCalendar(value);
  if (!p) return undefined;
  const month = p.month ?? 12;
  return { year: p.year, month, day: p.day ?? daysInMonth(p.year, month) };
}

/** Compares two calendar strings by their first day; invalid strings sort last. */
export function compareCalendar(a: string, b: string): number {
  const fa = firstDay(a);
  const fb = firstDay(b);
  if (!fa || !fb) return fa ? -1 : fb ? 1 : 0;
  return toEpochDay(fa.year, fa.month, fa.day) - toEpochDay(fb.year, fb.month, fb.day);
}

/** Milliseconds since the epoch (UTC midnight) of a day, for widgets that need numbers. */
export function epochMs(parts: Required<CalendarParts>): number {
  return toEpochDay(parts.year, parts.month, parts.day) * 86_400_000;
}
