/**
 * Pure mapping from dataset events to timeline entries, lanes and vis-timeline items. Item content is a DOM element
 * built with textContent (never an HTML string), and every item has an accessible name: its title and its date.
 */
import { fromEpochDay } from '../../model/calendar';
import type { Actor, ActorKind, DatasetEvent, DocumentRecord } from '../../model/schema';
import { ACTOR_KINDS } from '../../model/schema-constants';
import type { TimeRange } from '../../model/time';
import type { LaneMode } from '../../store/types';
import type { AggEntry, Bin } from './aggregate';
import type { MoreChip } from './pack';

const DAY = 86_400_000;

/** One event placed on the timeline: its span, lane and what the tooltip needs. */
export interface TimelineEntry extends AggEntry {
  event: DatasetEvent;
  docTitle: string;
}

/** One lane (a vis group). */
export interface Lane {
  id: string;
  label: string;
  /** Full label, for the title attribute when the label is truncated. */
  fullLabel: string;
}

export interface TimelineModel {
  entries: TimelineEntry[];
  lanes: Lane[];
  /** Events without a usable date (not drawn). */
  undated: number;
}

/** Everything the lane assignment reads. */
export interface LaneContext {
  actorsById: ReadonlyMap<string, Actor>;
  docsById: ReadonlyMap<string, DocumentRecord>;
  eventRanges: ReadonlyMap<string, TimeRange>;
  /** All documents, in dataset order (the order of document lanes). */
  documents: readonly DocumentRecord[];
  selectedActorId: string | null;
  selectedEdge: { source: string; target: string } | null;
}

export const KIND_LABELS: Record<ActorKind | 'none', string> = {
  person: 'People',
  country: 'Countries',
  organization: 'Organizations',
  group: 'Groups',
  place: 'Places',
  other: 'Other actors',
  none: 'No actor',
};

/** At most this many actor lanes in 'selected' mode (the rest go in "Other"). */
export const MAX_ACTOR_LANES = 8;

