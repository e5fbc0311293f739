/**
 * Calendar periods and named days that chrono does not know, normalised as TimeML does:
 *
 * - quarters and halves of a year ("the first quarter of 2013", "fourth-quarter profit", "Q3 2012",
 *   "the second half of last year", "first-half sales") → 2013-Q1, 2012-H2;
 * - fiscal years ("fiscal 2013", "fiscal year 2012", "FY2014", "next fiscal year") → FY2013;
 * - ordinal centuries ("the 20th century", "the twenty-first century") → 19, 20;
 * - "the weekend" → the weekend before publication (or the coming one when the clause points forward);
 * - holidays with a fixed rule (Christmas Day, New Year's Eve, Easter, Thanksgiving ...);
 * - 24-hour clock times with a zone ("0930 GMT", "1400 hours");
 * - a month with a relative year ("September of this year", "January next year") as one timex;
 * - parts of the current period ("the end of the year", "the beginning of the month", "later in the week");
 * - decades written "the '90s" or "the nineties";
 * - "year-end" (December of the year);
 * - a season after a preposition ("in the summer", "by spring").
 *
 * A period without a year is the latest one that started on or before publication, or the first one that has not
 * ended by publication when the clause points forward (forwardCue), like year-less dates.
 */
import type { Candidate, ResolvedDate, TimexMod } from './dates-types';
import { forwardCue } from './dates-chrono';
import {
  after,
  before,
  candidate,
  refBase,
  SEASON_CODE,
  SEASON_MONTHS,
  seasonDate,
  shiftPeriod,
  type RuleContext,
} from './dates-rules';
import {
  addDays,
  compareDays,
  dayString,
  isoWeekday,
  monthString,
  referenceEnd,
  weekValue,
  referenceStart,
  yearString,
  type Day,
  type Reference,
} from './dates-calendar';
import { anchored, anchoredMatches, wordAnchored, type AnchoredRegex } from './dates-scan';
import { daysInMonth } from '../../src/model/calendar';

const YEAR = String.raw`(1\d{3}|20\d\d|21\d\d)`;

/**
 * The year of a yearly recurring period (a quarter, a holiday) named without a year: the latest one that starts on
 * or before the end of the publication period, or with a forward cue the first one that ends on or after its start.
 */
export function pickYear(
  ref: Reference,
  forward: boolean,
  startOf: (y: number) => Day,
  endOf: (y: number) => Day,
): number {
  if (forward) {
    const from = referenceStart(ref);
    for (let y = ref.year - 1; y <= ref.year + 1; y++) if (compareDays(endOf(y), from) >= 0) return y;
    return ref.year + 1;
  }
  const to = referenceEnd(ref);
  for (let y = ref.year + 1; y >= ref.year - 1; y--) if (compareDays(startOf(y), to) <= 0) return y;
  return ref.year - 1;
}

const lastDayOf = (year: number, month: number): Day => ({ year, month, day: daysInMonth(year, month) });

// ---------------------------------------------------------------------------------------------------------------
// Quarters and halves

const ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** A relative year phrase after "of": "this year", "last year", "the current year", "the previous fiscal year". */
const REL_YEAR = String.raw`(this|last|next|the\s{1,3}current|the\s{1,3}previous|the\s{1,3}past|the)\s{1,3}(?:fiscal\s{1,3})?year`;

/** "the first quarter of 2013", "the 2012 fourth quarter", "fourth-quarter 2012", "the second half of the year". */
const ORDINAL_PERIOD_RE = new RegExp(
  String.raw`\b(?:the\s{1,3})?(?:${YEAR}\s{1,3})?(first|second|third|fourth|1st|2nd|3rd|4th)([\s-]{1,2})(quarter|half)\b(?:\s{1,3}of\s{1,3}(?:${YEAR}\b|${REL_YEAR}\b)|\s{1,3}${YEAR}\b)?`,
  'gi',
);
/**
 * Anchor: "quarter"/"half", a whole word (a separator before it, \b after it). Before it at most "the" + a year +
 * "second" + 2 separators: 15 non-space code units.
 */
