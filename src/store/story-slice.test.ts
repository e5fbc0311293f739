import { fc, test as propTest } from '@fast-check/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { smallDataset } from '../test/fixtures/small-dataset';
import type { Story } from '../story/types';
import { createAppStore, pickViewState } from './create-app-store';
import { defaultViewState } from './initial-state';
import { DEFAULT_TITLE_LENGTH, captureView, describeView, nextStepId, storiesReplaced, truncate } from './story-slice';
import type { ViewState } from './types';
import { datasetKey, encodeView } from './url-state';

const ds = smallDataset;
const KEY = datasetKey(ds);
const other = { ...smallDataset, name: 'Another dataset' };
const DAY = 86_400_000;
const MARCH_2022 = { start: Date.UTC(2022, 2, 1), end: Date.UTC(2022, 3, 1) };

/** A view touching every part a step stores. */
const richView: ViewState = {
  selectedActorId: 'a-berg',
  selectedEventId: null,
  selectedEdge: null,
  timeWindow: MARCH_2022,
  filters: {
    actorKinds: ['person', 'group'],
    relationTypes: ['consult'],
    polarities: [],
    docIds: ['doc-a'],
    search: '',
  },
  openDocId: 'doc-b',
  emphasis: { start: 17, end: 40 },
  laneMode: 'document',
  networkView: 'table',
};

