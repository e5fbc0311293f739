/**
 * The date layer of extraction: finds temporal expressions (TIMEX3: DATE, TIME, DURATION, SET) in an article and
 * normalises them against its publication date.
 *
 * One chrono pass (dates-chrono.ts: absolute and partial dates, weekdays, clock times, with a past-bias refiner)
 * plus one pass of each hand-written rule (dates-rules.ts: decades, ranges, bare years, relative periods, offsets,
 * anaphora, durations, sets, vague references; dates-periods.ts: quarters and halves, fiscal years, centuries, the
 * weekend, holidays, 24-hour clock times, parts of the current period) over a masked copy of the text.
 * Candidates are merged (specific rules win over generic ones, then longer spans), then "early/late/mid", "around"
 * and "since" are applied and anaphoric expressions are resolved against the previous resolved date in the text.
 *
 * Deterministic: the clock is never read; every value derives from `options.published`.
 */
import type { Candidate, DateOptions, FoundTimex, ResolvedDate } from './dates-types';
import { chronoCandidates } from './dates-chrono';
import { periodCandidates } from './dates-periods';
import {
  COUNTED_RE,
  quantityModifierBefore,
  modYearDate,
  modifierBefore,
  monthNumber,
  publicationEnd,
  refBase,
  ruleCandidates,
  shiftPeriod,
  sinceBefore,
  MONTH_PATTERN,
} from './dates-rules';
import { parseCalendar } from '../../src/model/calendar';
import { isRealDay, referenceFrom, type Day, type Reference } from './dates-calendar';

export type { DateOptions, FoundTimex, ResolvedDate, TimexMod } from './dates-types';

/** Prefixes after which a glued number is still a year: "mid-2020", "pre-1990". */
const GLUE_OK_RE = /(?:^|[^a-z])(?:mid|pre|post|early|late|end|circa|c)-$/i;

/** Quarter, half and fiscal-year codes keep their digits: "Q3", "H1 2013", "FY2014" (not "H5N1", "Q400"). */
function periodCode(text: string, digits: string, offset: number): boolean {
  const prefix = text.slice(Math.max(0, offset - 3), offset);
  if (/\w/.test(text[offset + digits.length] ?? '')) return false;
  if (/(?:^|[^A-Za-z])[QH]$/.test(prefix)) return /^[1-4]$/.test(digits);
  return /(?:^|[^A-Za-z])FY$/.test(prefix) && /^(?:\d\d|\d{4})$/.test(digits);
}

/**
 * A digit run glued to a letter (or a letter and a hyphen) before it. The same runs as /(?<=[a-z]-?)\d+/gi (a run
 * matches as a whole or not at all, and a match never takes the letter another one needs: it ends in a digit), but
 * irregexp scans for a letter much faster than it evaluates the look-behind at every position.
 */
const GLUED_DIGITS_RE = /[a-z]-?(\d+)/gi;

/**
 * A copy of the text with the same length: furniture blanked, digit runs glued to letters ("COVID-19", "G20",
 * "H5N1", "F-16") hidden so they never read as hours or years. Offsets are unchanged (one UTF-16 unit per unit).
 */
export function maskText(text: string, skip: readonly { start: number; end: number }[] = []): string {
  let masked = text.replace(GLUED_DIGITS_RE, (glued: string, digits: string, at: number) => {
    const offset = at + glued.length - digits.length;
    const keep = GLUE_OK_RE.test(text.slice(Math.max(0, offset - 8), offset)) || periodCode(text, digits, offset);
    return glued.slice(0, glued.length - digits.length) + (keep ? digits : '_'.repeat(digits.length));
  });
  if (skip.length > 0) masked = blankSpans(masked, skip);
  return masked;
}

/** Every code unit but '\n' (no surrogate pairs: `g` without `u` matches single code units). */
const NOT_NEWLINE_RE = /[^\n]/g;

/**
 * `text` with every code unit inside a span (clamped to the text) except '\n' replaced by a space: runs of blanked
 * and kept code units are copied as slices, instead of splitting the whole text into one string per code unit.
 */
function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const n = text.length;
  const blank = new Uint8Array(n);
  for (const s of spans) {
    const from = Math.max(0, Math.min(s.start, n));
    const to = Math.max(from, Math.min(s.end, n));
    blank.fill(1, from, to);
  }
  let out = '';
  for (let i = 0; i < n;) {
    const mark = blank[i];
    let j = i + 1;
    while (j < n && blank[j] === mark) j++;
    const run = text.slice(i, j);
    out += mark ? run.replace(NOT_NEWLINE_RE, ' ') : run;
    i = j;
  }
  return out;
}

