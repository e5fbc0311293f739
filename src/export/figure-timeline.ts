/**
 * The timeline as a standalone SVG figure for any AppState (the live view or a story step's): the events the
 * timeline panel shows (same selectors, lanes and lane mode), on a UTC axis over the time window (or the events'
 * extent), with precision drawn like the panel (a dot for a day, a solid bar for exact days, a hatched bar with
 * faded ends for a month, year or decade), labels placed without overlap, dense stretches aggregated into counted
 * blocks, and a header and legend. Built with createElementNS/setAttribute/textContent only; deterministic.
 */
import { scaleUtc } from 'd3';
import { fromEpochDay } from '../model/calendar';
import { overlaps, type TimeRange } from '../model/time';
import { aggregate, chooseBinUnit, type Bin } from '../panels/timeline/aggregate';
import { allocateRows } from '../panels/timeline/pack';
import { selectTimelineModel } from '../panels/timeline/select-timeline-model';
import {
  accessibleName,
  isSpan,
  isUncertain,
  truncate,
  type Lane,
  type TimelineEntry,
} from '../panels/timeline/to-timeline-items';
import { selectIndex, selectSelectedEvent } from '../store/selectors';
import type { AppState, LaneMode } from '../store/types';
import {
  ACCENT,
  INK,
  INK_MUTED,
  LINE,
  PAD,
  SWATCH_H,
  SWATCH_W,
  addDescription,
  createFigureRoot,
  drawHeader,
  drawLegend,
  figureWidth,
  filterPhrases,
  finishFigure,
  fitText,
  formatDay,
  formatMonth,
  formatRangeLabel,
  measure,
  selectedActorPhrase,
  svgEl,
  svgText,
  svgTitle,
  windowLabel,
  type FigureOptions,
  type LegendItem,
  type LegendSection,
} from './figure-common';
import { formatCount, plural } from '../ui/format-count';

const DAY = 86_400_000;
/** Colours of the timeline panel (timeline.css). */
const ITEM_FILL = '#dce8f6';
const ITEM_BORDER = '#6f96c6';
const ITEM_PALE = '#f3f7fc';
const DECADE_FILL = '#e6eef8';
const DECADE_BORDER = '#a7bfdc';
const BIN_FILL = '#e6e9ee';
const BIN_BORDER = '#8a95a3';
const SELECTED_FILL = '#fff1bf';
const SELECTED_BORDER = '#a15c07';

/** Width of the lane-label column (px). */
const LANE_COL = 170;
/** Height of one row of marks in a lane (px) and of a mark in it. */
const ROW_H = 22;
const MARK_H = 14;
const LANE_PAD = 5;
const AXIS_H = 28;
const LABEL_FONT = 11.5;
/** Horizontal gap kept between marks and labels in a row (px). */
const GAP = 4;
/** At most this many lanes are drawn; the others are merged into one "more lanes" lane. */
export const MAX_FIGURE_LANES = 24;
/** Rows shared by all lanes (each lane gets at least one). */
const ROW_BUDGET = 48;
/** At or below this many events in range every event is drawn; above, dense lane/period cells become blocks. */
export const FIGURE_SHOW_ALL_BELOW = 150;
const MAX_PER_BIN = 3;
const MORE_LANES_ID = '__more-lanes';

const LANE_MODE_TEXT: Record<LaneMode, string> = {
  kind: 'one lane per kind of the first actor named',
  document: 'one lane per source document',
  selected: 'one lane per frequent actor (or the selected pair)',
};

/** One thing drawn in a lane: an event (point or span) or a block of aggregated events. */
interface Mark {
  id: string;
  lane: string;
  kind: 'point' | 'span' | 'bin';
  start: number;
  /** Horizontal extent in plot px (clamped to the plot). */
  x0: number;
  x1: number;
  clippedLeft: boolean;
  clippedRight: boolean;
  label: string;
  selected: boolean;
  entry?: TimelineEntry;
  bin?: Bin;
}

interface Placed {
  mark: Mark;
  row: number;
  /** Where the label goes, or null when it was dropped (no room). */
  label: { x: number; anchor: 'start' | 'end'; inside: boolean } | null;
}

