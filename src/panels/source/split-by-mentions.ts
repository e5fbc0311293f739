/**
 * Pure: cuts a document's text into runs so the source panel can render mentions, date expressions, page furniture
 * and the emphasised sentence as React text. Offsets are UTF-16 code-unit indices (what the extractor writes and what
 * String.prototype.slice takes), so astral characters and CRLF need no special casing beyond never cutting a
 * surrogate pair in half.
 *
 * Overlaps are resolved deterministically:
 * - mentions never overlap each other: sorted by (start asc, length desc, actorId asc), a mention that overlaps an
 *   earlier-kept one is dropped;
 * - timexes never overlap each other (same rule, by value);
 * - furniture spans are merged when they overlap (the first span's kind wins);
 * - a mention, a timex, a furniture span and the emphasis may overlap one another: each segment carries all four,
 *   and the renderer nests them emphasis > furniture > mention > timex by grouping consecutive segments.
 */

export interface MentionSpan {
  actorId: string;
  start: number;
  end: number;
}

export interface TimexSpan {
  start: number;
  end: number;
  value: string;
  type?: string;
  text?: string;
}

export interface FurnitureSpan {
  start: number;
  end: number;
  kind: string;
}

export interface SpanLike {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Index (into `mentions` of the result) of the mention covering this segment. */
  mention?: number;
  /** Index (into `timexes` of the result) of the timex covering this segment. */
  timex?: number;
  /** Index (into `furniture` of the result) of the furniture span covering this segment. */
  furniture?: number;
  emphasis: boolean;
}

export interface SplitResult {
  segments: Segment[];
  /** The mentions kept (non-overlapping, in text order). */
  mentions: MentionSpan[];
  timexes: TimexSpan[];
  furniture: FurnitureSpan[];
  /** The emphasis, clamped to the text, or null when it was empty or outside the text. */
  emphasis: SpanLike | null;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Clamps an offset into [0, length] and moves it off the middle of a surrogate pair (backwards). */
function snap(text: string, offset: number): number {
  const o = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), text.length) : 0;
  if (o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) return o - 1;
  return o;
}

function clampSpan<T extends SpanLike>(text: string, span: T): T | undefined {
  const start = snap(text, span.start);
  const end = snap(text, span.end);
  return end > start ? { ...span, start, end } : undefined;
}

const byPosition = (tieKey: (x: SpanLike) => string) => (a: SpanLike, b: SpanLike) =>
  a.start - b.start || b.end - a.end || (tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0);

/** Keeps the spans that do not overlap a span kept before them, in (start, -length, tie) order. */
function nonOverlapping<T extends SpanLike>(text: string, spans: readonly T[], tieKey: (x: T) => string): T[] {
  const clamped = spans.map((s) => clampSpan(text, s)).filter((s): s is T => s !== undefined);
  clamped.sort(byPosition(tieKey as (x: SpanLike) => string));
  const out: T[] = [];
  let reach = 0;
  for (const s of clamped) {
    if (s.start >= reach) {
      out.push(s);
      reach = s.end;
    }
  }
  return out;
}

function mergeFurniture(text: string, spans: readonly FurnitureSpan[]): FurnitureSpan[] {
  const clamped = spans.map((s) => clampSpan(text, s)).filter((s): s is FurnitureSpan => s !== undefined);
  clamped.sort(byPosition((s) => (s as FurnitureSpan).kind));
  const out: FurnitureSpan[] = [];
  for (const s of clamped) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Index of the span (sorted, non-overlapping) covering [a, b), advancing a cursor; -1 when none. */
function cover(spans: readonly SpanLike[], cursor: { i: number }, a: number): number {
  while (cursor.i < spans.length && (spans[cursor.i]?.end ?? 0) <= a) cursor.i++;
  const s = spans[cursor.i];
  return s && s.start <= a ? cursor.i : -1;
}

/** Splits `text` into segments at every span boundary. The segments' texts concatenate to `text`. */
export function splitByMentions(
  text: string,
  mentions: readonly MentionSpan[],
  timexes: readonly TimexSpan[] = [],
  furniture: readonly FurnitureSpan[] = [],
  emphasis: SpanLike | null = null,
): SplitResult {
  const keptMentions = nonOverlapping(text, mentions, (m) => m.actorId);
  const keptTimexes = nonOverlapping(text, timexes, (t) => t.value);
  const keptFurniture = mergeFurniture(text, furniture);
  const em = emphasis ? (clampSpan(text, { start: emphasis.start, end: emphasis.end }) ?? null) : null;

  const cuts = new Set<number>([0, text.length]);
  for (const list of [keptMentions, keptTimexes, keptFurniture] as SpanLike[][]) {
    for (const s of list) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  if (em) {
    cuts.add(em.start);
    cuts.add(em.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  const mc = { i: 0 };
  const tc = { i: 0 };
  const fc = { i: 0 };
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] ?? 0;
    const b = points[k + 1] ?? 0;
    if (b <= a) continue;
    const seg: Segment = {
      start: a,
      end: b,
      text: text.slice(a, b),
      emphasis: em !== null && em.start <= a && b <= em.end,
    };
    const m = cover(keptMentions, mc, a);
    if (m >= 0) seg.mention = m;
    const t = cover(keptTimexes, tc, a);
    if (t >= 0) seg.timex = t;
    const f = cover(keptFurniture, fc, a);
    if (f >= 0) seg.furniture = f;
    segments.push(seg);
  }
  return { segments, mentions: keptMentions, timexes: keptTimexes, furniture: keptFurniture, emphasis: em };
}

/** A run of consecutive segments sharing one key (used to nest the rendering). */
export interface Run<K> {
  key: K;
  segments: Segment[];
}

/** Groups consecutive segments by a key; `undefined` keys form their own runs too. */
export function groupRuns<K>(segments: readonly Segment[], keyOf: (s: Segment) => K): Run<K>[] {
  const runs: Run<K>[] = [];
  for (const s of segments) {
    const key = keyOf(s);
    const last = runs[runs.length - 1];
    if (last && Object.is(last.key, key)) last.segments.push(s);
    else runs.push({ key, segments: [s] });
  }
  return runs;
}
