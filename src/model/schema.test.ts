import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from './load';
import { validateDataset, type Dataset } from './schema';

function dataset(): Dataset {
  return {
    schemaVersion: 1,
    name: 'test',
    documents: [
      { id: 'd1', file: 'd1.txt', title: 'T', published: '2022-03-29', text: 'Hun Sen met Kishida on March 28.' },
    ],
    actors: [
      { id: 'person:hun-sen', name: 'Hun Sen', kind: 'person', aliases: [] },
      { id: 'person:fumio-kishida', name: 'Fumio Kishida', kind: 'person', aliases: ['Kishida'] },
    ],
    mentions: [
      { actorId: 'person:hun-sen', docId: 'd1', start: 0, end: 7 },
      { actorId: 'person:fumio-kishida', docId: 'd1', start: 12, end: 19 },
    ],
    timexes: [{ docId: 'd1', start: 23, end: 31, text: 'March 28', type: 'DATE', value: '2022-03-28' }],
    events: [
      {
        id: 'd1:e0',
        docId: 'd1',
        title: 'Hun Sen meets Kishida',
        date: { start: '2022-03-28', precision: 'day', text: 'March 28', source: 'text' },
        actorIds: ['person:hun-sen', 'person:fumio-kishida'],
        evidence: { start: 0, end: 32 },
      },
    ],
    relations: [
      {
        id: 'd1:r0',
        source: 'person:hun-sen',
        target: 'person:fumio-kishida',
        type: 'consult',
        polarity: 'cooperation',
        negated: false,
        docId: 'd1',
        eventId: 'd1:e0',
        evidence: { start: 0, end: 32 },
      },
    ],
  };
}

const pointers = (value: unknown): string[] => {
  const r = validateDataset(value);
  return r.ok ? [] : r.issues.map((i) => `${i.pointer}: ${i.message}`);
};

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    expect(validateDataset(dataset())).toEqual({ ok: true, dataset: dataset() });
  });

  it('names a bad date by its JSON pointer', () => {
    const d = dataset();
    d.events[0]!.date.start = '2021-02-30';
    expect(pointers(d)).toEqual(['/events/0/date/start: expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)']);
  });

  it('reports every problem, not just the first', () => {
    const d = dataset() as unknown as { actors: { kind: string }[]; documents: { published: string }[] };
    d.actors[0]!.kind = 'robot';
    d.documents[0]!.published = '22-03-29';
    expect(pointers(d)).toHaveLength(2);
  });

  it('checks referential integrity', () => {
    const d = dataset();
    d.mentions[0]!.actorId = 'nobody';
    d.relations[0]!.target = 'ghost';
    d.relations[0]!.eventId = 'd1:e9';
    d.events.push({ ...d.events[0]! });
    expect(pointers(d)).toEqual([
      '/events/1/id: duplicate id "d1:e0"',
      '/mentions/0/actorId: unknown actor "nobody"',
      '/relations/0/target: unknown actor "ghost"',
      '/relations/0/eventId: unknown event "d1:e9"',
    ]);
  });

  it('accepts a stored network layout and checks its actors and coordinates', () => {
    const d = dataset();
    d.layout = {
      version: 1,
      positions: [
        { id: 'person:fumio-kishida', x: 10.5, y: -3 },
        { id: 'person:hun-sen', x: 0, y: 0 },
      ],
    };
    expect(validateDataset(d).ok).toBe(true);
    d.layout.positions.push({ id: 'person:hun-sen', x: 1, y: 1 }, { id: 'ghost', x: 2, y: 2 });
    expect(pointers(d)).toEqual([
      '/layout/positions/2/id: duplicate id "person:hun-sen"',
      '/layout/positions/3/id: unknown actor "ghost"',
    ]);
    d.layout.positions.splice(2, 2, { id: 'person:hun-sen', x: 1e9, y: 0 });
    expect(pointers(d)).toEqual(['/layout/positions/2/x: Too big: expected number to be <=10000000']);
  });

  it('keeps every span inside its document text', () => {
    const d = dataset();
    d.mentions[0]!.end = 999;
    d.timexes[0]!.start = 31;
    d.events[0]!.evidence = { start: 5, end: 5 };
    expect(pointers(d)).toEqual([
      '/mentions/0: end (999) is past the end of the document text (32)',
      '/timexes/0: start (31) must be less than end (31)',
      '/events/0/evidence: start (5) must be less than end (5)',
    ]);
  });

  it('rejects __proto__ and constructor keys', () => {
    const raw = JSON.parse('{"schemaVersion":1,"__proto__":{"polluted":1}}') as unknown;
    expect(pointers(raw)).toEqual(['/__proto__: forbidden key "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects unknown keys and a newer schema version with advice', () => {
    expect(pointers({ ...dataset(), extra: 1 })[0]).toMatch(/^: Unrecognized key/);
    expect(pointers({ ...dataset(), schemaVersion: 2 })[0]).toMatch(/^\/schemaVersion: schema version 2/);
  });

  it('reads JSON text safely', () => {
    expect(parseDatasetJson('{').ok).toBe(false);
    expect(parseDatasetJson('{"__proto__": {"x": 1}}')).toMatchObject({ ok: false });
    expect(parseDatasetJson(JSON.stringify(dataset())).ok).toBe(true);
  });

  propTest.prop([fc.jsonValue()])('never throws, whatever the JSON', (value) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = validateDataset(value);
    expect(typeof result.ok).toBe('boolean');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
