/**
 * Pure binning for dense periods: vis-timeline only ever gets the items near the visible window, and where a lane
 * holds more events in one calendar bin than fit, one "12 events" block replaces them. Bins are aligned to the UTC
 * calendar (day, week, month, quarter, year, 5, 10, 50, 100 years), so the same window always gives the same bins.
 */
import { fromEpochDay, toEpochDay } from '../../model/calendar';

const DAY = 86_400_000;

/** One dated item, already assigned to a lane. Times are epoch ms; end is exclusive. */
export interface AggEntry {
  id: string;
  start: number;
  end: number;
  lane: string;
}

/** A calendar unit for bins. */
export interface BinUnit {
  name: 'day' | 'week' | 'month' | 'quarter' | 'year' | '5 years' | 'decade' | '50 years' | 'century';
  /** Months per bin (0 for day-based units). */
  months: number;
  /** Days per bin (0 for month-based units). */
  days: number;
  /** Approximate length in ms (used to pick a unit). */
  approx: number;
}

export const BIN_UNITS: readonly BinUnit[] = [
  { name: 'day', months: 0, days: 1, approx: DAY },
  { name: 'week', months: 0, days: 7, approx: 7 * DAY },
  { name: 'month', months: 1, days: 0, approx: 30.44 * DAY },
  { name: 'quarter', months: 3, days: 0, approx: 91.3 * DAY },
  { name: 'year', months: 12, days: 0, approx: 365.25 * DAY },
  { name: '5 years', months: 60, days: 0, approx: 5 * 365.25 * DAY },
  { name: 'decade', months: 120, days: 0, approx: 10 * 365.25 * DAY },
  { name: '50 years', months: 600, days: 0, approx: 50 * 365.25 * DAY },
  { name: 'century', months: 1200, days: 0, approx: 100 * 365.25 * DAY },
];

/** The smallest unit that splits a window of `widthMs` into at most `targetBins` bins. */
export function chooseBinUnit(widthMs: number, targetBins = 24): BinUnit {
  for (const unit of BIN_UNITS) if (widthMs / unit.approx <= targetBins) return unit;
  return BIN_UNITS[BIN_UNITS.length - 1] as BinUnit;
}

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);

/** Start (epoch ms) of the bin of `unit` that contains `t`. */
export function binStart(t: number, unit: BinUnit): number {
  const day = Math.floor(t / DAY);
  if (unit.days > 0) {
    // Weeks start on Monday: epoch day 4 (1970-01-05) is a Monday.
    const offset = unit.days === 7 ? 4 : 0;
    return (Math.floor((day - offset) / unit.days) * unit.days + offset) * DAY;
  }
  const { year, month } = fromEpochDay(day);
  const m = Math.floor(monthIndex(year, month) / unit.months) * unit.months;
  return toEpochDay(Math.floor(m / 12), (m % 12) + 1, 1) * DAY;
}

/** Start (epoch ms) of the bin after the one starting at `start`. */
export function nextBinStart(start: number, unit: BinUnit): number {
  if (unit.days > 0) return start + unit.days * DAY;
  const { year, month } = fromEpochDay(Math.floor(start / DAY));
  const m = monthIndex(year, month) + unit.months;
  return toEpochDay(Math.floor(m / 12), (m % 12) + 1, 1) * DAY;
}

/** One aggregated block: `count` events of one lane whose start falls in [start, end). */
export interface Bin {
  id: string;
  lane: string;
  start: number;
  end: number;
  count: number;
  ids: string[];
}

export interface AggregateOptions {
  /** The window to fill (usually the visible range plus a margin). */
  window: { start: number; end: number };
  /** Bin unit; by default chosen from the window width. */
  unit?: BinUnit;
  /** At or below this many entries in the window, nothing is aggregated. */
  showAllBelow?: number;
  /** A lane's bin with more than this many entries becomes one block. */
  maxPerBin?: number;
  /** Ids never aggregated (e.g. the selected event). */
  keep?: ReadonlySet<string>;
}

export interface AggregateResult {
  /** Entries shown one by one, in input order. */
  items: AggEntry[];
  /** Blocks, sorted by lane then start. */
  bins: Bin[];
  unit: BinUnit;
  /** Entries in the window (shown or binned). */
  total: number;
}

/**
 * Entries in the window, with dense lane/bin cells replaced by blocks. An entry belongs to the bin of its start
 * (clamped to the window), so long spans that began earlier count where they enter the window. Deterministic.
 */
export function aggregate(entries: readonly AggEntry[], options: AggregateOptions): AggregateResult {
  const { window } = options;
  const unit = options.unit ?? chooseBinUnit(window.end - window.start);
  const showAllBelow = options.showAllBelow ?? 120;
  const maxPerBin = options.maxPerBin ?? 3;
  const inWindow = entries.filter((e) => e.start < window.end && e.end > window.start);
  if (inWindow.length <= showAllBelow) return { items: inWindow, bins: [], unit, total: inWindow.length };

  const cells = new Map<string, { lane: string; start: number; entries: AggEntry[] }>();
  for (const e of inWindow) {
    const start = binStart(Math.max(e.start, window.start), unit);
    const key = `${e.lane}\u0000${start}`;
    const cell = cells.get(key);
    if (cell) cell.entries.push(e);
    else cells.set(key, { lane: e.lane, start, entries: [e] });
  }
  const binned = new Set<string>();
  const bins: Bin[] = [];
  for (const cell of cells.values()) {
    const candidates = options.keep ? cell.entries.filter((e) => !options.keep?.has(e.id)) : cell.entries;
    if (candidates.length <= maxPerBin) continue;
    for (const e of candidates) binned.add(e.id);
    bins.push({
      id: `bin:${unit.name}:${cell.lane}:${cell.start}:${candidates.length}`,
      lane: cell.lane,
      start: cell.start,
      end: nextBinStart(cell.start, unit),
      count: candidates.length,
      ids: candidates.map((e) => e.id),
    });
  }
  bins.sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.start - b.start));
  return { items: inWindow.filter((e) => !binned.has(e.id)), bins, unit, total: inWindow.length };
}

