/**
 * The story slice: the browser's stories (briefings) and the presentation state. A step stores the view as the
 * URL codec prints it (`encodeView`), and applying a step decodes it against the current dataset, so a step that no
 * longer fits is reported rather than applied blindly. Stories are per browser, not per dataset: a story of another
 * dataset stays in the list but is never applied.
 */
import type { StateCreator } from 'zustand/vanilla';
import { MONTH_NAMES, fromEpochDay } from '../model/calendar';
import type { Dataset } from '../model/schema';
import type { TimeRange } from '../model/time';
import { MAX_DATASET_NAME, MAX_STEPS, MAX_STEP_NOTE, MAX_STEP_VIEW, MAX_TITLE } from '../story/story-format';
import type { Presenting, Story, StoryStep } from '../story/types';
import { pickViewState } from './initial-state';
import type { AppState, ApplyStepResult, StorySlice, ViewState } from './types';
import { datasetKey, decodeView, encodeView } from './url-state';

type Slice<T> = StateCreator<AppState, [], [], T>;

/** Longest default step title, in characters (an ellipsis included). */
export const DEFAULT_TITLE_LENGTH = 80;

const DAY = 86_400_000;

const keyCache = new WeakMap<Dataset, string>();

/** `datasetKey(dataset)`, computed once per dataset object. */
export function keyOf(dataset: Dataset): string {
  let key = keyCache.get(dataset);
  if (key === undefined) {
    key = datasetKey(dataset);
    keyCache.set(dataset, key);
  }
  return key;
}

/** Cuts a string to `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function formatDay(ms: number): string {
  const { year, month, day } = fromEpochDay(Math.floor(ms / DAY));
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** A time window in words: "1 March 2022 – 30 June 2022" (the end is exclusive, so the last day is end - 1 ms). */
export function describeWindow(window: TimeRange): string {
  const first = formatDay(window.start);
  const last = formatDay(window.end - 1);
  return first === last ? first : `${first} – ${last}`;
}

/** A step title for a view in words: the selected event, edge or actor, the quoted document, else "Overview". */
export function describeView(dataset: Dataset, view: ViewState): string {
  const actorName = (id: string): string => dataset.actors.find((a) => a.id === id)?.name ?? id;
  let what = 'Overview';
  const event = view.selectedEventId === null ? undefined : dataset.events.find((e) => e.id === view.selectedEventId);
  const doc = view.openDocId === null ? undefined : dataset.documents.find((d) => d.id === view.openDocId);
  if (event) what = event.title;
  else if (view.selectedEdge) what = `${actorName(view.selectedEdge.source)} – ${actorName(view.selectedEdge.target)}`;
  else if (view.selectedActorId !== null) what = actorName(view.selectedActorId);
  else if (doc && view.emphasis) what = `From “${doc.title || doc.file}”`;
  else if (view.filters.search.trim() !== '') what = `Search “${view.filters.search.trim()}”`;
  const title = view.timeWindow ? `${what}, ${describeWindow(view.timeWindow)}` : what;
  return truncate(title, DEFAULT_TITLE_LENGTH);
}

/**
 * The view of a state as a step stores it. A view longer than a step may hold (only a very long document filter can
 * do that) drops its document filter; should it still be too long, the step stores the default view.
 */
export function captureView(state: AppState): string {
  const view = pickViewState(state);
  const key = keyOf(state.dataset);
  const full = encodeView(view, key);
  if (full.length <= MAX_STEP_VIEW) return full;
  const lean = encodeView({ ...view, filters: { ...view.filters, docIds: [] } }, key);
  return lean.length <= MAX_STEP_VIEW ? lean : '';
}

/** The next step id of a story: `s-` and one more than the largest base-36 number among its `s-…` ids. */
export function nextStepId(steps: readonly StoryStep[]): string {
  let max = 0;
  for (const s of steps) {
    const m = /^s-([0-9a-z]{1,10})$/.exec(s.id);
    if (m?.[1] !== undefined) max = Math.max(max, parseInt(m[1], 36));
  }
  let n = max + 1;
  const taken = new Set(steps.map((s) => s.id));
  while (taken.has(`s-${n.toString(36)}`)) n++;
  return `s-${n.toString(36)}`;
}

