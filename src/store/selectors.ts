/**
 * Derived data, computed from the store's facts. Module-level selectors memoised on the exact inputs they read,
 * so React hooks and widget subscriptions get the same object back until one of those inputs changes.
 * Every panel reads these, which is what keeps the three panels in agreement.
 */
import { pairKey } from '../model/graph';
import type { Actor, Dataset, DatasetEvent, DocumentRecord, EventDate, Mention, Relation } from '../model/schema';
import { dateRange, overlaps, type TimeRange } from '../model/time';
import type { AppState, Filters } from './types';

/** Memoises a function of a fixed number of arguments on reference equality with the previous call. */
export function memoizeLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult!: R;
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) {
      return lastResult;
    }
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

/** Lookups built once per dataset. */
export interface DatasetIndex {
  actorsById: Map<string, Actor>;
  eventsById: Map<string, DatasetEvent>;
  docsById: Map<string, DocumentRecord>;
  mentionsByActor: Map<string, Mention[]>;
  eventsByActor: Map<string, DatasetEvent[]>;
  eventRanges: Map<string, TimeRange>;
  /** Ranges of the relations that have their own date; use relationRange() for any relation. */
  relationRanges: Map<string, TimeRange>;
  mentionCounts: Map<string, number>;
  /** Lower-cased text used by search, per actor. */
  actorSearchText: Map<string, string>;
  /** The relations of each actor, for neighbour lookups without a scan of every relation (see RelationAdjacency). */
  adjacency: RelationAdjacency;
  /**
   * Where each document's mentions lie in `dataset.mentions`, [start, end), when the mentions come grouped by document
   * (as `npm run extract` writes them); null when they do not, and a document's mentions are found by a scan.
   */
  mentionRanges: Map<string, readonly [number, number]> | null;
  /**
   * Lower-cased "title\nevidence" of an event, computed on demand (no per-event copy of the evidence is kept; use
   * eventIdsMatching for whole-dataset searches).
   */
  eventSearchText: { get: (eventId: string) => string | undefined };
}

/**
 * Relations by actor in compressed rows: the relations of the actor at `actorIndex.get(id)` = k are
 * `relations[rel[i]]` for i in [start[k], start[k + 1]). Two typed arrays, 8 bytes per relation and 4 per actor:
 * selecting an actor at 100,000 events scanned all relations for its neighbours (5-12 ms of the click).
 */
export interface RelationAdjacency {
  actorIndex: Map<string, number>;
  start: Int32Array;
  rel: Int32Array;
}

function buildAdjacency(actors: readonly Actor[], relations: readonly Relation[]): RelationAdjacency {
  const actorIndex = new Map<string, number>();
  actors.forEach((a, k) => actorIndex.set(a.id, k));
  // Each relation's two rows, looked up once (-1: an unknown actor, or the source again for a self-relation).
  const rows = new Int32Array(relations.length * 2);
  const start = new Int32Array(actors.length + 1);
  relations.forEach((r, i) => {
    const a = actorIndex.get(r.source) ?? -1;
    const b = actorIndex.get(r.target) ?? -1;
    rows[2 * i] = a;
    rows[2 * i + 1] = b === a ? -1 : b;
  });
  for (const k of rows) if (k >= 0) start[k + 1]!++;
  for (let k = 0; k < actors.length; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, actors.length);
  const rel = new Int32Array(start[actors.length]!);
  rows.forEach((k, j) => {
    if (k >= 0) rel[fill[k]!++] = j >> 1;
  });
  return { actorIndex, start, rel };
}

