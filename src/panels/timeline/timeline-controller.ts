/**
 * Framework-free owner of the vis-timeline instance. It keeps every entry in memory but hands vis-timeline only the
 * items near the visible window (a DataSet updated with add/remove diffs), replacing dense lane/bin cells by
 * "12 events" blocks (aggregate.ts). No React here; destroy() removes every listener and destroys the widget.
 */
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import type { TimeRange } from '../../model/time';
import { aggregate, chooseBinUnit, fullWindow, initialWindow, type Bin } from './aggregate';
import { CHIP_PX, allocateRows, pack, rowsNeeded, type MoreChip, type PackInput } from './pack';
import {
  createLaneContent,
  tooltipRows,
  isSpan,
  toBinItem,
  toMoreItem,
  toTimelineItem,
  type Lane,
  type TimelineEntry,
  type TimelineItemData,
  type TimelineModel,
} from './to-timeline-items';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const WINDOW_ITEM_ID = '__time-window';
/** At or below this many items near the view, nothing is aggregated. */
export const SHOW_ALL_BELOW = 120;
/** A lane/bin cell with more events than this becomes a block. */
export const MAX_PER_BIN = 3;
/** The first view shows the densest 80 % of the entries when there are at most FIT_BELOW, else the latest INITIAL_ITEMS. */
export const FIT_BELOW = 300;
export const INITIAL_ITEMS = 60;
/** Vertical distance between stacked items (px): 19 px items + 6 px margin, so targets stay 24+ px apart. */
export const ROW_PX = 25;
/** Duration of the move to a story step's time range. */
export const FOCUS_ANIMATION_MS = 700;
const ITEM_MARGIN_V = 6;
/** Estimated label width: ~7 px per character at the item font, capped at the label's max width (14rem). */
const labelPx = (text: string): number => Math.min(224, Math.ceil(text.length * 7)) + 10;

export interface TimelineControllerOptions {
  /** An event was chosen (click, Enter or Space), or the selection was cleared (click on the background). */
  onSelect: (eventId: string | null) => void;
  /** The visible range settled after a pan or zoom. */
  onRangeChange?: (range: TimeRange) => void;
  /** Escape was pressed in the timeline. */
  onClearWindow?: () => void;
  /** The new state has been handed to vis-timeline and drawn. */
  onUpdated?: () => void;
}

export interface TimelineController {
  /** Replaces the entries and lanes. */
  setItems: (model: TimelineModel) => void;
  /** Shows these event ids as selected (a no-op when they already are), bringing the first into view. */
  setSelection: (ids: readonly string[]) => void;
  /** Shows the store's time window as a band, or removes it. */
  setTimeWindow: (range: TimeRange | null) => void;
  /** Moves the view to a range. */
  showRange: (range: TimeRange) => void;
  /** Moves the view to a range, or when null to the densest stretch (around the selected event); animated unless
   * `animate` is false (reduced motion). */
  focus: (range: TimeRange | null, animate: boolean) => void;
  getVisibleRange: () => TimeRange;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Shows every entry. */
  fit: () => void;
  /** Pans by a fraction of the visible width (negative = back in time). */
  pan: (fraction: number) => void;
  destroy: () => void;
}

interface Group {
  id: string;
  content: HTMLElement;
  order: number;
}

type VisItem = Omit<TimelineItemData, 'group'> & { group?: string };

/** The parts of vis-timeline's internal Group we touch. */
interface VisGroup {
  items: Record<string, unknown>;
  stackDirty: boolean;
  add: (item: { id: string; data: { subgroup?: unknown }; setParent: (g: unknown) => void }) => void;
}

/** The parts of a vis-timeline item (ItemSet.items[id]) that `remeasure` uses. */
interface VisItemInternals {
  dirty: boolean;
  displayed: boolean;
  parent?: { stackDirty: boolean } | null;
  redraw: (returnQueue: true) => (() => unknown)[];
}

const batchedGroupProtos = new WeakSet<object>();

