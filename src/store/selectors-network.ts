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

/** Above this many visible actors the graph shows only the best-connected ones (the table shows all). */
export const MAX_GRAPH_NODES = 2000;
/** Above this many visible edges the graph shows only those with the most evidence. */
export const MAX_GRAPH_EDGES = 6000;

/** Node radius from a mention count: area grows with the count, between 5 and 22 layout units. */
export function radiusFor(mentions: number, maxMentions: number): number {
  if (maxMentions <= 0) return 6;
  return Math.round((5 + 17 * Math.sqrt(Math.max(0, mentions) / maxMentions)) * 10) / 10;
}

export interface LayoutInput {
  nodes: { id: string; r: number }[];
  links: { source: string; target: string }[];
}

const radiiFor = memoizeLast((dataset: Dataset, mentionCounts: Map<string, number>): Map<string, number> => {
  let max = 0;
  for (const a of dataset.actors) max = Math.max(max, mentionCounts.get(a.id) ?? 0);
  return new Map(dataset.actors.map((a) => [a.id, radiusFor(mentionCounts.get(a.id) ?? 0, max)]));
});

/** Node radius per actor id (for the whole dataset). */
export const selectNodeRadii = (s: AppState): Map<string, number> => radiiFor(s.dataset, selectIndex(s).mentionCounts);

const layoutInputFor = memoizeLast((dataset: Dataset, radii: Map<string, number>): LayoutInput => {
  const seen = new Set<string>();
  const links: LayoutInput['links'] = [];
  for (const r of dataset.relations) {
    if (r.source === r.target) continue;
    const key = pairKey(r.source, r.target);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ source: r.source, target: r.target });
  }
  return { nodes: dataset.actors.map((a) => ({ id: a.id, r: radii.get(a.id) ?? 6 })), links };
});

/** What the layout runs on: all actors and all actor pairs of the dataset (not just the visible ones). */
export const selectLayoutInput = (s: AppState): LayoutInput => layoutInputFor(s.dataset, selectNodeRadii(s));

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

const subsetFor = memoizeLast(
  (
    actors: Actor[],
    edges: Edge[],
    relationCounts: Map<string, number>,
    mentionCounts: Map<string, number>,
    selectedActorId: string | null,
  ): GraphSubset => {
    let shown = actors;
    if (actors.length > MAX_GRAPH_NODES) {
      const score = (a: Actor): number => (relationCounts.get(a.id) ?? 0) * 1e6 + (mentionCounts.get(a.id) ?? 0);
      const ranked = [...actors].sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
      const top = ranked.slice(0, MAX_GRAPH_NODES);
      const keep = new Set(top.map((a) => a.id));
      if (selectedActorId !== null && !keep.has(selectedActorId)) keep.add(selectedActorId);
      shown = actors.filter((a) => keep.has(a.id));
    }
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
  },
);

/** The actors and edges the graph draws: all visible ones, or the top-k by degree when there are too many. */
export const selectGraphSubset = (s: AppState): GraphSubset => {
  const actors = selectVisibleActors(s);
  return subsetFor(
    actors,
    selectEdges(s),
    selectActorRelationCounts(s),
    selectIndex(s).mentionCounts,
    // The selection only matters when actors are left out; otherwise keep the memo across selections.
    actors.length > MAX_GRAPH_NODES ? s.selectedActorId : null,
  );
};
