/**
 * The one app store, built from slices by a factory so every test and every provider gets a fresh one.
 * No React here: panels read it through hooks, widget bridges through subscribe().
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../model/schema';
import type { Story } from '../story/types';
import { EMPTY_FILTERS, defaultViewState } from './initial-state';
import { createStorySlice, keyOf, latestStoryFor } from './story-slice';
import type { AppState, DataSlice, FilterSlice, SelectionSlice, ViewSlice, ViewState } from './types';

type Slice<T> = StateCreator<AppState, [], [], T>;

const createDataSlice =
  (dataset: Dataset): Slice<DataSlice> =>
  (set, get) => ({
    dataset,
    // Stories are per browser, so they stay; a presentation of the old dataset's story ends.
    replaceDataset: (next) => {
      const { stories, activeStoryId } = get();
      const key = keyOf(next);
      const active = stories.find((s) => s.id === activeStoryId);
      set({
        dataset: next,
        ...defaultViewState(next),
        presenting: null,
        activeStoryId: active?.datasetKey === key ? active.id : latestStoryFor(stories, key),
      });
    },
  });

const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selectedActorId: null,
  selectedEventId: null,
  selectedEdge: null,
  hoveredActorId: null,
  selectActor: (actorId) => {
    const exists = actorId === null || get().dataset.actors.some((a) => a.id === actorId);
    if (exists) set({ selectedActorId: actorId, selectedEventId: null, selectedEdge: null });
  },
  selectEvent: (eventId) => {
    if (eventId === null) {
      set({ selectedEventId: null });
      return;
    }
    const event = get().dataset.events.find((e) => e.id === eventId);
    if (!event) return;
    set({ selectedEventId: eventId, selectedEdge: null, openDocId: event.docId, emphasis: event.evidence });
  },
  selectEdge: (source, target) => set({ selectedEdge: { source, target }, selectedEventId: null }),
  hoverActor: (actorId) => set({ hoveredActorId: actorId }),
  clearSelection: () =>
    set({ selectedActorId: null, selectedEventId: null, selectedEdge: null, emphasis: null, timeWindow: null }),
});

const createFilterSlice: Slice<FilterSlice> = (set, get) => ({
  timeWindow: null,
  filters: EMPTY_FILTERS,
  setTimeWindow: (window) => set({ timeWindow: window && window.end > window.start ? window : null }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  resetFilters: () => set({ filters: EMPTY_FILTERS }),
});

const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  openDocId: null,
  emphasis: null,
  laneMode: 'kind',
  networkView: 'graph',
  openDocument: (docId, emphasis = null) => {
    if (get().dataset.documents.some((d) => d.id === docId)) set({ openDocId: docId, emphasis });
  },
  setLaneMode: (laneMode) => set({ laneMode }),
  setNetworkView: (networkView) => set({ networkView }),
});

export type AppStore = StoreApi<AppState>;

/**
 * Creates a store for a dataset, optionally starting from a saved view and the stories kept in this browser (the
 * most recently changed story of this dataset starts active).
 */
export function createAppStore(dataset: Dataset, view?: Partial<ViewState>, options?: { stories?: Story[] }): AppStore {
  const stories = options?.stories ?? [];
  return createStore<AppState>()((...a) => ({
    ...createDataSlice(dataset)(...a),
    ...createSelectionSlice(...a),
    ...createFilterSlice(...a),
    ...createViewSlice(...a),
    ...createStorySlice(stories)(...a),
    ...defaultViewState(dataset),
    filters: EMPTY_FILTERS,
    activeStoryId: latestStoryFor(stories, keyOf(dataset)),
    ...view,
  }));
}

export { pickViewState } from './initial-state';
