import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fc, test } from '@fast-check/vitest';
import stringify from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../../src/model/schema';
import { parseMetadataCsv } from './input';
import { buildEvents } from './events';
import { extract, type ArticleInput } from './pipeline';
import { analyseDocument, type ActorInfo, type ActorMention, type SentenceSpan } from './relations-analysis';
import { buildRelations } from './relations';

const ACTORS: ActorInfo[] = [
  { id: 'hun-sen', name: 'Hun Sen', kind: 'person' },
  { id: 'jpn', name: 'Japan', kind: 'country' },
  { id: 'rus', name: 'Russia', kind: 'country' },
  { id: 'ukr', name: 'Ukraine', kind: 'country' },
];
const NAMES: [string, string][] = [
  ['Hun Sen', 'hun-sen'],
  ['Japan', 'jpn'],
  ['Russia', 'rus'],
  ['Ukraine', 'ukr'],
];

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

function seedArticles(): ArticleInput[] {
  const csv = parseMetadataCsv(readFileSync(path.join(SEEDS, 'documents.csv'), 'utf8'));
  const meta = new Map(csv.ok ? csv.rows.map((r) => [r.file, r]) : []);
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const m = meta.get(file);
      const text = readFileSync(path.join(SEEDS, file), 'utf8');
      return m ? { file, text, meta: m } : { file, text };
    });
}

const serialise = (d: Dataset): string => `${stringify(d, null, 2)}\n`;
const articles = seedArticles();
const baseline = extract(articles);
const baselineBytes = serialise(baseline);

describe('pipeline on the seeds', () => {
  it('produces a valid dataset with events and relations', () => {
    const result = validateDataset(JSON.parse(baselineBytes));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(baseline.events.length).toBeGreaterThan(30);
    expect(baseline.relations.length).toBeGreaterThan(20);
  });

  it('slices every mention, timex and evidence inside its document', () => {
    const texts = new Map(baseline.documents.map((d) => [d.id, d.text]));
    for (const t of baseline.timexes) expect(texts.get(t.docId)!.slice(t.start, t.end)).toBe(t.text);
    for (const m of baseline.mentions) expect(m.end).toBeLessThanOrEqual(texts.get(m.docId)!.length);
    for (const x of [...baseline.events, ...baseline.relations]) {
      const text = texts.get(x.docId)!;
      expect(x.evidence.start).toBeLessThan(x.evidence.end);
      expect(text.slice(x.evidence.start, x.evidence.end).trim().length).toBeGreaterThan(0);
    }
  });

  it("links every relation to the event of its sentence, with that event's date", () => {
    const events = new Map(baseline.events.map((e) => [e.id, e]));
    for (const r of baseline.relations) {
      if (r.eventId === undefined) continue;
      const e = events.get(r.eventId)!;
      expect(e.evidence).toEqual(r.evidence);
      expect(r.date).toEqual(e.date);
    }
  });

  it('keeps titles short and never the whole sentence', () => {
    const texts = new Map(baseline.documents.map((d) => [d.id, d.text]));
    for (const e of baseline.events) {
      expect(e.title.length).toBeLessThanOrEqual(80);
      expect(e.title).not.toBe(texts.get(e.docId)!.slice(e.evidence.start, e.evidence.end));
    }
  });

  test.prop([fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length })], {
    numRuns: 5,
  })('is byte-identical whatever order the files are listed in', (shuffled) => {
    expect(serialise(extract(shuffled))).toBe(baselineBytes);
  });

  it('is deterministic from run to run', () => {
    expect(serialise(extract(articles))).toBe(baselineBytes);
  });

  // wink-nlp's tokenizer consults a lexeme cache that grows with every document: "Qzbek’s," once made a later
  // "Qzbek’s team" one token, and the person was lost. A document's output must not depend on what came before.
  it('gives a document the same output whatever was extracted before it in the process', () => {
    const article: ArticleInput = {
      file: 'a.txt',
      text: 'Says Qzbek’s plan was backed by Mr. Tovar Qzbek’s team in Lisbon, and by Ruvane-Ilks.',
    };
    const before = serialise(extract([article]));
    extract([{ file: 'x.txt', text: 'Qzbek’s, Tovar’s, Ruvane-Ilks’s, and Lisbon’s. Ruvane-Ilks, said.' }]);
    const after = serialise(extract([article]));
    expect(after).toBe(before);
    expect(after).toContain('person:tovar-qzbek');
  });
});

// Budgets catch super-linear blow-ups (minutes), not ordinary slowness: CI machines are shared. Speed is measured
// by `npm run bench:extract`, not here.
describe('pipeline robustness', () => {
  test.prop([fc.string({ maxLength: 50_000 })], { numRuns: 30 })(
    'extracts any string under 50,000 characters within a time budget',
    (text) => {
      const started = performance.now();
      const d = extract([{ file: 'x.txt', text, meta: { file: 'x.txt', published: '2022-01-01' } }]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(validateDataset(JSON.parse(serialise(d))).ok).toBe(true);
    },
  );

  test.prop(
    [
      fc.array(
        fc.constantFrom(
          'Hun Sen ',
          'thanked ',
          'Japan ',
          'and ',
          'Russia ',
          'invaded ',
          'Ukraine',
          '. ',
          ', ',
          '\u201c',
          '\u201d',
          'he ',
          'not ',
          'on March 3 ',
          '\n',
          '\r\n',
          '\u{1F600}',
        ),
        { maxLength: 400 },
      ),
    ],
    { numRuns: 50 },
  )('word salad of cue words stays valid', (parts) => {
    const text = `x${parts.join('')}`;
    const d = extract([{ file: 'x.txt', text, meta: { file: 'x.txt', published: '2022-01-01' } }]);
    const result = validateDataset(JSON.parse(serialise(d)));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('events and relations handle a 5 MB single-line article in linear time', () => {
    // The layer on its own (actors and dates are timed by their own tests): synthetic sentences and mentions.
    const unit = 'Hun Sen thanked Japan for its help on March 3 and Russia invaded Ukraine, he said. ';
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const sentences: SentenceSpan[] = [];
    const mentions: ActorMention[] = [];
    for (let at = 0, i = 0; at < text.length; at += unit.length, i++) {
      sentences.push({ start: at, end: at + unit.length - 1, paragraph: 0 });
      for (const [surface, actorId] of NAMES) {
        const start = at + unit.indexOf(surface);
        mentions.push({ actorId, start, end: start + surface.length });
      }
    }
    const started = performance.now();
    const analyses = analyseDocument(text, sentences, mentions, ACTORS);
    const { events, bySentence } = buildEvents('big', text, analyses, [], ACTORS, '2022-01-01');
    const relations = buildRelations('big', analyses, bySentence);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(events.length).toBe(sentences.length);
    expect(relations.length).toBeGreaterThan(sentences.length);
    // One unpunctuated line: no evidence a reader could check, so nothing, quickly.
    const line = 'Hun Sen thanked Japan '.repeat(250_000);
    const t0 = performance.now();
    const flat = analyseDocument(line, [{ start: 0, end: line.length, paragraph: 0 }], [], ACTORS);
    expect(flat[0]!.predications).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  }, 120_000);
});
