import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../../src/model/schema';
import { checkSeedGold, loadSeedGold, SEEDS_DIR, type SeedGold } from './seed-gold';
import { dateAgrees, formatSeedTable, normaliseName, scoreSeeds } from './seed-score';

const actorId = (docId: string, name: string): string => `${docId}:${name}`;

/** Turns gold into a dataset that should score perfectly (one dataset actor per gold actor and document). */
function goldToDataset(gold: ReadonlyMap<string, SeedGold>, texts: ReadonlyMap<string, string>): Dataset {
  const d: Dataset = {
    schemaVersion: 1,
    name: 'from gold',
    documents: [],
    actors: [],
    mentions: [],
    timexes: [],
    events: [],
    relations: [],
  };
  for (const g of gold.values()) {
    const text = texts.get(g.docId) ?? '';
    d.documents.push({ id: g.docId, file: g.file, title: g.docId, published: g.published, text });
    for (const a of g.actors) {
      const id = actorId(g.docId, a.name);
      d.actors.push({ id, name: a.name, kind: a.kind, aliases: a.aliases });
      const m = a.mentions[0] ?? a.name;
      const at = Math.max(0, text.indexOf(m));
      d.mentions.push({ actorId: id, docId: g.docId, start: at, end: at + m.length });
    }
    g.timexes.forEach((t) => d.timexes.push({ docId: g.docId, ...t }));
    g.events.forEach((e, i) =>
      d.events.push({
        id: `${g.docId}:e${i}`,
        docId: g.docId,
        title: e.title,
        date: { start: e.date.start, precision: e.date.precision, text: '', source: 'text' },
        actorIds: e.actors.map((n) => actorId(g.docId, n)),
        evidence: { start: e.evidence.start, end: e.evidence.end },
      }),
    );
    g.relations.forEach((r, i) =>
      d.relations.push({
        id: `${g.docId}:r${i}`,
        source: actorId(g.docId, r.source),
        target: actorId(g.docId, r.target),
        type: r.type,
        polarity: r.polarity,
        negated: r.negated,
        docId: g.docId,
        evidence: { start: r.evidence.start, end: r.evidence.end },
      }),
    );
  }
  return d;
}

describe('seed gold files', () => {
  let gold: Map<string, SeedGold>;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    gold = await loadSeedGold();
    for (const g of gold.values()) texts.set(g.docId, readFileSync(path.join(SEEDS_DIR, g.file), 'utf8'));
  });

  it('loads all five seed documents with the reader-determined publication dates', () => {
    expect([...gold.keys()]).toEqual([
      '000_20644a8384d2315e',
      '001_441640a170b3a440',
      '002_8f6fdb70f5401a35',
      '003_cc330f91d3e3a3b7',
      '004_e1855cd80423222c',
    ]);
    expect([...gold.values()].map((g) => g.published)).toEqual([
      '2023-01-25',
      '2022-03-29',
      '2022-11',
      '2020-04-29',
      '2021-12-02',
    ]);
  });

  it('has every offset consistent with seeds/', () => {
    for (const g of gold.values()) {
      const text = texts.get(g.docId) ?? '';
      expect(checkSeedGold(g, text)).toEqual([]);
      for (const t of g.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
      for (const e of [...g.events, ...g.relations])
        expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(g.timexes.length).toBeGreaterThan(0);
      expect(g.events.length).toBeGreaterThan(0);
    }
  });

  it('a dataset built from the gold validates and scores 1.0 everywhere', () => {
    const dataset = goldToDataset(gold, texts);
    expect(validateDataset(dataset).ok).toBe(true);
    const s = scoreSeeds(dataset, gold);
    expect(s.published.accuracy).toBe(1);
    for (const r of [s.timexes.span, s.actors, s.events.sentence, s.events.full, s.relations.match]) {
      expect(r.precision).toBe(1);
      expect(r.recall).toBe(1);
      expect(r.f1).toBe(1);
    }
    expect(s.timexes.value.accuracy).toBe(1);
    expect(s.relations.direction.accuracy).toBe(1);
    expect(s.relations.negation.accuracy).toBe(1);
    expect(formatSeedTable(s)).toContain('relations');
  });

  it('rejects a gold whose offsets drift from the text', () => {
    const g = [...gold.values()][0];
    if (!g) throw new Error('no gold');
    const text = texts.get(g.docId) ?? '';
    const broken: SeedGold = {
      ...g,
      timexes: g.timexes.map((t, i) => (i === 0 ? { ...t, start: t.start + 1, end: t.end + 1 } : t)),
    };
    expect(checkSeedGold(broken, text).join('\n')).toMatch(/slice is/);
  });
});

// ---- synthetic gold -------------------------------------------------------------------------------------------

const TEXT = 'Hun Sen met Kishida on December 1. Japan sent aid to Cambodia in 1992. Logo line.';
const s1 = { start: 0, end: 34, text: 'Hun Sen met Kishida on December 1.' };
const s2 = { start: 35, end: 70, text: 'Japan sent aid to Cambodia in 1992.' };

