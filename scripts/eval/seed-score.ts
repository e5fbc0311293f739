/**
 * Scores a dataset against the hand-annotated seed gold (see seed-gold.ts and gold/GUIDE.md).
 * Every matching is one-to-one and greedy; all rates are micro-averaged over the gold documents.
 */
import path from 'node:path';
import { firstDay, lastDay, parseCalendar, toEpochDay } from '../../src/model/calendar';
import type { Dataset, DatasetEvent, DocumentRecord, Relation, Timex } from '../../src/model/schema';
import type { GoldEvent, GoldRelation, GoldTimex, SeedGold } from './seed-gold';

/** Precision/recall/F1. For one-to-one matchings `matchedGold === matchedPredicted`. */
export interface Rate {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Accuracy among matched items. */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export interface DocumentDebug {
  docId: string;
  /** Dataset document id the gold document was paired with, or null when the dataset lacks it. */
  datasetDocId: string | null;
  published: { expected: string; actual: string | null; correct: boolean };
  timexes: {
    missed: string[];
    spurious: string[];
    wrongValue: { text: string; expected: string; actual: string }[];
  };
  actors: { missed: string[]; spurious: string[] };
  events: { missed: string[]; spurious: string[]; wrongDateOrActors: string[] };
  relations: { missed: string[]; spurious: string[]; wrongDirection: string[]; wrongNegation: string[] };
}

export interface SeedScores {
  documents: number;
  published: Accuracy;
  timexes: { span: Rate; value: Accuracy };
  actors: Rate;
  events: { sentence: Rate; full: Rate };
  relations: { match: Rate; direction: Accuracy; negation: Accuracy };
  perDocument: DocumentDebug[];
}

const ratio = (a: number, b: number): number => (b === 0 ? (a === 0 ? 1 : 0) : a / b);

function rate(gold: number, predicted: number, matchedGold: number, matchedPredicted: number): Rate {
  // Predicting nothing scores precision 0 unless there was nothing to find.
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matchedPredicted / predicted;
  const recall = ratio(matchedGold, gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matchedGold, matchedPredicted, precision, recall, f1 };
}

/** Accuracy among matches; 0 when nothing matched. */
const accuracy = (correct: number, total: number): Accuracy => ({
  correct,
  total,
  accuracy: total === 0 ? 0 : correct / total,
});

/** Name normalisation for actor matching: case, whitespace, quotes, diacritics, a leading "the", a trailing 's. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s$/, '')
    .trim();
}

interface SpanLike {
  start: number;
  end: number;
}
const overlap = (a: SpanLike, b: SpanLike): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Greedy one-to-one matching: gold items in order, each takes the admissible unmatched candidate with the
 * highest score (ties: earliest). Returns gold index -> candidate index.
 */
function greedyMatch<G, P>(gold: readonly G[], pred: readonly P[], score: (g: G, p: P) => number): Map<number, number> {
  const pairs: { gi: number; pi: number; s: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = score(g, p);
      if (s > 0) pairs.push({ gi, pi, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.gi - b.gi || a.pi - b.pi);
  const out = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const { gi, pi } of pairs) {
    if (out.has(gi) || usedPred.has(pi)) continue;
    out.set(gi, pi);
    usedPred.add(pi);
  }
  return out;
}

/** True when a dataset date start agrees with a gold date at the gold precision (or falls in a gold range). */
export function dateAgrees(gold: GoldEvent['date'], actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const a = parseCalendar(actual);
  const g = parseCalendar(gold.start);
  if (!a || !g) return false;
  const needMonth = gold.precision === 'month' || gold.precision === 'day';
  const needDay = gold.precision === 'day';
  if ((needMonth && a.month === undefined) || (needDay && a.day === undefined)) return false;
  if (gold.end !== undefined) {
    const from = firstDay(gold.start);
    const to = lastDay(gold.end);
    const at = firstDay(actual);
    if (!from || !to || !at) return false;
    const day = toEpochDay(at.year, at.month, at.day);
    return day >= toEpochDay(from.year, from.month, from.day) && day <= toEpochDay(to.year, to.month, to.day);
  }
  if (gold.precision === 'decade') return Math.floor(a.year / 10) === Math.floor(g.year / 10);
  if (a.year !== g.year) return false;
  if (needMonth && a.month !== g.month) return false;
  if (needDay && a.day !== g.day) return false;
  return true;
}

function findDocument(dataset: Dataset, gold: SeedGold): DocumentRecord | undefined {
  const stem = (f: string): string => path.basename(f).replace(/\.[^.]*$/, '');
  return (
    dataset.documents.find((d) => d.id === gold.docId) ??
    dataset.documents.find((d) => path.basename(d.file) === gold.file || stem(d.file) === gold.docId)
  );
}

const clip = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Tally {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
}
const tally = (): Tally => ({ gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0 });
const add = (t: Tally, gold: number, predicted: number, matchedGold: number, matchedPredicted = matchedGold): void => {
  t.gold += gold;
  t.predicted += predicted;
  t.matchedGold += matchedGold;
  t.matchedPredicted += matchedPredicted;
};
const toRate = (t: Tally): Rate => rate(t.gold, t.predicted, t.matchedGold, t.matchedPredicted);

/** Scores `dataset` against the gold documents (documents absent from the gold are ignored). */
export function scoreSeeds(dataset: Dataset, gold: ReadonlyMap<string, SeedGold>): SeedScores {
  const actorById = new Map(dataset.actors.map((a) => [a.id, a]));
  const tTimex = tally();
  const tActors = tally();
  const tEvSentence = tally();
  const tEvFull = tally();
  const tRel = tally();
  let publishedCorrect = 0;
  let valueCorrect = 0;
  let valueTotal = 0;
  let dirCorrect = 0;
  let negCorrect = 0;
  let relMatched = 0;
  const perDocument: DocumentDebug[] = [];

  for (const g of [...gold.values()].sort((a, b) => a.docId.localeCompare(b.docId))) {
    const doc = findDocument(dataset, g);
    const docId = doc?.id;
    const debug: DocumentDebug = {
      docId: g.docId,
      datasetDocId: docId ?? null,
      published: { expected: g.published, actual: doc?.published ?? null, correct: doc?.published === g.published },
      timexes: { missed: [], spurious: [], wrongValue: [] },
      actors: { missed: [], spurious: [] },
      events: { missed: [], spurious: [], wrongDateOrActors: [] },
      relations: { missed: [], spurious: [], wrongDirection: [], wrongNegation: [] },
    };
    perDocument.push(debug);
    if (debug.published.correct) publishedCorrect++;

    // Timexes: relaxed overlap, then value equality among matches.
    const timexes: Timex[] = docId === undefined ? [] : dataset.timexes.filter((t) => t.docId === docId);
    const tm = greedyMatch<GoldTimex, Timex>(g.timexes, timexes, overlap);
    add(tTimex, g.timexes.length, timexes.length, tm.size);
    const matchedTimex = new Set(tm.values());
    g.timexes.forEach((gt, gi) => {
      const pi = tm.get(gi);
      const p = pi === undefined ? undefined : timexes[pi];
      if (!p) {
        debug.timexes.missed.push(`${gt.text} (${gt.value})`);
        return;
      }
      valueTotal++;
      if (p.value === gt.value) valueCorrect++;
      else debug.timexes.wrongValue.push({ text: gt.text, expected: gt.value, actual: p.value });
    });
    timexes.forEach((t, i) => {
      if (!matchedTimex.has(i)) debug.timexes.spurious.push(`${t.text} (${t.value})`);
    });

    // Actors: dataset actors with a mention in this document vs gold actors, by normalised name/alias.
    const goldKeys = g.actors.map((a) => new Set([a.name, ...a.aliases].map(normaliseName)));
    const docActorIds = [
      ...new Set(docId === undefined ? [] : dataset.mentions.filter((m) => m.docId === docId).map((m) => m.actorId)),
    ];
    /** Dataset actor id -> indexes of the gold actors it matches. */
    const matchesOf = new Map<string, Set<number>>();
    const goldMatchesFor = (actorId: string): Set<number> => {
      let hit = matchesOf.get(actorId);
      if (hit) return hit;
      hit = new Set<number>();
      const actor = actorById.get(actorId);
      if (actor) {
        const keys = [actor.name, ...actor.aliases].map(normaliseName);
        goldKeys.forEach((gk, gi) => {
          if (keys.some((k) => gk.has(k))) hit?.add(gi);
        });
      }
      matchesOf.set(actorId, hit);
      return hit;
    };
    const goldFound = new Set<number>();
    let predMatched = 0;
    for (const id of docActorIds) {
      const hit = goldMatchesFor(id);
      hit.forEach((gi) => goldFound.add(gi));
      if (hit.size > 0) predMatched++;
      else debug.actors.spurious.push(actorById.get(id)?.name ?? id);
    }
    g.actors.forEach((a, gi) => {
      if (!goldFound.has(gi)) debug.actors.missed.push(a.name);
    });
    add(tActors, g.actors.length, docActorIds.length, goldFound.size, predMatched);

    const goldIndex = new Map(g.actors.map((a, i) => [a.name, i]));
    const actorMatches = (actorId: string, goldName: string): boolean => {
      const gi = goldIndex.get(goldName);
      return gi !== undefined && goldMatchesFor(actorId).has(gi);
    };

    // Events: overlapping evidence (sentence variant); plus date at gold precision and one shared actor (full).
    const events: DatasetEvent[] = docId === undefined ? [] : dataset.events.filter((e) => e.docId === docId);
    const fullOk = (ge: GoldEvent, pe: DatasetEvent): boolean =>
      dateAgrees(ge.date, pe.date.start) && pe.actorIds.some((id) => ge.actors.some((n) => actorMatches(id, n)));
    const em = greedyMatch<GoldEvent, DatasetEvent>(g.events, events, (ge, pe) => overlap(ge.evidence, pe.evidence));
    const emFull = greedyMatch<GoldEvent, DatasetEvent>(g.events, events, (ge, pe) =>
      fullOk(ge, pe) ? overlap(ge.evidence, pe.evidence) : 0,
    );
    add(tEvSentence, g.events.length, events.length, em.size);
    add(tEvFull, g.events.length, events.length, emFull.size);
    const matchedEvents = new Set(em.values());
    g.events.forEach((ge, gi) => {
      const label = `${ge.title} [${ge.date.start}${ge.date.end ? '..' + ge.date.end : ''} ${ge.date.precision}]`;
      if (!em.has(gi)) debug.events.missed.push(label);
      else if (!emFull.has(gi)) {
        const pe = events[em.get(gi) ?? -1];
        debug.events.wrongDateOrActors.push(`${label} <- ${pe ? `${pe.title} [${pe.date.start}]` : '?'}`);
      }
    });
    events.forEach((e, i) => {
      if (!matchedEvents.has(i)) debug.events.spurious.push(`${clip(e.title)} [${e.date.start}]`);
    });

    // Relations: overlapping evidence + same unordered actor pair + same type.
    const relations: Relation[] = docId === undefined ? [] : dataset.relations.filter((r) => r.docId === docId);
    const forward = (gr: GoldRelation, pr: Relation): boolean =>
      actorMatches(pr.source, gr.source) && actorMatches(pr.target, gr.target);
    const backward = (gr: GoldRelation, pr: Relation): boolean =>
      actorMatches(pr.source, gr.target) && actorMatches(pr.target, gr.source);
    const rm = greedyMatch<GoldRelation, Relation>(g.relations, relations, (gr, pr) => {
      if (gr.type !== pr.type) return 0;
      const ov = overlap(gr.evidence, pr.evidence);
      if (ov === 0) return 0;
      if (forward(gr, pr)) return ov + 0.5;
      return backward(gr, pr) ? ov : 0;
    });
    add(tRel, g.relations.length, relations.length, rm.size);
    const name = (id: string): string => actorById.get(id)?.name ?? id;
    const matchedRelations = new Set(rm.values());
    g.relations.forEach((gr, gi) => {
      const label = `${gr.source} -${gr.type}${gr.negated ? ' (negated)' : ''}-> ${gr.target}: ${clip(gr.evidence.text ?? '', 50)}`;
      const pr = relations[rm.get(gi) ?? -1];
      if (!pr) {
        debug.relations.missed.push(label);
        return;
      }
      relMatched++;
      if (forward(gr, pr)) dirCorrect++;
      else debug.relations.wrongDirection.push(label);
      if (pr.negated === gr.negated) negCorrect++;
      else debug.relations.wrongNegation.push(label);
    });
    relations.forEach((r, i) => {
      if (!matchedRelations.has(i)) {
        debug.relations.spurious.push(
          `${name(r.source)} -${r.type}${r.negated ? ' (negated)' : ''}-> ${name(r.target)}`,
        );
      }
    });
  }

  return {
    documents: gold.size,
    published: accuracy(publishedCorrect, gold.size),
    timexes: { span: toRate(tTimex), value: accuracy(valueCorrect, valueTotal) },
    actors: toRate(tActors),
    events: { sentence: toRate(tEvSentence), full: toRate(tEvFull) },
    relations: {
      match: toRate(tRel),
      direction: accuracy(dirCorrect, relMatched),
      negation: accuracy(negCorrect, relMatched),
    },
    perDocument,
  };
}

const f2 = (n: number): string => n.toFixed(2);

/** A readable aligned table of the scores, then a short per-document breakdown. */
export function formatSeedTable(scores: SeedScores): string {
  const rows: [string, string, string, string, string][] = [['metric', 'P', 'R', 'F1', 'counts']];
  const rateRow = (label: string, r: Rate): void => {
    rows.push([
      label,
      f2(r.precision),
      f2(r.recall),
      f2(r.f1),
      `gold ${r.gold}, predicted ${r.predicted}, matched ${r.matchedGold}/${r.matchedPredicted}`,
    ]);
  };
  const accRow = (label: string, a: Accuracy): void => {
    rows.push([label, '', '', f2(a.accuracy), `${a.correct}/${a.total} correct`]);
  };
  accRow('publication dates', scores.published);
  rateRow('timex spans (overlap)', scores.timexes.span);
  accRow('timex values (matched)', scores.timexes.value);
  rateRow('actors', scores.actors);
  rateRow('events (sentence)', scores.events.sentence);
  rateRow('events (full match)', scores.events.full);
  rateRow('relations', scores.relations.match);
  accRow('relation direction', scores.relations.direction);
  accRow('relation negation', scores.relations.negation);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0))) ?? [];
  const line = (r: string[]): string =>
    r
      .map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  out.push('', 'per document (missed / spurious):');
  for (const d of scores.perDocument) {
    out.push(
      `  ${d.docId}${d.datasetDocId === null ? ' (not in dataset)' : ''}: published ${d.published.correct ? 'ok' : `${d.published.actual ?? 'none'} != ${d.published.expected}`}` +
        `; timexes ${d.timexes.missed.length}/${d.timexes.spurious.length} (${d.timexes.wrongValue.length} wrong values)` +
        `; actors ${d.actors.missed.length}/${d.actors.spurious.length}` +
        `; events ${d.events.missed.length}/${d.events.spurious.length} (${d.events.wrongDateOrActors.length} wrong date/actors)` +
        `; relations ${d.relations.missed.length}/${d.relations.spurious.length}`,
    );
  }
  return out.join('\n');
}
