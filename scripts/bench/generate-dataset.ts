/**
 * Seeded synthetic dataset for the benchmarks (docs: /work/shared/guides/performance.md §6).
 *
 * `tsx scripts/bench/generate-dataset.ts --events 10000 --seed 1 --out /tmp/events-10000.json [--pretty] [--no-timexes]`
 *
 * events : actors : relations : documents = 100 : 10 : 100 : 3. Actor popularity is Zipf-like (s = 1), so hubs exist.
 * Every document text is built from generated sentences, one per event, so each event's evidence span, each
 * mention, each timex and each relation's evidence point at real text. Dates cover 2004–2023 with mostly day
 * precision and some month, year and decade dates. Each relation points at its event (`eventId`) and carries no
 * date of its own (readers fall back to the event's date), which keeps 100k events near the app's 64 MB cap.
 * Same options, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringify from 'safe-stable-stringify';
import {
  RELATION_TYPES,
  SCHEMA_VERSION,
  type Actor,
  type ActorKind,
  type Dataset,
  type DatasetEvent,
  type DocumentRecord,
  type EventDate,
  type Mention,
  type Polarity,
  type Relation,
  type RelationType,
  type Timex,
} from '../../src/model/schema';
import { daysInMonth } from '../../src/model/calendar';
import { MONTH_NAMES } from '../../src/model/calendar';

export interface GenerateOptions {
  events: number;
  seed?: number;
  /** Dataset name; default "Synthetic <n> events (seed <s>)". */
  name?: string;
  /** Tag every date expression as a timex (default true); off keeps 100k events under the app's 64 MB cap. */
  timexes?: boolean;
}

/** Ratios from performance.md §6: per 100 events. */
export const RATIO = { events: 100, actors: 10, relations: 100, documents: 3 } as const;

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts of each collection for a number of events. */
export function countsFor(events: number): { events: number; actors: number; relations: number; documents: number } {
  const n = Math.max(1, Math.floor(events));
  return {
    events: n,
    actors: Math.max(2, Math.round((n * RATIO.actors) / RATIO.events)),
    relations: Math.round((n * RATIO.relations) / RATIO.events),
    documents: Math.max(1, Math.round((n * RATIO.documents) / RATIO.events)),
  };
}

const MONTHS = MONTH_NAMES;
const SYLLABLES = [
  'ka', 'ro', 'mi', 'tan', 'sel', 'vo', 'dri', 'lu', 'ben', 'sa', 'tor', 'ne', 'pla', 'gu', 'rin', 'zo',
  'mar', 'hel', 'qui', 'do', 'fen', 'ya', 'bri', 'co', 'lem', 'ost', 'pa', 'ver', 'ni', 'kal', 'um', 'dar',
]; // prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Boris', 'Chen', 'Dara', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kiri', 'Lena', 'Malik',
  'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoran',
]; // prettier-ignore
const KIND_SHARES: [ActorKind, number][] = [
  ['person', 0.4],
  ['country', 0.15],
  ['organization', 0.25],
  ['group', 0.1],
  ['place', 0.05],
  ['other', 0.05],
];
const ORG_SUFFIXES = ['Ministry', 'Council', 'Federation', 'Corporation', 'Institute', 'Agency'];
const GROUP_SUFFIXES = ['Movement', 'Front', 'Alliance', 'Union'];