const GOLD: SeedGold = {
  docId: 'doc',
  file: 'doc.txt',
  published: '2021-12-02',
  furniture: [{ start: 71, end: 81, kind: 'logo' }],
  timexes: [
    { start: 23, end: 33, text: 'December 1', type: 'DATE', value: '2021-12-01' },
    { start: 65, end: 69, text: '1992', type: 'DATE', value: '1992' },
  ],
  actors: [
    { name: 'Hun Sen', kind: 'person', aliases: ['Prime Minister Hun Sen'], mentions: ['Hun Sen'] },
    { name: 'Fumio Kishida', kind: 'person', aliases: ['Kishida'], mentions: ['Kishida'] },
    { name: 'Japan', kind: 'country', aliases: ['Japanese'], mentions: ['Japan'] },
    { name: 'Cambodia', kind: 'country', aliases: ['Cambodian', 'the Kingdom'], mentions: ['Cambodia'] },
  ],
  events: [
    {
      evidence: s1,
      actors: ['Hun Sen', 'Fumio Kishida'],
      date: { start: '2021-12-01', precision: 'day' },
      title: 'Hun Sen meets Kishida',
    },
    {
      evidence: s2,
      actors: ['Japan', 'Cambodia'],
      date: { start: '1992', precision: 'year' },
      title: 'Japan aids Cambodia',
    },
  ],
  relations: [
    {
      source: 'Hun Sen',
      target: 'Fumio Kishida',
      type: 'consult',
      negated: false,
      polarity: 'cooperation',
      evidence: s1,
    },
    { source: 'Japan', target: 'Cambodia', type: 'aid', negated: false, polarity: 'cooperation', evidence: s2 },
  ],
};

function perfect(): Dataset {
  return {
    schemaVersion: 1,
    name: 'synthetic',
    documents: [{ id: 'd1', file: 'seeds/doc.txt', title: 't', published: '2021-12-02', text: TEXT }],
    actors: [
      { id: 'a1', name: 'Prime Minister Hun Sen', kind: 'person', aliases: [] },
      { id: 'a2', name: 'KISHIDA', kind: 'person', aliases: [] },
      { id: 'a3', name: 'Japan', kind: 'country', aliases: [] },
      { id: 'a4', name: 'Kingdom of Cambodia', kind: 'country', aliases: ['Cambodia'] },
    ],
    mentions: [
      { actorId: 'a1', docId: 'd1', start: 0, end: 7 },
      { actorId: 'a2', docId: 'd1', start: 12, end: 19 },
      { actorId: 'a3', docId: 'd1', start: 35, end: 40 },
      { actorId: 'a4', docId: 'd1', start: 53, end: 61 },
    ],
    timexes: [
      { docId: 'd1', start: 23, end: 33, text: 'December 1', type: 'DATE', value: '2021-12-01' },
      { docId: 'd1', start: 62, end: 69, text: 'in 1992', type: 'DATE', value: '1992' },
    ],
    events: [
      {
        id: 'e1',
        docId: 'd1',
        title: 'meeting',
        date: { start: '2021-12-01', precision: 'day', text: 'December 1', source: 'text' },
        actorIds: ['a1', 'a2'],
        evidence: { start: 0, end: 34 },
      },
      {
        id: 'e2',
        docId: 'd1',
        title: 'aid',
        date: { start: '1992-06', precision: 'month', text: '1992', source: 'text' },
        actorIds: ['a3'],
        evidence: { start: 35, end: 70 },
      },
    ],
    relations: [
      {
        id: 'r1',
        source: 'a1',
        target: 'a2',
        type: 'consult',
        polarity: 'cooperation',
        negated: false,
        docId: 'd1',
        evidence: { start: 0, end: 34 },
      },
      {
        id: 'r2',
        source: 'a3',
        target: 'a4',
        type: 'aid',
        polarity: 'cooperation',
        negated: false,
        docId: 'd1',
        evidence: { start: 35, end: 70 },
      },
    ],
  };
}

const goldMap = new Map([['doc', GOLD]]);

