/**
 * The only React <-> vis-timeline bridge. Effect A creates and destroys the controller (empty deps, StrictMode-safe);
 * effect B pushes the current store values once, then follows the store with subscribe(), so data changes never
 * re-render React. Widget callbacks read storeApi.getState() when they run.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { TimeRange } from '../../model/time';
import type { AppState } from '../../store/types';
import { useAppStoreApi } from '../../store/use-app-store';
import { selectTimelineModel, timelineModelMayChange } from './select-timeline-model';
import { createTimelineController, type TimelineController } from './timeline-controller';
import type { TimelineModel } from './to-timeline-items';
import { prefersReducedMotion } from '../../ui/reduced-motion';

const DAY = 86_400_000;

/**
 * Above this many events in the dataset, new timeline items (after a selection or a filter) are drawn in a task of
 * their own, right after the one that updates the network and the source text: each task then stays short, where one
 * task doing all three blocked input for over 50 ms at 10,000 events. Smaller datasets update in the same task.
 */
export const DEFER_ITEMS_ABOVE = 2_000;

/** What the timeline shows: its entries, and the events left out because their date does not resolve. */
export interface TimelineCounts {
  count: number;
  undated: number;
}

const countsOf = (model: TimelineModel): TimelineCounts => ({ count: model.entries.length, undated: model.undated });

declare global {
  interface Window {
    /** Optional test/bench hooks, absent in production. */
    __threadline?: { onPanelUpdated?: (panel: string) => void };
  }
}

/** Toolbar actions on the timeline (no-ops before the widget exists). */
export interface TimelineControls {
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  /** Sets the store's time window to the visible range, rounded out to whole days. */
  useVisibleRangeAsWindow: () => void;
}

function notifyUpdated(): void {
  performance.mark('timeline:updated');
  window.__threadline?.onPanelUpdated?.('timeline');
}

/** A range widened by a fraction of its width on each side. */
function padRange(range: TimeRange, fraction: number): TimeRange {
  const pad = (range.end - range.start) * fraction;
  return { start: range.start - pad, end: range.end + pad };
}

/** Rounds a range out to whole UTC days. */
export function toWholeDays(range: TimeRange): TimeRange {
  return { start: Math.floor(range.start / DAY) * DAY, end: Math.ceil(range.end / DAY) * DAY };
}

export function useTimeline(): {
  containerRef: RefObject<HTMLDivElement | null>;
  controls: TimelineControls;
  /** The counts of the items last handed to the timeline (what it draws, even while new items wait their task). */
  counts: TimelineCounts;
} {
  const storeApi = useAppStoreApi();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const [counts, setCounts] = useState<TimelineCounts>(() => countsOf(selectTimelineModel(storeApi.getState())));

  // Effect A: create / destroy.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return undefined;
    const controller = createTimelineController(el, {
      onSelect: (id) => storeApi.getState().selectEvent(id),
      onClearWindow: () => {
        if (storeApi.getState().timeWindow) storeApi.getState().setTimeWindow(null);
      },
      onUpdated: notifyUpdated,
    });
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      controllerRef.current = null;
    };
  }, [storeApi]);

  // Effect B: push current values, then follow the store.
  useEffect(() => {
    // The model last handed over. (Not selectTimelineModel(prev): the memoised selectors keep one result, so asking
    // for the previous state's would rebuild it, and the current one again after it.)
    let applied: TimelineModel | null = null;
    /** A task that will hand over the items of the store's state by then (see DEFER_ITEMS_ABOVE). */
    let deferred: ReturnType<typeof setTimeout> | null = null;
    /** A story step was shown while items waited: frame it once they are handed over (it may frame "all shown"). */
    let frameAfter = false;
    const frameStep = (controller: TimelineController, state: AppState): void => {
      controller.focus(state.timeWindow && padRange(state.timeWindow, 0.06), !prefersReducedMotion());
    };
    const applyItems = (controller: TimelineController, state: AppState, first: boolean): void => {
      const model = selectTimelineModel(state);
      if (first || model !== applied) {
        applied = model;
        controller.setItems(model);
        const next = countsOf(model);
        setCounts((c) => (c.count === next.count && c.undated === next.undated ? c : next));
      }
    };
    const apply = (state: AppState, prev: AppState | null): void => {
      const controller = controllerRef.current;
      if (!controller) return;
      if (prev && state.dataset.events.length > DEFER_ITEMS_ABOVE && timelineModelMayChange(state, prev)) {
        deferred ??= setTimeout(() => {
          deferred = null;
          const now = controllerRef.current;
          if (!now) return;
          const latest = storeApi.getState();
          applyItems(now, latest, false);
          // A selection made meanwhile is shown (and brought into view) among the new items.
          now.setSelection(latest.selectedEventId === null ? [] : [latest.selectedEventId]);
          if (frameAfter) {
            frameAfter = false;
            frameStep(now, latest);
          }
        }, 0);
      } else if (deferred === null) {
        applyItems(controller, state, !prev);
      }
      if (!prev || state.selectedEventId !== prev.selectedEventId) {
        controller.setSelection(state.selectedEventId === null ? [] : [state.selectedEventId]);
      }
      if (!prev || state.timeWindow !== prev.timeWindow) controller.setTimeWindow(state.timeWindow);
      // A story step is shown: move to its time window, else to everything it shows.
      if (prev && state.shownStep && state.shownStep !== prev.shownStep) {
        if (deferred !== null) frameAfter = true;
        else frameStep(controller, state);
      }
    };
    apply(storeApi.getState(), null);
    const unsubscribe = storeApi.subscribe((state, prev) => apply(state, prev));
    return () => {
      unsubscribe();
      if (deferred !== null) clearTimeout(deferred);
    };
  }, [storeApi]);

  const controls = useMemo<TimelineControls>(
    () => ({
      zoomIn: () => controllerRef.current?.zoomIn(),
      zoomOut: () => controllerRef.current?.zoomOut(),
      fit: () => controllerRef.current?.fit(),
      useVisibleRangeAsWindow: () => {
        const controller = controllerRef.current;
        if (controller) storeApi.getState().setTimeWindow(toWholeDays(controller.getVisibleRange()));
      },
    }),
    [storeApi],
  );

  return { containerRef, controls, counts };
}
