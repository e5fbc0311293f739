/**
 * Stories (briefings): an ordered list of steps, each a saved view of one dataset with a title and a note.
 * A step's view is kept as the URL-fragment encoding of the view (store/url-state.ts), so one versioned, validated
 * codec serves links and stories alike, and a step that no longer fits its dataset is reported, not applied blindly.
 */

export interface StoryStep {
  /** Unique within its story. */
  id: string;
  title: string;
  note: string;
  /** The view, as `encodeView(view, datasetKey(dataset))` prints it ('' = the default view). */
  view: string;
}

export interface Story {
  id: string;
  title: string;
  /** `datasetKey(dataset)` of the dataset the story was made for. */
  datasetKey: string;
  /** That dataset's name, to say which dataset a foreign story needs. */
  datasetName: string;
  steps: StoryStep[];
  /** Epoch ms of the last change (ordering in the story list only). */
  updated: number;
}

/** The JSON file a story is exported to and imported from. */
export interface StoryFile {
  format: 'threadline-story';
  version: 1;
  story: Story;
}

/** Who is presenting which step; null when not presenting. */
export interface Presenting {
  storyId: string;
  stepIndex: number;
  /** What applying this step ignored (parts of the view that no longer fit the dataset), for the presenter. */
  notice?: string;
}

/** Where a step's quote comes from: the document, its metadata, and the exact sentence. */
export interface Citation {
  docId: string;
  docTitle: string;
  source: string | null;
  author: string | null;
  /** The document's publication date as stored (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  published: string | null;
  /** The quoted text, exactly `document.text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
}