type Occupied = { left: number; right: number }[];

const fits = (row: Occupied, left: number, right: number): boolean =>
  row.every((r) => right + GAP <= r.left || left >= r.right + GAP);

const overlapCount = (row: Occupied, left: number, right: number): number =>
  row.filter((r) => !(right <= r.left || left >= r.right)).length;

/** Mark extent in px (a point gets room for its dot). */
function markExtent(m: Mark): { left: number; right: number } {
  return m.kind === 'point' ? { left: m.x0 - 6, right: m.x0 + 6 } : { left: m.x0, right: Math.max(m.x1, m.x0 + 3) };
}

const labelWidth = (m: Mark): number => measure(m.label, LABEL_FONT) * (m.selected ? 1.08 : 1) + 4;

/** The ways a label can sit next to its mark, best first, each with the extent it occupies with the mark. */
function labelOptions(m: Mark, plotW: number): { left: number; right: number; label: NonNullable<Placed['label']> }[] {
  const lw = labelWidth(m);
  const box = markExtent(m);
  const out: { left: number; right: number; label: NonNullable<Placed['label']> }[] = [];
  if (m.kind !== 'point' && m.x1 - m.x0 >= lw + 8) {
    out.push({ ...box, label: { x: m.x0 + 4, anchor: 'start', inside: true } });
  }
  // A block's count goes inside it or not at all (drawMark then writes it smaller, or leaves it to the tooltip).
  if (m.kind === 'bin') return out;
  const after = m.kind === 'point' ? m.x0 + 8 : box.right + 4;
  if (after + lw <= plotW)
    out.push({ left: box.left, right: after + lw, label: { x: after, anchor: 'start', inside: false } });
  const before = m.kind === 'point' ? m.x0 - 8 : box.left - 4;
  if (before - lw >= 0) {
    out.push({ left: before - lw, right: box.right, label: { x: before, anchor: 'end', inside: false } });
  }
  return out;
}

const byStart = (a: Mark, b: Mark): number => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows each lane would need to show every mark with its label. */
function rowsNeeded(marks: readonly Mark[], plotW: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [lane, list] of groupByLane(marks)) {
    const rows: Occupied[] = [];
    for (const m of [...list].sort(byStart)) {
      const opt = labelOptions(m, plotW)[0] ?? markExtent(m);
      let r = rows.findIndex((row) => fits(row, opt.left, opt.right));
      if (r < 0) r = rows.push([]) - 1;
      rows[r]?.push({ left: opt.left, right: opt.right });
    }
    out.set(lane, Math.max(1, rows.length));
  }
  return out;
}

function groupByLane(marks: readonly Mark[]): Map<string, Mark[]> {
  const out = new Map<string, Mark[]>();
  for (const m of marks) {
    const list = out.get(m.lane);
    if (list) list.push(m);
    else out.set(m.lane, [m]);
  }
  return out;
}

/**
 * Greedy placement in at most `maxRows` rows: the selected mark first, then by start. A mark goes in the first row
 * where it fits with its label; else in the first row where it fits without (the label is dropped); else, overlapping,
 * in the least crowded row (it is still drawn: every event of the view is in the figure).
 */
function placeLane(marks: readonly Mark[], maxRows: number, plotW: number): { placed: Placed[]; rows: number } {
  const ordered = [...marks].sort((a, b) => Number(b.selected) - Number(a.selected) || byStart(a, b));
  const rows: Occupied[] = Array.from({ length: Math.max(1, maxRows) }, () => []);
  const placed: Placed[] = [];
  let used = 1;
  for (const m of ordered) {
    const options = labelOptions(m, plotW);
    let done = false;
    for (let r = 0; r < rows.length && !done; r++) {
      const row = rows[r] as Occupied;
      const opt = options.find((o) => fits(row, o.left, o.right));
      if (opt) {
        row.push({ left: opt.left, right: opt.right });
        placed.push({ mark: m, row: r, label: opt.label });
        used = Math.max(used, r + 1);
        done = true;
      }
    }
    if (done) continue;
    const box = markExtent(m);
    let r = rows.findIndex((row) => fits(row, box.left, box.right));
    if (r < 0) {
      r = 0;
      for (let i = 1; i < rows.length; i++) {
        if (
          overlapCount(rows[i] as Occupied, box.left, box.right) <
          overlapCount(rows[r] as Occupied, box.left, box.right)
        )
          r = i;
      }
    }
    rows[r]?.push(box);
    placed.push({ mark: m, row: r, label: null });
    used = Math.max(used, r + 1);
  }
  return { placed, rows: used };
}

