/**
 * Hand-written temporal rules that complement chrono: decades, year ranges, bare years, seasons, relative periods
 * ("last week", "next year"), pub-relative and anaphoric offsets ("28 years ago", "four days later"), durations,
 * sets and vague references ("now", "recently").
 *
 * Every regex is linear: bounded repetitions, no nested quantifiers over overlapping classes, and context checks
 * run on short slices (at most CONTEXT characters). Each rule is one global pass over the (masked) text.
 */
import type { Anaphor, Candidate, ResolvedDate, TimexMod } from './dates-types';
import {
  addDays,
  addMonths,
  daysInMonth,
  dayString,
  isoWeekday,
  mondayOf,
  monthString,
  referenceString,
  weekValue,
  yearString,
  type Day,
  type Reference,
} from './dates-calendar';
import { anchoredMatches, wordAnchored, yearAnchored, type AnchoredRegex } from './dates-scan';

/** Longest context slice any rule looks at, before or after a match. */
export const CONTEXT = 48;

export interface RuleContext {
  /** Masked text: same length as the original, furniture blanked, glued digits ("COVID-19") hidden. */
  text: string;
  ref: Reference | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_VALUE = new Map<string, number>([
  ...ONES.map((w, i): [string, number] => [w, i + 1]),
  ...TEENS.map((w, i): [string, number] => [w, i + 10]),
  ...TENS.map((w, i): [string, number] => [w, (i + 2) * 10]),
  ['a', 1],
  ['an', 1],
  ['a couple of', 2],
  ['couple of', 2],
  ['a dozen', 12],
  ['a hundred', 100],
]);

/** A count: digits, number words up to ninety-nine, "a"/"an", or a vague count ("several", "a few"). */
const NUM_PLAIN = String.raw`\d{1,3}(?:,\d{3}){1,2}|\d{1,4}(?:\.\d{1,2})?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|a\s+hundred|dozens\s+of|hundreds\s+of|several|many|few|some|an?`;
/** A count that may end in "and a half": "two and a half", "a year and a half" is not covered. */
const NUM = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)\s{1,3}and\s{1,3}a\s{1,3}half|${NUM_PLAIN}`;

const UNIT = String.raw`decades?|century|centuries|years?|months?|weeks?|days?|hours?|minutes?|seconds?|weekends?|quarters?|nights?`;
/** Every word UNIT matches, in lower case (the anchor words of the rules built on UNIT). */
const UNIT_WORDS = [
  ...['decade', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'weekend', 'quarter', 'night'].flatMap(
    (w) => [w, `${w}s`],
  ),
  'century',
  'centuries',
];

/** Parses a count; 'X' for a vague one. */
export function parseCount(raw: string): number | 'X' | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, ' ');
  const half = /^(.+) and a half$/.exec(s);
  if (half) {
    const whole = parseCount(half[1] ?? '');
    return typeof whole === 'number' ? whole + 0.5 : undefined;
  }
  if (/^\d/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  const direct = WORD_VALUE.get(s);
  if (direct !== undefined) return direct;
  const compound = /^(\w+)[- ](\w+)$/.exec(s);
  if (compound) {
    const tens = WORD_VALUE.get(compound[1] ?? '');
    const ones = WORD_VALUE.get(compound[2] ?? '');
    if (tens !== undefined && ones !== undefined) return tens + ones;
  }
  if (/^(?:a few|few|several|many|some|dozens of|hundreds of)$/.test(s)) return 'X';
  return undefined;
}

type UnitName =
  | 'decade'
  | 'century'
  | 'year'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'weekend'
  | 'quarter'
  | 'night';

export function unitOf(raw: string): UnitName | undefined {
  const s = raw.toLowerCase();
  if (s.startsWith('centur')) return 'century';
  const base = s.endsWith('s') ? s.slice(0, -1) : s;
  switch (base) {
    case 'decade':
    case 'year':
    case 'month':
    case 'week':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second':
    case 'weekend':
    case 'quarter':
    case 'night':
      return base;
    default:
      return undefined;
  }
}

/** TIMEX3 duration value for a count of units, e.g. P4D, P65Y, PT3H, PXY, P2DE. */
export function durationValue(n: number | 'X', unit: UnitName): string {
  switch (unit) {
    // TimeML units DE and CE: "a decade" P1DE, "two centuries" P2CE (as "decades" is PXDE).
    case 'decade':
      return `P${n}DE`;
    case 'century':
      return `P${n}CE`;
    case 'year':
      return `P${n}Y`;
    case 'month':
      return `P${n}M`;
    case 'week':
      return `P${n}W`;
    case 'day':
    case 'night':
      return `P${n}D`;
    case 'weekend':
      return `P${n}WE`;
    case 'quarter':
      return `P${n}Q`;
    case 'hour':
      return `PT${n}H`;
    case 'minute':
      return `PT${n}M`;
    case 'second':
      return `PT${n}S`;
  }
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const MONTH_PATTERN = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

export function monthNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/\.$/, '');
  if (s.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(s));
  return i < 0 ? undefined : i + 1;
}

export const SEASON_CODE: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};
/** First and last month of a (northern) season; winter runs into the next year. */
export const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

export function seasonDate(year: number, code: string): ResolvedDate | undefined {
  const months = SEASON_MONTHS[code];
  if (!months) return undefined;
  const end = addMonths(year, months[1], 0);
  const endFixed = months[1] > 12 ? addMonths(year, months[1] - 12, 12) : end;
  return { start: monthString(year, months[0]), end: monthString(endFixed.year, endFixed.month), precision: 'month' };
}

const PART_CODE: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

// ---------------------------------------------------------------------------------------------------------------
// Helpers

export function candidate(
  text: string,
  start: number,
  end: number,
  fields: Omit<Candidate, 'start' | 'end' | 'text'>,
): Candidate {
  return { start, end, text: text.slice(start, end), ...fields };
}

export function before(ctx: RuleContext, index: number, length = CONTEXT): string {
  return ctx.text.slice(Math.max(0, index - length), index);
}

export function after(ctx: RuleContext, index: number, length = CONTEXT): string {
  return ctx.text.slice(index, index + length);
}

const yearDate = (year: number): ResolvedDate => ({ start: yearString(year), precision: 'year' });
const monthDate = (year: number, month: number): ResolvedDate => ({
  start: monthString(year, month),
  precision: 'month',
});
const dayDate = (d: Day): ResolvedDate => ({ start: dayString(d), precision: 'day' });
function weekDate(d: Day): ResolvedDate {
  const monday = mondayOf(d);
  return { start: dayString(monday), end: dayString(addDays(monday, 6)), precision: 'day' };
}
function weekendDate(d: Day): ResolvedDate {
  const saturday = addDays(mondayOf(d), 5);
  return { start: dayString(saturday), end: dayString(addDays(saturday, 1)), precision: 'day' };
}

/** Months covered by early/mid/late parts of a year. */
export function modYearDate(year: number, mod: TimexMod): ResolvedDate {
  const [a, b] = mod === 'START' ? [1, 4] : mod === 'MID' ? [5, 8] : [9, 12];
  return { start: monthString(year, a), end: monthString(year, b), precision: 'month' };
}

/** Offsets a reference period by n units and returns the TIMEX3 value and date at that unit's granularity. */
export function shiftPeriod(
  base: { year: number; month?: number; day?: Day },
  unit: 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'century' | 'quarter',
  n: number,
): { value: string; date?: ResolvedDate } | undefined {
  switch (unit) {
    case 'day': {
      if (!base.day) return undefined;
      const d = addDays(base.day, n);
      return { value: dayString(d), date: dayDate(d) };
    }
    case 'week': {
      if (!base.day) return undefined;
      const d = addDays(base.day, 7 * n);
      return { value: weekValue(d), date: weekDate(d) };
    }
    case 'weekend': {
      if (!base.day) return undefined;
      // "this weekend" is the weekend of the current ISO week; "last weekend" the one before.
      const d = addDays(base.day, 7 * n);
      return { value: `${weekValue(d)}-WE`, date: weekendDate(d) };
    }
    case 'month': {
      if (base.month === undefined) return undefined;
      const m = addMonths(base.year, base.month, n);
      return { value: monthString(m.year, m.month), date: monthDate(m.year, m.month) };
    }
    case 'quarter': {
      if (base.month === undefined) return undefined;
      const q0 = base.year * 4 + Math.floor((base.month - 1) / 3) + n;
      const year = Math.floor(q0 / 4);
      const q = (q0 % 4) + 1;
      return {
        value: `${yearString(year)}-Q${q}`,
        date: { start: monthString(year, q * 3 - 2), end: monthString(year, q * 3), precision: 'month' },
      };
    }
    case 'year':
      return { value: yearString(base.year + n), date: yearDate(base.year + n) };
    case 'decade': {
      const d = Math.floor(base.year / 10) + n;
      return {
        value: String(d),
        date: { start: yearString(d * 10), end: yearString(d * 10 + 9), precision: 'decade' },
      };
    }
    case 'century': {
      const c = Math.floor(base.year / 100) + n;
      return {
        value: String(c).padStart(2, '0'),
        date: { start: yearString(c * 100), end: yearString(c * 100 + 99), precision: 'decade' },
      };
    }
  }
}

export function refBase(ref: Reference): { year: number; month?: number; day?: Day } {
  const base: { year: number; month?: number; day?: Day } = { year: ref.year };
  if (ref.month !== undefined) base.month = ref.month;
  if (ref.month !== undefined && ref.day !== undefined) base.day = { year: ref.year, month: ref.month, day: ref.day };
  return base;
}

export function unresolvedValue(unit: string): string {
  switch (unit) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    default:
      return 'XXXX';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules

const YEAR = String.raw`(1\d{3}|20\d\d|21\d\d)`;

/** "the 1970s", "the early 1990s", "mid-1980s", "1960s". */
const DECADE_RE = /\b(?:the\s{1,3})?(?:(early|mid|late)[\s-]{1,2})?(1[5-9]\d|20\d)0'?s\b/gi;
/**
 * Anchor: the decade's digits, a whole word ("1990s", or "1990" before "'s": whitespace, a separator or \b before
 * it, \b or the quote after it). Before them at most "the" + "early" + 2 separators: 10 non-space code units.
 */
const DECADE_SCAN = wordAnchored(
  DECADE_RE,
  Array.from({ length: 60 }, (_, k) => `${150 + k}0`).flatMap((y) => [y, `${y}s`]),
  12,
  true,
);

function decades(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, DECADE_SCAN)) {
    const decade = Number(m[2]);
    const modWord = m[1]?.toLowerCase();
    const mod: TimexMod | undefined =
      modWord === 'early' ? 'START' : modWord === 'mid' ? 'MID' : modWord === 'late' ? 'END' : undefined;
    const first = decade * 10;
    let date: ResolvedDate = { start: yearString(first), end: yearString(first + 9), precision: 'decade' };
    if (mod) {
      const [a, b] = mod === 'START' ? [0, 3] : mod === 'MID' ? [3, 6] : [6, 9];
      date = { start: yearString(first + a), end: yearString(first + b), precision: 'year' };
    }
    const c = candidate(ctx.text, m.index, m.index + m[0].length, {
      type: 'DATE',
      value: String(decade),
      date,
      anchored: 'absolute',
      priority: 6,
    });
    if (mod) c.mod = mod;
    out.push(c);
  }
}

/** "between 1956 and 1970", "from 1975 to 1979", "1975-1979", "2009-10". */
const RANGE_RE = new RegExp(
  String.raw`(?<![\w$£€.,-])(?:(between|from)\s{1,3})?${YEAR}\s{0,2}([-–—]|\b(?:and|to|until|till|through)\b)\s{0,2}(\d{4}|\d{2})(?![\w%])`,
  'gi',
);
/**
 * Anchor: the first year, a whole word (the look-behind or whitespace before it; whitespace or a dash after it,
 * since \b cannot hold between its last digit and "and"/"to"). Before it at most "between": 7 non-space code units.
 * RANGE_RE starts with a look-behind, not \b: every position of the window is tried.
 */
const RANGE_SCAN = yearAnchored(RANGE_RE, 8, false);

function yearRanges(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, RANGE_SCAN)) {
    const intro = m[1]?.toLowerCase();
    const sep = (m[3] ?? '').toLowerCase();
    const a = Number(m[2]);
    const rawB = m[4] ?? '';
    let b = Number(rawB);
    if (rawB.length === 2) b = Math.floor(a / 100) * 100 + b;
    if (!(b > a && b - a <= 200 && a >= 1000)) continue;
    const dash = /^[-–—]$/.test(sep);
    if (sep === 'and' && intro !== 'between') continue;
    if (!dash && sep !== 'and' && intro !== 'from') continue;
    if (dash && !intro && rawB.length === 4 && /^\s/.test(m[0].slice(4))) continue; // "1975 - 1979" spaced: ambiguous
    // TimeML annotates each endpoint as its own timex ("between <1956> and <1970>"), without the preposition.
    const firstStart = m.index + (m[1] ? m[0].indexOf(m[2] ?? '') : 0);
    const end = m.index + m[0].length;
    pushRange(ctx, out, [firstStart, firstStart + 4, a], [end - rawB.length, end, b]);
  }
}

/** Two endpoint candidates of a year range, sharing the range's date and offsets. */
function pushRange(
  ctx: RuleContext,
  out: Candidate[],
  first: [number, number, number],
  last: [number, number, number],
): void {
  const date: ResolvedDate = { start: yearString(first[2]), end: yearString(last[2]), precision: 'year' };
  const range = { start: first[0], end: last[1] };
  const [x, y] = [first, last].map(([s, e, year]) =>
    candidate(ctx.text, s, e, {
      type: 'DATE',
      value: yearString(year),
      date,
      range,
      anchored: 'absolute',
      priority: 6,
    }),
  );
  if (!x || !y) return;
  x.partner = y;
  y.partner = x;
  out.push(x, y);
}

const BARE_YEAR_RE = /(?<![\w$£€.,'’:/])(1\d{3}|20\d\d|21\d\d)(?![\w%°]|[.,:/-]\d|[’']s)/g;
/** Words after which a four-digit number reads as a year. */
const YEAR_CONTEXT_RE =
  /\b(?:in|by|since|until|till|of|during|from|before|after|around|circa|through|throughout|between|year|fiscal|and|or|to|for)\s{1,3}(?:(?:the\s+)?(early|late|mid|middle|end|start|beginning)(?:\s+of)?[\s-]{1,2})?$/i;
/** Words before a number that make it a count, a score or a label rather than a year ("rose to 1950 points"). */
const COUNT_CONTEXT_BEFORE_RE =
  /(?:\b(?:about|some|nearly|almost|around|approximately|roughly|over|under|than|to|at|reached|hit|totaled|totalled|scored|of\s{1,3}the|all|just|only|number|no|resolution|article|section|chapter|paragraph|clause|rule|room|flight|route|highway|page|model|version|lot|unit|suite|box|item|volume|vol|issue|form|code)|[#№]|\d[\s,.]{0,2})\s{0,3}$/i;
/** A clock or a decimal after the number: "2000 GMT", "1930:45", "2012.5". */
const CLOCK_AFTER_RE = /^(?:\s{0,2}(?:GMT|UTC|hours\b|hrs\b|h\b|local\s{1,3}time)|[:.]\d)/i;
const MOD_ONLY_RE = /\b(early|late|mid)[\s-]{1,2}$/i;
const DETERMINER_RE = /(?:\b(?:the|a|an|his|her|its|their|our|this|that|whose)|['’]s)\s{1,3}$/i;
const FUNCTION_WORDS_ENDING_IN_S = new Set([
  'was',
  'has',
  'is',
  'as',
  'its',
  'this',
  'thus',
  'his',
  'plus',
  'does',
  'us',
  'always',
  'perhaps',
  'across',
  'unless',
  'whereas',
  'besides',
  'nevertheless',
  'afterwards',
  'towards',
]);

function modOf(word: string | undefined): TimexMod | undefined {
  switch (word?.toLowerCase()) {
    case 'early':
    case 'start':
    case 'beginning':
      return 'START';
    case 'mid':
    case 'middle':
      return 'MID';
    case 'late':
    case 'end':
      return 'END';
    default:
      return undefined;
  }
}

function bareYears(ctx: RuleContext, out: Candidate[]): void {
  for (const m of ctx.text.matchAll(BARE_YEAR_RE)) {
    const year = Number(m[1]);
    const s = m.index;
    const e = s + m[0].length;
    const left = before(ctx, s);
    const right = after(ctx, e);
    if (left.endsWith('-') && !MOD_ONLY_RE.test(left)) continue; // "2009-2010" (ranges), "No-1990"
    const nextWord = /^\s{1,3}([a-z]+)/i.exec(right)?.[1];
    // "2000 people" is a count, "1979 was" a year. After a determiner or a possessive a plausible year stays a year: "its 2012 results", "the 2013 forecasts".
    const modifiesNoun = year >= 1900 && year <= 2100 && DETERMINER_RE.test(left);
    const pluralCount =
      nextWord !== undefined &&
      /^[a-z]+s$/.test(nextWord) &&
      !FUNCTION_WORDS_ENDING_IN_S.has(nextWord) &&
      !modifiesNoun;
    const unitAfter =
      /^\s{0,2}(?:%|percent|per\b|km|kilomet|met(?:er|re)s|miles|tons|tonnes|dollars|euros|yen|riel|feet|people|troops|points)/i.test(
        right,
      );
    if (pluralCount || unitAfter) continue;
    let mod: TimexMod | undefined;
    let start = s;
    const context = YEAR_CONTEXT_RE.exec(left);
    let ok = false;
    if (context) {
      const word = left.slice(context.index).trim().split(/\s+/)[0]?.toLowerCase();
      // "and"/"or"/"to"/"for" only continue a list of years ("in 1990 and 1991"); alone they do not introduce one.
      const weak = word === 'and' || word === 'or' || word === 'to' || word === 'for';
      ok = !weak || /\b(?:1\d{3}|20\d\d)\s{0,2}(?:and|or|to)\s{1,3}$/.test(left.slice(-16));
      if (context[1]) {
        mod = modOf(context[1]);
        const modStart = left.toLowerCase().lastIndexOf(context[1].toLowerCase());
        const theStart = /\bthe\s+$/i.exec(left.slice(0, modStart));
        start = s - left.length + (theStart ? theStart.index : modStart);
      }
    } else {
      const only = MOD_ONLY_RE.exec(left);
      if (only?.[1]) {
        ok = true;
        mod = modOf(only[1]);
        start = s - left.length + only.index;
      } else if (year >= 1900 && year <= 2100) {
        // A plausible year right before a name or after a determiner: "2022 ASEAN Chair", "the 2020 budget".
        const capitalAfter = nextWord !== undefined && /^[A-Z]/.test(nextWord) && !/^[A-Z][a-z]+s$/.test(nextWord);
        const determiner = DETERMINER_RE.test(left) && nextWord !== undefined;
        const sentenceEndYear = /\b(?:year|in|of)\s{1,3}$/i.test(left);
        ok = capitalAfter || determiner || sentenceEndYear;
      }
    }
    // Any other plausible year that does not read as a count or a quantity ("2012 was a good year", "compared
    // with 2011", "Euro 2012"): four-digit counts in news carry a comma ("2,000"), so these are years.
    if (!ok && year >= 1900 && year <= 2100 && !COUNT_CONTEXT_BEFORE_RE.test(left) && !CLOCK_AFTER_RE.test(right))
      ok = true;
    if (!ok) continue;
    const c = candidate(ctx.text, start, e, {
      type: 'DATE',
      value: yearString(year),
      date: mod ? modYearDate(year, mod) : yearDate(year),
      anchored: 'absolute',
      priority: 2,
    });
    if (mod) c.mod = mod;
    out.push(c);
  }
}

/** "summer of 2013", "the winter 2020", "early spring 1990". */
const SEASON_RE = new RegExp(
  String.raw`\b(?:the\s{1,3})?(?:(early|late|mid)[\s-]{1,2})?(spring|summer|autumn|fall|winter)(?:\s{1,3}of)?\s{1,3}${YEAR}\b`,
  'gi',
);
/**
 * Anchor: the season, a whole word (\b or a separator before it, whitespace after it). Before it at most "the" +
 * "early" + 2 separators: 10 non-space code units.
 */
const SEASON_SCAN = wordAnchored(SEASON_RE, ['spring', 'summer', 'autumn', 'fall', 'winter'], 12, true);

function seasons(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, SEASON_SCAN)) {
    const code = SEASON_CODE[(m[2] ?? '').toLowerCase()] ?? 'SU';
    const year = Number(m[3]);
    const c = candidate(ctx.text, m.index, m.index + m[0].length, {
      type: 'DATE',
      value: `${yearString(year)}-${code}`,
      anchored: 'absolute',
      priority: 5,
    });
    const date = seasonDate(year, code);
    if (date) c.date = date;
    const mod = modOf(m[1]);
    if (mod) c.mod = mod;
    out.push(c);
  }
}

/** "last week", "this month", "next year", "the following week", "this morning", "last summer". */
const RELATIVE_RE =
  /\b(?:(the)\s{1,3})?(this|last|next|coming|current|previous|following|same|preceding|past)\s{1,3}(week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b/gi;
/**
 * Anchor: the period word, a whole word (whitespace before it, \b after it). Before it at most "the" +
 * "following"/"preceding": 12 non-space code units.
 */
const RELATIVE_SCAN = wordAnchored(
  RELATIVE_RE,
  'week weekend month year quarter decade century spring summer autumn fall winter morning afternoon evening night'.split(
    ' ',
  ),
  16,
  true,
);

function relativePeriods(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, RELATIVE_SCAN)) {
    const the = m[1] !== undefined;
    const which = (m[2] ?? '').toLowerCase();
    const unit = (m[3] ?? '').toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    const part = PART_CODE[unit];
    if (which === 'past' && unit !== 'weekend') continue; // "the past year" is a duration (durations rule)
    if (which === 'last' && the && /^\s{1,3}(?:of|two|three|few|several)\b/i.test(after(ctx, end, 12))) continue;
    const anaphoric =
      which === 'following' ||
      which === 'same' ||
      which === 'previous' ||
      which === 'preceding' ||
      (the && which === 'next');
    const n =
      which === 'this' || which === 'current' || which === 'same'
        ? 0
        : which === 'last' || which === 'previous' || which === 'preceding' || which === 'past'
          ? -1
          : 1;
    if (part) {
      if (anaphoric) {
        const anaphor: Anaphor = { unit: 'day', n: which === 'same' ? 0 : n, shape: 'point', part };
        out.push(candidate(ctx.text, start, end, { type: 'TIME', value: `XXXX-XX-XXT${part}`, priority: 5, anaphor }));
        continue;
      }
      // "this morning", "last night" (the night before), "next morning" is anaphoric in narrative; skip "next".
      if (which === 'next' || which === 'coming') continue;
      const shift = which === 'last' && unit === 'night' ? -1 : which === 'last' ? -1 : 0;
      const base = ctx.ref ? refBase(ctx.ref) : undefined;
      const r = base ? shiftPeriod(base, 'day', shift) : undefined;
      const c = candidate(ctx.text, start, end, {
        type: 'TIME',
        value: `${r ? r.value : 'XXXX-XX-XX'}T${part}`,
        priority: 5,
      });
      if (r?.date) {
        c.date = r.date;
        c.anchored = 'publication';
      }
      out.push(c);
      continue;
    }
    const season = SEASON_CODE[unit];
    if (season) {
      if (anaphoric) continue;
      const ref = ctx.ref;
      if (!ref || ref.month === undefined) {
        out.push(candidate(ctx.text, start, end, { type: 'DATE', value: `XXXX-${season}`, priority: 5 }));
        continue;
      }
      const seasonStart = SEASON_MONTHS[season]?.[0] ?? 1;
      // "this summer" = the summer of the publication year; last/next = the one before/after the publication month.
      let year = ref.year;
      if (n < 0) year = ref.month > (SEASON_MONTHS[season]?.[1] ?? 12) ? ref.year : ref.year - 1;
      if (n > 0) year = ref.month < seasonStart ? ref.year : ref.year + 1;
      const c = candidate(ctx.text, start, end, {
        type: 'DATE',
        value: `${yearString(year)}-${season}`,
        anchored: 'publication',
        priority: 5,
      });
      const date = seasonDate(year, season);
      if (date) c.date = date;
      out.push(c);
      continue;
    }
    const u = unit as 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade' | 'century';
    if (anaphoric && (u === 'decade' || u === 'century') && which !== 'same') {
      // "over the next decade": TimeML reads a stretch of ten years.
      out.push(candidate(ctx.text, start, end, { type: 'DURATION', value: durationValue(1, u), priority: 5 }));
      continue;
    }
    if (anaphoric) {
      if (u === 'week' || u === 'month' || u === 'year') {
        const anaphor: Anaphor = { unit: u, n, shape: 'period' };
        out.push(candidate(ctx.text, start, end, { type: 'DATE', value: unresolvedValue(u), priority: 5, anaphor }));
      }
      continue;
    }
    if (which === 'last' && (u === 'decade' || u === 'century')) {
      out.push(candidate(ctx.text, start, end, { type: 'DURATION', value: durationValue(1, u), priority: 5 }));
      continue;
    }
    const r = ctx.ref ? shiftPeriod(refBase(ctx.ref), u, n) : undefined;
    const c = candidate(ctx.text, start, end, { type: 'DATE', value: r ? r.value : unresolvedValue(u), priority: 5 });
    if (r) {
      c.anchored = 'publication';
      if (r.date) c.date = r.date;
    }
    out.push(c);
  }
}

/** "28 years ago", "four days later", "two weeks after", "a year earlier", "years ago". */
const OFFSET_RE = new RegExp(
  String.raw`\b(?:(${NUM})[\s-]{1,2})?(${UNIT})\s{1,3}(ago|earlier|later|before|after|hence|back|from\s+now)\b`,
  'gi',
);
/**
 * Anchor: the unit, a whole word (\b or a separator before it, whitespace after it). Before it at most a count
 * (NUM: "twelve and a half", 14 non-space code units) and two separators: 16.
 */
const OFFSET_SCAN = wordAnchored(OFFSET_RE, UNIT_WORDS, 20, true);

function offsets(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, OFFSET_SCAN)) {
    const unit = unitOf(m[2] ?? '');
    const dir = (m[3] ?? '').toLowerCase();
    const start = m.index;
    let end = start + m[0].length;
    if (!unit || unit === 'weekend' || unit === 'quarter' || unit === 'night') continue;
    const count = m[1] === undefined ? 'X' : parseCount(m[1]);
    if (count === undefined) continue;
    if (m[1] === undefined && !(m[2] ?? '').toLowerCase().endsWith('s')) continue; // "year ago" without a count
    // "(arrives on November 11,) three days later than planned": a delay that re-describes the date before it.
    let delay = false;
    if ((dir === 'later' || dir === 'earlier') && /^\s{1,3}than\b/i.test(after(ctx, end, 8))) {
      const than = THAN_PLANNED_RE.exec(after(ctx, end, CONTEXT));
      if (!than) continue;
      end += than[0].length;
      delay = true;
    }
    if (dir === 'before' || dir === 'after') {
      // "two weeks after the election" is a duration before an event; only a clause-final "after" is anaphoric.
      if (!/^\s{0,2}(?:[,.;:!?)\]"”—–]|$|and\b|when\b|that\b)/.test(after(ctx, end, 8))) continue;
    }
    const pubRelative = dir === 'ago' || dir === 'hence' || dir === 'back' || dir.startsWith('from');
    const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'back' ? -1 : 1;
    if (count === 'X') {
      if (pubRelative) {
        out.push(
          candidate(ctx.text, start, end, { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', priority: 6 }),
        );
      }
      continue;
    }
    if (!Number.isInteger(count)) continue;
    let u: 'day' | 'week' | 'month' | 'year' = 'year';
    let n = count * sign;
    if (unit === 'decade') n *= 10;
    else if (unit === 'century') n *= 100;
    else if (unit === 'day' || unit === 'week' || unit === 'month') u = unit;
    else if (unit === 'hour' || unit === 'minute' || unit === 'second') {
      u = 'day';
      n = 0;
    }
    if (pubRelative) {
      const base = ctx.ref ? refBase(ctx.ref) : undefined;
      // Weeks ago are resolved as days: "two weeks ago" = the day 14 days before publication.
      const r = base ? (u === 'week' ? shiftPeriod(base, 'day', n * 7) : shiftPeriod(base, u, n)) : undefined;
      const c = candidate(ctx.text, start, end, {
        type: 'DATE',
        value: r ? r.value : unresolvedValue(u === 'week' ? 'day' : u),
        priority: 6,
      });
      if (r) {
        c.anchored = 'publication';
        if (r.date) c.date = r.date;
      }
      out.push(c);
    } else {
      const anaphor: Anaphor = delay ? { unit: 'day', n: 0, shape: 'point' } : { unit: u, n, shape: 'point' };
      out.push(
        candidate(ctx.text, start, end, {
          type: 'DATE',
          value: unresolvedValue(delay || u === 'week' ? 'day' : u),
          priority: 6,
          anaphor,
        }),
      );
    }
  }
}

/** "than planned", "than originally scheduled", "than expected" after "N days later". */
const THAN_PLANNED_RE =
  /^\s{1,3}than\s{1,3}(?:(?:originally|initially|previously|first)\s{1,3})?(?:planned|scheduled|expected|anticipated|forecast|hoped|intended|announced)\b/i;

/** "the next day", "the following morning", "the day before", "that day", "the same day". */
const ANAPHOR_DAY_RE =
  /\b(the|that)\s{1,3}(?:(next|following|previous|preceding|same)\s{1,3})?(day|morning|afternoon|evening|night)(?:\s{1,3}(before|after)\b)?/gi;
/**
 * Anchor: "the"/"that" at the start of the match, a whole word (\b before it, whitespace after it). The day word is
 * no whole word ("the day" matches in "the daylight").
 */
const ANAPHOR_DAY_SCAN = wordAnchored(ANAPHOR_DAY_RE, ['the', 'that'], 0, true);

function anaphoricDays(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, ANAPHOR_DAY_SCAN)) {
    const det = (m[1] ?? '').toLowerCase();
    const which = m[2]?.toLowerCase();
    const unit = (m[3] ?? '').toLowerCase();
    const dir = m[4]?.toLowerCase();
    if (!which && !dir && det !== 'that') continue;
    if (
      !which &&
      dir &&
      /^\s{0,2}(?:yesterday|\w)/i.test(after(ctx, m.index + m[0].length, 6)) &&
      /^\s{1,3}(?:the|a|an|his|her|its|their)\b/i.test(after(ctx, m.index + m[0].length, 8))
    ) {
      continue; // "the day after the vote": anchored on an event
    }
    let n = 0;
    if (which === 'next' || which === 'following' || dir === 'after') n = 1;
    if (which === 'previous' || which === 'preceding' || dir === 'before') n = -1;
    const part = PART_CODE[unit];
    const anaphor: Anaphor = part ? { unit: 'day', n, shape: 'point', part } : { unit: 'day', n, shape: 'point' };
    out.push(
      candidate(ctx.text, m.index, m.index + m[0].length, {
        type: part ? 'TIME' : 'DATE',
        value: part ? `XXXX-XX-XXT${part}` : 'XXXX-XX-XX',
        priority: 5,
        anaphor,
      }),
    );
  }
}

/** "yesterday", "today", "tomorrow morning", "tonight", "now", "currently", "recently", "the past", "the future". */
const DEICTIC_RE =
  /\b(yesterday|today|tomorrow|tonight|nowadays|now|currently|recently|soon|these\s+days|at\s+present|at\s+the\s+moment|the\s+past|the\s+future)(?:\s{1,3}(morning|afternoon|evening|night))?(?![-\w])/gi;
/**
 * Anchor: the last word of the deictic ("today", "days" of "these days", "moment" of "at the moment"), a whole word
 * (\b or whitespace before it; whitespace or (?![-\w]) after it). Before it at most "atthe": 5 non-space code units.
 */
const DEICTIC_SCAN = wordAnchored(
  DEICTIC_RE,
  'yesterday today tomorrow tonight nowadays now currently recently soon days present moment past future'.split(' '),
  6,
  true,
);
/** "now that ..." and "as soon as", "soon after" are conjunctions and signals, not times. */
const NOW_CONJUNCTION_RE = /^\s{1,3}that\b/i;
const SOON_SIGNAL_RE = /^\s{1,3}(?:after\b|afterwards?\b|before\b|as\b)/i;
/** Generic "today" (= nowadays) next to a present-tense state: "the friendship that exists today", "today is". */
const GENERIC_TODAY_BEFORE_RE = /\b(?:exists?|is|are|remains?|stands?)\s{1,3}$/i;
const GENERIC_TODAY_AFTER_RE = /^\s{1,3}(?:is|are|remains?|exists?)\b/i;

function deictics(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, DEICTIC_SCAN)) {
    const word = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    let part = m[2] ? PART_CODE[m[2].toLowerCase()] : undefined;
    let end = m.index + m[0].length;
    if (word === 'now' && NOW_CONJUNCTION_RE.test(after(ctx, end, 8))) continue;
    if (word === 'soon' && (SOON_SIGNAL_RE.test(after(ctx, end, 14)) || /\bas\s{1,3}$/i.test(before(ctx, m.index, 4))))
      continue;
    if (word === 'today' && !part) {
      const generic =
        GENERIC_TODAY_BEFORE_RE.test(before(ctx, m.index, 12)) || GENERIC_TODAY_AFTER_RE.test(after(ctx, end, 10));
      if (generic) {
        out.push(candidate(ctx.text, m.index, end, { type: 'DATE', value: 'PRESENT_REF', priority: 3 }));
        continue;
      }
    }
    const offset =
      word === 'yesterday' ? -1 : word === 'today' ? 0 : word === 'tomorrow' ? 1 : word === 'tonight' ? 0 : undefined;
    if (offset === undefined) {
      end = m.index + (m[1] ?? '').length;
      const value =
        word === 'recently' || word === 'the past'
          ? 'PAST_REF'
          : word === 'the future' || word === 'soon'
            ? 'FUTURE_REF'
            : 'PRESENT_REF';
      out.push(candidate(ctx.text, m.index, end, { type: 'DATE', value, priority: 3 }));
      continue;
    }
    if (word === 'tonight') part = 'NI';
    const base = ctx.ref ? refBase(ctx.ref) : undefined;
    const r = base ? shiftPeriod(base, 'day', offset) : undefined;
    let value = r ? r.value : 'XXXX-XX-XX';
    if (!r && word === 'today') value = 'PRESENT_REF';
    if (part) value += `T${part}`;
    const c = candidate(ctx.text, m.index, end, { type: part ? 'TIME' : 'DATE', value, priority: 3 });
    if (r) {
      c.anchored = 'publication';
      if (r.date) c.date = r.date;
    }
    out.push(c);
  }
}

/** "65 years", "four days", "the past year", "the next two weeks", "a decade", "65-year-old", "for decades". */
const DURATION_RE = new RegExp(
  String.raw`\b(?:(the)\s{1,3})?(?:(past|last|next|previous|coming|first|following|final|remaining|recent)\s{1,3})?(?:(${NUM})[\s-]{1,2})?(?:(?:more|full|straight|consecutive|long)\s{1,3})?(${UNIT})(?:-(?:long|old))?\b`,
  'gi',
);
/**
 * Anchor: the unit, a whole word (\b or a separator before it; \b or "-long"/"-old" after it). Before it at most
 * "the" (3), "following"/"remaining" (9), a count (NUM: "twelve and a half", 14 non-space code units) with two
 * separators (2) and "consecutive" (11): 39 non-space code units.
 */
const DURATION_SCAN = wordAnchored(DURATION_RE, UNIT_WORDS, 44, true);

/** Words after which a bare plural unit is a duration: "for years", "after months of talks", "spent weeks". */
const BARE_PLURAL_BEFORE_RE =
  /\b(?:for|over|in|within|after|spent|spend|spends|spending|took|take|takes|taking|lasted|last|lasts|lasting|waited|wait|waiting)\s{1,3}$/i;
/** A bare plural unit before a signal word: "hours after the vote", "days before the election". */
const BARE_PLURAL_AFTER_RE = /^\s{1,3}(?:after|before)\s{1,3}(?:the|a|an|his|her|its|their|he|she|it|they)\b/i;
/** Before "the next year": a preposition that makes it a stretch of time. */
const STRETCH_BEFORE_RE = /\b(?:over|during|within|for|throughout)\s{1,3}$/i;
/** "may last months": "last" is the verb. */
const LAST_VERB_BEFORE_RE = /\b(?:may|might|could|would|will|can|should|must|to|not|does|did)\s{1,3}$/i;
/** "old" right after a counted unit. */
const AGE_AFTER_RE = /^\s{1,2}old\b/i;

/** After "a second": a word that makes "second" an ordinal ("a second plane"), not a time unit. */
const ORDINAL_NEXT_RE = /^\s{1,3}(?!(?:or|and|of|later|ago|earlier|before|after|in|long|to|for|at|when)\b)[A-Za-z0-9]/;

function durations(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, DURATION_SCAN)) {
    const which = m[2]?.toLowerCase();
    const unit = unitOf(m[4] ?? '');
    if (!unit) continue;
    const plural = /s$/i.test(m[4] ?? '');
    let start = m.index;
    let count: number | 'X' | undefined;
    let priority = 3;
    // "recent years", "(in) coming days": vague references to the past / future, not durations (TimeML).
    if ((which === 'recent' || which === 'coming') && plural && m[3] === undefined) {
      const value = which === 'recent' ? 'PAST_REF' : 'FUTURE_REF';
      out.push(candidate(ctx.text, m.index, m.index + m[0].length, { type: 'DATE', value, priority: 4 }));
      continue;
    }
    // "a second A380": the ordinal, not a duration of one second.
    if (
      unit === 'second' &&
      m[3] !== undefined &&
      /^an?$/i.test(m[3]) &&
      ORDINAL_NEXT_RE.test(after(ctx, m.index + m[0].length, 16))
    )
      continue;
    // "a quarter of the budget", "three quarters of voters": fractions, not durations.
    if (unit === 'quarter' && (/^an?$/i.test(m[3] ?? '') || /^\s{1,3}of\b/i.test(after(ctx, m.index + m[0].length, 6))))
      continue;
    if (m[3] !== undefined) {
      count = parseCount(m[3]);
      // "a day" / "one year" right after "once"/"twice"/"per" is a frequency, handled by the set rule.
      if (count === undefined) continue;
      if (/\d$/.test(before(ctx, start, 1))) continue;
      if (!which && m[1]) start += m[0].indexOf(m[3]); // "the 65 years": drop a bare article
    } else if (which && !(which === 'last' && !m[1] && LAST_VERB_BEFORE_RE.test(before(ctx, start, 10)))) {
      // "over the next year", "during the coming month": a stretch of time, not the following calendar period.
      const stretch =
        !plural &&
        m[1] !== undefined &&
        (which === 'next' || which === 'coming') &&
        STRETCH_BEFORE_RE.test(before(ctx, start, 12));
      if (stretch) priority = 6;
      else if (!plural && which !== 'past') continue; // "last week" etc. are dates (relative rule)
      count = plural ? 'X' : 1;
    } else {
      // A bare plural ("years", "decades") is a duration only after a preposition or a verb of duration ("for
      // years", "after months of talks", "spent weeks", "may last months").
      const verbLast = which === 'last';
      const left = verbLast ? before(ctx, m.index + m[0].indexOf(m[4] ?? ''), 16) : before(ctx, start, 16);
      const signal = BARE_PLURAL_AFTER_RE.test(after(ctx, m.index + m[0].length, 12)); // "hours after the vote"
      if (!plural || !(BARE_PLURAL_BEFORE_RE.test(left) || signal)) continue;
      if (unit === 'weekend' || unit === 'quarter' || unit === 'night') continue;
      start = m.index + (m[1] || verbLast ? m[0].indexOf(m[4] ?? '') : 0);
      count = 'X';
    }
    if (count !== 'X' && !Number.isFinite(count)) continue;
    let end = m.index + m[0].length;
    // An age: TimeML tags "45 years old" as a whole (like "45-year-old").
    const old = typeof count === 'number' && !m[0].includes('-') ? AGE_AFTER_RE.exec(after(ctx, end, 8)) : null;
    if (old) end += old[0].length;
    out.push(
      candidate(ctx.text, start, end, {
        type: 'DURATION',
        value: durationValue(count, unit),
        priority,
      }),
    );
  }
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "every year", "each Monday", "every two weeks", "annually", "twice a year". */
const SET_RE = new RegExp(
  String.raw`\b(?:(?:every|each)\s{1,3}(?:(other)\s{1,3})?(?:(${NUM})\s{1,3})?|(?:once|twice|thrice|(?:${NUM})\s{1,3}times)\s{1,3}(?:a|an|per|every|each)\s{1,3})(day|week|month|year|decade|hour|minute|morning|afternoon|evening|night|weekend|quarter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter)s?\b|\b(daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b`,
  'gi',
);
/**
 * Anchor: "every"/"each"/"once"/"twice"/"thrice" or an adverb at the start of a match, or "times" after a count
 * (NUM: at most 14 non-space code units); each a whole word (\b or whitespace on both sides). Both alternatives of
 * SET_RE start with \b.
 */
const SET_SCAN = wordAnchored(
  SET_RE,
  'every each once twice thrice times daily weekly monthly yearly annually hourly nightly quarterly'.split(' '),
  20,
  true,
);

function sets(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, SET_SCAN)) {
    const adverb = m[4]?.toLowerCase();
    let value: string;
    if (adverb) {
      value =
        {
          daily: 'P1D',
          weekly: 'P1W',
          monthly: 'P1M',
          yearly: 'P1Y',
          annually: 'P1Y',
          hourly: 'PT1H',
          nightly: 'P1D',
          quarterly: 'P3M',
        }[adverb] ?? 'P1Y';
    } else {
      const word = (m[3] ?? '').toLowerCase();
      const every = m[2] !== undefined ? parseCount(m[2]) : m[1] ? 2 : 1;
      const n = typeof every === 'number' ? every : 1;
      const weekday = WEEKDAYS.indexOf(word);
      const unit = unitOf(word);
      if (weekday >= 0) value = `XXXX-WXX-${weekday + 1}`;
      else if (PART_CODE[word]) value = `XXXX-XX-XXT${PART_CODE[word]}`;
      else if (SEASON_CODE[word]) value = `XXXX-${SEASON_CODE[word]}`;
      else if (unit === 'weekend') value = 'XXXX-WXX-WE';
      else if (unit === 'quarter') value = `P${3 * n}M`;
      else if (unit) value = durationValue(n, unit);
      else continue;
    }
    // "The China Daily": a capitalised adverb inside a sentence is part of a name.
    if (adverb && /^[A-Z]/.test(m[0]) && /[a-z,]\s{1,3}$/i.test(before(ctx, m.index, 4))) continue;
    out.push(candidate(ctx.text, m.index, m.index + m[0].length, { type: 'SET', value, priority: 5 }));
  }
}

/** "15 a year", "$5 a day", "300 million in fuel a year", "per month": a rate, TimeML SET. */
const PER_UNIT_RE = /\b(a|an|per)\s{1,3}(day|week|month|year|hour|night)\b/g;
/** Anchor: the unit, a whole word (whitespace before, \b after). Before it at most "per": 3 non-space code units. */
const PER_UNIT_SCAN = wordAnchored(PER_UNIT_RE, ['day', 'week', 'month', 'year', 'hour', 'night'], 4, true);
/** Words right before "a year" that make it a duration ("took a year", "for a year", "nearly a year"). */
const PER_UNIT_NOT_AFTER_RE =
  /\b(?:for|in|within|take|takes|took|taking|taken|spent|spend|spends|spending|last|lasts|lasted|lasting|about|nearly|almost|over|under|than|of|after|before|once|twice|thrice|times|half|least|just|only|around|some|up|to|by|every|each|whole|full|entire|past|next|ago|is|was|be|been|wait|waited|needs?|needed|served?|serving)\s{1,3}$/i;
/** Words right after that make it an offset or a duration ("a year ago", "a year after", "a year or two"). */
const PER_UNIT_NOT_BEFORE_RE =
  /^\s{1,3}(?:after|before|later|earlier|ago|from|since|into|of|old|long|or|and|until|till|when|as|in\s{1,3}advance|behind|ahead|late|early)\b/i;
/** A count earlier in the clause: digits or a number word. */
const COUNT_BEFORE_RE =
  /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens?)\b)[^.;:!?\n]{0,40}$/i;
/** Distance units before "per hour"/"an hour": a speed, not a time expression. */
const SPEED_BEFORE_RE = /\b(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|knots?|mph)\s{1,3}$/i;

function perUnitSets(ctx: RuleContext, out: Candidate[]): void {
  for (const m of anchoredMatches(ctx.text, PER_UNIT_SCAN)) {
    const left = before(ctx, m.index, CONTEXT);
    const end = m.index + m[0].length;
    if (SPEED_BEFORE_RE.test(left)) continue;
    if (m[1] !== 'per') {
      if (PER_UNIT_NOT_AFTER_RE.test(left) || !COUNT_BEFORE_RE.test(left)) continue;
      if (PER_UNIT_NOT_BEFORE_RE.test(after(ctx, end, 16))) continue;
    }
    const unit = unitOf(m[2] ?? '');
    if (!unit) continue;
    out.push(candidate(ctx.text, m.index, end, { type: 'SET', value: durationValue(1, unit), priority: 4 }));
  }
}

/** Runs every rule over the masked text. */
export function ruleCandidates(ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  decades(ctx, out);
  yearRanges(ctx, out);
  bareYears(ctx, out);
  seasons(ctx, out);
  relativePeriods(ctx, out);
  offsets(ctx, out);
  anaphoricDays(ctx, out);
  deictics(ctx, out);
  durations(ctx, out);
  sets(ctx, out);
  perUnitSets(ctx, out);
  return out;
}

/** "early"/"late"/"mid"/"the end of" right before a month or year expression; extends it and sets `mod`. */
const MOD_BEFORE_RE =
  /(?:\bthe\s{1,3})?\b(early|earlier|late|later|mid|middle|end|beginning|start)(?:\s{1,3}(?:part\s{1,3})?of)?(?:\s{1,3}the)?[\s-]{1,2}$/i;

export function modifierBefore(text: string, start: number): { start: number; mod?: TimexMod } | undefined {
  const left = text.slice(Math.max(0, start - 30), start);
  const m = MOD_BEFORE_RE.exec(left);
  if (!m) return undefined;
  const word = (m[1] ?? '').toLowerCase();
  // "early" etc. must not be glued to a preceding word, and a lone "end"/"start"/"middle" needs "of".
  if ((word === 'end' || word === 'start' || word === 'middle' || word === 'beginning') && !/\bof\b/i.test(m[0]))
    return undefined;
  const mod = modOf(word);
  const res: { start: number; mod?: TimexMod } = { start: start - left.length + m.index };
  if (mod) res.mod = mod;
  return res;
}

/** Quantity modifiers TimeML keeps inside the timex, with their `mod` value. */
const QUANT_BEFORE_RE =
  /\b(about|around|approximately|roughly|some|nearly|almost|more\s{1,3}than|less\s{1,3}than|fewer\s{1,3}than|over|under|at\s{1,3}least|no\s{1,3}more\s{1,3}than|up\s{1,3}to|just\s{1,3}over|just\s{1,3}under|well\s{1,3}over)\s{1,3}$/i;

const QUANT_MOD: Record<string, TimexMod> = {
  about: 'APPROX',
  around: 'APPROX',
  approximately: 'APPROX',
  roughly: 'APPROX',
  some: 'APPROX',
  nearly: 'LESS_THAN',
  almost: 'LESS_THAN',
  'less than': 'LESS_THAN',
  'fewer than': 'LESS_THAN',
  under: 'LESS_THAN',
  'just under': 'LESS_THAN',
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'just over': 'MORE_THAN',
  'well over': 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE',
  'no more than': 'EQUAL_OR_LESS',
  'up to': 'EQUAL_OR_LESS',
};

/** "about", "more than", "nearly" ... right before a counted expression ("nearly 40 years ago", "over two weeks"). */
export function quantityModifierBefore(text: string, start: number): { start: number; mod: TimexMod } | undefined {
  const left = text.slice(Math.max(0, start - 24), start);
  const m = QUANT_BEFORE_RE.exec(left);
  if (!m) return undefined;
  const mod = QUANT_MOD[(m[1] ?? '').toLowerCase().replace(/\s+/g, ' ')];
  return mod ? { start: start - left.length + m.index, mod } : undefined;
}

/** A counted expression: starts with digits or a number word ("two years", "40 years ago", "a decade"). */
export const COUNTED_RE = new RegExp(String.raw`^(?:${NUM})[\s-]`, 'i');

/** "since 1993": the period runs up to publication. */
export function sinceBefore(text: string, start: number): boolean {
  return /\bsince\s{1,3}$/i.test(text.slice(Math.max(0, start - 10), start));
}

export function publicationEnd(ref: Reference | undefined): string | undefined {
  return ref ? referenceString(ref) : undefined;
}

export { daysInMonth, isoWeekday };

/** Every anchored scan of this module, for the test that each one finds what `matchAll` finds. */
export const ANCHORED_SCANS: readonly AnchoredRegex[] = [
  DECADE_SCAN,
  RANGE_SCAN,
  SEASON_SCAN,
  RELATIVE_SCAN,
  OFFSET_SCAN,
  ANAPHOR_DAY_SCAN,
  DEICTIC_SCAN,
  DURATION_SCAN,
  SET_SCAN,
  PER_UNIT_SCAN,
];