const foreignStory = (): Story => ({
  id: 'story-foreign',
  title: 'Elsewhere',
  datasetKey: datasetKey(other),
  datasetName: other.name,
  steps: [{ id: 's-1', title: 'Step', note: '', view: '' }],
  updated: 5,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('story slice: stories', () => {
  it('starts empty and creates a story for the current dataset, made active', () => {
    const store = createAppStore(ds);
    expect(store.getState().stories).toEqual([]);
    expect(store.getState().activeStoryId).toBeNull();
    vi.spyOn(Date, 'now').mockReturnValue(1000);
    const id = store.getState().createStory();
    expect(id).toMatch(/^story-[0-9a-z]{16}$/);
    const s = store.getState();
    expect(s.activeStoryId).toBe(id);
    expect(s.stories).toEqual([
      { id, title: 'Story 1', datasetKey: KEY, datasetName: ds.name, steps: [], updated: 1000 },
    ]);
    const second = s.createStory('Briefing for Monday');
    expect(second).not.toBe(id);
    expect(store.getState().stories.map((x) => x.title)).toEqual(['Story 1', 'Briefing for Monday']);
  });

  it('renames (capped at 200 characters) and bumps `updated`', () => {
    const store = createAppStore(ds);
    const id = store.getState().createStory('A');
    vi.spyOn(Date, 'now').mockReturnValue(9999);
    store.getState().renameStory(id, 'x'.repeat(300));
    const s = store.getState().stories[0];
    expect(s?.title).toBe('x'.repeat(200));
    expect(s?.updated).toBe(9999);
  });

  it('deleting the active story clears activeStoryId; deleting the presented one stops presenting', () => {
    const store = createAppStore(ds);
    const a = store.getState().createStory('A');
    store.getState().addStepFromView();
    const b = store.getState().createStory('B');
    expect(store.getState().activeStoryId).toBe(b);
    expect(store.getState().startPresenting(a)).toBe(true);
    store.getState().setActiveStory(b);
    store.getState().deleteStory(a);
    expect(store.getState().presenting).toBeNull();
    expect(store.getState().activeStoryId).toBe(b);
    store.getState().deleteStory(b);
    expect(store.getState().activeStoryId).toBeNull();
    expect(store.getState().stories).toEqual([]);
  });

  it('setActiveStory ignores unknown ids', () => {
    const store = createAppStore(ds);
    const a = store.getState().createStory();
    store.getState().setActiveStory('nope');
    expect(store.getState().activeStoryId).toBe(a);
    store.getState().setActiveStory(null);
    expect(store.getState().activeStoryId).toBeNull();
  });

  it('addStory: same id and content is not duplicated, same id with other content gets a new id', () => {
    const store = createAppStore(ds);
    const story: Story = {
      id: 'story-x',
      title: 'Imported',
      datasetKey: KEY,
      datasetName: ds.name,
      steps: [{ id: 's-1', title: 'One', note: 'n', view: '' }],
      updated: 1,
    };
    expect(store.getState().addStory(story)).toBe('story-x');
    expect(store.getState().addStory({ ...story, updated: 2 })).toBe('story-x');
    expect(store.getState().stories).toHaveLength(1);
    const changed = store.getState().addStory({ ...story, title: 'Imported, edited' });
    expect(changed).not.toBe('story-x');
    expect(changed).toMatch(/^story-/);
    expect(store.getState().stories.map((s) => s.title)).toEqual(['Imported', 'Imported, edited']);
    // The stored copy is not the caller's object.
    expect(store.getState().stories[0]?.steps).not.toBe(story.steps);
  });

  it('createAppStore takes the initial library and makes the latest story of this dataset active', () => {
    const mine = (id: string, updated: number): Story => ({
      id,
      title: id,
      datasetKey: KEY,
      datasetName: ds.name,
      steps: [],
      updated,
    });
    const store = createAppStore(ds, undefined, {
      stories: [mine('story-old', 1), { ...foreignStory(), updated: 99 }, mine('story-new', 50)],
    });
    expect(store.getState().stories).toHaveLength(3);
    expect(store.getState().activeStoryId).toBe('story-new');
  });

  it('replaceDataset keeps the stories but stops presenting', () => {
    const store = createAppStore(ds);
    const id = store.getState().createStory();
    store.getState().addStepFromView();
    store.getState().startPresenting(id);
    store.getState().replaceDataset(other);
    const s = store.getState();
    expect(s.stories).toHaveLength(1);
    expect(s.presenting).toBeNull();
    expect(s.activeStoryId).toBeNull();
    store.getState().replaceDataset(ds);
    expect(store.getState().activeStoryId).toBe(id);
  });

  it('storiesReplaced drops a vanished active or presented story and clamps the presented step', () => {
    const store = createAppStore(ds);
    const id = store.getState().createStory();
    store.getState().addStepFromView();
    store.getState().addStepFromView({ title: 'two' });
    store.getState().startPresenting(id, 1);
    const state = store.getState();
    expect(storiesReplaced(state, [])).toEqual({ stories: [], activeStoryId: null, presenting: null });
    const shorter = state.stories.map((s) => ({ ...s, steps: s.steps.slice(0, 1) }));
    expect(storiesReplaced(state, shorter).presenting).toEqual({ storyId: id, stepIndex: 0 });
  });
});

describe('story slice: steps', () => {
  it('adds the current view as a step, creating a story when none is active', () => {
    const store = createAppStore(ds);
    store.getState().selectActor('a-berg');
    const stepId = store.getState().addStepFromView();
    expect(stepId).toBe('s-1');
    const s = store.getState();
    expect(s.stories).toHaveLength(1);
    expect(s.activeStoryId).toBe(s.stories[0]?.id);
    expect(s.stories[0]?.steps).toEqual([
      { id: 's-1', title: 'Anna Berg', note: '', view: encodeView(pickViewState(s), KEY) },
    ]);
    expect(store.getState().addStepFromView({ title: 'Mine', note: 'Say this' })).toBe('s-2');
    expect(store.getState().stories[0]?.steps[1]).toMatchObject({ title: 'Mine', note: 'Say this' });
  });

  it('does not add a view of this dataset to an active story of another dataset', () => {
    const store = createAppStore(ds, undefined, { stories: [foreignStory()] });
    store.getState().setActiveStory('story-foreign');
    store.getState().addStepFromView();
    const s = store.getState();
    expect(s.stories).toHaveLength(2);
    expect(s.stories[0]?.steps).toHaveLength(1);
    expect(s.activeStoryId).not.toBe('story-foreign');
    expect(s.stories.find((x) => x.id === s.activeStoryId)?.datasetKey).toBe(KEY);
  });

  it('refuses a step past the 500-step cap', () => {
    const steps = Array.from({ length: 500 }, (_, i) => ({
      id: `s-${(i + 1).toString(36)}`,
      title: '',
      note: '',
      view: '',
    }));
    const full: Story = { id: 'story-full', title: 'Full', datasetKey: KEY, datasetName: ds.name, steps, updated: 0 };
    const store = createAppStore(ds, undefined, { stories: [full] });
    expect(store.getState().activeStoryId).toBe('story-full');
    expect(store.getState().addStepFromView()).toBe('');
    expect(store.getState().stories[0]?.steps).toHaveLength(500);
  });

  it('updates a step title and note, and re-captures its view on request', () => {
    const store = createAppStore(ds);
    const storyId = store.getState().createStory();
    const stepId = store.getState().addStepFromView();
    const before = store.getState().stories[0]?.steps[0]?.view;
    vi.spyOn(Date, 'now').mockReturnValue(4242);
    store.getState().updateStep(storyId, stepId, { title: 'New title', note: 'Note' });
    let step = store.getState().stories[0]?.steps[0];
    expect(step).toMatchObject({ title: 'New title', note: 'Note', view: before });
    expect(store.getState().stories[0]?.updated).toBe(4242);
    store.getState().selectEvent('e-meet');
    store.getState().updateStep(storyId, stepId, { captureView: true });
    step = store.getState().stories[0]?.steps[0];
    expect(step?.title).toBe('New title');
    expect(step?.view).toBe(encodeView(pickViewState(store.getState()), KEY));
    expect(step?.view).toContain('event=e-meet');
    // A note is capped at 5000 characters; unknown steps are ignored.
    store.getState().updateStep(storyId, stepId, { note: 'n'.repeat(6000) });
    expect(store.getState().stories[0]?.steps[0]?.note).toHaveLength(5000);
    const snapshot = store.getState().stories;
    store.getState().updateStep(storyId, 'missing', { title: 'x' });
    expect(store.getState().stories).toBe(snapshot);
  });

  it('moves steps (clamped) and deletes them', () => {
    const store = createAppStore(ds);
    const storyId = store.getState().createStory();
    for (const title of ['a', 'b', 'c']) store.getState().addStepFromView({ title });
    const titles = () => store.getState().stories[0]?.steps.map((s) => s.title);
    store.getState().moveStep(storyId, 's-1', 2);
    expect(titles()).toEqual(['b', 'c', 'a']);
    store.getState().moveStep(storyId, 's-1', -5);
    expect(titles()).toEqual(['a', 'b', 'c']);
    store.getState().moveStep(storyId, 's-3', 99);
    expect(titles()).toEqual(['a', 'b', 'c']);
    store.getState().moveStep(storyId, 's-3', 1);
    expect(titles()).toEqual(['a', 'c', 'b']);
    store.getState().deleteStep(storyId, 's-3');
    expect(titles()).toEqual(['a', 'b']);
    // New ids never reuse a live one.
    expect(store.getState().addStepFromView({ title: 'd' })).toBe('s-3');
  });

  it('step ids: one more than the largest s-<base36>, never a taken one', () => {
    expect(nextStepId([])).toBe('s-1');
    expect(nextStepId([{ id: 's-z', title: '', note: '', view: '' }])).toBe('s-10');
    expect(nextStepId([{ id: 'intro', title: '', note: '', view: '' }])).toBe('s-1');
  });
});

describe('story slice: applying and presenting', () => {
  it('applyStep restores exactly the captured view', () => {
    const store = createAppStore(ds);
    store.setState(richView);
    const storyId = store.getState().createStory();
    store.getState().addStepFromView();
    store.getState().clearSelection();
    store.getState().resetFilters();
    store.getState().setLaneMode('kind');
    store.getState().selectEvent('e-plan');
    expect(store.getState().applyStep(storyId, 0)).toEqual({ ok: true });
    expect(pickViewState(store.getState())).toEqual(richView);
  });

  const validView: fc.Arbitrary<ViewState> = fc.record({
    selectedActorId: fc.option(fc.constantFrom(...ds.actors.map((a) => a.id)), { nil: null }),
    selectedEventId: fc.option(fc.constantFrom(...ds.events.map((e) => e.id)), { nil: null }),
    selectedEdge: fc.option(fc.constant({ source: 'a-berg', target: 'a-haddad' }), { nil: null }),
    timeWindow: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 500 }))
        .map(([d, n]) => ({ start: d * DAY, end: (d + n) * DAY })),
      { nil: null },
    ),
    filters: fc.record({
      actorKinds: fc.subarray(['person', 'country', 'organization'] as const).map((x) => [...x]),
      relationTypes: fc.subarray(['aid', 'attack'] as const).map((x) => [...x]),
      polarities: fc.subarray(['conflict', 'neutral'] as const).map((x) => [...x]),
      docIds: fc.subarray(['doc-a', 'doc-c']),
      search: fc.string({ maxLength: 20 }),
    }),
    openDocId: fc.constantFrom('doc-a', 'doc-b', 'doc-c'),
    emphasis: fc.option(fc.constant({ start: 0, end: 10 }), { nil: null }),
    laneMode: fc.constantFrom('kind', 'document', 'selected'),
    networkView: fc.constantFrom('graph', 'table'),
  });

  propTest.prop([validView], { numRuns: 60 })('any valid view survives capture and apply', (view) => {
    const store = createAppStore(ds);
    store.setState(view);
    const storyId = store.getState().createStory();
    store.getState().addStepFromView();
    store.setState(defaultViewState(ds));
    store.getState().applyStep(storyId, 0);
    const back = pickViewState(store.getState());
    expect(encodeView(back, KEY)).toBe(encodeView(view, KEY));
  });

  it('refuses a story of another dataset with a notice and leaves the view alone', () => {
    const store = createAppStore(ds, undefined, { stories: [foreignStory()] });
    store.getState().selectActor('a-haddad');
    const before = pickViewState(store.getState());
    const result = store.getState().applyStep('story-foreign', 0);
    expect(result.ok).toBe(false);
    expect(result.notice).toContain('Another dataset');
    expect(result.notice).toContain(ds.name);
    expect(pickViewState(store.getState())).toEqual(before);
    expect(store.getState().startPresenting('story-foreign')).toBe(false);
    expect(store.getState().presenting).toBeNull();
  });

  it('passes through what decoding ignored, and says when a story or step is missing', () => {
    const story: Story = {
      id: 'story-stale',
      title: 'Stale',
      datasetKey: KEY,
      datasetName: ds.name,
      steps: [{ id: 's-1', title: '', note: '', view: `v=1&ds=${KEY}&actor=a-gone&lanes=document` }],
      updated: 0,
    };
    const store = createAppStore(ds, undefined, { stories: [story] });
    const result = store.getState().applyStep('story-stale', 0);
    expect(result.ok).toBe(true);
    expect(result.notice).toMatch(/^Step 1: .*"a-gone" is not in this dataset/);
    expect(store.getState().laneMode).toBe('document');
    expect(store.getState().applyStep('story-stale', 3)).toMatchObject({ ok: false });
    expect(store.getState().applyStep('story-none', 0)).toMatchObject({ ok: false });
    expect(store.getState().startPresenting('story-stale')).toBe(true);
    expect(store.getState().presenting?.notice).toContain('a-gone');
  });

  it('presents: starts at a step, steps by ±1 (clamped), jumps, and stops leaving the view as it is', () => {
    const store = createAppStore(ds);
    const storyId = store.getState().createStory();
    store.getState().selectActor('a-berg');
    store.getState().addStepFromView();
    store.getState().selectEvent('e-aid');
    store.getState().addStepFromView();
    store.getState().setNetworkView('table');
    store.getState().addStepFromView();
    store.getState().clearSelection();
    expect(store.getState().startPresenting('nope')).toBe(false);
    expect(store.getState().startPresenting(storyId, 1)).toBe(true);
    expect(store.getState().presenting).toEqual({ storyId, stepIndex: 1 });
    expect(store.getState().selectedEventId).toBe('e-aid');
    store.getState().stepBy(1);
    expect(store.getState().presenting?.stepIndex).toBe(2);
    expect(store.getState().networkView).toBe('table');
    store.getState().stepBy(1);
    expect(store.getState().presenting?.stepIndex).toBe(2);
    store.getState().goToStep(0);
    expect(store.getState().presenting?.stepIndex).toBe(0);
    expect(store.getState().selectedActorId).toBe('a-berg');
    expect(store.getState().selectedEventId).toBeNull();
    store.getState().stepBy(-1);
    expect(store.getState().presenting?.stepIndex).toBe(0);
    store.getState().goToStep(99);
    expect(store.getState().presenting?.stepIndex).toBe(2);
    const view = pickViewState(store.getState());
    store.getState().stopPresenting();
    expect(store.getState().presenting).toBeNull();
    expect(pickViewState(store.getState())).toEqual(view);
  });

  it('shows a presented step in one state change (the panels animate once)', () => {
    const store = createAppStore(ds);
    const storyId = store.getState().createStory();
    store.getState().selectActor('a-berg');
    store.getState().addStepFromView();
    store.getState().selectEvent('e-aid');
    store.getState().addStepFromView();
    let changes = 0;
    const unsubscribe = store.subscribe(() => changes++);
    store.getState().startPresenting(storyId);
    expect(changes).toBe(1);
    store.getState().stepBy(1);
    expect(changes).toBe(2);
    store.getState().applyStep(storyId, 0);
    expect(changes).toBe(3);
    unsubscribe();
  });

  it('keeps the presentation on its step when steps move or are deleted', () => {
    const store = createAppStore(ds);
    const storyId = store.getState().createStory();
    for (const title of ['a', 'b', 'c']) store.getState().addStepFromView({ title });
    store.getState().startPresenting(storyId, 1);
    store.getState().moveStep(storyId, 's-2', 0);
    expect(store.getState().presenting?.stepIndex).toBe(0);
    store.getState().deleteStep(storyId, 's-1');
    expect(store.getState().presenting?.stepIndex).toBe(0);
    store.getState().deleteStep(storyId, 's-2');
    expect(store.getState().presenting).toEqual({ storyId, stepIndex: 0 });
    store.getState().deleteStep(storyId, 's-3');
    expect(store.getState().presenting).toBeNull();
  });
});

