import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/schema';
import { eventIdsMatching, selectIndex } from './selectors';
import type { AppState } from './types';

/** A tiny dataset built inline: two documents, events with evidence spans (one out of bounds). */
function dataset(): Dataset {
  const text1 = 'Hun Sen met Fumio Kishida in Tokyo. CAMBODIA and Japan agreed.';
  const text2 = 'İstanbul talks: Prak Sokhonn praised China.';
  const ev = (id: string, docId: string, title: string, start: number, end: number) =>
    ({
      id,
      docId,
      title,
      actorIds: [],
      evidence: { start, end },
      date: { precision: 'day', start: '2022-01-01', text: '', source: 'text' },
    }) as unknown as Dataset['events'][number];
  return {
    actors: [],
    mentions: [],
    relations: [],
    documents: [
      { id: 'd1', title: 'One', file: 'one.txt', text: text1 },
      { id: 'd2', title: 'Two', file: 'two.txt', text: text2 },
    ],
    events: [
      ev('e1', 'd1', 'Meeting', 0, 35),
      ev('e2', 'd1', 'Agreement', 36, 63),
      ev('e3', 'd2', 'Talks', 0, 44),
      ev('e4', 'd1', 'Out of range', 50, 500),
      ev('e5', 'missing', 'No document', 0, 10),
    ],
  } as unknown as Dataset;
}

describe('eventIdsMatching', () => {
  it('gives the same events as searching "title\\nevidence" lower-cased', () => {
    const ds = dataset();
    const index = selectIndex({ dataset: ds } as AppState);
    for (const q of [
      'kishida',
      'cambodia',
      'tokyo. cambodia',
      'china',
      'talks',
      'range',
      'document',
      'agreed.',
      'x',
      'i̇stanbul',
      'in tokyo',
    ]) {
      const naive = ds.events.filter((e) => (index.eventSearchText.get(e.id) ?? '').includes(q)).map((e) => e.id);
      expect([...eventIdsMatching(ds, q)].sort(), q).toEqual(naive.sort());
    }
  });
});