/** Verb phrases per relation type: [affirmed, negated]; the target follows. */
const PHRASES: Record<RelationType, [string, string]> = {
  consult: ['held talks with', 'did not hold talks with'],
  support: ['voiced support for', 'did not voice support for'],
  cooperate: ['signed a cooperation agreement with', 'did not sign a cooperation agreement with'],
  aid: ['sent humanitarian aid to', 'did not send aid to'],
  request: ['asked for assistance from', 'did not ask for assistance from'],
  criticize: ['sharply criticized', 'did not criticize'],
  attack: ['launched an attack on', 'did not attack'],
  affiliation: ['is a member of', 'is not a member of'],
};
const POLARITY: Record<RelationType, Polarity> = {
  consult: 'neutral',
  support: 'cooperation',
  cooperate: 'cooperation',
  aid: 'cooperation',
  request: 'neutral',
  criticize: 'conflict',
  attack: 'conflict',
  affiliation: 'neutral',
};
const FIRST_YEAR = 2004;
const LAST_YEAR = 2023;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A unique pronounceable stem for each index (bijective base-32 over syllables, scrambled by the seed). */
function stem(index: number, scramble: number): string {
  let i = index + 1;
  let out = '';
  let k = scramble;
  while (i > 0) {
    i -= 1;
    out += SYLLABLES[(i + k) % SYLLABLES.length];
    i = Math.floor(i / SYLLABLES.length);
    k = (k * 7 + 3) % SYLLABLES.length;
  }
  // At least two syllables, so every stem reads as a name.
  if (index < SYLLABLES.length) out += SYLLABLES[(index * 5 + scramble) % SYLLABLES.length];
  return capitalize(out);
}

function pickKind(r: number): ActorKind {
  let acc = 0;
  for (const [kind, share] of KIND_SHARES) {
    acc += share;
    if (r < acc) return kind;
  }
  return 'other';
}

function makeActor(index: number, rng: () => number, scramble: number, width: number): Actor {
  const s = stem(index, scramble);
  const kind = pickKind(rng());
  const id = `a${pad(index, width)}`;
  switch (kind) {
    case 'person': {
      const first = FIRST_NAMES[Math.floor(rng() * FIRST_NAMES.length)] ?? 'Anna';
      return { id, name: `${first} ${s}`, kind, aliases: [s] };
    }
    case 'country':
      return { id, name: `${s}ia`, kind, aliases: rng() < 0.5 ? [`Republic of ${s}ia`] : [] };
    case 'organization': {
      const name = `${s} ${ORG_SUFFIXES[Math.floor(rng() * ORG_SUFFIXES.length)] ?? 'Agency'}`;
      const acronym = name
        .split(' ')
        .map((w) => w.charAt(0))
        .join('');
      return { id, name, kind, aliases: rng() < 0.5 ? [`${acronym}${pad(index, 1)}`] : [] };
    }
    case 'group':
      return {
        id,
        name: `${s} ${GROUP_SUFFIXES[Math.floor(rng() * GROUP_SUFFIXES.length)] ?? 'Front'}`,
        kind,
        aliases: [],
      };
    case 'place':
      return { id, name: `Port ${s}`, kind, aliases: [] };
    default:
      return { id, name: `${s} Project`, kind, aliases: [] };
  }
}

