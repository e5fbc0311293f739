/** Default values of the view: nothing selected, nothing filtered, first document open. */
import type { Dataset } from '../model/schema';
import type { Filters, ViewState } from './types';

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
