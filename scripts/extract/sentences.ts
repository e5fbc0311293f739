/**
 * Sentence splitting with exact UTF-16 offsets.
 *
 * Rules:
 * - A sentence never crosses a line break (`\n`, `\r`, U+2028, U+2029): in news pages every line is a paragraph,
 *   a heading, a caption or a list item. `paragraph` is the index of the non-empty line the sentence is on
 *   (blank lines do not count), so "blank-line separated" and "one paragraph per line" sources number alike.
 * - Each line is segmented with `Intl.Segmenter` (ICU sentence rules), then a segment is glued to the next one when
 *   it ends with a known abbreviation ("U.S.", "Dr.", "Jan.", "No.", an initial "J.") that ICU took for a full stop.
 *   After country abbreviations ("U.S.", "U.K."...), a following pronoun/determiner ("He", "The"...) keeps the split.
 * - Sentences are trimmed; `text.slice(start, end)` is the sentence. Lines longer than `MAX_LINE` are cut into
 *   chunks at spaces first, so a 5 MB single-line input costs linear time.
 * - Sentences that lie mostly (>= half their length) inside a `skip` span (page furniture) are dropped.
 */

export interface Sentence {
  start: number;
  end: number;
  /** Index of the non-empty line (paragraph) the sentence is on, counting from 0. */
  paragraph: number;
}

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which ICU's full stop is not the end of a sentence (compared case-sensitively). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  'Prof.',
  'Gen.',
  'Lt.',
  'Col.',
  'Capt.',
  'Maj.',
  'Sgt.',
  'Adm.',
  'Gov.',
  'Sen.',
  'Rep.',
  'Rev.',
  'St.',
  'Mt.',
  'Jr.',
  'Sr.',
  'No.',
  'Nos.',
  'Vol.',
  'Art.',
  'Sec.',
  'Dept.',
  'Corp.',
  'Inc.',
  'Ltd.',
  'Co.',
  'vs.',
  'etc.',
  'e.g.',
  'i.e.',
  'approx.',
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'Jun.',
  'Jul.',
  'Aug.',
  'Sep.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
  'a.m.',
  'p.m.',
]);

