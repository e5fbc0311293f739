/**
 * chrono-node for what it parses well (month-name and numeric dates, weekdays, clock times), with a past-bias
 * refiner added through chrono's refiner API, and a converter from chrono results to TIMEX3 candidates.
 * Relative expressions ("last week", "four days later", "now") are left to dates-rules.ts, which computes them
 * at the right granularity; chrono's versions of those are dropped here.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult, ParsingResult } from 'chrono-node';
import type { Candidate, ResolvedDate } from './dates-types';
import {
  addDays,
  dayString,
  isRealDay,
  isoWeekday,
  monthString,
  referenceEnd,
  referenceStart,
  yearString,
  type Day,
  type Reference,
} from './dates-calendar';

/** Words before a year-less date or weekday that point forward in time. */
const FORWARD_CUE_RE =
  /\b(?:will|shall|won't|is\s+due|are\s+due|due\s+to|is\s+set\s+to|are\s+set\s+to|scheduled|rescheduled|slated|upcoming|plans?\s+to|planned|planning\s+to|is\s+to|are\s+to|to\s+be\s+held|expected|going\s+to|looks?\s+forward|expects?|(?:hopes?|aims?|intends?|wants?|likely)\s+to|next|postponed|(?:begins|starts|opens|ends|closes|runs|expires|resumes|takes\s+(?:effect|place))(?:\s{1,3}(?:on|in|from|at|until))?|deadline)\b|['’]ll\b/gi;
/** Modal verbs that point forward; case-sensitive so that the month "May" is not one. */
const FORWARD_MODAL_RE = /\b(?:may|might|can|maybe|should|must)\b(?!\s{1,3}(?:not\s{1,3})?have\b)/g;
/** Past-tense cues: auxiliaries, common irregular past forms and regular -ed forms (checked against NOT_PAST). */
const PAST_CUE_RE =
  /\b(?:was|were|had|did|ago|since|said|told|took|taken|began|begun|came|went|gone|met|held|left|fell|fallen|rose|risen|won|lost|saw|seen|gave|given|got|made|became|struck|ran|spoke|wrote|sent|brought|thought|found|paid|kept|sold|fought|stood|shown|[a-z]{2,20}ed)\b/gi;
/** A participle right after "be"/"been"/"being" is a passive, not a past tense ("will be held"). */
const PASSIVE_BEFORE_RE = /\b(?:be|been|being)\s{1,3}$/i;
/** -ed words that are no past-tense cue: forward-looking participles and words that only end in "ed". */
const NOT_PAST = new Set([
  'scheduled',
  'rescheduled',
  'slated',
  'expected',
  'planned',
  'proposed',
  'postponed',
  'delayed',
  'intended',
  'supposed',
  'designed',
  'aimed',
  'timed',
  'needed',
  'required',
  'hoped',
  'anticipated',
  'projected',
  'forecasted',
  'predicted',
  'targeted',
  'earmarked',
  'billed',
  'tipped',
  'hundred',
  'united',
  'indeed',
  'proceed',
  'exceed',
  'succeed',
  'limited',
]);

/** How far back (at most) the tense of a clause is looked for. */
const CUE_WINDOW = 240;

/**
 * True when the sentence before `index` points to the future: the nearest tense cue before the date (within
 * CUE_WINDOW characters, back to a sentence end) is a forward one ("will", "is due to", "scheduled", "may") rather
 * than a past one ("was", "said", "announced").
 */
