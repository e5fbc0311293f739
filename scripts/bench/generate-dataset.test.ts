import { describe, expect, it } from 'vitest';
import { RELATION_TYPES, POLARITIES, PRECISIONS, validateDataset, formatIssues } from '../../src/model/schema';
import { countsFor, generateDataset, mulberry32, serialise } from './generate-dataset';

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe('generateDataset', () => {
  const dataset = generateDataset({ events: 2000, seed: 7 });

  it('gives identical output for the same seed and different output for another', () => {
    expect(serialise(generateDataset({ events: 2000, seed: 7 }))).toBe(serialise(dataset));
    expect(serialise(generateDataset({ events: 2000, seed: 8 }))).not.toBe(serialise(dataset));
  });

  it('validates', () => {
    const result = validateDataset(JSON.parse(serialise(dataset)));
    expect(result.ok ? '' : formatIssues(result.issues)).toBe('');
    for (const events of [1, 7, 150]) {
      const small = validateDataset(generateDataset({ events, seed: 3 }));
      expect(small.ok ? '' : formatIssues(small.issues)).toBe('');
    }
  });

  it('keeps events : actors : relations : documents = 100 : 10 : 100 : 3', () => {
    expect(dataset.events).toHaveLength(2000);
    expect(dataset.actors).toHaveLength(200);
    expect(dataset.relations).toHaveLength(2000);
    expect(dataset.documents).toHaveLength(60);
    expect(countsFor(100_000)).toEqual({ events: 100_000, actors: 10_000, relations: 100_000, documents: 3000 });
  });

  it('has hubs (Zipf-like popularity)', () => {
    const degree = new Map<string, number>();
    for (const r of dataset.relations) {
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((x, y) => y - x);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted[0]).toBeGreaterThan(10 * median);
  });

  it('points evidence, mentions and timexes at the real text', () => {
    const docs = new Map(dataset.documents.map((d) => [d.id, d.text]));
    const names = new Map(dataset.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
    for (const m of dataset.mentions) {
      expect(names.get(m.actorId)).toContain(docs.get(m.docId)?.slice(m.start, m.end));
    }
    for (const t of dataset.timexes) expect(docs.get(t.docId)?.slice(t.start, t.end)).toBe(t.text);
    for (const e of dataset.events) {
      const sentence = docs.get(e.docId)?.slice(e.evidence.start, e.evidence.end) ?? '';
      expect(sentence).toMatch(/\.$/);
      expect(sentence).toContain(e.date.text);
    }
    expect(dataset.mentions.length / dataset.events.length).toBeGreaterThan(2);
  });

  it('covers every relation type, polarity and precision, with some negated relations', () => {
    expect(new Set(dataset.relations.map((r) => r.type))).toEqual(new Set(RELATION_TYPES));
    expect(new Set(dataset.relations.map((r) => r.polarity))).toEqual(new Set(POLARITIES));
    const precisions = dataset.events.map((e) => e.date.precision);
    expect(new Set(precisions)).toEqual(new Set(PRECISIONS));
    expect(precisions.filter((p) => p === 'day').length).toBeGreaterThan(dataset.events.length / 2);
    const negated = dataset.relations.filter((r) => r.negated).length;
    expect(negated).toBeGreaterThan(0);
    expect(negated).toBeLessThan(dataset.relations.length / 4);
    const years = dataset.events.map((e) => Number(e.date.start.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(15);
  });

  it('can leave timexes out', () => {
    const lean = generateDataset({ events: 300, seed: 7, timexes: false });
    expect(lean.timexes).toHaveLength(0);
    expect(validateDataset(lean).ok).toBe(true);
  });
});