/** Document id -> [start, end) of its mentions, or null when some document's mentions are not contiguous. */
function mentionRangesOf(mentions: readonly Mention[]): Map<string, readonly [number, number]> | null {
  const ranges = new Map<string, readonly [number, number]>();
  for (let from = 0; from < mentions.length;) {
    const docId = mentions[from]!.docId;
    let to = from + 1;
    while (to < mentions.length && mentions[to]!.docId === docId) to++;
    if (ranges.has(docId)) return null;
    ranges.set(docId, [from, to]);
    from = to;
  }
  return ranges;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Returns a function giving the range of a date, one object per distinct date: many events fall on the same dates, a
 * range costs an object and two boxed numbers, and parsing each date again was most of the index's time at 100k
 * events. Kept outside buildIndex's scope so the lookup table is dropped once the index is built.
 */
function rangeCache(): (date: Pick<EventDate, 'start' | 'end' | 'precision'>) => TimeRange | undefined {
  const byDate = new Map<string, TimeRange | null>();
  return (date) => {
    const key = `${date.start}|${date.end ?? ''}|${date.precision}`;
    const known = byDate.get(key);
    if (known !== undefined) return known ?? undefined;
    const range = dateRange(date);
    byDate.set(key, range ?? null);
    return range;
  };
}

/** Builds the lookups of a dataset. */
export function buildIndex(dataset: Dataset): DatasetIndex {
  const actorsById = new Map(dataset.actors.map((a) => [a.id, a]));
  const eventsById = new Map(dataset.events.map((e) => [e.id, e]));
  const docsById = new Map(dataset.documents.map((d) => [d.id, d]));
  const mentionsByActor = new Map<string, Mention[]>();
  for (const m of dataset.mentions) push(mentionsByActor, m.actorId, m);
  const eventsByActor = new Map<string, DatasetEvent[]>();
  // Equal ranges share one (read-only) object: many events fall on the same dates, and each range costs an object
  // and two boxed numbers.
  const rangeOf = rangeCache();
  const eventRanges = new Map<string, TimeRange>();
  for (const e of dataset.events) {
    for (const a of e.actorIds) {
      // An actor listed twice on one event is indexed once.
      const list = eventsByActor.get(a);
      if (list?.[list.length - 1] !== e) push(eventsByActor, a, e);
    }
    const range = rangeOf(e.date);
    if (range) eventRanges.set(e.id, range);
  }
  const eventSearchText = {
    get: (eventId: string): string | undefined => {
      const e = eventsById.get(eventId);
      return e ? eventText(e, docsById.get(e.docId)) : undefined;
    },
  };
  const relationRanges = new Map<string, TimeRange>();
  for (const r of dataset.relations) {
    // Only relations with their own date: the others take their event's range (see relationRange).
    const range = r.date ? rangeOf(r.date) : undefined;
    if (range) relationRanges.set(r.id, range);
  }
  const mentionCounts = new Map<string, number>();
  for (const [id, list] of mentionsByActor) mentionCounts.set(id, list.length);
  const actorSearchText = new Map(dataset.actors.map((a) => [a.id, [a.name, ...a.aliases].join('\n').toLowerCase()]));
  return {
    actorsById,
    eventsById,
    docsById,
    mentionsByActor,
    eventsByActor,
    eventRanges,
    relationRanges,
    mentionCounts,
    actorSearchText,
    eventSearchText,
    adjacency: buildAdjacency(dataset.actors, dataset.relations),
    mentionRanges: mentionRangesOf(dataset.mentions),
  };
}

const indexFor = memoizeLast(buildIndex);

/** The time range of a relation: its own date's, else its event's (undefined when neither resolves). */
export function relationRange(index: DatasetIndex, r: Relation): TimeRange | undefined {
  if (r.date) return index.relationRanges.get(r.id);
  return r.eventId ? index.eventRanges.get(r.eventId) : undefined;
}

/** The lower-cased search text of an event: its title and its evidence sentence. */
function eventText(e: DatasetEvent, doc: DocumentRecord | undefined): string {
  const evidence = doc ? doc.text.slice(e.evidence.start, e.evidence.end) : '';
  return `${e.title}\n${evidence}`.toLowerCase();
}

/** Sorted start offsets of every occurrence of `query` in `text`. */
function occurrences(text: string, query: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) out.push(at);
  return out;
}