/** Shortens a label to `max` characters with an ellipsis. */
export function truncate(text: string, max = 28): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Formats epoch ms (UTC midnight) as YYYY-MM-DD. */
export function formatDay(ms: number): string {
  const { year, month, day } = fromEpochDay(Math.floor(ms / DAY));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A range (end exclusive) as written for people: "2022-03-01 – 2022-03-31", or one day. */
export function formatRange(range: TimeRange): string {
  const first = formatDay(range.start);
  const last = formatDay(range.end - DAY);
  return first === last ? first : `${first} – ${last}`;
}

/** The resolved date of an event as written in the data: "2022-03 (month)" or "2023-01 to 2023-03 (month)". */
export function formatResolved(event: DatasetEvent): string {
  const { start, end, precision } = event.date;
  const value = precision === 'decade' ? `${start.slice(0, 3)}0s` : end ? `${start} to ${end}` : start;
  return `${value} (${precision})`;
}

/**
 * The tooltip's rows: the date as written, as resolved (a month, year or decade also shows the days it covers; a
 * day's range would only repeat it), where the date came from, and the document.
 */
export function tooltipRows(entry: TimelineEntry): [string, string][] {
  const { date } = entry.event;
  const resolved = formatResolved(entry.event);
  return [
    ['Written', date.text.trim() !== '' ? date.text : '(no date in the text)'],
    ['Resolved', date.precision === 'day' && !date.end ? resolved : `${resolved}: ${formatRange(entry)}`],
    ['Source', date.source === 'text' ? 'the sentence' : `the ${date.source}`],
    ['Document', entry.docTitle],
  ];
}

/** The accessible name of an event item: title and date. */
export function accessibleName(event: DatasetEvent): string {
  const written = event.date.text.trim();
  return `${event.title}, ${written !== '' ? `${written}, ` : ''}${formatResolved(event)}`;
}

/** How a lane mode places events: each event's lane id, and the lanes (in order) for the lane ids in use. */
interface LaneBuilder {
  laneOf: (e: DatasetEvent) => string;
  lanesFor: (used: ReadonlySet<string>) => Lane[];
}

function kindLanes(ctx: LaneContext): LaneBuilder {
  const kindLane = new Map<string, string>();
  const laneOf = (e: DatasetEvent): string => {
    const first = e.actorIds[0];
    if (first === undefined) return 'kind:none';
    const kind = ctx.actorsById.get(first)?.kind ?? 'other';
    let id = kindLane.get(kind);
    if (id === undefined) kindLane.set(kind, (id = `kind:${kind}`));
    return id;
  };
  const lanesFor = (used: ReadonlySet<string>): Lane[] =>
    [...ACTOR_KINDS, 'none' as const]
      .filter((k) => used.has(`kind:${k}`))
      .map((k) => ({ id: `kind:${k}`, label: KIND_LABELS[k], fullLabel: KIND_LABELS[k] }));
  return { laneOf, lanesFor };
}

function documentLanes(ctx: LaneContext): LaneBuilder {
  const docLane = new Map<string, string>();
  const laneOf = (e: DatasetEvent): string => {
    let id = docLane.get(e.docId);
    if (id === undefined) docLane.set(e.docId, (id = `doc:${e.docId}`));
    return id;
  };
  const lanesFor = (used: ReadonlySet<string>): Lane[] =>
    ctx.documents
      .filter((d) => used.has(`doc:${d.id}`))
      .map((d) => {
        const full = d.title.trim() !== '' ? d.title.trim() : d.file;
        return { id: `doc:${d.id}`, label: truncate(full), fullLabel: full };
      });
  return { laneOf, lanesFor };
}

/**
 * 'selected' lanes: one per actor of interest (the selected edge's two actors; else the actors most often seen with
 * the selected actor; else the most frequent actors), plus "Other".
 */
function actorLanes(ctx: LaneContext, events: readonly DatasetEvent[]): LaneBuilder {
  const focus = ctx.selectedActorId;
  let chosen: string[];
  if (ctx.selectedEdge) {
    chosen = [ctx.selectedEdge.source, ctx.selectedEdge.target];
  } else {
    const counts = new Map<string, number>();
    for (const e of events) for (const a of e.actorIds) if (a !== focus) counts.set(a, (counts.get(a) ?? 0) + 1);
    chosen = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_ACTOR_LANES)
      .map(([id]) => id);
  }
  const rank = new Map(chosen.map((id, i) => [id, i]));
  // One lane-id string per actor, shared by its entries.
  const actorLane = new Map<string, string>();
  const laneOf = (e: DatasetEvent): string => {
    let best: string | undefined;
    for (const a of e.actorIds) {
      const r = rank.get(a);
      if (r !== undefined && (best === undefined || r < (rank.get(best) ?? Infinity))) best = a;
    }
    if (best === undefined) return 'actor:other';
    let id = actorLane.get(best);
    if (id === undefined) actorLane.set(best, (id = `actor:${best}`));
    return id;
  };
  const lanesFor = (used: ReadonlySet<string>): Lane[] => {
    const focusName = focus ? ctx.actorsById.get(focus)?.name : undefined;
    const lanes: Lane[] = chosen
      .filter((id) => used.has(`actor:${id}`))
      .map((id) => {
        const name = ctx.actorsById.get(id)?.name ?? id;
        const full = focusName ? `${name} (with ${focusName})` : name;
        return { id: `actor:${id}`, label: truncate(name), fullLabel: full };
      });
    if (used.has('actor:other')) {
      const label = focusName ? `${truncate(focusName, 18)} only` : 'Other actors';
      lanes.push({
        id: 'actor:other',
        label,
        fullLabel: focusName ? `${focusName}, with no other listed actor` : label,
      });
    }
    return lanes;
  };
  return { laneOf, lanesFor };
}

/** Places events on lanes. Events whose date does not resolve are counted in `undated` and left out. */
export function buildTimelineModel(events: readonly DatasetEvent[], mode: LaneMode, ctx: LaneContext): TimelineModel {
  const { laneOf, lanesFor } =
    mode === 'document' ? documentLanes(ctx) : mode === 'selected' ? actorLanes(ctx, events) : kindLanes(ctx);
  const entries: TimelineEntry[] = [];
  // Lanes used by any event, dated or not (each event's lane is worked out once).
  const used = new Set<string>();
  let undated = 0;
  for (const event of events) {
    const lane = laneOf(event);
    used.add(lane);
    const range = ctx.eventRanges.get(event.id);
    if (!range) {
      undated++;
      continue;
    }
    const doc = ctx.docsById.get(event.docId);
    entries.push({
      id: event.id,
      start: range.start,
      end: range.end,
      lane,
      event,
      docTitle: doc ? doc.title || doc.file : event.docId,
    });
  }
  return { entries, lanes: lanesFor(used), undated };
}

/** The vis-timeline item shape we produce (a subset of vis's DataItem). */
export interface TimelineItemData {
  id: string;
  group: string;
  start: Date;
  end?: Date;
  type: 'point' | 'range' | 'background';
  className: string;
  content: HTMLElement | string;
}

/** True when the event's date is a span of uncertain position (month, year or decade). */
export const isUncertain = (event: DatasetEvent): boolean => event.date.precision !== 'day';

