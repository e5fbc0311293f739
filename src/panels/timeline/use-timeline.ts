/**
 * The only React <-> vis-timeline bridge. Effect A creates and destroys the controller (empty deps, StrictMode-safe);
 * effect B pushes the current store values once, then follows the store with subscribe(), so data changes never
 * re-render React. Widget callbacks read storeApi.getState() when they run.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { TimeRange } from '../../model/time';
import type { AppState } from '../../store/types';
import { useAppStoreApi } from '../../store/use-app-store';
import { selectTimelineModel } from './select-timeline-model';
import { createTimelineController, type TimelineController } from './timeline-controller';
import type { TimelineModel } from './to-timeline-items';
import { prefersReducedMotion } from '../../ui/reduced-motion';

const DAY = 86_400_000;

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

export function useTimeline(): { containerRef: RefObject<HTMLDivElement | null>; controls: TimelineControls } {
  const storeApi = useAppStoreApi();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const controllerRef = useRef<TimelineController | null>(null);

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
    const apply = (state: AppState, prev: AppState | null): void => {
      const controller = controllerRef.current;
      if (!controller) return;
      const model = selectTimelineModel(state);
      if (!prev || model !== applied) {
        applied = model;
        controller.setItems(model);
      }
      if (!prev || state.selectedEventId !== prev.selectedEventId) {
        controller.setSelection(state.selectedEventId === null ? [] : [state.selectedEventId]);
      }
      if (!prev || state.timeWindow !== prev.timeWindow) controller.setTimeWindow(state.timeWindow);
      // A story step is shown: move to its time window, else to everything it shows.
      if (prev && state.shownStep && state.shownStep !== prev.shownStep) {
        controller.focus(state.timeWindow && padRange(state.timeWindow, 0.06), !prefersReducedMotion());
      }
    };
    apply(storeApi.getState(), null);
    return storeApi.subscribe((state, prev) => apply(state, prev));
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

  return { containerRef, controls };
}
