/** Public types of the date layer (re-exported by dates.ts). */
import type { TimexType } from '../../src/model/schema';

/** A period on the calendar: `start` (and `end` for periods and ranges) are calendar strings YYYY[-MM[-DD]]. */
export interface ResolvedDate {
  start: string;
  end?: string;
  precision: 'day' | 'month' | 'year' | 'decade';
}

/**
 * TimeML `mod` attribute: "early/mid/late ..." (START, MID, END) and the quantity modifiers kept inside the span
 * ("about" APPROX, "more than"/"over" MORE_THAN, "less than"/"nearly"/"almost" LESS_THAN, "at least" EQUAL_OR_MORE,
 * "no more than"/"up to" EQUAL_OR_LESS).
 */
export type TimexMod =
  'START' | 'MID' | 'END' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS';

export interface FoundTimex {
  /** UTF-16 offsets into the text: `text.slice(start, end) === this.text`. */
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: 2022-03-28, 2022-03, 2022, 197, 2022-W12, PRESENT_REF, P4D, XXXX-01-24, 2020-04-08T09:00 ... */
  value: string;
  /** Present when the expression names a point or period on the calendar usable as an event date. */
  date?: ResolvedDate;
  /**
   * How `value` was resolved: stated in full (absolute), against the publication date, or against the previous
   * resolved date in the text (anaphora such as "four days later"). Absent for durations, sets and vague references.
   */
  anchored?: 'absolute' | 'publication' | 'previous';
  mod?: TimexMod;
  /**
   * For one endpoint of a range ("2009-2010", "between 1956 and 1970", "from January to March 2020"): TimeML
   * annotates each endpoint as its own timex, so a range yields two FoundTimex. Both carry the range's `date`
   * ({start: first, end: last}) and this field: UTF-16 offsets of the whole range expression, from the start of the
   * first endpoint to the end of the last one (the introducing "between"/"from" excluded).
   */
  range?: { start: number; end: number };
}

export interface DateOptions {
  /** Publication date YYYY, YYYY-MM or YYYY-MM-DD; null leaves relative expressions unresolved. */
  published: string | null;
  /** Spans (page furniture) to ignore. */
  skip?: readonly { start: number; end: number }[];
}

/** Internal: an expression that still has to be resolved against the previous date in the text. */
export interface Anaphor {
  unit: 'day' | 'week' | 'month' | 'year';
  /** Signed number of units (0 = "the same day"). */
  n: number;
  /** "point": N units later (value at the unit's granularity, weeks as days); "period": the following week. */
  shape: 'point' | 'period';
  /** Part of day suffix for TIME values (MO, AF, EV, NI). */
  part?: string;
}

export interface Candidate extends FoundTimex {
  priority: number;
  anaphor?: Anaphor;
  /** A clock time without a date ("at 18:00 UTC"): takes the day of the previous date in its sentence. */
  clock?: string;
  /** The other endpoint of a range: both are chosen or neither. */
  partner?: Candidate;
}
