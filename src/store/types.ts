/** The app store's shape: facts only (the dataset, what is selected, what is filtered, what is open). */
import type { ActorKind, Dataset, Polarity, RelationType, Span } from '../model/schema';
import type { TimeRange } from '../model/time';
import type { Presenting, Story, StoryStep } from '../story/types';

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

/** What applying a step did: the notice says which parts of the step did not fit the dataset. */
export interface ApplyStepResult {
  ok: boolean;
  notice?: string;
}

export interface StorySlice {
  /** Every story in this browser (any dataset), newest change first is the UI's business, not the store's. */
  stories: Story[];
  /** The story shown in the story panel. */
  activeStoryId: string | null;
  storyPanelOpen: boolean;
  presenting: Presenting | null;
  /** The step whose view was applied last (Show, Present, next, previous): a new object each time, so the panels
   * frame that view (the timeline moves to its window, the network to its actors) even when it is shown again. */
  shownStep: { storyId: string; stepIndex: number } | null;
  setStoryPanelOpen: (open: boolean) => void;
  /** Creates an empty story for the current dataset, makes it active and returns its id. */
  createStory: (title?: string) => string;
  renameStory: (storyId: string, title: string) => void;
  deleteStory: (storyId: string) => void;
  setActiveStory: (storyId: string | null) => void;
  /** Adds the current view as a step at the end of the active story (creating one if none); returns the step id. */
  addStepFromView: (fields?: Partial<Pick<StoryStep, 'title' | 'note'>>) => string;
  /** Edits a step's title or note; `captureView: true` replaces its view by the current one. */
  updateStep: (
    storyId: string,
    stepId: string,
    patch: Partial<Pick<StoryStep, 'title' | 'note'>> & { captureView?: boolean },
  ) => void;
  /** Moves a step to a new index (clamped). */
  moveStep: (storyId: string, stepId: string, toIndex: number) => void;
  deleteStep: (storyId: string, stepId: string) => void;
  /** Adds a validated story (an import or a link); a story with the same id and content is not duplicated, one with
   * the same id but other content gets a new id. Returns the id it is stored under. */
  addStory: (story: Story) => string;
  /** Applies a step's view to the panels (never for a story of another dataset). */
  applyStep: (storyId: string, stepIndex: number) => ApplyStepResult;
  /** Starts presenting at a step (applies it); false for a missing, empty or foreign story. */
  startPresenting: (storyId: string, stepIndex?: number) => boolean;
  /** Moves the presentation by +1 / -1 (clamped) and applies that step. */
  stepBy: (delta: number) => void;
  /** Jumps to a step of the presented story. */
  goToStep: (stepIndex: number) => void;
  stopPresenting: () => void;
}

export type AppState = DataSlice & SelectionSlice & FilterSlice & ViewSlice & StorySlice;

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
