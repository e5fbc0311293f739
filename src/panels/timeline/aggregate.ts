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

/**
 * The first view: everything when there are at most `fitBelow` entries, else the latest `latest` entries (by start),
 * so vis-timeline never opens on thousands of items. Undefined when there are no entries.
 */
export function initialWindow(
  entries: readonly AggEntry[],
  { fitBelow = 300, latest = 60 }: { fitBelow?: number; latest?: number } = {},
): { start: number; end: number } | undefined {
  if (entries.length === 0) return undefined;
  const maxItems = entries.length <= fitBelow ? entries.length : latest;
  const starts = entries.map((e) => e.start).sort((a, b) => a - b);
  const first = starts[0] as number;
  const last = starts[starts.length - 1] as number;
  if (maxItems === entries.length) {
    const end = Math.max(...entries.map((e) => e.end));
    return pad(first, end);
  }
  const from = starts[starts.length - maxItems] as number;
  return pad(from, last + DAY);
}

/** Pads a range by 4 % before and 18 % after (room for the labels that extend right of points). */
function pad(start: number, end: number): { start: number; end: number } {
  const width = Math.max(7 * DAY, end - start);
  return { start: start - width * 0.04, end: end + width * 0.18 };
}
