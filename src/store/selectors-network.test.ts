import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/schema';
import { smallDataset } from '../test/fixtures/small-dataset';
import { createAppStore } from './create-app-store';
import { selectIndex } from './selectors';
import {
  layoutInputOf,
  MAX_GRAPH_NODES,
  mentionCountsOf,
  radiiOf,
  radiusFor,
  selectGraphSubset,
  selectLayoutInput,
} from './selectors-network';

describe('network selectors', () => {
  it('lays out every actor and one link per pair, whatever the filters', () => {
    const store = createAppStore(smallDataset);
    const before = selectLayoutInput(store.getState());
    expect(before.nodes).toHaveLength(smallDataset.actors.length);
    store.getState().setFilters({ actorKinds: ['person'] });
    expect(selectLayoutInput(store.getState())).toBe(before);
    expect(before.links.filter((l) => [l.source, l.target].sort().join() === 'a-northland,a-southland')).toHaveLength(
      1,
    );
  });

  it('builds the same layout input from the raw dataset as the store does (the layout worker relies on it)', () => {
    const raw = JSON.parse(JSON.stringify(smallDataset)) as Dataset;
    const counts = mentionCountsOf(raw);
    const state = createAppStore(smallDataset).getState();
    expect(counts).toEqual(selectIndex(state).mentionCounts);
    expect(layoutInputOf(raw, radiiOf(raw, counts), counts)).toEqual(selectLayoutInput(state));
  });

  it('sizes nodes by mentions', () => {
    expect(radiusFor(10, 10)).toBeGreaterThan(radiusFor(1, 10));
    expect(radiusFor(0, 0)).toBeGreaterThan(0);
  });

  it('keeps the top-k best-connected actors beyond the limit, plus the selected one', () => {
    const n = MAX_GRAPH_NODES + 50;
    const actors = Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      kind: 'person' as const,
      aliases: [],
    }));
    const doc = { id: 'd', file: 'd', title: 'd', published: null, text: 'x'.repeat(10) };
    const relations = actors.slice(1, MAX_GRAPH_NODES).map((a, i) => ({
      id: `r${i}`,
      source: 'a0',
      target: a.id,
      type: 'consult' as const,
      polarity: 'neutral' as const,
      negated: false,
      docId: 'd',
      evidence: { start: 0, end: 1 },
    }));
    const dataset: Dataset = {
      ...smallDataset,
      documents: [doc],
      actors,
      mentions: [],
      events: [],
      timexes: [],
      relations,
    };
    const store = createAppStore(dataset);
    const subset = selectGraphSubset(store.getState());
    expect(subset.actors).toHaveLength(MAX_GRAPH_NODES);
    expect(subset.hiddenActors).toBe(50);
    const unconnected = `a${n - 1}`;
    expect(subset.actors.some((a) => a.id === unconnected)).toBe(false);
    store.getState().selectActor('a5');
    expect(selectGraphSubset(store.getState())).toBe(subset);
    store.getState().selectActor(unconnected);
    expect(selectGraphSubset(store.getState()).actors.some((a) => a.id === unconnected)).toBe(true);
  });
});
