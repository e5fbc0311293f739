/** Time spans of dated items in epoch milliseconds (UTC), from calendar strings: no Date parsing, no time zone. */
import { epochMs, firstDay, lastDay } from './calendar';
import type { EventDate } from './schema';

export interface TimeRange {
  /** Inclusive start, epoch ms at UTC midnight. */
  start: number;
  /** Exclusive end, epoch ms (midnight after the last day). */
  end: number;
}

const DAY = 86_400_000;

/** The range of days an event date covers (a year-precision date covers the whole year, a decade ten years). */
export function dateRange(date: Pick<EventDate, 'start' | 'end' | 'precision'>): TimeRange | undefined {
  const first = firstDay(date.start);
  if (!first) return undefined;
  let lastStr = date.end ?? date.start;
  if (date.precision === 'decade' && date.end === undefined) {
    const decadeStart = Math.floor(first.year / 10) * 10;
    lastStr = String(decadeStart + 9).padStart(4, '0');
  }
  const last = lastDay(lastStr);
  if (!last) return undefined;
  const start = epochMs(first);
  const end = epochMs(last) + DAY;
  return end > start ? { start, end } : { start, end: start + DAY };
}

/** True when two ranges share at least one instant. */
export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}