/** Index of the first value >= x in a sorted array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ids of the events whose lower-cased "title\nevidence" contains `query` (already trimmed and lower-cased), without
 * building that text per event: each document is lower-cased and searched once, and the hits are mapped to the
 * evidence spans. Same result as `eventText(e).includes(query)` (falls back to it where lower-casing changes offsets).
 */
export const eventIdsMatching = memoizeLast((dataset: Dataset, query: string): Set<string> => {
  const out = new Set<string>();
  if (query === '') {
    for (const e of dataset.events) out.add(e.id);
    return out;
  }
  const index = indexFor(dataset);
  const hitsByDoc = new Map<string, number[] | null>();
  const hitsIn = (doc: DocumentRecord): number[] | null => {
    let hits = hitsByDoc.get(doc.id);
    if (hits === undefined) {
      const lower = doc.text.toLowerCase();
      // null: lower-casing changed the length, so offsets do not map; compare per event instead.
      hits = lower.length === doc.text.length ? occurrences(lower, query) : null;
      hitsByDoc.set(doc.id, hits);
    }
    return hits;
  };
  const simple = !query.includes('\n');
  for (const e of dataset.events) {
    const doc = index.docsById.get(e.docId);
    const title = e.title.toLowerCase();
    if (!simple || title.length !== e.title.length || !doc) {
      if (eventText(e, doc).includes(query)) out.add(e.id);
      continue;
    }
    if (title.includes(query)) {
      out.add(e.id);
      continue;
    }
    const hits = hitsIn(doc);
    if (hits === null) {
      if (eventText(e, doc).includes(query)) out.add(e.id);
      continue;
    }
    // String.slice clamps its bounds: mirror that so the same evidence text is searched.
    const len = doc.text.length;
    const clamp = (n: number): number => (n < 0 ? Math.max(0, len + n) : Math.min(n, len));
    const start = clamp(e.evidence.start);
    const end = clamp(e.evidence.end);
    if (end - start < query.length) continue;
    const i = lowerBound(hits, start);
    const at = hits[i];
    if (at !== undefined && at + query.length <= end) out.add(e.id);
  }
  return out;
});

/** The dataset's lookups. */
export const selectIndex = (s: AppState): DatasetIndex => indexFor(s.dataset);

const matchesSearch = (haystack: string | undefined, query: string): boolean =>
  query === '' || (haystack ?? '').includes(query);

const normaliseQuery = (q: string): string => q.trim().toLowerCase();

/** Actors that pass the kind and document filters and the search (by name, or by an event that matches). */
const visibleActorsFor = memoizeLast((dataset: Dataset, filters: Filters): Actor[] => {
  const index = indexFor(dataset);
  const query = normaliseQuery(filters.search);
  const kinds = new Set(filters.actorKinds);
  const docs = new Set(filters.docIds);
  const eventMatches =
    query === ''
      ? undefined
      : new Set(
          (() => {
            const hits = eventIdsMatching(dataset, query);
            return dataset.events.filter((e) => hits.has(e.id)).flatMap((e) => e.actorIds);
          })(),
        );
  return dataset.actors.filter((a) => {
    if (kinds.size > 0 && !kinds.has(a.kind)) return false;
    if (docs.size > 0 && !(index.mentionsByActor.get(a.id) ?? []).some((m) => docs.has(m.docId))) return false;
    if (query !== '' && !matchesSearch(index.actorSearchText.get(a.id), query) && !eventMatches?.has(a.id)) {
      return false;
    }
    return true;
  });
});

/** Actors shown in the network and the actor table. */
export const selectVisibleActors = (s: AppState): Actor[] => visibleActorsFor(s.dataset, s.filters);

const visibleActorIdsFor = memoizeLast((actors: Actor[]) => new Set(actors.map((a) => a.id)));

/** Ids of the visible actors. */
export const selectVisibleActorIds = (s: AppState): Set<string> => visibleActorIdsFor(selectVisibleActors(s));

const NO_EVENTS: DatasetEvent[] = [];

/**
 * `list.filter(keep)`, except that when every item passes (the usual case with no filters) the list itself is
 * returned rather than a copy of it. Results are read-only.
 */