export function forwardCue(text: string, index: number): boolean {
  let from = Math.max(0, index - CUE_WINDOW);
  for (let i = index - 1; i >= from; i--) {
    const ch = text.charCodeAt(i);
    // . ! ? newline end the sentence; a "." only when a space and no lower-case word or digit follow it ("Jan. 5",
    // "a.m. local time" go on).
    if (ch === 33 || ch === 63 || ch === 10) {
      from = i + 1;
      break;
    }
    if (ch === 46 && /\s/.test(text[i + 1] ?? ' ') && !/^\s{1,3}[a-z\d]/.test(text.slice(i + 1, i + 5))) {
      from = i + 1;
      break;
    }
  }
  const clause = text.slice(from, index);
  let forward = -1;
  let past = -1;
  for (const m of clause.matchAll(FORWARD_CUE_RE)) forward = m.index + m[0].length;
  for (const m of clause.matchAll(FORWARD_MODAL_RE)) forward = Math.max(forward, m.index + m[0].length);
  for (const m of clause.matchAll(PAST_CUE_RE)) {
    if (NOT_PAST.has(m[0].toLowerCase())) continue;
    if (PASSIVE_BEFORE_RE.test(clause.slice(Math.max(0, m.index - 8), m.index))) continue;
    // A participle in the same verb group as a forward cue: "will stay closed", "is expected to be delayed".
    const participle =
      /ed$/i.test(m[0]) || /^(?:held|made|taken|given|seen|shown|kept|sold|paid|found|begun)$/i.test(m[0]);
    const sameGroup =
      m.index >= forward &&
      m.index - forward <= 16 &&
      !/[,;]|\b(?:that|which|who)\b/i.test(clause.slice(forward, m.index));
    if (forward >= 0 && participle && sameGroup) continue;
    past = m.index + m[0].length;
  }
  return forward > past;
}

interface ChronoState {
  ref: Reference | undefined;
}

/** The reference of the parse in progress (extraction is synchronous, so one slot is enough). */
const state: ChronoState = { ref: undefined };

/**
 * Past bias: a year-less "February 24" is the latest such day on or before the end of the publication period
 * (or the earliest on or after its start when the clause points forward). chrono itself picks the closest year.
 */
function pastBias(text: string, result: ParsingResult): void {
  const ref = state.ref;
  const c = result.start;
  if (!ref || c.isCertain('year') || !c.isCertain('month')) return;
  // "January to March 2020": the start takes the year of the end (the year before when it wraps).
  if (result.end?.isCertain('year') && !result.tags().has('result/relativeDate')) {
    const endYear = result.end.get('year') ?? ref.year;
    c.imply('year', (c.get('month') ?? 1) > (result.end.get('month') ?? 12) ? endYear - 1 : endYear);
    return;
  }
  const month = c.get('month') ?? 1;
  const hasDay = c.isCertain('day');
  const day = hasDay ? (c.get('day') ?? 1) : 0;
  const end = referenceEnd(ref);
  const start = referenceStart(ref);
  // Compare (month, day) within the year; a month-only date compares by month.
  const key = month * 100 + day;
  const startKey = start.month * 100 + (hasDay ? start.day : 0);
  const endKey = end.month * 100 + (hasDay ? end.day : 0);
  let year = ref.year;
  if (forwardCue(text, result.index)) {
    if (key < startKey) year += 1;
  } else if (key > endKey) {
    year -= 1;
  }
  c.imply('year', year);
  if (result.end && !result.end.isCertain('year')) {
    const endMonth = result.end.get('month') ?? month;
    result.end.imply('year', endMonth < month ? year + 1 : year);
  }
}

const parser = chrono.casual.clone();

/** chrono's ENEndOfPeriodRefiner test ("end of March", "last day of the month"), as chrono 2.10 writes it. */
const END_OF_PREFIX_RE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
/** Look-behind window of the prefilter below, and the whitespace run that could make a longer prefix. */
const END_OF_WINDOW = 200;
const END_OF_LONG_SPACE_RE = /\s{46,}/;

const SPACE_RE = /\s/;

/**
 * A cheap necessary condition for END_OF_PREFIX_RE on text before `index`: it ends in "of" or "the" (any case) and
 * then at least one whitespace character (`\s` as the regex has it), since every match ends "of\s+" or "the\s+".
 * Testing the regex itself tries it at every position of the window; most results fail this test at once.
 */
