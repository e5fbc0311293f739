/**
 * The start of loading, begun as soon as the bundle runs (boot.ts) rather than in the app's first effect, which
 * React runs only after the first render and paint: the dataset's download and validation, the stories saved in this
 * browser, and the network layout's worker. The app picks up what was started (startLoad returns the same load).
 */
import type { Dataset, DatasetIssue, ValidationResult } from '../model/schema';
import type { LayoutInput } from '../store/selectors-network';
import { storedPositions } from '../panels/network/dataset-layout';
import {
  layoutFromText,
  layoutPending,
  prefetchLayout,
  prewarmLayoutWorker,
  seedLayout,
  type TextLayout,
} from '../panels/network/use-layout';
import { selectTimelineModel } from '../panels/timeline/select-timeline-model';
import { createAppStore } from '../store/create-app-store';
import { selectGraphSubset, selectLayoutInput } from '../store/selectors-network';
import type { LoadResult } from '../story/story-storage';
import type { AppState } from '../store/types';
import { initialStories } from '../story/use-story-persistence';
import { datasetUrlFromLocation, fetchDataset, type ParsedHooks } from './load-dataset';

export interface StartedLoad {
  /** The dataset URL asked for (the bundled dataset's when none or a bad one was). */
  url: string;
  /** Why a `?dataset=` parameter was not used. */
  issue?: DatasetIssue;
  dataset: Promise<ValidationResult>;
  stories: Promise<LoadResult>;
  /**
   * The network layout of `input`: the positions the validated `dataset` brought, else the layout already started
   * from the dataset text, else a new one.
   */
  layout: (input: LayoutInput, dataset?: Dataset) => void;
}

/** The network layout started from the dataset text (see layoutFromText). */
let textLayout: TextLayout | null = null;

/** The state the head start works on, from beforeShare to afterShare only. */
let headState: AppState | null = null;

const layout = (input: LayoutInput, dataset?: Dataset): void => {
  // Already seeded or running (the head start below and the app both ask for the same input).
  if (layoutPending(input)) return;
  const stored = dataset ? storedPositions(dataset, input) : null;
  if (stored) seedLayout(input, stored);
  else if (textLayout) textLayout.adopt(input);
  else prefetchLayout(input);
};

/**
 * Work begun before the dataset is validated; a rejected dataset only wasted it. As soon as the text arrives, the
 * network layout (the longest job) starts in its worker from the text, unless the text brought its own layout. For a
 * large dataset, while the worker validates it, this thread works on its parsed value: the selectors memoise on the same objects, so the store built
 * once the dataset is accepted finds the work done. First the lookups (and the layout input, tied to the layout
 * already running), then, once the strings are shared, the timeline and the graph of the default view.
 */
const headStart: ParsedHooks = {
  onText: (text) => {
    textLayout = layoutFromText(text);
  },
  beforeShare: (value) => {
    headState = createAppStore(value as Dataset).getState();
    // Not yet validated: the positions it may seed are only drawn if the verdict accepts this same text.
    layout(selectLayoutInput(headState), value as Dataset);
  },
  afterShare: (value) => {
    // The same state (sharing strings changes no object it holds); then let it go, whatever the verdict.
    const kept = headState;
    headState = null;
    const state = kept && kept.dataset === value ? kept : createAppStore(value as Dataset).getState();
    selectTimelineModel(state);
    selectGraphSubset(state);
  },
};

let started: StartedLoad | null = null;

/** Starts loading the dataset of this page's URL, once; later calls return the same load. */
export function startLoad(): StartedLoad {
  if (started) return started;
  const { url, issue } = datasetUrlFromLocation(window.location);
  // The saved stories are read, and the network layout's worker starts, while the dataset loads.
  const stories = initialStories();
  prewarmLayoutWorker();
  started = { url, dataset: fetchDataset(url, fetch, headStart), stories, layout };
  if (issue) started.issue = issue;
  return started;
}