/** Picks non-overlapping candidates: higher priority first, then longer, then earlier. */
function selectCandidates(cands: Candidate[], length: number): Candidate[] {
  const ordered = [...cands].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const chosen: Candidate[] = [];
  // Occupancy per code unit of the chosen spans: the overlap test is linear in the candidate's length, not in the
  // number of candidates chosen so far (which made selection quadratic on long texts).
  const taken = new Uint8Array(length);
  const free = (c: Candidate): boolean => {
    if (!(c.end > c.start)) return false;
    for (let k = Math.max(0, c.start), e = Math.min(length, c.end); k < e; k++) if (taken[k]) return false;
    return true;
  };
  const take = (c: Candidate): void => {
    chosen.push(c);
    taken.fill(1, Math.max(0, c.start), Math.min(length, c.end));
  };
  for (const c of ordered) {
    if (!free(c)) continue;
    // The two endpoints of a range are chosen together or not at all.
    if (c.partner && !free(c.partner)) continue;
    take(c);
    if (c.partner) take(c.partner);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

interface Anchor {
  year: number;
  month?: number;
  day?: Day;
}

function anchorOf(c: Candidate): Anchor | undefined {
  if (!c.date || (c.type !== 'DATE' && c.type !== 'TIME') || c.date.precision === 'decade') return undefined;
  if (c.date.end !== undefined && c.date.precision !== 'day') return undefined; // ranges and modified periods
  const p = parseCalendar(c.date.start);
  if (!p) return undefined;
  const a: Anchor = { year: p.year };
  if (p.month !== undefined) a.month = p.month;
  if (p.month !== undefined && p.day !== undefined) a.day = { year: p.year, month: p.month, day: p.day };
  return a;
}

/**
 * Resolves "four days later", "the next day", "the following week" against the previous resolved date; with no
 * earlier date in the text, against the publication date (anchored 'publication'). A clock time without a date
 * ("at 18:00 UTC") takes the day of the previous day-level date in its sentence, else the publication day.
 */
function resolveAnaphora(chosen: Candidate[], text: string, ref: Reference | undefined): void {
  let anchor: Anchor | undefined;
  const pub: Anchor | undefined = ref ? refBase(ref) : undefined;
  let lastDay: { day: string; end: number } | undefined;
  for (const c of chosen) {
    const a = c.anaphor;
    const base = anchor ?? pub;
    if (a && base) {
      let r: { value: string; date?: ResolvedDate } | undefined;
      if (a.shape === 'period' || a.unit !== 'week') r = shiftPeriod(base, a.unit, a.n);
      else r = shiftPeriod(base, 'day', a.n * 7);
      if (r) {
        c.value = a.part ? `${r.value}T${a.part}` : r.value;
        if (r.date) c.date = r.date;
        c.anchored = anchor ? 'previous' : 'publication';
      }
    }
    if (c.clock && lastDay && !SENTENCE_END_RE.test(text.slice(lastDay.end, c.start))) {
      c.value = `${lastDay.day}${c.clock}`;
    }
    const next = anchorOf(c);
    if (next) anchor = next;
    if (c.date?.precision === 'day' && c.date.end === undefined && /^\d{4}-\d\d-\d\d/.test(c.value))
      lastDay = { day: c.value.slice(0, 10), end: c.end };
  }
}

/** Approximators kept in the span of a date or time ("about" is left out: "talked about 2012"). */
const APPROX_POINT_BEFORE_RE = /\b(?:around|approximately|roughly|circa)\s{1,3}$/i;

/** A vague count at the start of a span: "several years", "many months", "a few days". */
const VAGUE_COUNT_RE = /^(?:several|many|some|a\s{1,3}few|few)\b/i;

/** A sentence boundary between two offsets. */
const SENTENCE_END_RE = /[.!?]["”’)]?(?:\s|$)|\n/;

/** Applies "early/late/mid ..." and "since ..." to the chosen candidates. */
function applyModifiers(chosen: Candidate[], masked: string, published: string | undefined): void {
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i];
    if (!c) continue;
    // "about 40 years ago", "more than two years", "nearly a decade": TimeML keeps the modifier in the span.
    if (c.mod === undefined && c.type !== 'SET' && COUNTED_RE.test(masked.slice(c.start, c.end))) {
      const q = quantityModifierBefore(masked, c.start);
      // "over several years", "over many months": "over" is the preposition (during), not "more than".
      const during = q && /^over\b/i.test(masked.slice(q.start, c.start)) && VAGUE_COUNT_RE.test(c.text);
      if (q && !during && q.start >= (chosen[i - 1]?.end ?? 0)) {
        c.start = q.start;
        c.mod = q.mod;
      }
    }
    // "around year end", "roughly 2 p.m.", "circa 1900": an approximate point keeps its modifier too.
    if (c.mod === undefined && (c.type === 'DATE' || c.type === 'TIME') && c.date) {
      const left = masked.slice(Math.max(0, c.start - 16), c.start);
      const approx = APPROX_POINT_BEFORE_RE.exec(left);
      if (approx && c.start - left.length + approx.index >= (chosen[i - 1]?.end ?? 0)) {
        c.start = c.start - left.length + approx.index;
        c.mod = 'APPROX';
      }
    }
    if (c.type !== 'DATE' || !c.date) continue;
    const periodLike = c.date.precision === 'year' || c.date.precision === 'month';
    if (periodLike && c.mod === undefined && c.date.end === undefined) {
      const m = modifierBefore(masked, c.start);
      const prevEnd = chosen[i - 1]?.end ?? 0;
      if (m && m.start >= prevEnd) {
        c.start = m.start;
        if (m.mod) {
          c.mod = m.mod;
          if (c.date.precision === 'year') c.date = modYearDate(Number(c.date.start.slice(0, 4)), m.mod);
        }
      }
    }
    if (published && sinceBefore(masked, c.start) && c.date.start <= published && c.anchored !== 'previous') {
      c.date = { ...c.date, end: published };
    }
  }
}

/**
 * Finds the temporal expressions of a text, sorted by start, non-overlapping, with exact offsets.
 * Relative expressions are resolved against `options.published`; when it is null they keep an unresolved value
 * (XXXX-XX-XX ...) and no `date`.
 */
export function extractTimexes(text: string, options: DateOptions): FoundTimex[] {
  if (text.length === 0) return [];
  const ref = referenceFrom(options.published);
  const masked = maskText(text, options.skip);
  const ctx = { text: masked, ref };
  const cands = [...chronoCandidates(masked, text, ref), ...ruleCandidates(ctx), ...periodCandidates(ctx)];
  const chosen = selectCandidates(cands, text.length);
  applyModifiers(chosen, masked, publicationEnd(ref));
  resolveAnaphora(chosen, masked, ref);
  return chosen.map((c) => {
    const t: FoundTimex = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      value: c.value,
    };
    if (c.date) t.date = c.date;
    if (c.anchored) t.anchored = c.anchored;
    if (c.mod) t.mod = c.mod;
    if (c.range) t.range = c.range;
    return t;
  });
}