const ORDINAL_PERIOD_SCAN = wordAnchored(ORDINAL_PERIOD_RE, ['quarter', 'half'], 18, true);
/** "Q1", "Q4 2012", "Q3'12", "H1 2013". */
const Q_PERIOD_RE = new RegExp(String.raw`\b([QH])([1-4])(?:\s{1,3}${YEAR}|\s{0,2}['’](\d\d))?\b`, 'g');
/**
 * Anchor: "Q1".."H4", a whole word (\b before it; after it whitespace, a quote or the final \b, which backtracking
 * falls back to). Nothing before it. The keys are lower case, matched in any case: the extra ones cost a sticky test.
 */
const Q_PERIOD_SCAN = wordAnchored(Q_PERIOD_RE, ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'h3', 'h4'], 0, true);

function relativeYear(phrase: string, ref: Reference): number {
  const p = phrase.toLowerCase();
  if (p.startsWith('last') || p.includes('previous') || p.includes('past')) return ref.year - 1;
  if (p.startsWith('next')) return ref.year + 1;
  return ref.year;
}

function periodCandidate(
  ctx: RuleContext,
  start: number,
  end: number,
  kind: 'Q' | 'H',
  n: number,
  year: number | undefined,
  explicit: boolean,
): Candidate | undefined {
  const months = kind === 'Q' ? 3 : 6;
  if (n < 1 || n > 12 / months) return undefined;
  const first = (n - 1) * months + 1;
  const last = n * months;
  let y = year;
  if (y === undefined && ctx.ref) {
    y = pickYear(
      ctx.ref,
      forwardCue(ctx.text, start),
      (x) => ({ year: x, month: first, day: 1 }),
      (x) => lastDayOf(x, last),
    );
  }
  const value = `${y === undefined ? 'XXXX' : yearString(y)}-${kind}${n}`;
  const c = candidate(ctx.text, start, end, { type: 'DATE', value, priority: 6 });
  if (y !== undefined) {
    c.date = { start: monthString(y, first), end: monthString(y, last), precision: 'month' };
    c.anchored = explicit ? 'absolute' : 'publication';
  }
  return c;
}