describe('default step titles', () => {
  const base = defaultViewState(ds);
  it('names the selected event, edge or actor, else says Overview', () => {
    expect(describeView(ds, base)).toBe('Overview');
    expect(describeView(ds, { ...base, selectedActorId: 'a-berg' })).toBe('Anna Berg');
    expect(describeView(ds, { ...base, selectedActorId: 'a-berg', selectedEventId: 'e-meet' })).toBe(
      'Berg meets Haddad in Geneva',
    );
    expect(describeView(ds, { ...base, selectedEdge: { source: 'a-northland', target: 'a-southland' } })).toBe(
      'Northland – Southland',
    );
    expect(describeView(ds, { ...base, emphasis: { start: 0, end: 5 } })).toBe('From “Talks in Geneva”');
    expect(describeView(ds, { ...base, filters: { ...base.filters, search: ' aid ' } })).toBe('Search “aid”');
  });

  it('adds the time window in words and truncates to 80 characters', () => {
    expect(describeView(ds, { ...base, timeWindow: MARCH_2022 })).toBe('Overview, 1 March 2022 – 31 March 2022');
    expect(describeView(ds, { ...base, timeWindow: { start: MARCH_2022.start, end: MARCH_2022.start + DAY } })).toBe(
      'Overview, 1 March 2022',
    );
    const wide = { start: Date.UTC(2021, 8, 30), end: Date.UTC(2023, 10, 30) };
    const long = describeView(ds, { ...base, selectedEventId: 'e-refuse', timeWindow: wide });
    expect(long).toMatch(/^Haddad says Southland will not support the plan, 30 September 2021 – 29 Nov/);
    expect(long.length).toBeLessThanOrEqual(DEFAULT_TITLE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(truncate('abc', 2)).toBe('a…');
  });

  it('captureView drops an over-long document filter rather than storing a view a step cannot hold', () => {
    const store = createAppStore(ds);
    const docIds = Array.from({ length: 30 }, (_, i) => `${'d'.repeat(190)}${i}`);
    store.setState({ filters: { ...store.getState().filters, docIds }, selectedActorId: 'a-berg' });
    expect(encodeView(pickViewState(store.getState()), KEY).length).toBeGreaterThan(4000);
    const view = captureView(store.getState());
    expect(view.length).toBeLessThanOrEqual(4000);
    expect(view).toContain('actor=a-berg');
    expect(view).not.toContain('docs=');
  });
});