/** Options of the first view. */
export interface InitialWindowOptions {
  /** Above this many entries, open on the latest `latest` entries only (vis-timeline never opens on thousands). */
  fitBelow?: number;
  latest?: number;
  /** Otherwise, the smallest window holding this share of the entries (by start). */
  coverage?: number;
  /** At or below this many entries, show them all. */
  showAllBelow?: number;
  /** Width of the drawing area in px: when given, padding is in px (room for the labels right of the last point). */
  widthPx?: number;
}

/** Px kept free before the first and after the last start (a label is at most 14rem ≈ 224 px wide). */
export const PAD_LEFT_PX = 28;
export const PAD_RIGHT_PX = 250;

/**
 * The first view. At most `showAllBelow` entries: all of them. Up to `fitBelow`: the densest stretch, i.e. the
 * smallest window holding `coverage` (80 %) of the entries, so a few old outliers do not squeeze the rest against
 * the edge. Beyond `fitBelow`: the latest `latest` entries. Padded (in px when `widthPx` is given) so the labels to
 * the right of the last points fit. Undefined when there are no entries.
 */
export function initialWindow(
  entries: readonly AggEntry[],
  { fitBelow = 300, latest = 60, coverage = 0.8, showAllBelow = 12, widthPx }: InitialWindowOptions = {},
): { start: number; end: number } | undefined {
  if (entries.length === 0) return undefined;
  const starts = entries.map((e) => e.start).sort((a, b) => a - b);
  const n = starts.length;
  const last = starts[n - 1] as number;
  if (n <= showAllBelow) {
    let end = last + DAY;
    for (const e of entries) if (e.end > end) end = e.end;
    return padRange({ start: starts[0] as number, end }, widthPx);
  }
  if (n > fitBelow) return padRange({ start: starts[n - Math.min(latest, n)] as number, end: last + DAY }, widthPx);
  const k = Math.max(1, Math.min(n, Math.ceil(n * coverage)));
  let best = 0;
  for (let i = 1; i + k - 1 < n; i++) {
    if (
      (starts[i + k - 1] as number) - (starts[i] as number) <
      (starts[best + k - 1] as number) - (starts[best] as number)
    )
      best = i;
  }
  // Then take in neighbours that cost little width (at most a quarter more), so a tail is not cut off at the edge.
  let lo = best;
  let hi = best + k - 1;
  const limit = ((starts[hi] as number) - (starts[lo] as number) || DAY) * 1.25;
  for (;;) {
    const up = hi + 1 < n ? (starts[hi + 1] as number) - (starts[lo] as number) : Infinity;
    const down = lo > 0 ? (starts[hi] as number) - (starts[lo - 1] as number) : Infinity;
    if (Math.min(up, down) > limit) break;
    if (up <= down) hi++;
    else lo--;
  }
  return padRange({ start: starts[lo] as number, end: (starts[hi] as number) + DAY }, widthPx);
}

/** Everything: from the first start to the last end, padded. Undefined when there are no entries. */
export function fullWindow(entries: readonly AggEntry[], widthPx?: number): { start: number; end: number } | undefined {
  if (entries.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  let lastStart = -Infinity;
  for (const e of entries) {
    if (e.start < start) start = e.start;
    if (e.start > lastStart) lastStart = e.start;
    if (e.end > end) end = e.end;
  }
  // Room for the last label counts from the last start (a span's label sits at its start).
  return padRange({ start, end: Math.max(end, lastStart + DAY) }, widthPx, lastStart);
}

/**
 * Pads a range: with `widthPx`, so PAD_LEFT_PX stay free before the start and PAD_RIGHT_PX after `labelAt` (default:
 * the end); else by 4 % before and 18 % after.
 */
export function padRange(
  range: { start: number; end: number },
  widthPx?: number,
  labelAt: number = range.end,
): { start: number; end: number } {
  const width = Math.max(7 * DAY, range.end - range.start);
  const mid = (range.start + range.end) / 2;
  const start = Math.min(range.start, mid - width / 2);
  const end = Math.max(range.end, mid + width / 2);
  if (widthPx === undefined || widthPx - PAD_LEFT_PX - PAD_RIGHT_PX < widthPx * 0.3) {
    return { start: start - width * 0.04, end: end + width * 0.18 };
  }
  // Solve for ms per px so that [start, max(end, labelAt + PAD_RIGHT_PX)] fits in widthPx - PAD_LEFT_PX.
  const usable = widthPx - PAD_LEFT_PX - PAD_RIGHT_PX;
  const msPerPx = Math.max((Math.min(labelAt, end) - start) / usable, (end - start) / (widthPx - PAD_LEFT_PX));
  return { start: start - PAD_LEFT_PX * msPerPx, end: start + (widthPx - PAD_LEFT_PX) * msPerPx };
}