function keepAll<T>(list: T[], keep: (item: T) => boolean): T[] {
  const out = list.filter(keep);
  return out.length === list.length ? list : out;
}

/** Events shown on the timeline: filtered by document, search, the selected actor and visible actors. */
const visibleEventsFor = memoizeLast(
  (dataset: Dataset, filters: Filters, selectedActorId: string | null, actorIds: Set<string>): DatasetEvent[] => {
    const index = indexFor(dataset);
    const query = normaliseQuery(filters.search);
    const docs = new Set(filters.docIds);
    const restrictActors = filters.actorKinds.length > 0 || query !== '' || docs.size > 0;
    const eventHits = query !== '' ? eventIdsMatching(dataset, query) : undefined;
    // With an actor selected, only its events (in dataset order) are candidates: O(its events), not O(all).
    const candidates =
      selectedActorId === null ? dataset.events : (index.eventsByActor.get(selectedActorId) ?? NO_EVENTS);
    return keepAll(candidates, (e) => {
      if (docs.size > 0 && !docs.has(e.docId)) return false;
      if (query !== '') {
        const hit =
          eventHits?.has(e.id) === true || e.actorIds.some((a) => matchesSearch(index.actorSearchText.get(a), query));
        if (!hit) return false;
      }
      if (restrictActors && e.actorIds.length > 0 && !e.actorIds.some((a) => actorIds.has(a))) return false;
      return true;
    });
  },
);

/** Events shown on the timeline. */
export const selectVisibleEvents = (s: AppState): DatasetEvent[] =>
  visibleEventsFor(s.dataset, s.filters, s.selectedActorId, selectVisibleActorIds(s));

/** Relations shown in the network: filtered by type, polarity, document, visible actors and the time window. */
const visibleRelationsFor = memoizeLast(
  (dataset: Dataset, filters: Filters, actorIds: Set<string>, window: TimeRange | null): Relation[] => {
    const index = indexFor(dataset);
    const types = new Set(filters.relationTypes);
    const polarities = new Set(filters.polarities);
    const docs = new Set(filters.docIds);
    return keepAll(dataset.relations, (r) => {
      if (types.size > 0 && !types.has(r.type)) return false;
      if (polarities.size > 0 && !polarities.has(r.polarity)) return false;
      if (docs.size > 0 && !docs.has(r.docId)) return false;
      if (!actorIds.has(r.source) || !actorIds.has(r.target)) return false;
      if (window) {
        const range = relationRange(index, r);
        if (!range || !overlaps(range, window)) return false;
      }
      return true;
    });
  },
);

/** Relations shown in the network. */
export const selectVisibleRelations = (s: AppState): Relation[] =>
  visibleRelationsFor(s.dataset, s.filters, selectVisibleActorIds(s), s.timeWindow);

/** One network edge: all visible relations between an unordered pair of actors. */
export interface Edge {
  key: string;
  source: string;
  target: string;
  relations: Relation[];
}

const edgesFor = memoizeLast((relations: Relation[]): Edge[] => {
  const byPair = new Map<string, Edge>();
  for (const r of relations) {
    if (r.source === r.target) continue;
    const key = pairKey(r.source, r.target);
    const edge = byPair.get(key);
    if (edge) edge.relations.push(r);
    else byPair.set(key, { key, source: r.source, target: r.target, relations: [r] });
  }
  return [...byPair.values()];
});

/** Network edges (one per actor pair). */
export const selectEdges = (s: AppState): Edge[] => edgesFor(selectVisibleRelations(s));

const neighboursFor = memoizeLast((dataset: Dataset, actorId: string | null, relations: Relation[]): Set<string> => {
  const out = new Set<string>();
  if (actorId === null) return out;
  if (relations === dataset.relations) {
    // All relations are visible: the actor's own rows of the index.
    const { actorIndex, start, rel } = indexFor(dataset).adjacency;
    const k = actorIndex.get(actorId);
    if (k !== undefined) {
      for (let i = start[k]!; i < start[k + 1]!; i++) {
        const r = relations[rel[i]!]!;
        out.add(r.source === actorId ? r.target : r.source);
      }
    }
  } else {
    for (const r of relations) {
      if (r.source === actorId) out.add(r.target);
      else if (r.target === actorId) out.add(r.source);
    }
  }
  out.delete(actorId);
  return out;
});

