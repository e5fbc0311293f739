/** Default values of the view: nothing selected, nothing filtered, first document open. */
import type { Dataset } from '../model/schema';
import type { AppState, Filters, ViewState } from './types';

export const EMPTY_FILTERS: Filters = { actorKinds: [], relationTypes: [], polarities: [], docIds: [], search: '' };

/** The default view of a dataset. */
export function defaultViewState(dataset: Dataset): ViewState {
  return {
    selectedActorId: null,
    selectedEventId: null,
    selectedEdge: null,
    timeWindow: null,
    filters: EMPTY_FILTERS,
    openDocId: dataset.documents[0]?.id ?? null,
    emphasis: null,
    laneMode: 'kind',
    networkView: 'graph',
  };
}

/** The view part of the state (what a link or a story step stores). */
export function pickViewState(s: AppState): ViewState {
  return {
    selectedActorId: s.selectedActorId,
    selectedEventId: s.selectedEventId,
    selectedEdge: s.selectedEdge,
    timeWindow: s.timeWindow,
    filters: s.filters,
    openDocId: s.openDocId,
    emphasis: s.emphasis,
    laneMode: s.laneMode,
    networkView: s.networkView,
  };
}
