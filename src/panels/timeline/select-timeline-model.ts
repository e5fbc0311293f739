/** Timeline-only derived data: visible events placed on lanes (memoised on exactly what it reads). */
import { buildTimelineModel, type TimelineModel } from './to-timeline-items';
import type { Dataset, DatasetEvent } from '../../model/schema';
import { memoizeLast, selectIndex, selectVisibleEvents, type DatasetIndex } from '../../store/selectors';
import type { AppState, LaneMode } from '../../store/types';

const modelFor = memoizeLast(
  (
    dataset: Dataset,
    index: DatasetIndex,
    events: DatasetEvent[],
    mode: LaneMode,
    selectedActorId: string | null,
    selectedEdge: AppState['selectedEdge'],
  ): TimelineModel =>
    buildTimelineModel(events, mode, {
      actorsById: index.actorsById,
      docsById: index.docsById,
      eventRanges: index.eventRanges,
      documents: dataset.documents,
      selectedActorId: mode === 'selected' ? selectedActorId : null,
      selectedEdge: mode === 'selected' ? selectedEdge : null,
    }),
);

/**
 * Every state field selectTimelineModel reads (directly or through the selectors it calls): the timeline hook
 * rebuilds its items only when one of them changes. A test reads the selector through a proxy to keep this true.
 */
export const TIMELINE_MODEL_INPUTS = [
  'dataset',
  'filters',
  'selectedActorId',
  'selectedEdge',
  'laneMode',
] as const satisfies readonly (keyof AppState)[];

/** True when the state changes something the timeline's model is built from (so the model may change). */
export const timelineModelMayChange = (state: AppState, prev: AppState): boolean =>
  TIMELINE_MODEL_INPUTS.some((key) => state[key] !== prev[key]);

/** The timeline's entries and lanes. In 'kind' and 'document' modes, selection changes do not rebuild it. */
export const selectTimelineModel = (s: AppState): TimelineModel =>
  modelFor(
    s.dataset,
    selectIndex(s),
    selectVisibleEvents(s),
    s.laneMode,
    s.laneMode === 'selected' ? s.selectedActorId : null,
    s.laneMode === 'selected' ? s.selectedEdge : null,
  );
