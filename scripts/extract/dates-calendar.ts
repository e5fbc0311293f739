/**
 * Calendar arithmetic for the date layer: reference (publication) periods, ISO weeks, month shifts and TIMEX3
 * value formatting. Pure integer arithmetic on top of src/model/calendar.ts; no Date objects, no clock.
 */
import {
  addDays,
  dayOfWeek,
  daysInMonth,
  formatCalendar,
  fromEpochDay,
  parseCalendar,
  toEpochDay,
  type CalendarParts,
  type Precision,
} from '../../src/model/calendar';

export type Day = Required<CalendarParts>;

/** The publication date as parts; month and day are absent when the publication date is coarser. */
export interface Reference {
  year: number;
  month?: number;
  day?: number;
}

/** Parses `published` (YYYY, YYYY-MM or YYYY-MM-DD); undefined for null or an invalid string. */
export function referenceFrom(published: string | null | undefined): Reference | undefined {
  if (!published) return undefined;
  return parseCalendar(published);
}

/** First day of the reference period. */
export function referenceStart(ref: Reference): Day {
  return { year: ref.year, month: ref.month ?? 1, day: ref.day ?? 1 };
}

/** Last day of the reference period (the day itself for a day-precision reference). */
export function referenceEnd(ref: Reference): Day {
  const month = ref.month ?? 12;
  return { year: ref.year, month, day: ref.day ?? daysInMonth(ref.year, month) };
}

/** The reference as a calendar string of its own precision. */
export function referenceString(ref: Reference): string {
  return formatCalendar(ref, ref.day !== undefined ? 'day' : ref.month !== undefined ? 'month' : 'year');
}

export function epoch(d: Day): number {
  return toEpochDay(d.year, d.month, d.day);
}

export function compareDays(a: Day, b: Day): number {
  return epoch(a) - epoch(b);
}

/** True when year/month/day name a real calendar day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Shifts a (year, month) by n months. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Monday = 0 ... Sunday = 6. */
export function isoWeekday(d: Day): number {
  return (dayOfWeek(d) + 6) % 7;
}

export function mondayOf(d: Day): Day {
  return addDays(d, -isoWeekday(d));
}

/** ISO 8601 week (the week belongs to the year of its Thursday). */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 3 - isoWeekday(d));
  const jan1 = toEpochDay(thursday.year, 1, 1);
  return { year: thursday.year, week: Math.floor((epoch(thursday) - jan1) / 7) + 1 };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function dayString(d: Day): string {
  return formatCalendar(d, 'day');
}

export function monthString(year: number, month: number): string {
  return formatCalendar({ year, month }, 'month');
}

export function yearString(year: number): string {
  return pad(year, 4);
}

/** TIMEX3 week value, e.g. 2022-W12. */
export function weekValue(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function fromEpoch(n: number): Day {
  return fromEpochDay(n);
}

export { addDays, daysInMonth, type Precision };