/** Zipf-like sampler over ranks 0..n-1 (weight 1 / (rank + 1)^s). */
function zipfSampler(n: number, s: number, rng: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, s);
    cumulative[i] = total;
  }
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface DayDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 2004-01-01 → calendar parts, without Date string parsing. */
function dayFromOrdinal(ordinal: number): DayDate {
  const d = new Date(Date.UTC(FIRST_YEAR, 0, 1) + ordinal * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
const TOTAL_DAYS = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000);

interface DatePhrase {
  date: EventDate;
  /** Words around the expression: "on March 28, 2012". */
  lead: string;
  expression: string;
  timexValue: string;
}

function makeDate(day: DayDate, r: number): DatePhrase {
  const { year, month } = day;
  const monthName = MONTHS[month - 1] ?? 'January';
  if (r < 0.7) {
    const expression = `${monthName} ${day.day}, ${year}`;
    const start = `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(day.day, daysInMonth(year, month)), 2)}`;
    return {
      date: { start, precision: 'day', text: expression, source: 'text' },
      lead: 'on',
      expression,
      timexValue: start,
    };
  }
  if (r < 0.85) {
    const expression = `${monthName} ${year}`;
    const start = `${pad(year, 4)}-${pad(month, 2)}`;
    return {
      date: { start, precision: 'month', text: expression, source: 'text' },
      lead: 'in',
      expression,
      timexValue: start,
    };
  }
  if (r < 0.95) {
    const expression = String(year);
    return {
      date: { start: pad(year, 4), precision: 'year', text: expression, source: 'text' },
      lead: 'in',
      expression,
      timexValue: pad(year, 4),
    };
  }
  const decade = Math.floor(year / 10) * 10;
  const expression = `the ${decade}s`;
  return {
    date: { start: pad(decade, 4), end: pad(decade + 9, 4), precision: 'decade', text: expression, source: 'text' },
    lead: 'during',
    expression,
    timexValue: pad(decade / 10, 3),
  };
}

/** Builds a text piece by piece and records the offsets of the pieces that matter. */
class TextBuilder {
  text = '';
  add(piece: string): { start: number; end: number } {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
}

/** Generates a valid synthetic dataset. Deterministic in (events, seed, name). */
export function generateDataset(options: GenerateOptions): Dataset {
  const seed = options.seed ?? 1;
  const withTimexes = options.timexes ?? true;
  const rng = mulberry32(seed);
  const counts = countsFor(options.events);
  const scramble = Math.floor(rng() * SYLLABLES.length);

  const actorWidth = String(counts.actors - 1).length;
  const actors: Actor[] = [];
  for (let i = 0; i < counts.actors; i++) actors.push(makeActor(i, rng, scramble, actorWidth));
  const sampleActor = zipfSampler(counts.actors, 1, rng);
  const pickOther = (not: readonly number[]): number => {
    for (let tries = 0; tries < 8; tries++) {
      const a = sampleActor();
      if (!not.includes(a)) return a;
    }
    let a = (not[0] ?? 0) + 1;
    while (not.includes(a % counts.actors)) a++;
    return a % counts.actors;
  };

  const docWidth = String(counts.documents - 1).length;
  const eventWidth = String(counts.events - 1).length;
  const documents: DocumentRecord[] = [];
  const mentions: Mention[] = [];
  const timexes: Timex[] = [];
  const events: DatasetEvent[] = [];
  const relations: Relation[] = [];

  let eventIndex = 0;
  for (let d = 0; d < counts.documents; d++) {
    const docId = `d${pad(d, docWidth)}`;
    const eventsHere = Math.floor(((d + 1) * counts.events) / counts.documents) - eventIndex;
    const published = dayFromOrdinal(Math.floor(rng() * TOTAL_DAYS));
    const publishedOrdinal = Math.round(
      (Date.UTC(published.year, published.month - 1, published.day) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000,
    );
    const tb = new TextBuilder();
    const headlineActors: string[] = [];

    for (let k = 0; k < eventsHere; k++, eventIndex++) {
      if (k > 0) tb.add(k % 5 === 0 ? '\n\n' : ' ');
      const eventId = `e${pad(eventIndex, eventWidth)}`;
      const a = sampleActor();
      const b = pickOther([a]);
      const withThird = rng() < 0.3 && counts.actors >= 3;
      const c = withThird ? pickOther([a, b]) : -1;
      const type = RELATION_TYPES[Math.floor(rng() * RELATION_TYPES.length)] ?? 'consult';
      const negated = rng() < 0.1;
      // Most events happen in the three years before the article was published.
      const ordinal = Math.max(0, publishedOrdinal - Math.floor(rng() * rng() * 3 * 365));
      const phrase = makeDate(dayFromOrdinal(ordinal), rng());
      const actorA = actors[a] as Actor;
      const actorB = actors[b] as Actor;
      const useAlias = (actor: Actor): string =>
        actor.aliases.length > 0 && rng() < 0.2 ? (actor.aliases[0] as string) : actor.name;

      const sentenceStart = tb.text.length;
      const dateFirst = rng() < 0.5;
      const timexSpans: { start: number; end: number }[] = [];
      if (dateFirst) {
        tb.add(`${capitalize(phrase.lead)} `);
        timexSpans.push(tb.add(phrase.expression));
        tb.add(', ');
      }
      const spanA = tb.add(useAlias(actorA));
      let spanC: { start: number; end: number } | undefined;
      if (withThird) {
        tb.add(', together with ');
        spanC = tb.add(useAlias(actors[c] as Actor));
        tb.add(',');
      }
      tb.add(` ${PHRASES[type][negated ? 1 : 0]} `);
      const spanB = tb.add(useAlias(actorB));
      if (!dateFirst) {
        tb.add(` ${phrase.lead} `);
        timexSpans.push(tb.add(phrase.expression));
      }
      tb.add('.');
      const evidence = { start: sentenceStart, end: tb.text.length };

      mentions.push({ actorId: actorA.id, docId, ...spanA });
      if (spanC) mentions.push({ actorId: (actors[c] as Actor).id, docId, ...spanC });
      mentions.push({ actorId: actorB.id, docId, ...spanB });
      for (const span of withTimexes ? timexSpans : []) {
        timexes.push({ docId, ...span, text: phrase.expression, type: 'DATE', value: phrase.timexValue });
      }
      const actorIds = withThird ? [actorA.id, actorB.id, (actors[c] as Actor).id] : [actorA.id, actorB.id];
      events.push({
        id: eventId,
        docId,
        title: `${actorA.name} ${negated ? 'not ' : ''}${type} ${actorB.name}`,
        date: phrase.date,
        actorIds,
        evidence,
      });
      relations.push({
        id: `r${pad(eventIndex, eventWidth)}`,
        source: actorA.id,
        target: actorB.id,
        type,
        polarity: POLARITY[type],
        negated,
        docId,
        eventId,
        evidence,
      });
      if (headlineActors.length < 2) headlineActors.push(actorA.name);
    }
    documents.push({
      id: docId,
      file: `${docId}.txt`,
      title: headlineActors.length > 0 ? `Report: ${headlineActors.join(' and ')}` : `Report ${d}`,
      source: 'Synthetic Wire',
      published: `${pad(published.year, 4)}-${pad(published.month, 2)}-${pad(published.day, 2)}`,
      publishedFrom: 'metadata',
      text: tb.text.length > 0 ? tb.text : 'No events were reported.',
    });
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    name: options.name ?? `Synthetic ${counts.events} events (seed ${seed})`,
    documents,
    actors,
    mentions,
    timexes,
    events,
    relations,
  };
}

/** Deterministic JSON (sorted keys); compact unless `pretty`. */
export function serialise(dataset: Dataset, pretty = false): string {
  return `${pretty ? stringify(dataset, null, 2) : stringify(dataset)}\n`;
}

/** Generates and writes a dataset file; returns its size in bytes. */
export function writeDataset(file: string, options: GenerateOptions, pretty = false): number {
  const json = serialise(generateDataset(options), pretty);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, json);
  return Buffer.byteLength(json);
}

const USAGE =
  'Usage: tsx scripts/bench/generate-dataset.ts --events <n> [--seed <n>] --out <file> [--pretty] [--no-timexes]';

function main(argv: readonly string[]): number {
  let events = 10_000;
  let seed = 1;
  let out: string | undefined;
  let pretty = false;
  let timexes = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--events' && value) {
      events = Number(value);
      i++;
    } else if (arg === '--seed' && value) {
      seed = Number(value);
      i++;
    } else if (arg === '--out' && value) {
      out = value;
      i++;
    } else if (arg === '--pretty') {
      pretty = true;
    } else if (arg === '--no-timexes') {
      timexes = false;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`generate-dataset: unknown or incomplete argument ${arg ?? ''}\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isInteger(events) || events < 1 || !Number.isInteger(seed) || !out) {
    console.error(`generate-dataset: --events must be a positive integer, --seed an integer, --out a file\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const bytes = writeDataset(out, { events, seed, timexes }, pretty);
  console.log(
    `generate-dataset: wrote ${out}: ${events} events, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