function endsWithOfOrThe(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && SPACE_RE.test(text[i - 1]!)) i--;
  if (i === index) return false;
  const lower = (k: number): number => text.charCodeAt(k) | 0x20; // ASCII letters only, compared below
  if (i >= 2 && lower(i - 2) === 0x6f && lower(i - 1) === 0x66) return true; // "of"
  return i >= 3 && lower(i - 3) === 0x74 && lower(i - 2) === 0x68 && lower(i - 1) === 0x65; // "the"
}

/**
 * chrono's ENEndOfPeriodRefiner matches END_OF_PREFIX_RE against `text.substring(0, result.index)` for every result:
 * a scan from the start of the text per result, quadratic on long texts (1 MB: ~1.6 s of ~1.8 s). The wrapper hands
 * it only the results that can have that prefix; the refiner itself still decides (on the full text), so the results
 * are unchanged. Exact prefilter: a prefix that fits in the window matches the window too (the window's start is at
 * least as good a word boundary); one longer than the window (at most 15 letters) leaves >= 46 spaces in a row in it.
 */
function mayEndOfPeriod(text: string, index: number): boolean {
  if (!endsWithOfOrThe(text, index)) return false;
  const window = text.slice(Math.max(0, index - END_OF_WINDOW), index);
  return END_OF_PREFIX_RE.test(window) || END_OF_LONG_SPACE_RE.test(window);
}
{
  const i = parser.refiners.findIndex((r) => r.constructor.name === 'ENEndOfPeriodRefiner');
  const endOfPeriod = parser.refiners[i];
  if (endOfPeriod) {
    parser.refiners[i] = {
      refine: (context, results) => {
        const hits = results.filter((r) => mayEndOfPeriod(context.text, r.index));
        if (hits.length > 0) endOfPeriod.refine(context, hits);
        return results;
      },
    };
  }
}
parser.refiners.push({
  refine: (context, results) => {
    for (const r of results) pastBias(context.text, r);
    return results;
  },
});