function randomToken(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** A new story id (`story-` and 16 random base-36 digits) that no story in the list has. */
export function newStoryId(stories: readonly Story[]): string {
  const taken = new Set(stories.map((s) => s.id));
  for (;;) {
    const id = `story-${randomToken()}`;
    if (!taken.has(id)) return id;
  }
}

/** The most recently changed story made for a dataset key, or null. */
export function latestStoryFor(stories: readonly Story[], key: string): string | null {
  let best: Story | undefined;
  for (const s of stories) if (s.datasetKey === key && (!best || s.updated > best.updated)) best = s;
  return best?.id ?? null;
}

/** Same content (everything but `updated`). */
function sameContent(a: Story, b: Story): boolean {
  return (
    a.title === b.title &&
    a.datasetKey === b.datasetKey &&
    a.datasetName === b.datasetName &&
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => {
      const t = b.steps[i];
      return t !== undefined && s.id === t.id && s.title === t.title && s.note === t.note && s.view === t.view;
    })
  );
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/**
 * The state change for a new story list that came from elsewhere (another tab): the active story and the presented
 * one are dropped when they no longer exist, and a presentation is clamped to the story's steps.
 */
export function storiesReplaced(state: AppState, stories: Story[]): Partial<AppState> {
  const patch: Partial<AppState> = { stories };
  if (state.activeStoryId !== null && !stories.some((s) => s.id === state.activeStoryId)) patch.activeStoryId = null;
  const p = state.presenting;
  if (p) {
    const story = stories.find((s) => s.id === p.storyId);
    if (!story || story.steps.length === 0) patch.presenting = null;
    else if (p.stepIndex >= story.steps.length) patch.presenting = { ...p, stepIndex: story.steps.length - 1 };
  }
  return patch;
}

/** The slice, starting from the stories kept in this browser. */
export const createStorySlice =
  (initial: Story[]): Slice<StorySlice> =>
  (set, get) => {
    const now = (): number => Date.now();

    /** Replaces one story by `change(story)`; a no-op when the story is missing or `change` returns it unchanged. */
    const updateStory = (storyId: string, change: (story: Story) => Story): void => {
      const { stories } = get();
      const i = stories.findIndex((s) => s.id === storyId);
      const story = stories[i];
      if (!story) return;
      const next = change(story);
      if (next === story) return;
      const list = stories.slice();
      list[i] = { ...next, updated: now() };
      set({ stories: list });
    };

    /** The state a step's view decodes to, or why it cannot be shown (nothing is set here). */
    const resolve = (
      story: Story | undefined,
      stepIndex: number,
    ): { result: ApplyStepResult; patch?: Partial<AppState> } => {
      const { dataset } = get();
      if (!story) return { result: { ok: false, notice: 'That story is no longer in this browser.' } };
      if (story.datasetKey !== keyOf(dataset)) {
        return {
          result: {
            ok: false,
            notice: `The story “${story.title || 'Untitled story'}” was made for the dataset “${story.datasetName}”, not for “${dataset.name}”. Open that dataset to show its steps.`,
          },
        };
      }
      const step = story.steps[stepIndex];
      if (!step) return { result: { ok: false, notice: `The story “${story.title}” has no step ${stepIndex + 1}.` } };
      const { view, notice } = decodeView(step.view, dataset);
      const result: ApplyStepResult =
        notice === undefined ? { ok: true } : { ok: true, notice: `Step ${stepIndex + 1}: ${notice}` };
      return { result, patch: { ...view, hoveredActorId: null } };
    };

    const findStory = (storyId: string): Story | undefined => get().stories.find((s) => s.id === storyId);

    /** Shows a step (clamped) of a story of this dataset and presents it, in one state change. */
    const present = (story: Story, stepIndex: number, extra: Partial<AppState> = {}): void => {
      const index = clamp(stepIndex, 0, story.steps.length - 1);
      const { result, patch } = resolve(story, index);
      const presenting: Presenting = { storyId: story.id, stepIndex: index };
      if (result.notice !== undefined) presenting.notice = result.notice;
      set({ ...patch, ...extra, presenting, shownStep: { storyId: story.id, stepIndex: index } });
    };

    /** The id of the step being presented, when `storyId` is the presented story. */
    const presentedStepId = (storyId: string): string | undefined => {
      const p = get().presenting;
      return p?.storyId === storyId ? findStory(storyId)?.steps[p.stepIndex]?.id : undefined;
    };

    /**
     * Keeps a presentation on the same step after the steps moved (no re-apply); when that step was deleted, shows
     * the one now at its place; stops when the story has no step left.
     */
    const followPresented = (storyId: string, stepId: string | undefined): void => {
      const p = get().presenting;
      if (stepId === undefined || p?.storyId !== storyId) return;
      const story = findStory(storyId);
      if (!story || story.steps.length === 0) {
        set({ presenting: null });
        return;
      }
      const at = story.steps.findIndex((t) => t.id === stepId);
      if (at >= 0) {
        if (at !== p.stepIndex) set({ presenting: { ...p, stepIndex: at } });
      } else present(story, p.stepIndex);
    };

    const createStory = (title?: string): string => {
      const { stories, dataset } = get();
      const id = newStoryId(stories);
      let name = title === undefined ? '' : title.slice(0, MAX_TITLE);
      if (name.trim() === '') {
        const titles = new Set(stories.map((s) => s.title));
        let n = stories.filter((s) => s.datasetKey === keyOf(dataset)).length + 1;
        while (titles.has(`Story ${n}`)) n++;
        name = `Story ${n}`;
      }
      const story: Story = {
        id,
        title: name,
        datasetKey: keyOf(dataset),
        datasetName: dataset.name.slice(0, MAX_DATASET_NAME),
        steps: [],
        updated: now(),
      };
      set({ stories: [...stories, story], activeStoryId: id });
      return id;
    };

    return {
      stories: initial,
      activeStoryId: null,
      storyPanelOpen: false,
      presenting: null,
      shownStep: null,
      setStoryPanelOpen: (open) => set({ storyPanelOpen: open }),
      createStory,
      renameStory: (storyId, title) =>
        updateStory(storyId, (s) =>
          s.title === title.slice(0, MAX_TITLE) ? s : { ...s, title: title.slice(0, MAX_TITLE) },
        ),
      deleteStory: (storyId) => {
        const { stories, activeStoryId, presenting } = get();
        if (!stories.some((s) => s.id === storyId)) return;
        set({
          stories: stories.filter((s) => s.id !== storyId),
          activeStoryId: activeStoryId === storyId ? null : activeStoryId,
          presenting: presenting?.storyId === storyId ? null : presenting,
        });
      },
      setActiveStory: (storyId) => {
        if (storyId === null || findStory(storyId)) set({ activeStoryId: storyId });
      },
      addStepFromView: (fields) => {
        const state = get();
        const key = keyOf(state.dataset);
        const active = state.activeStoryId === null ? undefined : findStory(state.activeStoryId);
        const storyId = active && active.datasetKey === key ? active.id : createStory();
        const story = findStory(storyId);
        if (!story || story.steps.length >= MAX_STEPS) return '';
        const id = nextStepId(story.steps);
        const step: StoryStep = {
          id,
          title: (fields?.title ?? describeView(state.dataset, pickViewState(state))).slice(0, MAX_TITLE),
          note: (fields?.note ?? '').slice(0, MAX_STEP_NOTE),
          view: captureView(state),
        };
        updateStory(storyId, (s) => ({ ...s, steps: [...s.steps, step] }));
        return id;
      },
      updateStep: (storyId, stepId, patch) => {
        const state = get();
        updateStory(storyId, (s) => {
          const i = s.steps.findIndex((t) => t.id === stepId);
          const step = s.steps[i];
          if (!step) return s;
          const next: StoryStep = { ...step };
          if (patch.title !== undefined) next.title = patch.title.slice(0, MAX_TITLE);
          if (patch.note !== undefined) next.note = patch.note.slice(0, MAX_STEP_NOTE);
          if (patch.captureView === true && s.datasetKey === keyOf(state.dataset)) next.view = captureView(state);
          if (next.title === step.title && next.note === step.note && next.view === step.view) return s;
          const steps = s.steps.slice();
          steps[i] = next;
          return { ...s, steps };
        });
      },
      moveStep: (storyId, stepId, toIndex) => {
        const presented = presentedStepId(storyId);
        updateStory(storyId, (s) => {
          const from = s.steps.findIndex((t) => t.id === stepId);
          const step = s.steps[from];
          if (!step) return s;
          const to = clamp(Math.trunc(Number.isFinite(toIndex) ? toIndex : from), 0, s.steps.length - 1);
          if (to === from) return s;
          const steps = s.steps.filter((t) => t.id !== stepId);
          steps.splice(to, 0, step);
          return { ...s, steps };
        });
        followPresented(storyId, presented);
      },
      deleteStep: (storyId, stepId) => {
        const presented = presentedStepId(storyId);
        updateStory(storyId, (s) =>
          s.steps.some((t) => t.id === stepId) ? { ...s, steps: s.steps.filter((t) => t.id !== stepId) } : s,
        );
        followPresented(storyId, presented);
      },
      addStory: (story) => {
        const { stories } = get();
        const same = stories.find((s) => s.id === story.id);
        if (same && sameContent(same, story)) return same.id;
        const id = same ? newStoryId(stories) : story.id;
        const copy: Story = {
          id,
          title: story.title,
          datasetKey: story.datasetKey,
          datasetName: story.datasetName,
          steps: story.steps.map((s) => ({ id: s.id, title: s.title, note: s.note, view: s.view })),
          updated: now(),
        };
        set({ stories: [...stories, copy] });
        return id;
      },
      applyStep: (storyId, stepIndex) => {
        const { result, patch } = resolve(findStory(storyId), stepIndex);
        if (patch) set({ ...patch, shownStep: { storyId, stepIndex } });
        return result;
      },
      startPresenting: (storyId, stepIndex = 0) => {
        const story = findStory(storyId);
        if (!story || story.steps.length === 0 || story.datasetKey !== keyOf(get().dataset)) return false;
        present(story, stepIndex, { activeStoryId: storyId });
        return true;
      },
      stepBy: (delta) => {
        const p = get().presenting;
        const story = p ? findStory(p.storyId) : undefined;
        if (!p || !story) return;
        const to = clamp(p.stepIndex + Math.trunc(delta), 0, story.steps.length - 1);
        if (to !== p.stepIndex) present(story, to);
      },
      goToStep: (stepIndex) => {
        const p = get().presenting;
        const story = p ? findStory(p.storyId) : undefined;
        if (p && story && Number.isFinite(stepIndex)) present(story, Math.trunc(stepIndex));
      },
      stopPresenting: () => set({ presenting: null }),
    };
  };
