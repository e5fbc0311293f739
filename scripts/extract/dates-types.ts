/** Public types of the date layer (re-exported by dates.ts). */
import type { TimexType } from '../../src/model/schema';

/** A period on the calendar: `start` (and `end` for periods and ranges) are calendar strings YYYY[-MM[-DD]]. */
export interface ResolvedDate {
  start: string;
  end?: string;
  precision: 'day' | 'month' | 'year' | 'decade';
}

/** TimeML `mod` attribute for "early/mid/late ..." expressions. */
export type TimexMod = 'START' | 'MID' | 'END';

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
}
