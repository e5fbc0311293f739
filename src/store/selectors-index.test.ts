import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Dataset, Relation } from '../model/schema';
import { dateRange } from '../model/time';
import { smallDataset } from '../test/fixtures/small-dataset';
import { createAppStore } from './create-app-store';
import { buildIndex, selectNeighbourIds, selectOpenDocumentMentions, selectVisibleRelations } from './selectors';

describe('buildIndex', () => {
  it('gives each event and dated relation the range of its own date, however many dates repeat', () => {
    // Dates that share a start but differ in end or precision must not share a cached range.
    const events = [
      ...smallDataset.events,
      ...smallDataset.events.map((e) => ({ ...e, id: `${e.id}-again` })),
      {
        ...smallDataset.events[0]!,
        id: 'e-year',
        date: { start: '2022', precision: 'year', text: '2022', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-years',
        date: { start: '2022', end: '2023', precision: 'year', text: '2022-23', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-decade',
        date: { start: '2020', precision: 'decade', text: 'the 2020s', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-bad',
        date: { start: '2022-02-30', precision: 'day', text: '', source: 'text' },
      },
    ] as Dataset['events'];
    const dataset: Dataset = { ...smallDataset, events };
    const index = buildIndex(dataset);
    for (const e of events) expect(index.eventRanges.get(e.id), e.id).toEqual(dateRange(e.date));
    expect(index.eventRanges.has('e-bad')).toBe(false);
    const year = index.eventRanges.get('e-year')!;
    expect(index.eventRanges.get('e-years')!.end).toBeGreaterThan(year.end);
    for (const r of dataset.relations) if (r.date) expect(index.relationRanges.get(r.id)).toEqual(dateRange(r.date));
  });
});

describe('neighbour and mention lookups through the index', () => {
  const ids = smallDataset.actors.map((a) => a.id);
  const scanNeighbours = (relations: readonly Relation[], actorId: string): string[] => {
    const out = new Set<string>();
    for (const r of relations) {
      if (r.source === actorId) out.add(r.target);
      else if (r.target === actorId) out.add(r.source);
    }
    out.delete(actorId);
    return [...out].sort();
  };
  const template = smallDataset.relations[0]!;
  const relationsArb = fc.array(
    fc.record({ source: fc.constantFrom(...ids, 'unknown'), target: fc.constantFrom(...ids, 'unknown') }),
    { maxLength: 40 },
  );

  propTest.prop([relationsArb, fc.constantFrom(...ids)], { numRuns: 300 })(
    'neighbours of an actor are those a scan of the visible relations finds (self-loops, unknown ends)',
    (pairs, actorId) => {
      const relations = pairs.map((p, i) => ({ ...template, id: `r${i}`, ...p }));
      const dataset: Dataset = { ...smallDataset, relations };
      const state = { ...createAppStore(dataset).getState(), selectedActorId: actorId };
      expect([...selectNeighbourIds(state)].sort()).toEqual(scanNeighbours(selectVisibleRelations(state), actorId));
    },
  );

  it('neighbours among filtered relations come from the filtered relations only', () => {
    const store = createAppStore(smallDataset);
    const type = smallDataset.relations[0]!.type;
    store.getState().setFilters({ relationTypes: [type] });
    const state = { ...store.getState(), selectedActorId: smallDataset.relations[0]!.source };
    const visible = smallDataset.relations.filter((r) => r.type === type);
    expect([...selectNeighbourIds(state)].sort()).toEqual(scanNeighbours(visible, state.selectedActorId));
  });

  propTest.prop([fc.boolean(), fc.integer({ min: 0, max: 1000 })], { numRuns: 100 })(
    "a document's mentions are the dataset's, in dataset order, whether or not they come grouped by document",
    (grouped, seed) => {
      // A fixed shuffle from the seed: grouped keeps the documents' runs, otherwise they interleave.
      const shuffled = [...smallDataset.mentions].sort(
        (a, b) => ((a.start * 31 + seed) % 17) - ((b.start * 31 + seed) % 17) || a.start - b.start,
      );
      const mentions = grouped
        ? [...shuffled].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))
        : shuffled;
      const dataset: Dataset = { ...smallDataset, mentions };
      for (const doc of smallDataset.documents) {
        const state = { ...createAppStore(dataset).getState(), openDocId: doc.id };
        expect(selectOpenDocumentMentions(state)).toEqual(mentions.filter((m) => m.docId === doc.id));
      }
      expect(buildIndex(dataset).mentionRanges === null).toBe(
        !grouped &&
          mentions.some(
            (m, i) =>
              i > 0 && m.docId !== mentions[i - 1]!.docId && mentions.slice(0, i - 1).some((x) => x.docId === m.docId),
          ),
      );
    },
  );
});