/** The x-range: the time window, else the events' extent with a margin (at least a week wide). */
function xRange(window: TimeRange | null, extent: TimeRange | null): TimeRange | null {
  if (window) return window;
  if (!extent) return null;
  const width = Math.max(7 * DAY, extent.end - extent.start);
  const mid = (extent.start + extent.end) / 2;
  const start = Math.min(extent.start, mid - width / 2);
  const end = Math.max(extent.end, mid + width / 2);
  const margin = (end - start) * 0.03;
  return { start: Math.floor((start - margin) / DAY) * DAY, end: Math.ceil((end + margin) / DAY) * DAY };
}

function extentOf(entries: readonly TimelineEntry[]): TimeRange | null {
  if (entries.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const e of entries) {
    if (e.start < start) start = e.start;
    if (e.end > end) end = e.end;
  }
  return { start, end };
}

/** Tick labels: years, months or days, by what the ticks fall on (UTC, calendar arithmetic). */
function tickLabels(ticks: readonly number[]): string[] {
  const parts = ticks.map((t) => fromEpochDay(Math.floor(t / DAY)));
  if (parts.every((p) => p.month === 1 && p.day === 1)) return parts.map((p) => String(p.year));
  if (parts.every((p) => p.day === 1)) return ticks.map((t) => formatMonth(t));
  return ticks.map((t, i) => {
    const p = parts[i];
    const prev = parts[i - 1];
    const full = formatDay(t);
    return i === 0 || (p && prev && p.year !== prev.year) ? full : full.replace(/ \d+$/, '');
  });
}

/** Lanes to draw: the model's, with those past MAX_FIGURE_LANES merged into one. */
function drawnLanes(lanes: readonly Lane[], laneMode: LaneMode): { lanes: Lane[]; laneOf: (id: string) => string } {
  if (lanes.length <= MAX_FIGURE_LANES) return { lanes: [...lanes], laneOf: (id) => id };
  const kept = lanes.slice(0, MAX_FIGURE_LANES - 1);
  const keptIds = new Set(kept.map((l) => l.id));
  const rest = lanes.length - kept.length;
  const what = laneMode === 'document' ? 'documents' : 'lanes';
  const label = `${rest} more ${what}`;
  return {
    lanes: [...kept, { id: MORE_LANES_ID, label, fullLabel: `${label}, merged into one lane` }],
    laneOf: (id) => (keptIds.has(id) ? id : MORE_LANES_ID),
  };
}

