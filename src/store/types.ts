/** The app store's shape: facts only (the dataset, what is selected, what is filtered, what is open). */
import type { ActorKind, Dataset, Polarity, RelationType, Span } from '../model/schema';
import type { TimeRange } from '../model/time';

export type LaneMode = 'kind' | 'document' | 'selected';
export type NetworkView = 'graph' | 'table';

export interface DataSlice {
  dataset: Dataset;
  /** Replaces the dataset (already validated) and resets the view. */
  replaceDataset: (dataset: Dataset) => void;
}

export interface SelectionSlice {
  selectedActorId: string | null;
  selectedEventId: string | null;
  /** An edge is an unordered actor pair. */
  selectedEdge: { source: string; target: string } | null;
  hoveredActorId: string | null;
  selectActor: (actorId: string | null) => void;
  selectEvent: (eventId: string | null) => void;
  selectEdge: (source: string, target: string) => void;
  hoverActor: (actorId: string | null) => void;
  clearSelection: () => void;
}

export interface Filters {
  /** Empty = no restriction; otherwise only these values are shown. */
  actorKinds: ActorKind[];
  relationTypes: RelationType[];
  polarities: Polarity[];
  docIds: string[];
  search: string;
}

export interface FilterSlice {
  timeWindow: TimeRange | null;
  filters: Filters;
  setTimeWindow: (window: TimeRange | null) => void;
  setFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
}

export interface ViewSlice {
  openDocId: string | null;
  /** The sentence to scroll to and emphasise in the source text. */
  emphasis: Span | null;
  laneMode: LaneMode;
  networkView: NetworkView;
  openDocument: (docId: string, emphasis?: Span | null) => void;
  setLaneMode: (mode: LaneMode) => void;
  setNetworkView: (view: NetworkView) => void;
}

export type AppState = DataSlice & SelectionSlice & FilterSlice & ViewSlice;

/** The part of the state a URL or a story step stores. */
export interface ViewState {
  selectedActorId: string | null;
  selectedEventId: string | null;
  selectedEdge: { source: string; target: string } | null;
  timeWindow: TimeRange | null;
  filters: Filters;
  openDocId: string | null;
  emphasis: Span | null;
  laneMode: LaneMode;
  networkView: NetworkView;
}