/** chrono's reference instant for a publication period: noon UTC of its last day (numbers, never a string). */
function referenceInstant(ref: Reference | undefined): Date {
  const d = ref ? referenceEnd(ref) : { year: 2000, month: 1, day: 1 };
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

export function chronoParse(text: string, ref: Reference | undefined): ParsedResult[] {
  state.ref = ref;
  try {
    return parser.parse(text, { instant: referenceInstant(ref), timezone: 0 }, { forwardDate: false });
  } finally {
    state.ref = undefined;
  }
}

const LEAD_RE =
  /^(?:[,(（]\s{0,3})?(?:(?:on|in|at|by|from|of|since|until|till|during|before|after|for|between)\s{1,3})?/i;
const TRAIL_RE = /[\s,;:(]{1,8}$/;
/** Expressions dates-rules.ts owns. */
const RELATIVE_RE =
  /\b(?:ago|later|earlier|hence|from\s+now|yesterday|today|tomorrow|tonight|now|this|last|next|past|within|coming|following|previous|weekends?|weeks?|years?|months?|decades?|days?|hours?|minutes?)\b/i;
const MONTH_WORD_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const WEEKDAY_RE =
  /\b(last|past|next|this|coming)?\s{0,3}(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
const CLOCK_RE = /\d[:.]\d\d|\d\s{0,2}[ap]\.?m\b|\bnoon\b|\bmidnight\b|o['’]clock/i;
const PART_RE = /\b(morning|afternoon|evening|night)\b/i;
const PART_CODE: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** "last"/"next"/"this" right before a month name. */
const MONTH_QUALIFIER_RE = /\b(last|next|this|past|coming)\s{1,3}$/i;
/** "early"/"late"/"earlier" right before a weekday ("late Monday", "earlier Friday"). */
const DAY_PART_BEFORE_RE = /\b(early|late|earlier|later)\s{1,3}$/i;

function certainDay(c: ParsedComponents): boolean {
  return c.isCertain('month') && c.isCertain('day');
}

/** Weekday resolution: latest on or before publication, unless "next"/"this"/a forward cue says otherwise. */
function resolveWeekday(
  weekday: number,
  qualifier: string | undefined,
  forward: () => boolean,
  ref: Reference | undefined,
): Day | undefined {
  if (!ref || ref.month === undefined || ref.day === undefined) return undefined;
  const pub: Day = { year: ref.year, month: ref.month, day: ref.day };
  const target = (weekday + 6) % 7; // chrono: 0 = Sunday; ISO: 0 = Monday
  const delta = target - isoWeekday(pub);
  switch (qualifier) {
    case 'this':
      return addDays(pub, delta);
    case 'next':
    case 'coming':
      return addDays(pub, delta > 0 ? delta : delta + 7);
    case 'last':
    case 'past':
      return addDays(pub, delta < 0 ? delta : delta - 7);
    default:
      if (forward()) return addDays(pub, delta >= 0 ? delta : delta + 7);
      return addDays(pub, delta <= 0 ? delta : delta - 7);
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Converts one chrono result to a candidate, or undefined when the rules own it or it is not a date. */
export function fromChrono(
  r: ParsedResult,
  text: string,
  ref: Reference | undefined,
  shift = 0,
): Candidate | undefined {
  const lead = LEAD_RE.exec(r.text)?.[0].length ?? 0;
  let raw = r.text.slice(lead).replace(TRAIL_RE, '');
  if (raw.endsWith('.') && !/[ap]\.m\.$/i.test(raw)) raw = raw.slice(0, -1);
  // An unbalanced closing bracket belongs to the sentence: "(16:30 UTC)".
  if (raw.endsWith(')') && !raw.includes('(')) raw = raw.slice(0, -1).trimEnd();
  if (raw.length === 0) return undefined;
  let start = r.index + shift + lead;
  const end = start + raw.length;
  const c = r.start;
  let mod: Candidate['mod'];
  const hasMonthName = MONTH_WORD_RE.test(raw);
  const weekdayMatch = WEEKDAY_RE.exec(raw);
  const hasClock = CLOCK_RE.test(raw);
  const dayKnown = certainDay(c);
  // Relative expressions ("now", "next year", "for 65 years", "four days later") belong to the rules, unless
  // chrono found a month name, a weekday or a clock time in them.
  if (RELATIVE_RE.test(raw) && !hasMonthName && !weekdayMatch && !hasClock) return undefined;
  if (/\b(?:ago|later|earlier|hence|within)\b/i.test(raw)) return undefined;
  // Month names must be capitalised ("march", "may" are verbs); weekday abbreviations need a dot or a date.
  if (c.isCertain('month') && hasMonthName && !/\b[A-Z]/.test(raw)) return undefined;
  if (!dayKnown && !c.isCertain('month') && c.isCertain('weekday')) {
    const w = /(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?/i.exec(raw)?.[0] ?? '';
    if (!/^[A-Z]/.test(w) || (!/day$/i.test(w) && !w.endsWith('.'))) return undefined;
  }
  // Slash dates without a year ("3/4") are usually fractions.
  if (r.tags().has('parser/SlashDateFormatParser') && !c.isCertain('year')) return undefined;
  const onlyTime = !dayKnown && !c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('year');
  if (onlyTime && !hasClock) return undefined;

  let date: ResolvedDate | undefined;
  let value: string;
  let anchored: Candidate['anchored'];
  let day: Day | undefined;
  if (dayKnown) {
    const month = c.get('month') ?? 0;
    const d = c.get('day') ?? 0;
    const yearKnown = c.isCertain('year');
    const year = yearKnown || ref ? (c.get('year') ?? 0) : undefined;
    if (year !== undefined && isRealDay(year, month, d)) {
      day = { year, month, day: d };
      value = dayString(day);
      date = { start: value, precision: 'day' };
      anchored = yearKnown ? 'absolute' : 'publication';
    } else {
      value = `${year === undefined ? 'XXXX' : yearString(year)}-${pad2(month)}-${pad2(d)}`;
    }
  } else if (c.isCertain('month')) {
    const month = c.get('month') ?? 1;
    const yearKnown = c.isCertain('year');
    if (yearKnown || ref) {
      let year = c.get('year') ?? 0;
      // "last November", "next March", "this May": the qualifier decides the year and belongs to the span.
      const q = yearKnown ? null : MONTH_QUALIFIER_RE.exec(text.slice(Math.max(0, start - 10), start));
      if (q && ref) {
        const word = (q[1] ?? '').toLowerCase();
        const pubMonth = ref.month ?? 12;
        if (word === 'this') year = ref.year;
        else if (word === 'last' || word === 'past') year = month < pubMonth ? ref.year : ref.year - 1;
        else year = month > pubMonth ? ref.year : ref.year + 1;
        start -= q[0].length;
      }
      value = monthString(year, month);
      date = { start: value, precision: 'month' };
      anchored = yearKnown ? 'absolute' : 'publication';
    } else {
      value = `XXXX-${pad2(month)}`;
    }
  } else if (c.isCertain('weekday')) {
    const weekday = c.get('weekday') ?? 0;
    const qualifier = weekdayMatch?.[1]?.toLowerCase();
    day = resolveWeekday(weekday, qualifier, () => forwardCue(text, start), ref);
    // "late Monday", "early Tuesday": TimeML keeps the modifier in the span.
    const part = qualifier ? null : DAY_PART_BEFORE_RE.exec(text.slice(Math.max(0, start - 10), start));
    if (part) {
      start -= part[0].length;
      mod = (part[1] ?? '').toLowerCase().startsWith('earl') ? 'START' : 'END';
    }
    if (day) {
      value = dayString(day);
      date = { start: value, precision: 'day' };
      anchored = 'publication';
    } else {
      value = `XXXX-WXX-${((weekday + 6) % 7) + 1}`;
    }
  } else if (c.isCertain('year')) {
    const year = c.get('year') ?? 0;
    value = yearString(year);
    date = { start: value, precision: 'year' };
    anchored = 'absolute';
  } else {
    // A clock time alone: on the publication day, but not an event date of its own.
    value =
      ref && ref.month !== undefined && ref.day !== undefined
        ? dayString({ year: ref.year, month: ref.month, day: ref.day })
        : 'XXXX-XX-XX';
  }
  let type: Candidate['type'] = 'DATE';
  let clock: string | undefined;
  if (c.isCertain('hour') && hasClock) {
    type = 'TIME';
    // ISO 8601 / TIMEX3: a time stated in UTC (GMT, Zulu) ends in Z.
    clock = `T${pad2(c.get('hour') ?? 0)}:${pad2(c.get('minute') ?? 0)}${UTC_RE.test(raw) ? 'Z' : ''}`;
    value += clock;
  } else {
    const part = PART_RE.exec(raw)?.[1]?.toLowerCase();
    if (part && (dayKnown || c.isCertain('weekday'))) {
      type = 'TIME';
      value += `T${PART_CODE[part] ?? 'MO'}`;
    }
  }
  const cand: Candidate = { start, end, text: text.slice(start, end), type, value, priority: 4 };
  if (mod) cand.mod = mod;
  if (date) cand.date = date;
  if (anchored) cand.anchored = anchored;
  if (onlyTime && clock) cand.clock = clock;
  return cand;
}

/** A time zone that makes a clock time UTC. */
const UTC_RE = /\b(?:UTC|GMT|Z|Zulu)\b(?!\s{0,2}[+\-\u2212]\s{0,2}\d)/;

/**
 * The separator of a chrono range ("January 2009 to March 2010", "from May 1 until May 5, 2020"): the first
 * endpoint ends before it, the second starts after it with a month name, a weekday or a year.
 */
const RANGE_SEP_RE =
  /\s{0,3}(?:-{1,2}|[–—]|\b(?:to|until|till|through|and)\b)\s{0,3}(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d{4}\b)/i;

/** The duration chrono's relative-date refiner appends to a date. */
const RELATIVE_TAIL_RE =
  /\s{0,3}(?:-{1,2}|[–—,]|\b(?:and|to)\b)?\s{0,3}(?:\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s{1,3}(?:years?|months?|weeks?|days?|hours?|minutes?)\b/i;

/** A view of one side of a chrono range, shaped like a ParsedResult for fromChrono. */
function side(r: ParsedResult, offset: number, length: number, components: ParsedComponents): ParsedResult {
  return {
    ...r,
    index: r.index + offset,
    text: r.text.slice(offset, offset + length),
    start: components,
    end: undefined,
    tags: () => r.tags(),
  };
}

/** A chrono range as two endpoint candidates (TimeML annotates each endpoint), or undefined. */
function rangeCandidates(r: ParsedResult, text: string, ref: Reference | undefined): Candidate[] | undefined {
  if (!r.end) return undefined;
  const sep = RANGE_SEP_RE.exec(r.text);
  if (!sep || sep.index === 0) return undefined;
  const secondFrom = sep.index + sep[0].length;
  const a = fromChrono(side(r, 0, sep.index, r.start), text, ref);
  const b = fromChrono(side(r, secondFrom, r.text.length - secondFrom, r.end), text, ref);
  if (!a || !b || !a.date || !b.date || b.date.start < a.date.start) return undefined;
  const date: ResolvedDate = {
    start: a.date.start,
    end: b.date.end ?? b.date.start,
    precision: a.date.precision === 'day' || b.date.precision === 'day' ? 'day' : a.date.precision,
  };
  const range = { start: a.start, end: b.end };
  for (const c of [a, b]) {
    c.date = date;
    c.range = range;
    c.priority = 6;
  }
  a.partner = b;
  b.partner = a;
  return [a, b];
}

/** "morning of February 13, 2020": chrono casual reads the part of day and drops the date; re-read the date. */
const PART_OF_RE = /^(?:the\s+)?(morning|afternoon|evening|night)\s{1,3}of\s{1,3}/i;
/** TimeML keeps the determiner: "the morning of February 13, 2020". */
const THE_BEFORE_RE = /\bthe\s{1,3}$/i;

export function chronoCandidates(masked: string, original: string, ref: Reference | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const r of chronoParse(masked, ref)) {
    const partOf = PART_OF_RE.exec(r.text);
    if (partOf && !r.start.isCertain('day')) {
      const offset = r.index + partOf[0].length;
      const inner = chronoParse(masked.slice(offset, r.index + r.text.length), ref)[0];
      if (inner) {
        const cand = fromChrono(inner, original, ref, offset);
        if (cand && cand.type === 'DATE' && cand.date?.precision === 'day') {
          const the = THE_BEFORE_RE.exec(masked.slice(Math.max(0, r.index - 6), r.index));
          cand.start = the ? r.index - the[0].length : r.index;
          cand.text = original.slice(cand.start, cand.end);
          cand.type = 'TIME';
          cand.value += `T${PART_CODE[(partOf[1] ?? '').toLowerCase()] ?? 'MO'}`;
          out.push(cand);
        }
      }
      continue;
    }
    if (r.tags().has('result/relativeDate')) {
      // "11 December -- four years behind schedule": chrono merged a date and a following duration; keep the date.
      const tail = RELATIVE_TAIL_RE.exec(r.text);
      const head = tail ? r.text.slice(0, tail.index) : '';
      const dated = /\d/.test(head) || MONTH_WORD_RE.test(head) || WEEKDAY_RE.test(head);
      const cand = tail && dated ? fromChrono(side(r, 0, tail.index, r.start), original, ref) : undefined;
      if (cand) out.push(cand);
      continue;
    }
    const pair = rangeCandidates(r, original, ref);
    if (pair) {
      out.push(...pair);
      continue;
    }
    const cand = fromChrono(r, original, ref);
    if (cand) out.push(cand);
  }
  return out;
}

export { monthString };