/** The content element of an event item: text only, focusable, named by title and date. */
export function createEventContent(entry: TimelineEntry, doc: Document = document): HTMLElement {
  const el = doc.createElement('span');
  el.className = 'tl-label';
  el.textContent = entry.event.title;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', accessibleName(entry.event));
  el.dataset.eventId = entry.id;
  return el;
}

/** True when the event covers more than one known day (drawn as a span). */
export const isSpan = (event: DatasetEvent): boolean => event.date.precision !== 'day' || event.date.end !== undefined;

/**
 * A vis item for an event: a point for an exact day, a range for a span (hatched when uncertain). A span too narrow
 * for its label at the current zoom (`bandPx` given) is drawn as a band of that width with the label after it.
 */
export function toTimelineItem(entry: TimelineEntry, doc: Document = document, bandPx?: number): TimelineItemData {
  const { precision } = entry.event.date;
  const span = isSpan(entry.event);
  const classes = ['tl-item', `tl-precision-${precision}`];
  if (span) classes.push(isUncertain(entry.event) ? 'tl-uncertain' : 'tl-exact-span');
  const narrow = span && bandPx !== undefined;
  const content = createEventContent(entry, doc);
  let wrapped: HTMLElement = content;
  if (narrow) {
    classes.push('tl-narrow');
    wrapped = doc.createElement('span');
    wrapped.className = 'tl-narrow-content';
    const band = doc.createElement('span');
    band.className = 'tl-band';
    band.setAttribute('aria-hidden', 'true');
    band.style.width = `${Math.max(4, Math.round(bandPx))}px`;
    wrapped.append(band, content);
  }
  const item: TimelineItemData = {
    id: entry.id,
    group: entry.lane,
    start: new Date(entry.start),
    type: span && !narrow ? 'range' : 'point',
    className: classes.join(' '),
    content: wrapped,
  };
  if (span && !narrow) item.end = new Date(entry.end);
  return item;
}

/** A "+N" chip for events hidden because the lane is full here; Enter or a click shows all rows of the lane. */
export function toMoreItem(
  chip: MoreChip,
  count: number,
  widthMs: number,
  doc: Document = document,
  hidden: readonly TimelineEntry[] = [],
): TimelineItemData {
  const el = doc.createElement('span');
  el.className = 'tl-more-label';
  el.textContent = `+${count}`;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  const range = chip.start === chip.end ? formatDay(chip.start) : `${formatDay(chip.start)} – ${formatDay(chip.end)}`;
  el.setAttribute('aria-label', `${count} more events from ${range}: show all rows of this lane`);
  el.title = `${count} more events here: show all rows of this lane`;
  el.dataset.moreId = chip.id;
  // The hidden events stay in the document (not in the Tab order, visually hidden) so they can still be found and
  // selected by assistive technology and scripts; selecting one brings it into the lane.
  const wrapper = doc.createElement('span');
  wrapper.className = 'tl-more-content';
  wrapper.append(el);
  if (hidden.length > 0) {
    const list = doc.createElement('span');
    list.className = 'tl-visually-hidden';
    for (const entry of hidden) {
      const proxy = createEventContent(entry, doc);
      proxy.tabIndex = -1;
      list.append(proxy);
    }
    wrapper.append(list);
  }
  return {
    id: chip.id,
    group: chip.lane,
    start: new Date(chip.start),
    end: new Date(chip.start + widthMs),
    type: 'range',
    className: 'tl-more',
    content: wrapper,
  };
}

/** Fraction of a bin left empty on each side. */
const BIN_INSET = 0.04;

/** A vis item for a block of aggregated events; Enter or a click zooms into it. */
export function toBinItem(bin: Bin, doc: Document = document): TimelineItemData {
  const el = doc.createElement('span');
  el.className = 'tl-bin-label';
  el.textContent = `${bin.count} events`;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', `${bin.count} events, ${formatRange(bin)}: zoom in`);
  el.dataset.binId = bin.id;
  return {
    id: bin.id,
    group: bin.lane,
    // Inset a little so neighbouring blocks do not touch (vis-timeline would stack touching items).
    start: new Date(bin.start + (bin.end - bin.start) * BIN_INSET),
    end: new Date(bin.end - (bin.end - bin.start) * BIN_INSET),
    type: 'range',
    className: 'tl-bin',
    content: el,
  };
}

/** Lane (group) content: a truncated label with the full label in its title attribute. */
export function createLaneContent(lane: Lane, doc: Document = document): HTMLElement {
  const el = doc.createElement('span');
  el.className = 'tl-lane-label';
  el.textContent = lane.label;
  el.title = lane.fullLabel;
  return el;
}