const DATELINE_RE = new RegExp(
  String.raw`^(?:(?:published|posted|updated|date)(?:\s{1,3}on)?:?\s{1,3}|[^\n,:]{1,60},\s{0,3})?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,3})?(?:(${MONTH_PATTERN})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}|(\d{1,2})\s{1,3}(${MONTH_PATTERN})\.?,?\s{1,3})(\d{4})\b\s{0,3}(?:\([^()\n]{0,40}\)\s{0,3})?(?:[—–-]{1,2}|:|$)`,
  'i',
);

/**
 * A dateline near the top of an article ("AKP Phnom Penh, April 29, 2020 —", "Published: 12 May 2021"):
 * the publication date and the span of the dateline. Only the first 12 lines (2,000 characters) are read.
 */
export function findDateline(text: string): { published: string; start: number; end: number } | undefined {
  const head = text.slice(0, 2000);
  let offset = 0;
  const lines = head.split('\n');
  for (let i = 0; i < lines.length && i < 12; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trimEnd();
    const lead = trimmed.length - trimmed.trimStart().length;
    const m = DATELINE_RE.exec(trimmed.slice(lead, lead + 200));
    if (m) {
      const month = monthNumber(m[1] ?? m[4] ?? '');
      const day = Number(m[2] ?? m[3]);
      const year = Number(m[5]);
      if (month !== undefined && isRealDay(year, month, day)) {
        const published = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const start = offset + lead;
        const matched = m[0].trimEnd();
        return { published, start, end: start + matched.length };
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}
