/**
 * Benchmark hooks (performance.md §6), inert for users: `app:interactive` once the three panels have drawn for the
 * first time, and `select:done` in the frame after all three panels have drawn a new selection. The panels mark
 * their own draws (`timeline:updated`, `network:updated`, `source:updated`); this only watches those marks, so it
 * couples to no panel.
 */
import type { AppStore } from '../store/create-app-store';
import type { AppState } from '../store/types';

export const PANEL_MARKS = ['timeline:updated', 'network:updated', 'source:updated'] as const;
/** A selection whose panels have not all drawn within this time gets no select:done mark (e.g. nothing changed). */
const SELECT_GIVE_UP_MS = 10_000;

const selectionOf = (s: AppState): string =>
  `${s.selectedActorId}|${s.selectedEventId}|${s.selectedEdge?.source}|${s.selectedEdge?.target}`;

/** Starts watching; returns a function that stops. A no-op where PerformanceObserver cannot observe marks. */
export function watchPerfMarks(storeApi: AppStore): () => void {
  if (
    typeof PerformanceObserver === 'undefined' ||
    typeof requestAnimationFrame === 'undefined' ||
    !(PerformanceObserver.supportedEntryTypes ?? []).includes('mark')
  ) {
    return () => undefined;
  }
  const firstSeen = new Set<string>();
  let interactive = performance.getEntriesByName('app:interactive').length > 0;
  let pending: { since: number; seen: Set<string> } | null = null;
  let frame = 0;

  const afterFrame = (name: string): void => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      performance.mark(name);
    });
  };

  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!(PANEL_MARKS as readonly string[]).includes(entry.name)) continue;
      if (!interactive) {
        firstSeen.add(entry.name);
        if (firstSeen.size === PANEL_MARKS.length) {
          interactive = true;
          afterFrame('app:interactive');
        }
      }
      if (pending && entry.startTime >= pending.since) {
        pending.seen.add(entry.name);
        if (pending.seen.size === PANEL_MARKS.length) {
          pending = null;
          afterFrame('select:done');
        }
      }
    }
  });
  observer.observe({ type: 'mark' });

  const unsubscribe = storeApi.subscribe((state, prev) => {
    if (selectionOf(state) === selectionOf(prev)) return;
    const since = performance.now();
    pending = { since, seen: new Set() };
    setTimeout(() => {
      if (pending?.since === since) pending = null;
    }, SELECT_GIVE_UP_MS);
  });

  return () => {
    observer.disconnect();
    unsubscribe();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