describe('scoreSeeds on synthetic data', () => {
  it('the synthetic gold itself is consistent', () => {
    expect(checkSeedGold(GOLD, TEXT)).toEqual([]);
  });

  it('scores a perfect match as 1.0', () => {
    const d = perfect();
    expect(validateDataset(d).ok).toBe(true);
    const s = scoreSeeds(d, goldMap);
    expect(s.published).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(s.timexes.span.f1).toBe(1);
    expect(s.timexes.value.accuracy).toBe(1);
    expect(s.actors.f1).toBe(1);
    expect(s.events.sentence.f1).toBe(1);
    expect(s.events.full.f1).toBe(1);
    expect(s.relations.match.f1).toBe(1);
    expect(s.relations.direction.accuracy).toBe(1);
    expect(s.relations.negation.accuracy).toBe(1);
    expect(s.perDocument[0]?.datasetDocId).toBe('d1');
  });

  it('lowers actor recall for a missing actor and precision for a spurious one', () => {
    const d = perfect();
    d.mentions = d.mentions.filter((m) => m.actorId !== 'a2');
    d.actors.push({ id: 'a5', name: 'Phnom Penh Post', kind: 'organization', aliases: [] });
    d.mentions.push({ actorId: 'a5', docId: 'd1', start: 71, end: 75 });
    const s = scoreSeeds(d, goldMap);
    expect(s.actors.recall).toBe(0.75);
    expect(s.actors.precision).toBe(0.75);
    expect(s.perDocument[0]?.actors.missed).toEqual(['Fumio Kishida']);
    expect(s.perDocument[0]?.actors.spurious).toEqual(['Phnom Penh Post']);
  });

  it('fails the full-match variant, not the sentence variant, for a wrong date or no shared actor', () => {
    const d = perfect();
    const [e1, e2] = d.events;
    if (!e1 || !e2) throw new Error('events');
    e1.date = { ...e1.date, start: '2021-12-02' };
    e2.actorIds = ['a1'];
    const s = scoreSeeds(d, goldMap);
    expect(s.events.sentence.f1).toBe(1);
    expect(s.events.full.recall).toBe(0);
    expect(s.perDocument[0]?.events.wrongDateOrActors).toHaveLength(2);
  });

  it('treats a relation with the wrong type as a miss and a false positive', () => {
    const d = perfect();
    const r2 = d.relations[1];
    if (!r2) throw new Error('relation');
    r2.type = 'cooperate';
    const s = scoreSeeds(d, goldMap);
    expect(s.relations.match.recall).toBe(0.5);
    expect(s.relations.match.precision).toBe(0.5);
    expect(s.perDocument[0]?.relations.missed).toHaveLength(1);
    expect(s.perDocument[0]?.relations.spurious).toEqual(['Japan -cooperate-> Kingdom of Cambodia']);
  });

  it('matches a reversed or negated relation but reports direction and negation separately', () => {
    const d = perfect();
    const r1 = d.relations[0];
    if (!r1) throw new Error('relation');
    r1.source = 'a2';
    r1.target = 'a1';
    r1.negated = true;
    const s = scoreSeeds(d, goldMap);
    expect(s.relations.match.f1).toBe(1);
    expect(s.relations.direction).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(s.relations.negation).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
  });

  it('counts timex misses, spurious spans and wrong values', () => {
    const d = perfect();
    d.timexes[1] = { docId: 'd1', start: 65, end: 69, text: '1992', type: 'DATE', value: '1992-01-01' };
    d.timexes.push({ docId: 'd1', start: 71, end: 75, text: 'Logo', type: 'DATE', value: 'PRESENT_REF' });
    const s = scoreSeeds(d, goldMap);
    expect(s.timexes.span.recall).toBe(1);
    expect(s.timexes.span.precision).toBeCloseTo(2 / 3);
    expect(s.timexes.value).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
  });

  it('checks publication dates with their precision', () => {
    const d = perfect();
    const doc = d.documents[0];
    if (!doc) throw new Error('doc');
    doc.published = '2021-12';
    expect(scoreSeeds(d, goldMap).published.correct).toBe(0);
  });

  it('scores a document missing from the dataset as all misses', () => {
    const d = perfect();
    d.documents = [];
    const s = scoreSeeds(d, goldMap);
    expect(s.perDocument[0]?.datasetDocId).toBeNull();
    expect(s.actors.recall).toBe(0);
    expect(s.events.sentence.recall).toBe(0);
    expect(formatSeedTable(s)).toContain('not in dataset');
  });
});

describe('helpers', () => {
  it('normalises names for matching', () => {
    expect(normaliseName('  The  Phnom Penh Post ')).toBe(normaliseName('phnom penh post'));
    expect(normaliseName('People’s Republic of Kampuchea')).toBe(normaliseName("People's Republic of Kampuchea"));
    expect(normaliseName('Hun Sen’s')).toBe('hun sen');
    expect(normaliseName('Pompéo')).toBe('pompeo');
  });

  it('compares dates at the gold precision and within gold ranges', () => {
    expect(dateAgrees({ start: '2022', precision: 'year' }, '2022-11-03')).toBe(true);
    expect(dateAgrees({ start: '2022-03', precision: 'month' }, '2022')).toBe(false);
    expect(dateAgrees({ start: '2022-03', precision: 'month' }, '2022-03-29')).toBe(true);
    expect(dateAgrees({ start: '1950', precision: 'decade' }, '1955')).toBe(true);
    expect(dateAgrees({ start: '2022-03-21', end: '2022-03-27', precision: 'day' }, '2022-03-25')).toBe(true);
    expect(dateAgrees({ start: '2022-03-21', end: '2022-03-27', precision: 'day' }, '2022-03-28')).toBe(false);
    expect(dateAgrees({ start: '2021-12-01', precision: 'day' }, '2021-12-02')).toBe(false);
  });
});