/** A count short enough for a block: 950, 1.4k, 12k. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.round(n / 100) / 10).toString()}k`;
  return `${Math.round(n / 1000)}k`;
}

/** Renders the timeline of `state` as an SVG figure (not attached to the document). */
export function renderTimelineFigure(state: AppState, doc: Document, opts: FigureOptions): SVGSVGElement {
  const width = figureWidth(opts);
  const prefix = opts.idPrefix ?? 'tl';
  const model = selectTimelineModel(state);
  const index = selectIndex(state);
  const extent = extentOf(model.entries);
  const range = xRange(state.timeWindow, extent);
  const entries = range ? model.entries.filter((e) => overlaps(e, range)) : [];
  const selectedEvent = selectSelectedEvent(state);
  const selectedId = selectedEvent?.id ?? null;

  const plotX = PAD + LANE_COL;
  const plotW = width - PAD - plotX;
  const domain = range ?? { start: 0, end: DAY };
  const x = scaleUtc()
    .domain([new Date(domain.start), new Date(domain.end)])
    .range([0, plotW]);
  const px = (t: number): number => x(new Date(t));

  // What to draw: every event, or (dense views) blocks for crowded lane/period cells, as the panel does.
  const { lanes, laneOf } = drawnLanes(model.lanes, state.laneMode);
  const laneEntries = entries.map((e) => (laneOf(e.lane) === e.lane ? e : { ...e, lane: laneOf(e.lane) }));
  const agg =
    range && laneEntries.length > FIGURE_SHOW_ALL_BELOW
      ? aggregate(laneEntries, {
          window: range,
          unit: chooseBinUnit(range.end - range.start, Math.max(8, Math.floor(plotW / 26))),
          showAllBelow: FIGURE_SHOW_ALL_BELOW,
          maxPerBin: MAX_PER_BIN,
          ...(selectedId !== null ? { keep: new Set([selectedId]) } : {}),
        })
      : { items: laneEntries, bins: [] as Bin[] };

  const marks: Mark[] = [];
  for (const entry of agg.items as TimelineEntry[]) {
    const span = isSpan(entry.event);
    const a = px(entry.start);
    const b = px(entry.end);
    marks.push({
      id: entry.id,
      lane: entry.lane,
      kind: span ? 'span' : 'point',
      start: entry.start,
      x0: span ? Math.max(0, a) : a,
      x1: span ? Math.min(plotW, b) : a,
      clippedLeft: span && a < 0,
      clippedRight: span && b > plotW,
      label: truncate(entry.event.title, 44),
      selected: entry.id === selectedId,
      entry,
    });
  }
  for (const bin of agg.bins) {
    const a = Math.max(0, px(bin.start));
    const b = Math.min(plotW, px(bin.end));
    // Room between neighbouring blocks (more than the row gap, so they share a row).
    const inset = Math.min((b - a) / 4, Math.max(2.5, (b - a) * 0.04));
    marks.push({
      id: bin.id,
      lane: bin.lane,
      kind: 'bin',
      start: bin.start,
      x0: a + inset,
      x1: b - inset,
      clippedLeft: false,
      clippedRight: false,
      label: compactCount(bin.count),
      selected: false,
      bin,
    });
  }

  const byLane = groupByLane(marks);
  const laneIds = lanes.map((l) => l.id);
  const allocation = allocateRows(rowsNeeded(marks, plotW), laneIds, Math.max(laneIds.length, ROW_BUDGET));
  const layout = lanes.map((lane) => {
    const list = byLane.get(lane.id) ?? [];
    const { placed, rows } = placeLane(list, allocation.get(lane.id) ?? 1, plotW);
    const count = list.reduce((n, m) => n + (m.bin ? m.bin.count : 1), 0);
    return { lane, placed, rows, count };
  });
  const drawnLayout = layout.filter((l) => l.count > 0);

  // Header.
  const { svg, background } = createFigureRoot(doc, opts.title);
  const selection: string[] = [];
  const actorPhrase = selectedActorPhrase(state);
  if (actorPhrase) selection.push(actorPhrase);
  if (state.laneMode === 'selected' && state.selectedEdge) {
    const name = (id: string): string => index.actorsById.get(id)?.name ?? id;
    selection.push(`Lanes for ${name(state.selectedEdge.source)} and ${name(state.selectedEdge.target)}`);
  }
  selection.push(...filterPhrases(state, { actorKinds: true, docIds: true, search: true }));
  if (selectedEvent) selection.push(`Selected event: ${selectedEvent.title}`);
  const inRange = entries.length;
  const dated = model.entries.length;
  let countLine =
    state.timeWindow && inRange !== dated
      ? `${plural(inRange, 'event')} in the time window (of ${plural(dated, 'dated event')} matching)`
      : plural(inRange, 'event');
  if (model.undated > 0) countLine += `; ${plural(model.undated, 'undated event')} not shown`;
  countLine += `. Lanes: ${LANE_MODE_TEXT[state.laneMode]}.`;
  const headerLines = [
    windowLabel(state.timeWindow, extent),
    selection.length > 0 ? selection.join('; ') : 'No filters',
    countLine,
  ];
  let y = drawHeader(doc, svg, opts, headerLines, width);
  addDescription(
    doc,
    svg,
    `Timeline of ${plural(inRange, 'event')}${range ? `, ${formatRangeLabel(range)}` : ''}, in ${plural(
      drawnLayout.length,
      'lane',
    )}. ${headerLines[1]}.`,
  );

  const defs = svgEl(doc, 'defs', {}, svg);
  addPatterns(doc, defs, prefix);

  // Axis.
  const ticks = range
    ? x
        .ticks(Math.max(2, Math.floor(plotW / 120)))
        .map((d) => d.getTime())
        .filter((t) => t % DAY === 0)
    : [];
  const labels = tickLabels(ticks);
  const axis = svgEl(doc, 'g', { class: 'tl-axis', transform: `translate(${plotX},${y})` }, svg);
  const axisY = AXIS_H - 6;
  svgEl(doc, 'line', { x1: 0, y1: axisY, x2: plotW, y2: axisY, stroke: INK_MUTED, 'stroke-width': 1 }, axis);
  const lanesTop = y + AXIS_H;
  const lanesHeight = drawnLayout.reduce((h, l) => h + l.rows * ROW_H + 2 * LANE_PAD, 0) || 60;
  // Lanes: alternating bands, labels in the left column; the grid lines above the bands, the marks above both.
  const laneLayer = svgEl(doc, 'g', { class: 'tl-lanes' }, svg);
  const grid = svgEl(doc, 'g', { class: 'tl-grid', transform: `translate(${plotX},${lanesTop})` }, svg);
  ticks.forEach((t, i) => {
    const tx = px(t);
    svgEl(doc, 'line', { x1: tx, y1: axisY - 5, x2: tx, y2: axisY, stroke: INK_MUTED, 'stroke-width': 1 }, axis);
    svgText(doc, axis, labels[i] ?? '', {
      x: tx,
      y: axisY - 9,
      'font-size': 11,
      'text-anchor': 'middle',
      fill: INK_MUTED,
    });
    svgEl(doc, 'line', { x1: tx, y1: 0, x2: tx, y2: lanesHeight, stroke: LINE, 'stroke-width': 1 }, grid);
  });

  const markLayer = svgEl(doc, 'g', { class: 'tl-marks', transform: `translate(${plotX},${lanesTop})` }, svg);
  let laneY = 0;
  let labelled = 0;
  let eventMarks = 0;
  const used = { point: false, exact: false, uncertain: false, decade: false, bin: false, clipped: false };
  drawnLayout.forEach((l, i) => {
    const h = l.rows * ROW_H + 2 * LANE_PAD;
    const band = svgEl(doc, 'g', { class: 'tl-lane', 'data-lane': l.lane.id }, laneLayer);
    svgEl(
      doc,
      'rect',
      { x: PAD, y: lanesTop + laneY, width: width - 2 * PAD, height: h, fill: i % 2 === 0 ? '#f6f7f9' : '#ffffff' },
      band,
    );
    svgEl(
      doc,
      'line',
      { x1: PAD, y1: lanesTop + laneY + h, x2: width - PAD, y2: lanesTop + laneY + h, stroke: LINE },
      band,
    );
    svgTitle(doc, band, l.lane.fullLabel);
    svgText(doc, band, fitText(l.lane.label, LANE_COL - 14, 12), {
      x: PAD + 6,
      y: lanesTop + laneY + LANE_PAD + 13,
      'font-size': 12,
      'font-weight': 700,
      fill: INK,
      class: 'tl-lane-label',
    });
    if (h >= 44) {
      svgText(doc, band, plural(l.count, 'event'), {
        x: PAD + 6,
        y: lanesTop + laneY + LANE_PAD + 29,
        'font-size': 11,
        fill: INK_MUTED,
      });
    }
    // Spans and blocks first, then points and labels on top; the selected mark last.
    const ordered = [...l.placed].sort(
      (a, b) =>
        Number(a.mark.selected) - Number(b.mark.selected) ||
        Number(a.mark.kind === 'point') - Number(b.mark.kind === 'point') ||
        byStart(a.mark, b.mark),
    );
    for (const p of ordered) {
      const cy = laneY + LANE_PAD + p.row * ROW_H + ROW_H / 2;
      drawMark(doc, markLayer, p, cy, prefix, used);
      if (p.mark.kind !== 'bin') eventMarks++;
      if (p.label) labelled += p.mark.bin ? 0 : 1;
    }
    laneY += h;
  });
  if (drawnLayout.length === 0) {
    svgText(doc, markLayer, 'No dated events match the current selection and filters.', {
      x: plotW / 2,
      y: 34,
      'font-size': 13,
      'text-anchor': 'middle',
      fill: INK_MUTED,
    });
  }
  y = lanesTop + lanesHeight + 8;

  // Note on labels and blocks.
  const notes: string[] = [];
  if (eventMarks > 0 && labelled < eventMarks) {
    notes.push(`Labels shown for ${formatCount(labelled)} of ${plural(eventMarks, 'event')} (no room for the others).`);
  }
  if (agg.bins.length > 0) {
    const inBins = agg.bins.reduce((n, b) => n + b.count, 0);
    notes.push(
      `${plural(inBins, 'event')} in dense stretches are drawn as ${plural(agg.bins.length, 'counted block')}.`,
    );
  }
  for (const note of notes) {
    svgText(doc, svg, note, { x: plotX, y: y + 10, 'font-size': 11.5, fill: INK_MUTED, class: 'tl-note' });
    y += 16;
  }

  const legendHeight = drawLegend(
    doc,
    svg,
    PAD,
    y + 8,
    width - 2 * PAD,
    legendSections(doc, prefix, used, selectedId !== null && entries.some((e) => e.id === selectedId), state.laneMode),
  );
  finishFigure(svg, background, width, y + 8 + legendHeight + PAD / 2);
  return svg;
}

