/** Derived data for the source text panel and the header's search. Memoised like selectors.ts. */
import type { Actor, Dataset, DatasetEvent, Mention, Timex } from '../model/schema';
import {
  memoizeLast,
  selectIndex,
  selectOpenDocumentMentions,
  selectSelectedActorDocuments,
  selectVisibleActorIds,
} from './selectors';
import type { AppState } from './types';

const EMPTY_TIMEXES: Timex[] = [];

/** The open document's timexes only (no per-document index of every timex is kept): one pass per document opened. */
const openTimexesFor = memoizeLast((dataset: Dataset, docId: string): Timex[] => {
  const out = dataset.timexes.filter((t) => t.docId === docId);
  return out.length > 0 ? out : EMPTY_TIMEXES;
});

/** Date expressions in the open document. */
export const selectOpenDocumentTimexes = (s: AppState): Timex[] =>
  s.openDocId === null ? EMPTY_TIMEXES : openTimexesFor(s.dataset, s.openDocId);

const sourceMentionsFor = memoizeLast((mentions: Mention[], visible: Set<string>): Mention[] =>
  mentions.filter((m) => visible.has(m.actorId)),
);

/**
 * Mentions the source panel highlights: those in the open document whose actor passes the filters
 * (so the text never highlights an actor the network and timeline have filtered out).
 */
export const selectSourceMentions = (s: AppState): Mention[] =>
  sourceMentionsFor(selectOpenDocumentMentions(s), selectVisibleActorIds(s));

/** Mentions of the selected actor in the open document, in text order. */
const selectedMentionsFor = memoizeLast((mentions: Mention[], actorId: string | null): Mention[] =>
  actorId === null ? [] : mentions.filter((m) => m.actorId === actorId).sort((a, b) => a.start - b.start),
);

export const selectSelectedActorMentionsInOpenDocument = (s: AppState): Mention[] =>
  selectedMentionsFor(selectSourceMentions(s), s.selectedActorId);

/** Mention counts per document for the selected actor (for the document switcher). */
const docCountsFor = memoizeLast(
  (docs: { doc: { id: string }; count: number }[]): Map<string, number> =>
    new Map(docs.map((d) => [d.doc.id, d.count])),
);

export const selectSelectedActorDocCounts = (s: AppState): Map<string, number> =>
  docCountsFor(selectSelectedActorDocuments(s));

export interface SearchResults {
  actors: Actor[];
  events: DatasetEvent[];
  /** Totals before the list was cut to `limit`. */
  actorTotal: number;
  eventTotal: number;
}

/** Actors (by name or alias) and events (by title or evidence text) matching a query, best matches first. */
export function searchDataset(state: AppState, query: string, limit = 8): SearchResults {
  const q = query.trim().toLowerCase();
  if (q === '') return { actors: [], events: [], actorTotal: 0, eventTotal: 0 };
  const index = selectIndex(state);
  const scored: { actor: Actor; score: number }[] = [];
  for (const a of state.dataset.actors) {
    const hay = index.actorSearchText.get(a.id) ?? '';
    const at = hay.indexOf(q);
    if (at < 0) continue;
    const name = a.name.toLowerCase();
    const score = name === q ? 0 : name.startsWith(q) ? 1 : at === 0 || hay[at - 1] === '\n' ? 2 : 3;
    scored.push({ actor: a, score });
  }
  const counts = index.mentionCounts;
  scored.sort(
    (x, y) =>
      x.score - y.score ||
      (counts.get(y.actor.id) ?? 0) - (counts.get(x.actor.id) ?? 0) ||
      (x.actor.name < y.actor.name ? -1 : x.actor.name > y.actor.name ? 1 : 0),
  );
  const events: DatasetEvent[] = [];
  let eventTotal = 0;
  for (const e of state.dataset.events) {
    if ((index.eventSearchText.get(e.id) ?? '').includes(q)) {
      eventTotal++;
      if (events.length < limit) events.push(e);
    }
  }
  return { actors: scored.slice(0, limit).map((s) => s.actor), events, actorTotal: scored.length, eventTotal };
}