function quartersAndHalves(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, ORDINAL_PERIOD_SCAN)) {
    const n = ORDINAL[(m[2] ?? '').toLowerCase()] ?? 0;
    const hyphen = (m[3] ?? '').includes('-');
    const kind = (m[4] ?? '').toLowerCase() === 'half' ? 'H' : 'Q';
    const end = m.index + m[0].length;
    const yearText = m[1] ?? m[5] ?? m[7];
    const rel = m[6];
    // "the first quarter of the century / of the game": a part of something else.
    if (!yearText && !rel && /^\s{1,3}of\b/i.test(after(ctx, end, 8))) continue;
    // "the first half" (of a match, of a speech) is a date only with a year or as an adjective ("first-half sales").
    if (kind === 'H' && !yearText && !rel && !(hyphen && /^\s{1,3}[a-z]/i.test(after(ctx, end, 4)))) continue;
    let year: number | undefined;
    if (yearText) year = Number(yearText);
    else if (rel && ctx.ref) year = relativeYear(rel, ctx.ref);
    const c = periodCandidate(ctx, m.index, end, kind, n, year, yearText !== undefined);
    if (c) out.push(c);
  }
  for (const m of anchoredMatches(ctx.text, Q_PERIOD_SCAN)) {
    const kind = m[1] === 'H' ? 'H' : 'Q';
    const yearText = m[3] ?? (m[4] ? `20${m[4]}` : undefined);
    // A bare "Q1"/"H1" is too ambiguous (model names, paper sizes) without a year, except for quarters.
    if (kind === 'H' && !yearText) continue;
    const c = periodCandidate(
      ctx,
      m.index,
      m.index + m[0].length,
      kind,
      Number(m[2]),
      yearText ? Number(yearText) : undefined,
      yearText !== undefined,
    );
    if (c) out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fiscal years

/** "fiscal 2013", "fiscal year 2012", "FY2014", "FY 13", "fiscal '14". */
const FISCAL_RE = new RegExp(
  String.raw`\b(?:(?:the\s{1,3})?fiscal(?:\s{1,3}year)?\s{1,3}(?:${YEAR}|['’](\d\d))|FY\s{0,2}(?:${YEAR}|['’]?(\d\d)))\b`,
  'gi',
);
/** Anchor: "fiscal" or "FY" (any case, as FISCAL_RE). Before it at most "the": 3 non-space code units. */
const FISCAL_SCAN = anchored(FISCAL_RE, 'fiscal|FY', 4, true);
/** "this fiscal year", "next fiscal year", "the current fiscal year", "last fiscal year". */
const FISCAL_REL_RE =
  /\b(this|next|last|the\s{1,3}current|the\s{1,3}previous|the\s{1,3}coming)\s{1,3}fiscal\s{1,3}year\b/gi;
/**
 * Anchor: "fiscal", a whole word (whitespace on both sides). Before it at most "the previous": 11 non-space code
 * units.
 */
const FISCAL_REL_SCAN = wordAnchored(FISCAL_REL_RE, ['fiscal'], 12, true);

function fiscalYears(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, FISCAL_SCAN)) {
    if (/^FY/i.test(m[0]) && !m[0].startsWith('FY')) continue; // "fy" in lower case is no abbreviation
    const full = m[1] ?? m[3];
    const short = m[2] ?? m[4];
    const year = full ? Number(full) : 2000 + Number(short);
    out.push(
      candidate(ctx.text, m.index, m.index + m[0].length, {
        type: 'DATE',
        value: `FY${yearString(year)}`,
        date: { start: yearString(year), precision: 'year' },
        anchored: 'absolute',
        priority: 6,
      }),
    );
  }
  if (!ctx.ref) return;
  for (const m of anchoredMatches(ctx.text, FISCAL_REL_SCAN)) {
    const word = (m[1] ?? '').toLowerCase();
    const year = word === 'next' || word.endsWith('coming') ? ctx.ref.year + 1 : relativeYear(word, ctx.ref);
    out.push(
      candidate(ctx.text, m.index, m.index + m[0].length, {
        type: 'DATE',
        value: `FY${yearString(year)}`,
        date: { start: yearString(year), precision: 'year' },
        anchored: 'publication',
        priority: 6,
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Centuries and decades

const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "the 20th century", "the twenty-first century", "the early 19th century", "20th-century". */
const CENTURY_RE =
  /\b(?:the\s{1,3})?(?:(early|mid|late)[\s-]{1,2})?(\d{1,2}(?:st|nd|rd|th)|(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))[\s-]{1,2}century\b/gi;
/**
 * Anchor: "century", a whole word (a separator before it, \b after it). Before it at most "the" (3), "early" (5),
 * 2 separators, "twenty-seventeenth" (18) and 2 separators: 30 non-space code units.
 */
const CENTURY_SCAN = wordAnchored(CENTURY_RE, ['century'], 32, true);

function ordinalNumber(raw: string): number | undefined {
  const s = raw.toLowerCase();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(s);
  if (digits) return Number(digits[1]);
  const twenty = /^twenty[\s-](\w+)$/.exec(s);
  if (twenty) {
    const i = ORDINAL_WORDS.indexOf(twenty[1] ?? '');
    return i >= 0 && i < 9 ? 21 + i : undefined;
  }
  const i = ORDINAL_WORDS.indexOf(s);
  return i >= 0 ? i + 1 : undefined;
}

function modOfWord(word: string | undefined): TimexMod | undefined {
  const w = word?.toLowerCase();
  return w === 'early' ? 'START' : w === 'mid' ? 'MID' : w === 'late' ? 'END' : undefined;
}

function centuries(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, CENTURY_SCAN)) {
    const n = ordinalNumber(m[2] ?? '');
    if (n === undefined || n < 1 || n > 22) continue;
    const end = m.index + m[0].length;
    if (/^\s{0,2}(?:BC|B\.C|BCE|B\.C\.E)\b/.test(after(ctx, end, 8))) continue;
    const c = n - 1;
    const cand = candidate(ctx.text, m.index, end, {
      type: 'DATE',
      value: String(c).padStart(2, '0'),
      date: { start: yearString(c * 100), end: yearString(c * 100 + 99), precision: 'decade' },
      anchored: 'absolute',
      priority: 6,
    });
    const mod = modOfWord(m[1]);
    if (mod) cand.mod = mod;
    out.push(cand);
  }
}

const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];

/** "the '90s", "the mid-'80s", "the nineties" (with "the": "in his forties" is an age). */
const DECADE_SHORT_RE =
  /\b(?:(the)\s{1,3})?(?:(early|mid|late)[\s-]{1,2})?(?:['’](\d)0s\b|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi;
/**
 * Anchor: the "90s" of "'90s" (a quote before it, \b after it) or a decade word (whitespace, a separator or \b
 * before it, \b after it), a whole word. Before it at most "the" + "early" + 2 separators + the quote: 11 non-space
 * code units.
 */
const DECADE_SHORT_SCAN = wordAnchored(
  DECADE_SHORT_RE,
  [...DECADE_WORDS, ...'0123456789'.split('').map((d) => `${d}0s`)],
  12,
  true,
);

function shortDecades(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, DECADE_SHORT_SCAN)) {
    let decade: number;
    if (m[3] !== undefined) {
      const d = Number(m[3]);
      decade = d >= 2 ? 190 + d : 200 + d;
    } else {
      if (!m[1]) continue;
      decade = 192 + DECADE_WORDS.indexOf((m[4] ?? '').toLowerCase());
    }
    const first = decade * 10;
    const c = candidate(ctx.text, m.index, m.index + m[0].length, {
      type: 'DATE',
      value: String(decade),
      date: { start: yearString(first), end: yearString(first + 9), precision: 'decade' },
      anchored: 'absolute',
      priority: 5,
    });
    const mod = modOfWord(m[2]);
    if (mod) c.mod = mod;
    out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The weekend

/** "the weekend" (the relative rule owns "this/last/next weekend"). */
const THE_WEEKEND_RE = /\bthe\s{1,3}weekend\b/gi;
/** Anchor: "weekend", a whole word (whitespace before it, \b after it). Before it "the": 3 non-space code units. */
const THE_WEEKEND_SCAN = wordAnchored(THE_WEEKEND_RE, ['weekend'], 3, true);

function weekendValue(ref: Reference, forward: boolean): { value: string; date: ResolvedDate } | undefined {
  if (ref.month === undefined || ref.day === undefined) return undefined;
  const pub: Day = { year: ref.year, month: ref.month, day: ref.day };
  const weekday = isoWeekday(pub); // Monday 0 ... Sunday 6
  // On a Saturday or Sunday it is the current weekend; otherwise the one before (or after, looking forward).
  const saturday = addDays(pub, 5 - weekday - (weekday >= 5 || forward ? 0 : 7));
  return {
    value: `${weekValue(saturday)}-WE`,
    date: { start: dayString(saturday), end: dayString(addDays(saturday, 1)), precision: 'day' },
  };
}

function weekends(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, THE_WEEKEND_SCAN)) {
    const end = m.index + m[0].length;
    if (/^\s{1,3}of\b/i.test(after(ctx, end, 6))) continue; // "the weekend of March 5": chrono's date
    if (/\b(?:this|last|next|past|coming|that)\s{1,3}$/i.test(before(ctx, m.index, 10))) continue;
    const r = ctx.ref ? weekendValue(ctx.ref, forwardCue(ctx.text, m.index)) : undefined;
    const c = candidate(ctx.text, m.index, end, { type: 'DATE', value: r ? r.value : 'XXXX-WXX-WE', priority: 5 });
    if (r) {
      c.date = r.date;
      c.anchored = 'publication';
    }
    out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** US Thanksgiving: the fourth Thursday of November. */
function thanksgiving(year: number): Day {
  const first = { year, month: 11, day: 1 };
  const toThursday = (3 - isoWeekday(first) + 7) % 7;
  return addDays(first, toThursday + 21);
}

function holidayDay(name: string, year: number): Day | undefined {
  const n = name.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
  if (n.startsWith('christmas eve')) return { year, month: 12, day: 24 };
  if (n.startsWith('christmas')) return { year, month: 12, day: 25 };
  if (n === "new year's eve") return { year, month: 12, day: 31 };
  if (n.startsWith('new year')) return { year, month: 1, day: 1 };
  if (n.startsWith('valentine')) return { year, month: 2, day: 14 };
  if (n === 'halloween') return { year, month: 10, day: 31 };
  if (n === 'boxing day') return { year, month: 12, day: 26 };
  if (n.startsWith('thanksgiving')) return thanksgiving(year);
  if (n === 'good friday') return addDays(easterSunday(year), -2);
  if (n === 'easter monday') return addDays(easterSunday(year), 1);
  if (n.startsWith('easter')) return easterSunday(year);
  return undefined;
}

/** Capitalised holiday names; the bare ones ("Christmas", "Easter") only after a temporal preposition. */
const HOLIDAY_RE = new RegExp(
  String.raw`\b(Christmas(?:\s{1,3}(?:Day|Eve))?|New\s{1,3}Year['’]s(?:\s{1,3}(?:Day|Eve))?|Valentine['’]s\s{1,3}Day|Halloween|Boxing\s{1,3}Day|Thanksgiving(?:\s{1,3}Day)?|Easter(?:\s{1,3}(?:Sunday|Monday))?|Good\s{1,3}Friday)(?:\s{1,3}${YEAR})?(?![\w'’])`,
  'g',
);
/**
 * Anchor: the first word of the holiday at the start of the match, a whole word (\b before it; whitespace, a quote
 * or (?![\w'’]) after it).
 */
const HOLIDAY_SCAN = wordAnchored(
  HOLIDAY_RE,
  ['christmas', 'new', 'valentine', 'halloween', 'boxing', 'thanksgiving', 'easter', 'good'],
  0,
  true,
);
const HOLIDAY_PREPOSITION_RE =
  /\b(?:on|at|for|before|after|since|until|till|by|over|around|during|from|through|ahead\s{1,3}of|this|last|next)\s{1,3}$/i;

function holidays(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, HOLIDAY_SCAN)) {
    const name = m[1] ?? '';
    const yearText = m[2];
    const bare = !/\s/.test(name) || /^New\s{1,3}Year['’]s$/.test(name);
    if (bare && !yearText && !HOLIDAY_PREPOSITION_RE.test(before(ctx, m.index, 12))) continue;
    let day: Day | undefined;
    if (yearText) day = holidayDay(name, Number(yearText));
    else if (ctx.ref) {
      const ref = ctx.ref;
      const year = pickYear(
        ref,
        forwardCue(ctx.text, m.index),
        (y) => holidayDay(name, y) ?? { year: y, month: 1, day: 1 },
        (y) => holidayDay(name, y) ?? { year: y, month: 1, day: 1 },
      );
      day = holidayDay(name, year);
    }
    const end = m.index + m[0].length;
    const c = candidate(ctx.text, m.index, end, {
      type: 'DATE',
      value: day ? dayString(day) : 'XXXX-XX-XX',
      priority: 5,
    });
    if (day) {
      c.date = { start: dayString(day), precision: 'day' };
      c.anchored = yearText ? 'absolute' : 'publication';
    }
    out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 24-hour clock times

/** "0930 GMT", "1400 hours", "2300 local time": four digits read as a time only with a zone or "hours". */
const MILITARY_RE =
  /(?<![\w.:,$£€])([01]\d|2[0-3])([0-5]\d)\s{0,2}(?:(GMT|UTC|Z|Zulu)\b|hrs\b|hours\b|h\b|local\s{1,3}time\b)/g;

function militaryTimes(ctx: RuleContext, out: Candidate[]): void {
  for (const m of ctx.text.matchAll(MILITARY_RE)) {
    const clock = `T${m[1]}:${m[2]}${m[3] ? 'Z' : ''}`;
    const ref = ctx.ref;
    const day =
      ref && ref.month !== undefined && ref.day !== undefined
        ? dayString({ year: ref.year, month: ref.month, day: ref.day })
        : 'XXXX-XX-XX';
    const c = candidate(ctx.text, m.index, m.index + m[0].length, {
      type: 'TIME',
      value: `${day}${clock}`,
      priority: 6,
    });
    c.clock = clock;
    out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A month with a relative year

const MONTH_CAP = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** "September of this year", "January next year", "March 3 last year", "3 March next year". */
const MONTH_REL_YEAR_RE = new RegExp(
  String.raw`\b(?:(\d{1,2})\s{1,3}${MONTH_CAP}|${MONTH_CAP}(?:\s{1,3}(\d{1,2})(?:st|nd|rd|th)?)?)(?:\s{1,3}of)?\s{1,3}(this|next|last)\s{1,3}year\b`,
  'g',
);
/**
 * Anchor: "year", a whole word (whitespace before it, \b after it). Before it at most a month ("September.", 10), a
 * day with its suffix (4), "of" (2) and "this" (4): 20 non-space code units.
 */
const MONTH_REL_YEAR_SCAN = wordAnchored(MONTH_REL_YEAR_RE, ['year'], 24, true);

function monthsOfRelativeYears(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, MONTH_REL_YEAR_SCAN)) {
    const month = MONTH_NUMBER[(m[2] ?? m[3] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) continue;
    const dayText = m[1] ?? m[4];
    const ref = ctx.ref;
    const which = m[5] ?? 'this';
    let value: string;
    let date: ResolvedDate | undefined;
    if (ref) {
      const year = which === 'next' ? ref.year + 1 : which === 'last' ? ref.year - 1 : ref.year;
      const day = dayText === undefined ? undefined : Number(dayText);
      if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) continue;
      value = day === undefined ? monthString(year, month) : dayString({ year, month, day });
      date = { start: value, precision: day === undefined ? 'month' : 'day' };
    } else {
      value = `XXXX-${String(month).padStart(2, '0')}${dayText ? `-${dayText.padStart(2, '0')}` : ''}`;
    }
    const c = candidate(ctx.text, m.index, m.index + m[0].length, { type: 'DATE', value, priority: 7 });
    if (date) {
      c.date = date;
      c.anchored = 'publication';
    }
    out.push(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of the current period

/** "the end of the year", "the beginning of the month", "the middle of the week", "later in the year". */
const PERIOD_PART_RE =
  /\b(?:(?:the\s{1,3})?(end|beginning|start|middle)\s{1,3}of|(?:earlier|later)\s{1,3}in)\s{1,3}the\s{1,3}(week|month|year)\b/gi;
/**
 * Anchor: the period word, a whole word (whitespace before it, \b after it). Before it at most "the beginning of"
 * (14) or "earlier in" (9), then "the": 17 non-space code units.
 */
const PERIOD_PART_SCAN = wordAnchored(PERIOD_PART_RE, ['week', 'month', 'year'], 20, true);

function periodParts(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, PERIOD_PART_SCAN)) {
    const part = (m[1] ?? '').toLowerCase();
    const unit = (m[2] ?? 'year').toLowerCase() as 'week' | 'month' | 'year';
    const end = m.index + m[0].length;
    if (/^\s{0,2}(?:before|after|of|in\s{1,3}which)\b/i.test(after(ctx, end, 14))) continue; // "the end of the year before"
    const mod: TimexMod | undefined =
      part === 'end'
        ? 'END'
        : part === 'beginning' || part === 'start'
          ? 'START'
          : part === 'middle'
            ? 'MID'
            : undefined;
    // Forward-looking clauses mean the current period; otherwise the period of the previous date in the text
    // ("In 2010 sales fell; by the end of the year ..."), else of publication.
    const value = unit === 'week' ? 'XXXX-WXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX';
    const c = candidate(ctx.text, m.index, end, { type: 'DATE', value, priority: 5 });
    const now = ctx.ref && forwardCue(ctx.text, m.index) ? shiftPeriod(refBase(ctx.ref), unit, 0) : undefined;
    if (now) {
      c.value = now.value;
      if (now.date) c.date = now.date;
      c.anchored = 'publication';
    } else c.anaphor = { unit, n: 0, shape: 'period' };
    if (mod) c.mod = mod;
    out.push(c);
  }
}

/** "year-end", "year end", "year-end 2012": December of that year (TimeBank: "around year end" = 1989-12). */
const YEAR_END_RE = new RegExp(String.raw`\byear[\s-]end(?:\s{1,3}${YEAR})?(?![\w-])`, 'gi');
/** Anchor: "year", a whole word (\b before it, whitespace or a hyphen after it). Nothing before it. */
const YEAR_END_SCAN = wordAnchored(YEAR_END_RE, ['year'], 0, true);

function yearEnds(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, YEAR_END_SCAN)) {
    let year: number | undefined = m[1] ? Number(m[1]) : undefined;
    if (year === undefined && ctx.ref) {
      year = pickYear(
        ctx.ref,
        forwardCue(ctx.text, m.index),
        (y) => ({ year: y, month: 12, day: 1 }),
        (y) => ({ year: y, month: 12, day: 31 }),
      );
    }
    const value = year === undefined ? 'XXXX-12' : monthString(year, 12);
    const c = candidate(ctx.text, m.index, m.index + m[0].length, { type: 'DATE', value, priority: 5 });
    if (year !== undefined) {
      c.date = { start: value, precision: 'month' };
      c.anchored = m[1] ? 'absolute' : 'publication';
    }
    out.push(c);
  }
}

/**
 * A season without a year after a temporal preposition: "in the summer", "during the winter", "by spring". The
 * relative rule owns "this/last/next summer" and the season rule "the summer of 2013".
 */
const BARE_SEASON_RE =
  /\b(?:in|during|over|by|since|until|till|through|throughout|before|after)\s{1,3}((?:(?:the|early|late|mid)[\s-]{1,2})?(spring|summer|autumn|fall|winter))\b/gi;
/**
 * Anchor: the season, a whole word (whitespace or a separator before it, \b after it). Before it at most
 * "throughout" + "early" + 2 separators: 17 non-space code units.
 */
const BARE_SEASON_SCAN = wordAnchored(BARE_SEASON_RE, ['spring', 'summer', 'autumn', 'fall', 'winter'], 20, true);

function bareSeasons(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, BARE_SEASON_SCAN)) {
    const word = (m[2] ?? '').toLowerCase();
    const end = m.index + m[0].length;
    const next = after(ctx, end, 12);
    // "the fall of the empire", "the winter Olympics", "the spring session" (a noun after it), "in spring 2013".
    if (
      /^\s{1,3}(?:of\b|\d)|^\s{0,3}[-–]?\s{0,2}[A-Za-z]/.test(next) &&
      !/^\s{0,3}(?:[,.;:!?)]|and\b|or\b|when\b|as\b|$)/i.test(next)
    )
      continue;
    if (word === 'fall' && !/\bthe\s{1,3}fall$/i.test(m[0])) continue; // "by fall" is rare; "in fall" is a verb phrase
    const code = SEASON_CODE[word] ?? 'SU';
    const months = SEASON_MONTHS[code] ?? [6, 8];
    const start = end - (m[1] ?? '').length;
    let year: number | undefined;
    if (ctx.ref) {
      year = pickYear(
        ctx.ref,
        forwardCue(ctx.text, m.index),
        (y) => ({ year: y, month: months[0], day: 1 }),
        (y) => (months[1] > 12 ? lastDayOf(y + 1, months[1] - 12) : lastDayOf(y, months[1])),
      );
    }
    const c = candidate(ctx.text, start, end, {
      type: 'DATE',
      value: `${year === undefined ? 'XXXX' : yearString(year)}-${code}`,
      priority: 4,
    });
    const date = year === undefined ? undefined : seasonDate(year, code);
    if (date) {
      c.date = date;
      c.anchored = 'publication';
    }
    const mod = modOfWord(/^(?:early|late|mid)/i.exec(ctx.text.slice(start, end))?.[0]);
    if (mod) c.mod = mod;
    out.push(c);
  }
}

/** Every rule of this file over the masked text. */
export function periodCandidates(ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  quartersAndHalves(ctx, out);
  fiscalYears(ctx, out);
  centuries(ctx, out);
  shortDecades(ctx, out);
  weekends(ctx, out);
  holidays(ctx, out);
  militaryTimes(ctx, out);
  monthsOfRelativeYears(ctx, out);
  periodParts(ctx, out);
  yearEnds(ctx, out);
  bareSeasons(ctx, out);
  return out;
}

/** Every anchored scan of this module, for the test that each one finds what `matchAll` finds. */
export const ANCHORED_SCANS: readonly AnchoredRegex[] = [
  ORDINAL_PERIOD_SCAN,
  FISCAL_SCAN,
  FISCAL_REL_SCAN,
  CENTURY_SCAN,
  DECADE_SHORT_SCAN,
  HOLIDAY_SCAN,
  MONTH_REL_YEAR_SCAN,
  PERIOD_PART_SCAN,
  BARE_SEASON_SCAN,
  Q_PERIOD_SCAN,
  THE_WEEKEND_SCAN,
  YEAR_END_SCAN,
];