/** Hatching (month/year; lighter for decades) and the white fades at the ends of uncertain spans. */
function addPatterns(doc: Document, defs: SVGDefsElement, prefix: string): void {
  const hatch = (id: string, fill: string, stripe: string): void => {
    const p = svgEl(
      doc,
      'pattern',
      { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      defs,
    );
    svgEl(doc, 'rect', { x: 0, y: 0, width: 8, height: 8, fill }, p);
    svgEl(doc, 'rect', { x: 0, y: 0, width: 4, height: 8, fill: stripe }, p);
  };
  hatch(`${prefix}-hatch`, ITEM_PALE, ITEM_FILL);
  hatch(`${prefix}-hatch-decade`, '#ffffff', DECADE_FILL);
  const fade = (id: string, from: string, to: string): void => {
    const g = svgEl(doc, 'linearGradient', { id, x1: from, y1: 0, x2: to, y2: 0 }, defs);
    svgEl(doc, 'stop', { offset: 0, 'stop-color': '#ffffff', 'stop-opacity': 0.95 }, g);
    svgEl(doc, 'stop', { offset: 1, 'stop-color': '#ffffff', 'stop-opacity': 0 }, g);
  };
  fade(`${prefix}-fade-left`, '0', '1');
  fade(`${prefix}-fade-right`, '1', '0');
}

type Used = { point: boolean; exact: boolean; uncertain: boolean; decade: boolean; bin: boolean; clipped: boolean };

/** One mark (and its label) at row centre `cy`. */
function drawMark(doc: Document, parent: Element, p: Placed, cy: number, prefix: string, used: Used): void {
  const m = p.mark;
  const top = cy - MARK_H / 2;
  if (m.kind === 'bin' && m.bin) {
    used.bin = true;
    const g = svgEl(doc, 'g', { class: 'tl-bin', 'data-count': m.bin.count }, parent);
    svgTitle(doc, g, `${plural(m.bin.count, 'event')}, ${formatRangeLabel(m.bin)}`);
    const w = Math.max(3, m.x1 - m.x0);
    svgEl(doc, 'rect', { x: m.x0, y: top, width: w, height: MARK_H, rx: 2, fill: BIN_FILL, stroke: BIN_BORDER }, g);
    svgEl(
      doc,
      'line',
      { x1: m.x0, y1: top + MARK_H, x2: m.x0 + w, y2: top + MARK_H, stroke: BIN_BORDER, 'stroke-width': 3 },
      g,
    );
    const short = compactCount(m.bin.count);
    const size = [10.5, 9.5].find((f) => measure(short, f) + 2 <= w);
    if (p.label) drawLabel(doc, g, p, cy, false);
    else if (size !== undefined) {
      svgText(doc, g, short, {
        x: m.x0 + w / 2,
        y: cy + 3.5,
        'font-size': size,
        'text-anchor': 'middle',
        fill: INK,
      });
    }
    return;
  }
  const entry = m.entry;
  if (!entry) return;
  const precision = entry.event.date.precision;
  const g = svgEl(
    doc,
    'g',
    {
      class: `tl-event${m.selected ? ' is-selected' : ''}`,
      'data-event-id': entry.id,
      'data-precision': precision,
      'data-shape': m.kind === 'point' ? 'point' : isUncertain(entry.event) ? 'uncertain-span' : 'exact-span',
    },
    parent,
  );
  svgTitle(doc, g, `${accessibleName(entry.event)}. ${entry.docTitle}`);
  const stroke = m.selected ? SELECTED_BORDER : ITEM_BORDER;
  const strokeWidth = m.selected ? 2.5 : 1;
  if (m.kind === 'point') {
    used.point = true;
    svgEl(
      doc,
      'circle',
      {
        cx: m.x0,
        cy,
        r: m.selected ? 6 : 4.5,
        fill: m.selected ? SELECTED_BORDER : ACCENT,
        stroke: m.selected ? INK : '#ffffff',
        'stroke-width': m.selected ? 1.5 : 1,
      },
      g,
    );
  } else {
    const w = Math.max(3, m.x1 - m.x0);
    const uncertain = isUncertain(entry.event);
    const decade = precision === 'decade';
    if (uncertain) {
      if (decade) used.decade = true;
      else used.uncertain = true;
    } else used.exact = true;
    svgEl(
      doc,
      'rect',
      {
        class: 'tl-span',
        x: m.x0,
        y: top,
        width: w,
        height: MARK_H,
        rx: 3,
        fill: m.selected
          ? SELECTED_FILL
          : uncertain
            ? `url(#${prefix}-${decade ? 'hatch-decade' : 'hatch'})`
            : ITEM_FILL,
        stroke: m.selected ? stroke : decade ? DECADE_BORDER : stroke,
        'stroke-width': strokeWidth,
        'stroke-dasharray': uncertain ? '4 2' : undefined,
      },
      g,
    );
    if (uncertain && w >= 12) {
      // Faded ends: where in the span the event happened is unknown.
      const f = Math.min(24, w / 3);
      if (!m.clippedLeft) {
        svgEl(doc, 'rect', { x: m.x0, y: top, width: f, height: MARK_H, fill: `url(#${prefix}-fade-left)` }, g);
      }
      if (!m.clippedRight) {
        svgEl(
          doc,
          'rect',
          { x: m.x0 + w - f, y: top, width: f, height: MARK_H, fill: `url(#${prefix}-fade-right)` },
          g,
        );
      }
    }
    if (m.clippedLeft || m.clippedRight) used.clipped = true;
    if (m.clippedLeft) arrowHead(doc, g, m.x0, cy, -1);
    if (m.clippedRight) arrowHead(doc, g, m.x0 + w, cy, 1);
  }
  if (p.label) drawLabel(doc, g, p, cy, m.kind === 'span' && p.label.inside && isUncertain(entry.event));
}

/** A small arrowhead at a span's clipped end: it goes on beyond the time window. */
function arrowHead(doc: Document, g: Element, x: number, cy: number, dir: 1 | -1): void {
  const tip = x + dir * 1;
  const base = x - dir * 6;
  svgEl(
    doc,
    'path',
    { d: `M${tip},${cy}L${base},${cy - 5}L${base},${cy + 5}Z`, fill: INK_MUTED, class: 'tl-clipped' },
    g,
  );
}

function drawLabel(doc: Document, g: Element, p: Placed, cy: number, onHatch: boolean): void {
  const label = p.label;
  if (!label) return;
  const m = p.mark;
  const w = labelWidth(m);
  if (m.selected || onHatch) {
    const x0 = label.anchor === 'start' ? label.x - 2 : label.x - w - 2;
    svgEl(
      doc,
      'rect',
      {
        x: x0,
        y: cy - 8,
        width: w + 4,
        height: 16,
        rx: 2,
        fill: m.selected ? SELECTED_FILL : '#ffffff',
        'fill-opacity': m.selected ? 1 : 0.65,
        stroke: m.selected ? SELECTED_BORDER : 'none',
        'stroke-width': m.selected ? 1.5 : 0,
      },
      g,
    );
  }
  svgText(doc, g, m.label, {
    class: 'tl-label',
    x: label.x,
    y: cy + 4,
    'font-size': LABEL_FONT,
    'font-weight': m.selected ? 700 : undefined,
    'text-anchor': label.anchor,
    fill: INK,
  });
}

function legendSections(
  doc: Document,
  prefix: string,
  used: Used,
  selectedShown: boolean,
  laneMode: LaneMode,
): LegendSection[] {
  const mid = SWATCH_H / 2;
  const items: LegendItem[] = [];
  if (used.point) {
    items.push({
      label: 'exact day (dot)',
      swatch: (g) => svgEl(doc, 'circle', { cx: SWATCH_W / 2, cy: mid, r: 4.5, fill: ACCENT }, g),
    });
  }
  /** A legend swatch's bar: the whole swatch less a 1 px margin, in the given fill and outline. */
  const bar = (g: SVGGElement, attrs: Record<string, string | number>): void => {
    svgEl(doc, 'rect', { x: 1, y: 1, width: SWATCH_W - 2, height: SWATCH_H - 2, ...attrs }, g);
  };
  if (used.exact) {
    items.push({
      label: 'several exact days (solid bar)',
      swatch: (g) => bar(g, { rx: 3, fill: ITEM_FILL, stroke: ITEM_BORDER }),
    });
  }
  const hatchSwatch = (id: string, border: string) => (g: SVGGElement) => {
    bar(g, { rx: 3, fill: `url(#${prefix}-${id})`, stroke: border, 'stroke-dasharray': '4 2' });
    svgEl(doc, 'rect', { x: 1, y: 1, width: 8, height: SWATCH_H - 2, fill: `url(#${prefix}-fade-left)` }, g);
    svgEl(
      doc,
      'rect',
      { x: SWATCH_W - 9, y: 1, width: 8, height: SWATCH_H - 2, fill: `url(#${prefix}-fade-right)` },
      g,
    );
  };
  if (used.uncertain) {
    items.push({
      label: 'month or year, day unknown (hatched, dashed, faded ends)',
      swatch: hatchSwatch('hatch', ITEM_BORDER),
    });
  }
  if (used.decade) {
    items.push({ label: 'decade (light hatching)', swatch: hatchSwatch('hatch-decade', DECADE_BORDER) });
  }
  if (used.bin) {
    items.push({
      label: 'grey block: a dense stretch, with its number of events (1.4k = 1,400)',
      swatch: (g) => {
        bar(g, { rx: 2, fill: BIN_FILL, stroke: BIN_BORDER });
        svgEl(
          doc,
          'line',
          { x1: 1, y1: SWATCH_H - 1, x2: SWATCH_W - 1, y2: SWATCH_H - 1, stroke: BIN_BORDER, 'stroke-width': 3 },
          g,
        );
      },
    });
  }
  if (used.clipped) {
    items.push({
      label: 'goes on beyond the time window (arrowhead)',
      swatch: (g) => {
        svgEl(
          doc,
          'rect',
          { x: 1, y: 1, width: SWATCH_W - 8, height: SWATCH_H - 2, fill: ITEM_FILL, stroke: ITEM_BORDER },
          g,
        );
        arrowHead(doc, g, SWATCH_W - 7, mid, 1);
      },
    });
  }
  if (selectedShown) {
    items.push({
      label: 'selected event (brown outline, bold label)',
      swatch: (g) => bar(g, { rx: 2, fill: SELECTED_FILL, stroke: SELECTED_BORDER, 'stroke-width': 2 }),
    });
  }
  return [
    { title: 'Dates', items },
    {
      title: 'Lanes',
      items: [],
      note: `${LANE_MODE_TEXT[laneMode][0]?.toUpperCase() ?? ''}${LANE_MODE_TEXT[laneMode].slice(1)}. Axis in UTC.`,
    },
  ];
}