/** Dotted country/organisation abbreviations: a sentence may really end with them, see NEW_SENTENCE_START. */
const DOTTED_ACRONYM = /(?:^|[^\p{L}.])(?:\p{Lu}\.){2,4}$/u;
const SINGLE_INITIAL = /(?:^|[\s(])\p{Lu}\.$/u;
const NEW_SENTENCE_START =
  /^["'\u201c\u2018(]?(?:He|She|It|They|We|I|You|The|This|That|These|Those|But|However|In|On|At|Meanwhile|There)\b/u;

const MAX_LINE = 20_000;
const LINE = /[^\n\r\u2028\u2029]+/gu;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function lastWord(s: string): string {
  const tail = s.length > 40 ? s.slice(-40) : s;
  const i = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\t'), tail.lastIndexOf('('));
  return tail.slice(i + 1);
}

function shouldMerge(segment: string, next: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const word = lastWord(trimmed);
  const nextTrim = next.trimStart();
  if (ABBREVIATIONS.has(word)) return true;
  // Both patterns below end in \p{Lu}\. : an ASCII code unit other than A-Z before the stop (most sentence ends)
  // rules them out without running them.
  const beforeStop = trimmed.charCodeAt(trimmed.length - 2);
  if (beforeStop < 128 && !(beforeStop >= 65 && beforeStop <= 90)) return false;
  if (DOTTED_ACRONYM.test(word.length > 12 ? word.slice(-12) : word))
    return !NEW_SENTENCE_START.test(nextTrim.slice(0, 30));
  if (SINGLE_INITIAL.test(trimmed.slice(-4))) return /^\p{Lu}/u.test(nextTrim);
  return false;
}

/**
 * Appends the sentences of text[from, to) to `out`, given ICU's segment boundaries: `cuts[k..]` ascending, the first
 * of them after `from`. Each segment is glued to the next when it ends with an abbreviation (see shouldMerge).
 * Returns the index of the first cut at or after `to`.
 */
function mergeSegments(
  text: string,
  from: number,
  to: number,
  cuts: readonly number[],
  k: number,
  out: Span[],
): number {
  let start = from;
  while (k < cuts.length && cuts[k]! < to) {
    const end = cuts[k++]!;
    const nextEnd = k < cuts.length && cuts[k]! < to ? cuts[k]! : to;
    const segText = text.slice(end - Math.min(60, end - start), end);
    if (shouldMerge(segText, text.slice(end, Math.min(nextEnd, end + 40)))) continue;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: to });
  return k;
}

/**
 * ICU's sentence boundaries inside `s` (its segment starts but 0), shifted by `offset`. The segments are walked
 * with `containing(end of the previous one)` rather than the iterator protocol: the same segments (they tile the
 * string), without an iterator result object per segment (a test checks the two agree).
 */
export function segmentCuts(s: string, offset: number): number[] {
  const cuts: number[] = [];
  const segments = segmenter.segment(s);
  const n = s.length;
  let i = 0;
  while (i < n) {
    const seg = segments.containing(i)!;
    i = seg.index + seg.segment.length;
    if (i < n) cuts.push(offset + i);
  }
  return cuts;
}

function trimSpan(text: string, s: Span): Span | undefined {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

function mostlySkipped(s: Span, skip: readonly Span[]): boolean {
  let covered = 0;
  for (const k of skip) {
    const a = Math.max(s.start, k.start);
    const b = Math.min(s.end, k.end);
    if (b > a) covered += b - a;
  }
  return covered * 2 >= s.end - s.start;
}

/** Cuts an over-long line at spaces into chunks of at most MAX_LINE characters. */
function chunks(line: string, offset: number): Span[] {
  if (line.length <= MAX_LINE) return [{ start: offset, end: offset + line.length }];
  const out: Span[] = [];
  let a = 0;
  while (a < line.length) {
    let b = Math.min(line.length, a + MAX_LINE);
    if (b < line.length) {
      const stop = line.lastIndexOf('. ', b - 2);
      const space = line.lastIndexOf(' ', b);
      if (stop > a + MAX_LINE / 2) b = stop + 2;
      else if (space > a + MAX_LINE / 2) b = space + 1;
      else if (/[\uDC00-\uDFFF]/u.test(line[b] ?? '')) b--; // never cut a surrogate pair
    }
    out.push({ start: offset + a, end: offset + b });
    a = b;
  }
  return out;
}

function pushSentences(
  text: string,
  spans: readonly Span[],
  skip: readonly Span[],
  paragraph: number,
  out: Sentence[],
): void {
  for (const raw of spans) {
    const s = trimSpan(text, raw);
    if (!s) continue;
    if (skip.length > 0 && mostlySkipped(s, skip)) continue;
    out.push({ start: s.start, end: s.end, paragraph });
  }
}

/**
 * Splits `text` into trimmed sentences with exact offsets, dropping those inside `skip` spans.
 *
 * ICU segments the whole text in one call when no line is longer than MAX_LINE (one segmenter call per line costs
 * about half as much again). That gives the same boundaries inside each line as segmenting the line alone: a line
 * separator (\n, \r, U+2028, U+2029) is a paragraph separator in UAX #29, after which there is always a break (SB4)
 * and which ends every look-ahead of the rules (SB8, SB11), so no rule sees across it. `splitSentencesByLine` is the
 * line-by-line definition, used for texts with over-long lines; a test checks the two agree.
 */
export function splitSentences(text: string, skip: readonly Span[] = []): Sentence[] {
  const lines: Span[] = [];
  for (const m of text.matchAll(LINE)) {
    if (m[0].length > MAX_LINE) return splitSentencesByLine(text, skip);
    if (m[0].trim().length > 0) lines.push({ start: m.index, end: m.index + m[0].length });
  }
  const result: Sentence[] = [];
  if (lines.length === 0) return result;
  const cuts = segmentCuts(text, 0);
  let k = 0;
  for (let paragraph = 0; paragraph < lines.length; paragraph++) {
    const line = lines[paragraph]!;
    while (k < cuts.length && cuts[k]! <= line.start) k++;
    const spans: Span[] = [];
    k = mergeSegments(text, line.start, line.end, cuts, k, spans);
    pushSentences(text, spans, skip, paragraph, result);
  }
  return result;
}

/** splitSentences with ICU run on each line (over-long lines cut into chunks first) on its own. */
export function splitSentencesByLine(text: string, skip: readonly Span[] = []): Sentence[] {
  const result: Sentence[] = [];
  let paragraph = -1;
  for (const m of text.matchAll(LINE)) {
    const line = m[0];
    if (line.trim().length === 0) continue;
    paragraph++;
    const spans: Span[] = [];
    for (const c of chunks(line, m.index)) {
      mergeSegments(text, c.start, c.end, segmentCuts(text.slice(c.start, c.end), c.start), 0, spans);
    }
    pushSentences(text, spans, skip, paragraph, result);
  }
  return result;
}
