/**
 * Derived data for the Network panel, memoised like selectors.ts: the layout input (every actor of the dataset,
 * so positions stay put when filters change), node sizes, per-actor relation counts and the rendered subset.
 */
import { degrees, pairKey } from '../model/graph';
import type { Actor, Dataset, Relation } from '../model/schema';
import {
  memoizeLast,
  selectEdges,
  selectIndex,
  selectVisibleActors,
  selectVisibleRelations,
  type Edge,
} from './selectors';
import type { AppState } from './types';

/** Above this many visible actors the graph shows only the best-connected ones (the table shows all).
 * Measured (no GPU, 2 shared cores, 10k-event bench): with 500 SVG nodes + 1500 links a node drag took 5 frames
 * per step and a selection 270–420 ms; with 300 nodes + 600 links (drawn on the canvas) a drag keeps up with vsync
 * and a selection takes 150–300 ms. The notice above the graph says what was left out. */
export const MAX_GRAPH_NODES = 300;
/** Above this many visible edges the graph shows only those with the most evidence (the table lists all). */
export const MAX_GRAPH_EDGES = 600;

/** Node radius from a mention count: area grows with the count, between 5 and 22 layout units. */
export function radiusFor(mentions: number, maxMentions: number): number {
  if (maxMentions <= 0) return 6;
  return Math.round((5 + 17 * Math.sqrt(Math.max(0, mentions) / maxMentions)) * 10) / 10;
}

export interface LayoutInput {
  /** What the force layout runs on: every actor, or the MAX_LAYOUT_NODES most mentioned ones. */
  nodes: { id: string; r: number }[];
  links: { source: string; target: string }[];
  /** The other actors (placed next to a laid-out neighbour afterwards). */
  rest: { id: string; r: number }[];
}

/** At most this many actors (the most mentioned) go through the force layout (≈ 1–1.5 s in the worker). */
export const MAX_LAYOUT_NODES = 2000;

/** Node radius per actor id, from the mention counts. */
export function radiiOf(dataset: Dataset, mentionCounts: Map<string, number>): Map<string, number> {
  let max = 0;
  for (const a of dataset.actors) max = Math.max(max, mentionCounts.get(a.id) ?? 0);
  return new Map(dataset.actors.map((a) => [a.id, radiusFor(mentionCounts.get(a.id) ?? 0, max)]));
}

const radiiFor = memoizeLast(radiiOf);

/** Node radius per actor id (for the whole dataset). */
export const selectNodeRadii = (s: AppState): Map<string, number> => radiiFor(s.dataset, selectIndex(s).mentionCounts);

/** Mentions per actor id (the same counts as the index's mentionCounts, without building the index). */
export function mentionCountsOf(dataset: Dataset): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of dataset.mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  return counts;
}

/**
 * What the layout runs on, from the dataset alone (pure: the layout worker builds the same input from the dataset
 * text while this thread is still parsing and indexing it).
 */
export function layoutInputOf(
  dataset: Dataset,
  radii: Map<string, number>,
  mentionCounts: Map<string, number>,
): LayoutInput {
  const seen = new Set<string>();
  const links: LayoutInput['links'] = [];
  for (const r of dataset.relations) {
    if (r.source === r.target) continue;
    const key = pairKey(r.source, r.target);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ source: r.source, target: r.target });
  }
  const all = dataset.actors.map((a) => ({ id: a.id, r: radii.get(a.id) ?? 6 }));
  if (all.length <= MAX_LAYOUT_NODES) return { nodes: all, links, rest: [] };
  const ranked = [...all].sort(
    (a, b) => (mentionCounts.get(b.id) ?? 0) - (mentionCounts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1),
  );
  return { nodes: ranked.slice(0, MAX_LAYOUT_NODES), links, rest: ranked.slice(MAX_LAYOUT_NODES) };
}

const layoutInputFor = memoizeLast(layoutInputOf);

/** What the layout runs on: all actors and all actor pairs of the dataset (not just the visible ones). */
export const selectLayoutInput = (s: AppState): LayoutInput =>
  layoutInputFor(s.dataset, selectNodeRadii(s), selectIndex(s).mentionCounts);

const relationCountsFor = memoizeLast((relations: Relation[]): Map<string, number> => degrees(relations));

/** Number of visible relations each actor takes part in. */
export const selectActorRelationCounts = (s: AppState): Map<string, number> =>
  relationCountsFor(selectVisibleRelations(s));

export interface GraphSubset {
  actors: Actor[];
  edges: Edge[];
  /** How many visible actors and edges were left out of the graph. */
  hiddenActors: number;
  hiddenEdges: number;
}

const baseSubsetFor = memoizeLast(
  (
    actors: Actor[],
    edges: Edge[],
    relationCounts: Map<string, number>,
    mentionCounts: Map<string, number>,
  ): GraphSubset => {
    let shown = actors;
    if (actors.length > MAX_GRAPH_NODES) {
      const score = (a: Actor): number => (relationCounts.get(a.id) ?? 0) * 1e6 + (mentionCounts.get(a.id) ?? 0);
      const ranked = [...actors].sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
      const keep = new Set(ranked.slice(0, MAX_GRAPH_NODES).map((a) => a.id));
      shown = actors.filter((a) => keep.has(a.id));
    }
    return limitEdges(actors, edges, shown);
  },
);

function limitEdges(actors: Actor[], edges: Edge[], shown: Actor[]): GraphSubset {
  let shownEdges = edges;
  if (shown !== actors) {
    const ids = new Set(shown.map((a) => a.id));
    shownEdges = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }
  if (shownEdges.length > MAX_GRAPH_EDGES) {
    shownEdges = [...shownEdges]
      .sort((a, b) => b.relations.length - a.relations.length || (a.key < b.key ? -1 : 1))
      .slice(0, MAX_GRAPH_EDGES);
  }
  return {
    actors: shown,
    edges: shownEdges,
    hiddenActors: actors.length - shown.length,
    hiddenEdges: edges.length - shownEdges.length,
  };
}

/** Adds the selected actor when the top-k left it out; otherwise returns the same subset (stable for React). */
const withSelectedFor = memoizeLast(
  (base: GraphSubset, actors: Actor[], edges: Edge[], selectedActorId: string | null): GraphSubset => {
    if (selectedActorId === null || base.actors.some((a) => a.id === selectedActorId)) return base;
    const keep = new Set(base.actors.map((a) => a.id));
    keep.add(selectedActorId);
    const shown = actors.filter((a) => keep.has(a.id));
    return shown.length === base.actors.length ? base : limitEdges(actors, edges, shown);
  },
);

/** The actors and edges the graph draws: all visible ones, or the top-k by degree when there are too many. */
export const selectGraphSubset = (s: AppState): GraphSubset => {
  const actors = selectVisibleActors(s);
  const edges = selectEdges(s);
  const base = baseSubsetFor(actors, edges, selectActorRelationCounts(s), selectIndex(s).mentionCounts);
  if (base.hiddenActors === 0) return base;
  return withSelectedFor(base, actors, edges, s.selectedActorId);
};