/** Neighbours of the selected actor among the visible relations. */
export const selectNeighbourIds = (s: AppState): Set<string> =>
  neighboursFor(s.dataset, s.selectedActorId, selectVisibleRelations(s));

const highlightedFor = memoizeLast(
  (
    actorId: string | null,
    neighbours: Set<string>,
    event: DatasetEvent | undefined,
    edge: AppState['selectedEdge'],
  ): Set<string> | null => {
    if (event) return new Set(event.actorIds);
    if (edge) return new Set([edge.source, edge.target]);
    if (actorId !== null) return new Set([actorId, ...neighbours]);
    return null;
  },
);

/** Actors lit up in the network, or null when nothing is selected (nothing dimmed). */
export const selectHighlightedActorIds = (s: AppState): Set<string> | null =>
  highlightedFor(
    s.selectedActorId,
    selectNeighbourIds(s),
    s.selectedEventId ? selectIndex(s).eventsById.get(s.selectedEventId) : undefined,
    s.selectedEdge,
  );

const edgeEvidenceFor = memoizeLast((edge: AppState['selectedEdge'], relations: Relation[]): Relation[] => {
  if (!edge) return [];
  const key = pairKey(edge.source, edge.target);
  return relations.filter((r) => pairKey(r.source, r.target) === key);
});

/** Relations (with their evidence sentences) between the actors of the selected edge. */
export const selectEdgeRelations = (s: AppState): Relation[] =>
  edgeEvidenceFor(s.selectedEdge, selectVisibleRelations(s));

/** The open document. */
export const selectOpenDocument = (s: AppState): DocumentRecord | undefined =>
  s.openDocId === null ? undefined : selectIndex(s).docsById.get(s.openDocId);

const NO_MENTIONS: Mention[] = [];

/** The open document's mentions, in dataset order: a slice when the mentions come grouped by document, else a scan. */
const docMentionsFor = memoizeLast((dataset: Dataset, docId: string): Mention[] => {
  const ranges = indexFor(dataset).mentionRanges;
  const range = ranges?.get(docId);
  const out = ranges
    ? range
      ? dataset.mentions.slice(range[0], range[1])
      : []
    : dataset.mentions.filter((m) => m.docId === docId);
  return out.length > 0 ? out : NO_MENTIONS;
});

/** Mentions in the open document. */
export const selectOpenDocumentMentions = (s: AppState): Mention[] =>
  s.openDocId === null ? NO_MENTIONS : docMentionsFor(s.dataset, s.openDocId);

const actorDocCountsFor = memoizeLast(
  (dataset: Dataset, actorId: string | null): { doc: DocumentRecord; count: number }[] => {
    if (actorId === null) return [];
    const index = indexFor(dataset);
    const counts = new Map<string, number>();
    for (const m of index.mentionsByActor.get(actorId) ?? []) counts.set(m.docId, (counts.get(m.docId) ?? 0) + 1);
    return dataset.documents.filter((d) => counts.has(d.id)).map((doc) => ({ doc, count: counts.get(doc.id) ?? 0 }));
  },
);

/** Documents that mention the selected actor, with mention counts, in dataset order. */
export const selectSelectedActorDocuments = (s: AppState): { doc: DocumentRecord; count: number }[] =>
  actorDocCountsFor(s.dataset, s.selectedActorId);

/** The selected actor, if any. */
export const selectSelectedActor = (s: AppState): Actor | undefined =>
  s.selectedActorId === null ? undefined : selectIndex(s).actorsById.get(s.selectedActorId);

/** The selected event, if any. */
export const selectSelectedEvent = (s: AppState): DatasetEvent | undefined =>
  s.selectedEventId === null ? undefined : selectIndex(s).eventsById.get(s.selectedEventId);