/**
 * vis-timeline's Group.add() draws every new item at once and measures it (append, then read its size), so adding n
 * items forces n synchronous layouts of the whole timeline (≈ 1 ms each at a few hundred DOM nodes). Adding an item
 * only to the group and marking the group for restacking lets the next redraw (queued by the same DataSet change,
 * in the next frame) draw all new items in one batch: all appends, then all reads, then all writes.
 */
function batchGroupAdds(timeline: unknown): void {
  const groups = (timeline as { itemSet?: { groups?: Record<string, VisGroup> } }).itemSet?.groups ?? {};
  for (const group of Object.values(groups)) {
    let proto: object | null = Object.getPrototypeOf(group) as object | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'add'))
      proto = Object.getPrototypeOf(proto) as object | null;
    if (!proto || batchedGroupProtos.has(proto)) continue;
    batchedGroupProtos.add(proto);
    const original = (proto as VisGroup).add;
    (proto as VisGroup).add = function add(this: VisGroup, item) {
      if (item.data.subgroup !== undefined) {
        original.call(this, item);
        return;
      }
      this.items[item.id] = item;
      item.setParent(this);
      this.stackDirty = true;
    };
  }
}

/** Creates the timeline in `el` (which should have a height). */
export function createTimelineController(el: HTMLElement, options: TimelineControllerOptions): TimelineController {
  const doc = el.ownerDocument;
  const items = new DataSet<VisItem>();
  const groups = new DataSet<Group>();
  const timeline = new Timeline(el, items as never, groups, {
    height: '100%',
    autoResize: true,
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    // Items are 19 px tall (timeline.css) and 6 px apart: centres of stacked items stay 25 px apart (WCAG 2.5.8).
    margin: { item: { horizontal: 3, vertical: ITEM_MARGIN_V }, axis: 4 },
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    showTooltips: false,
    verticalScroll: true,
    groupHeightMode: 'auto',
    zoomMin: 3 * DAY,
    zoomMax: 600 * YEAR,
    moment: (date: Date | number | string) => moment(date).utc(),
    groupOrder: (a: Group, b: Group) => a.order - b.order,
    order: (a: VisItem, b: VisItem) =>
      a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  } as never);

  // We choose the first view ourselves (setItems): stop vis-timeline fitting it to the items on its first redraw.
  (timeline as unknown as { initialFitDone: boolean }).initialFitDone = true;

  /**
   * vis-timeline's item set redraws itself synchronously (measuring the DOM, so forcing a layout) on every DataSet
   * add and remove, although the same change also queues a full redraw for the next frame. `changeItems` skips the
   * synchronous one: our removals and additions are drawn once, together, by the queued redraw.
   */
  let quiet = false;
  const itemSet = (timeline as unknown as { itemSet?: { redraw: () => boolean } }).itemSet;
  if (itemSet) {
    const redrawItemSet = itemSet.redraw;
    itemSet.redraw = function redraw(this: unknown): boolean {
      return quiet ? false : redrawItemSet.call(this);
    };
  }
  const changeItems = (change: () => void): void => {
    quiet = true;
    try {
      change();
    } finally {
      quiet = false;
    }
  };

  let model: TimelineModel = { entries: [], lanes: [], undated: 0 };
  /** The geometry the last render packed for; a redraw that changes it (resize, lane column) packs again. */
  let packedFor = '';
  /** The entry of an event id, if the model has it (a scan: lookups are rare, and an id index would cost memory per
   * event). */
  const entryOf = (id: string): TimelineEntry | undefined => model.entries.find((e) => e.id === id);
  /** vis items built so far, reused while the entry (event object and lane) and its band width are unchanged. */
  const built = new Map<string, { entry: TimelineEntry; band: number | null; item: VisItem }>();
  /** "+N" chips by id, reused while the scale is unchanged. */
  const builtChips = new Map<string, { msPerPx: number; chip: MoreChip; item: VisItem }>();
  /** Lanes whose "+N" chip was used: all their rows are shown (until Fit or new lanes). */
  const expanded = new Set<string>();
  /** What vis-timeline holds now, by id. */
  const shown = new Map<string, VisItem>();
  let laneKey = '';
  let selectedId: string | null = null;
  let timeWindow: TimeRange | null = null;
  let windowItem: VisItem | null = null;
  /** Bin items by id (the id encodes unit, lane, start and count); cleared with new data. */
  const builtBins = new Map<string, VisItem>();
  let framed = false;
  let frame = 0;
  let markFrame = 0;
  let destroyed = false;

  const tooltip = doc.createElement('div');
  tooltip.className = 'tl-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  el.appendChild(tooltip);

  const visibleRange = (): TimeRange => {
    const w = timeline.getWindow();
    return { start: w.start.getTime(), end: w.end.getTime() };
  };

  /** Items whose band was resized in place by this render: vis-timeline must measure them again. */
  const resized: string[] = [];
  /**
   * vis-timeline stacks with the widths it measured when it drew an item, and a band resized in place is not news to
   * it: a wider band then overlapped the next item in its row ("Japan supported Cambodia" under a "+3" chip at
   * 1920 px). Marks those items dirty and redraws them in one batch (all writes, then all reads, then all writes, as
   * vis-timeline's own queues do, so one layout in all), then restacks their groups in the next frame.
   */
  const remeasure = (ids: readonly string[]): void => {
    const visItems = (itemSet as unknown as { items?: Record<string, VisItemInternals> } | undefined)?.items ?? {};
    const queues: (() => unknown)[][] = [];
    for (const id of ids) {
      const item = visItems[id];
      if (!item) continue;
      item.dirty = true;
      if (item.parent) item.parent.stackDirty = true;
      if (item.displayed) queues.push(item.redraw(true));
    }
    const steps = Math.max(0, ...queues.map((q) => q.length));
    for (let step = 0; step < steps; step++) for (const queue of queues) queue[step]?.();
    (timeline as unknown as { body?: { emitter?: { emit: (name: string) => void } } }).body?.emitter?.emit('_change');
  };

  /** `band`: px width of a span too narrow for its label (drawn as a band with the label after it), else null. */
  const itemFor = (entry: TimelineEntry, band: number | null): VisItem => {
    const cached = built.get(entry.id);
    if (cached && cached.entry.event === entry.event && cached.entry.lane === entry.lane) {
      if (cached.band === band) return cached.item;
      // Still narrow at another zoom: resize the band in place rather than handing vis-timeline a new item.
      if (cached.band !== null && band !== null && typeof cached.item.content !== 'string') {
        const el = cached.item.content.querySelector<HTMLElement>('.tl-band');
        if (el) {
          el.style.width = `${Math.max(4, Math.round(band))}px`;
          cached.band = band;
          resized.push(entry.id);
          return cached.item;
        }
      }
    }
    const item = toTimelineItem(entry, doc, band ?? undefined);
    built.set(entry.id, { entry, band, item });
    return item;
  };

  /**
   * Drawing area size, from vis-timeline's own cached measurements (no forced layout). Before vis-timeline has drawn
   * the lane column (new lanes), its width is estimated, on the generous side.
   */
  const geometry = (): { width: number; rows: number } => {
    const props = (
      timeline as unknown as {
        body?: {
          domProps?: {
            center?: { width?: number };
            left?: { width?: number };
            root?: { width?: number; height?: number };
            top?: { height?: number };
          };
        };
      }
    ).body?.domProps;
    const rootWidth = props?.root?.width || el.clientWidth;
    const leftWidth = props?.left?.width ?? 0;
    const width =
      model.lanes.length > 0 && leftWidth < 40
        ? rootWidth - 150
        : props?.center?.width || Math.max(200, rootWidth - leftWidth);
    const height = (props?.root?.height || el.clientHeight) - (props?.top?.height ?? 40) - 2;
    return { width: Math.max(200, width), rows: Math.floor(height / ROW_PX) };
  };

  /** Hands vis-timeline exactly the items near the view: add what is new, remove what left. */
  const render = (): void => {
    if (destroyed) return;
    const view = visibleRange();
    const width = view.end - view.start;
    const near = { start: view.start - width * 0.5, end: view.end + width * 0.5 };
    const result = aggregate(model.entries, {
      window: near,
      unit: chooseBinUnit(width, 24),
      showAllBelow: SHOW_ALL_BELOW,
      maxPerBin: MAX_PER_BIN,
      ...(selectedId !== null ? { keep: new Set([selectedId]) } : {}),
    });
    // Screen extents (px), to keep each lane within the rows it can show and to spot spans too narrow for a label.
    const geo = geometry();
    packedFor = `${geo.width}:${geo.rows}`;
    const pxPerMs = geo.width / width;
    const x = (t: number): number => (t - view.start) * pxPerMs;
    const inputs: PackInput[] = [];
    const bands = new Map<string, number | null>();
    for (const entry of result.items as TimelineEntry[]) {
      const label = labelPx(entry.event.title);
      const left = x(entry.start);
      let right: number;
      if (!isSpan(entry.event)) {
        right = left + 14 + label;
        inputs.push({ id: entry.id, lane: entry.lane, start: entry.start, left: left - 8, right });
      } else {
        const w = x(entry.end) - left;
        const band = w >= label + 16 ? null : Math.max(4, Math.round(w));
        bands.set(entry.id, band);
        right = band === null ? left + w : left + band + 4 + label;
        inputs.push({ id: entry.id, lane: entry.lane, start: entry.start, left, right });
      }
      if (entry.id === selectedId) (inputs[inputs.length - 1] as PackInput).pinned = true;
    }
    const binById = new Map<string, Bin>();
    for (const bin of result.bins) {
      binById.set(bin.id, bin);
      const left = x(bin.start);
      inputs.push({ id: bin.id, lane: bin.lane, start: bin.start, left, right: Math.max(x(bin.end), left + 84) });
    }
    const laneIds = model.lanes.map((l) => l.id);
    const allocation = allocateRows(rowsNeeded(inputs), laneIds, Math.max(laneIds.length, geo.rows));
    const packed = pack(inputs, (lane) =>
      expanded.has(lane) ? Number.POSITIVE_INFINITY : (allocation.get(lane) ?? 1),
    );
    const wanted = new Map<string, VisItem>();
    for (const entry of result.items as TimelineEntry[]) {
      if (packed.shown.has(entry.id)) wanted.set(entry.id, itemFor(entry, bands.get(entry.id) ?? null));
    }
    for (const [id, bin] of binById) {
      if (!packed.shown.has(id)) continue;
      let item = builtBins.get(bin.id);
      if (!item) {
        item = toBinItem(bin, doc);
        builtBins.set(bin.id, item);
      }
      wanted.set(bin.id, item);
    }
    const msPerPx = 1 / pxPerMs;
    // The events a "+N" chip hides are among the entries near the view.
    const nearById =
      packed.chips.length > 0
        ? new Map((result.items as TimelineEntry[]).map((e) => [e.id, e]))
        : new Map<string, TimelineEntry>();
    const nextChips = new Map<string, { msPerPx: number; chip: MoreChip; item: VisItem }>();
    for (const chip of packed.chips) {
      // A chip's count includes the events inside blocks it absorbed.
      const count = chip.ids.reduce((n, id) => n + (binById.get(id)?.count ?? 1), 0);
      const cached = builtChips.get(chip.id);
      const item =
        // Reused across small zooms (the chip's width drifts a little until it is rebuilt).
        cached && cached.msPerPx / msPerPx < 1.5 && msPerPx / cached.msPerPx < 1.5
          ? cached.item
          : toMoreItem(
              chip,
              count,
              CHIP_PX * msPerPx,
              doc,
              chip.ids.flatMap((id) => nearById.get(id) ?? []),
            );
      nextChips.set(chip.id, { msPerPx: cached?.item === item ? cached.msPerPx : msPerPx, chip, item });
      wanted.set(chip.id, item);
    }
    builtChips.clear();
    for (const [id, c] of nextChips) builtChips.set(id, c);
    if (windowItem) wanted.set(WINDOW_ITEM_ID, windowItem);
    const remove: string[] = [];
    for (const [id, item] of shown) if (wanted.get(id) !== item) remove.push(id);
    changeItems(() => {
      if (remove.length > 0) {
        items.remove(remove);
        for (const id of remove) shown.delete(id);
      }
      const add: VisItem[] = [];
      for (const [id, item] of wanted) if (!shown.has(id)) add.push(item);
      if (add.length > 0) {
        batchGroupAdds(timeline);
        items.add(add);
        for (const item of add) shown.set(item.id, item);
      }
    });
    if (resized.length > 0) {
      remeasure(resized);
      resized.length = 0;
    }
    if (selectedId !== null && shown.has(selectedId)) {
      const current = timeline.getSelection();
      if (current.length !== 1 || current[0] !== selectedId) timeline.setSelection([selectedId]);
    }
  };

  const scheduleRender = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };

  const markUpdated = (): void => {
    if (markFrame !== 0) cancelAnimationFrame(markFrame);
    markFrame = requestAnimationFrame(() => {
      markFrame = 0;
      if (!destroyed) options.onUpdated?.();
    });
  };

  const showRange = (range: TimeRange): void => {
    timeline.setWindow(range.start, range.end, { animation: false });
    render();
  };

  const setGroups = (lanes: Lane[]): void => {
    const key = lanes.map((l) => `${l.id}\u0000${l.label}\u0000${l.fullLabel}`).join('\u0001');
    if (key === laneKey) return;
    laneKey = key;
    expanded.clear();
    groups.clear();
    groups.add(lanes.map((lane, order) => ({ id: lane.id, content: createLaneContent(lane, doc), order })));
  };

  const bringIntoView = (entry: TimelineEntry): void => {
    const view = visibleRange();
    if (entry.start < view.end && entry.end > view.start) return;
    const width = Math.max(view.end - view.start, (entry.end - entry.start) * 1.5);
    const mid = (entry.start + entry.end) / 2;
    timeline.setWindow(mid - width / 2, mid + width / 2, { animation: false });
  };

  // --- tooltip -------------------------------------------------------------------------------------------------
  const fillTooltip = (entry: TimelineEntry): void => {
    const rows = tooltipRows(entry);
    const title = doc.createElement('strong');
    title.textContent = entry.event.title;
    const list = doc.createElement('dl');
    for (const [k, v] of rows) {
      const dt = doc.createElement('dt');
      dt.textContent = k;
      const dd = doc.createElement('dd');
      dd.textContent = v;
      list.append(dt, dd);
    }
    tooltip.replaceChildren(title, list);
  };

  const placeTooltip = (x: number, y: number): void => {
    tooltip.hidden = false;
    const box = el.getBoundingClientRect();
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    let left = x - box.left + 14;
    let top = y - box.top + 16;
    if (left + w > box.width - 4) left = Math.max(4, x - box.left - w - 14);
    if (top + h > box.height - 4) top = Math.max(4, y - box.top - h - 12);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  };

  const hideTooltip = (): void => {
    tooltip.hidden = true;
  };

  // --- vis events ----------------------------------------------------------------------------------------------
  const onRangeChanged = (): void => {
    hideTooltip();
    scheduleRender();
    options.onRangeChange?.(visibleRange());
  };

  /** A "+N" chip: show every row of its lane. */
  const expandLane = (chipId: string): void => {
    const chip = builtChips.get(chipId)?.chip;
    if (!chip) return;
    expanded.add(chip.lane);
    render();
    markUpdated();
  };

  const zoomToBin = (binId: string): void => {
    const item = shown.get(binId);
    if (!item?.end) return;
    const start = item.start.getTime();
    const end = item.end.getTime();
    const margin = (end - start) * 0.1;
    showRange({ start: start - margin, end: end + margin });
  };

  const onSelectEvent = (props: { items: (string | number)[] }): void => {
    const id = props.items[0];
    if (typeof id === 'string' && id.startsWith('more:')) {
      timeline.setSelection(selectedId !== null && shown.has(selectedId) ? [selectedId] : []);
      expandLane(id);
      return;
    }
    if (typeof id === 'string' && id.startsWith('bin:')) {
      timeline.setSelection(selectedId !== null && shown.has(selectedId) ? [selectedId] : []);
      zoomToBin(id);
      return;
    }
    if (id === WINDOW_ITEM_ID) return;
    options.onSelect(typeof id === 'string' && entryOf(id) !== undefined ? id : null);
  };

  const onItemOver = (props: { item: string | number; event: MouseEvent }): void => {
    const entry = typeof props.item === 'string' ? entryOf(props.item) : undefined;
    if (!entry) return;
    fillTooltip(entry);
    placeTooltip(props.event.clientX, props.event.clientY);
  };

  const onChanged = (): void => {
    const geo = geometry();
    if (`${geo.width}:${geo.rows}` !== packedFor) scheduleRender();
  };

  timeline.on('rangechanged', onRangeChanged);
  timeline.on('changed', onChanged);
  timeline.on('select', onSelectEvent);
  timeline.on('itemover', onItemOver);
  timeline.on('itemout', hideTooltip);

  // --- keyboard and focus ----------------------------------------------------------------------------------------
  const zoom = (factor: number): void => {
    const view = visibleRange();
    const mid = (view.start + view.end) / 2;
    const half = ((view.end - view.start) * factor) / 2;
    timeline.setWindow(mid - half, mid + half, { animation: false });
  };

  const pan = (fraction: number): void => {
    const view = visibleRange();
    const shift = (view.end - view.start) * fraction;
    timeline.setWindow(view.start + shift, view.end + shift, { animation: false });
  };

  /** The first view's framing of some entries (the densest stretch, or the latest ones when there are many). */
  const firstWindow = (entries: TimelineModel['entries']): TimeRange | undefined =>
    initialWindow(entries, { fitBelow: FIT_BELOW, latest: INITIAL_ITEMS, widthPx: geometry().width });

  const fit = (): void => {
    expanded.clear();
    const extent = fullWindow(model.entries, geometry().width);
    if (extent) showRange(extent);
  };

  const focus = (range: TimeRange | null, animate: boolean): void => {
    // No range: the first view's framing (the densest stretch), moved to the selected event when it lies outside.
    let target = range ?? firstWindow(model.entries);
    const selected = range === null && selectedId !== null ? entryOf(selectedId) : undefined;
    if (target && selected && !(selected.start < target.end && selected.end > target.start)) {
      const half = Math.max(target.end - target.start, (selected.end - selected.start) * 1.5) / 2;
      const mid = (selected.start + selected.end) / 2;
      target = { start: mid - half, end: mid + half };
    }
    if (!target) return;
    if (!animate) {
      showRange(target);
      return;
    }
    // vis animates the window and fires 'rangechanged' at the end, which repacks (onRangeChanged).
    timeline.setWindow(target.start, target.end, {
      animation: { duration: FOCUS_ANIMATION_MS, easingFunction: 'easeInOutQuad' },
    });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const eventId = target?.dataset.eventId;
    const binId = target?.dataset.binId;
    const moreId = target?.dataset.moreId;
    if (
      (event.key === 'Enter' || event.key === ' ') &&
      (eventId !== undefined || binId !== undefined || moreId !== undefined)
    ) {
      event.preventDefault();
      if (moreId !== undefined) expandLane(moreId);
      else if (binId !== undefined) zoomToBin(binId);
      else if (eventId !== undefined) {
        const fromProxy = target?.tabIndex === -1;
        options.onSelect(eventId);
        // A hidden event chosen from a "+N" chip is now drawn in its lane: move focus to it.
        if (fromProxy) {
          requestAnimationFrame(() => {
            const drawn = [...el.querySelectorAll<HTMLElement>('[data-event-id]')].find(
              (node) => node.dataset.eventId === eventId && node.tabIndex === 0,
            );
            drawn?.focus();
          });
        }
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      '+': () => zoom(0.5),
      '=': () => zoom(0.5),
      '-': () => zoom(2),
      _: () => zoom(2),
      ArrowLeft: () => pan(-0.2),
      ArrowRight: () => pan(0.2),
      Home: fit,
      Escape: () => {
        hideTooltip();
        options.onClearWindow?.();
      },
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const onFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement | null;
    const id = target?.dataset.eventId;
    const entry = id !== undefined ? entryOf(id) : undefined;
    if (!target || !entry) return;
    fillTooltip(entry);
    const rect = target.getBoundingClientRect();
    placeTooltip(rect.left, rect.bottom);
  };

  // vis-timeline's lane-label column scrolls vertically: keyboard users must be able to reach (and scroll) it.
  const laneColumn = el.querySelector<HTMLElement>('.vis-panel.vis-left');
  if (laneColumn) {
    laneColumn.tabIndex = 0;
    laneColumn.setAttribute('role', 'group');
    laneColumn.setAttribute('aria-label', 'Lanes');
  }

  // The container takes focus so its shortcuts work (the panel names it and describes the keys).
  if (el.tabIndex < 0) el.tabIndex = 0;
  el.addEventListener('keydown', onKeyDown);
  el.addEventListener('focusin', onFocusIn);
  el.addEventListener('focusout', hideTooltip);

  return {
    setItems(next) {
      model = next;
      if (built.size > 0) {
        const ids = new Set(next.entries.map((e) => e.id));
        for (const id of built.keys()) if (!ids.has(id)) built.delete(id);
      }
      builtBins.clear();
      setGroups(next.lanes);
      const view = visibleRange();
      const anyInView = next.entries.some((e) => e.start < view.end && e.end > view.start);
      if (!framed || !anyInView) {
        const first = firstWindow(next.entries);
        if (first) {
          framed = true;
          timeline.setWindow(first.start, first.end, { animation: false });
        }
      }
      render();
      markUpdated();
    },
    setSelection(ids) {
      const next = ids[0] ?? null;
      if (next === selectedId && (next === null || shown.has(next))) return;
      selectedId = next;
      const entry = next !== null ? entryOf(next) : undefined;
      if (entry) bringIntoView(entry);
      render();
      if (next === null && timeline.getSelection().length > 0) timeline.setSelection([]);
      markUpdated();
    },
    setTimeWindow(range) {
      if (range?.start === timeWindow?.start && range?.end === timeWindow?.end) return;
      timeWindow = range;
      windowItem = range
        ? {
            id: WINDOW_ITEM_ID,
            start: new Date(range.start),
            end: new Date(range.end),
            type: 'background',
            className: 'tl-window',
            content: '',
          }
        : null;
      render();
      markUpdated();
    },
    showRange,
    focus,
    getVisibleRange: visibleRange,
    zoomIn: () => zoom(0.5),
    zoomOut: () => zoom(2),
    fit,
    pan,
    destroy() {
      destroyed = true;
      if (frame !== 0) cancelAnimationFrame(frame);
      if (markFrame !== 0) cancelAnimationFrame(markFrame);
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', hideTooltip);
      timeline.off('rangechanged', onRangeChanged);
      timeline.off('changed', onChanged);
      timeline.off('select', onSelectEvent);
      timeline.off('itemover', onItemOver);
      timeline.off('itemout', hideTooltip);
      timeline.destroy();
      tooltip.remove();
      built.clear();
      builtBins.clear();
      builtChips.clear();
      shown.clear();
    },
  };
}
