/**
 * All panels agree because they read the same selectors: after every filter and a search, the timeline's events,
 * the network's actors and relations, and the source panel's highlighted mentions must be mutually consistent.
 */
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, POLARITIES, RELATION_TYPES } from '../model/schema';
import { smallDataset } from '../test/fixtures/small-dataset';
import { createAppStore } from './create-app-store';
import { selectEdges, selectVisibleActors, selectVisibleEvents, selectVisibleRelations } from './selectors';
import { selectSourceMentions } from './selectors-source';
import type { AppState, Filters } from './types';

function checkConsistent(s: AppState, label: string): void {
  const actorIds = new Set(selectVisibleActors(s).map((a) => a.id));
  for (const r of selectVisibleRelations(s)) {
    expect(actorIds.has(r.source), `${label}: relation ${r.id} source visible`).toBe(true);
    expect(actorIds.has(r.target), `${label}: relation ${r.id} target visible`).toBe(true);
  }
  for (const e of selectEdges(s)) {
    expect(actorIds.has(e.source) && actorIds.has(e.target), `${label}: edge ${e.key}`).toBe(true);
  }
  for (const e of selectVisibleEvents(s)) {
    if (e.actorIds.length > 0) {
      expect(
        e.actorIds.some((a) => actorIds.has(a)),
        `${label}: event ${e.id} has a visible actor`,
      ).toBe(true);
    }
    if (s.filters.docIds.length > 0) expect(s.filters.docIds, `${label}: event ${e.id} doc`).toContain(e.docId);
  }
  for (const m of selectSourceMentions(s)) {
    expect(actorIds.has(m.actorId), `${label}: mention of ${m.actorId} highlighted`).toBe(true);
  }
  if (s.filters.relationTypes.length > 0) {
    for (const r of selectVisibleRelations(s)) expect(s.filters.relationTypes).toContain(r.type);
  }
  if (s.filters.polarities.length > 0) {
    for (const r of selectVisibleRelations(s)) expect(s.filters.polarities).toContain(r.polarity);
  }
}

const cases: [string, Partial<Filters>][] = [
  ['no filter', {}],
  ...ACTOR_KINDS.map((k): [string, Partial<Filters>] => [`kind ${k}`, { actorKinds: [k] }]),
  ['kinds person+country', { actorKinds: ['person', 'country'] }],
  ...RELATION_TYPES.map((t): [string, Partial<Filters>] => [`relation ${t}`, { relationTypes: [t] }]),
  ...POLARITIES.map((p): [string, Partial<Filters>] => [`polarity ${p}`, { polarities: [p] }]),
  ...smallDataset.documents.map((d): [string, Partial<Filters>] => [`doc ${d.id}`, { docIds: [d.id] }]),
  ['search berg', { search: 'berg' }],
  ['search aid', { search: 'aid' }],
  ['search river (event text only)', { search: 'river' }],
  ['search nothing', { search: 'zzzz-no-match' }],
  ['combined', { actorKinds: ['country', 'organization'], polarities: ['cooperation'], search: 'south' }],
];

describe('panels agree under every filter', () => {
  for (const [label, patch] of cases) {
    it(label, () => {
      const store = createAppStore(smallDataset);
      store.getState().setFilters(patch);
      for (const doc of smallDataset.documents) {
        store.getState().openDocument(doc.id);
        checkConsistent(store.getState(), `${label} / ${doc.id}`);
      }
      // And with an actor selected.
      store.getState().selectActor('a-southland');
      checkConsistent(store.getState(), `${label} / selected`);
    });
  }

  it('filters narrow: a kind filter hides other kinds everywhere', () => {
    const store = createAppStore(smallDataset);
    store.getState().setFilters({ actorKinds: ['person'] });
    const s = store.getState();
    expect(selectVisibleActors(s).map((a) => a.id)).toEqual(['a-berg', 'a-haddad']);
    expect(selectVisibleRelations(s).map((r) => r.id)).toEqual(['r-meet']);
    store.getState().openDocument('doc-a');
    expect(new Set(selectSourceMentions(store.getState()).map((m) => m.actorId))).toEqual(
      new Set(['a-berg', 'a-haddad']),
    );
  });
});
