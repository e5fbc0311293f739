/**
 * Test fixtures for events and relations: a tiny gazetteer-driven mention finder and sentence splitter, so the
 * unit tests do not depend on the actor and sentence extractors.
 */
import type { ActorKind, DatasetEvent, Relation } from '../../src/model/schema';
import { buildEvents, type DatedTimex } from './events';
import { analyseDocument, type ActorInfo, type ActorMention, type SentenceSpan } from './relations-analysis';
import { buildRelations } from './relations';

export interface FixtureActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Surface forms; the name is always one. */
  surfaces?: string[];
}

export const WORLD: FixtureActor[] = [
  { id: 'hun-sen', name: 'Hun Sen', kind: 'person' },
  { id: 'kishida', name: 'Fumio Kishida', kind: 'person', surfaces: ['Kishida'] },
  { id: 'zelensky', name: 'Volodymyr Zelensky', kind: 'person', surfaces: ['Zelensky'] },
  { id: 'pompeo', name: 'Mike Pompeo', kind: 'person' },
  { id: 'wang-yi', name: 'Wang Yi', kind: 'person' },
  { id: 'rim-sokvy', name: 'Rim Sokvy', kind: 'person' },
  { id: 'maria-lopez', name: 'Maria Lopez', kind: 'person', surfaces: ['Lopez'] },
  { id: 'khm', name: 'Cambodia', kind: 'country', surfaces: ['Cambodian'] },
  { id: 'jpn', name: 'Japan', kind: 'country', surfaces: ['Japanese'] },
  { id: 'ukr', name: 'Ukraine', kind: 'country', surfaces: ['Ukrainian'] },
  { id: 'rus', name: 'Russia', kind: 'country', surfaces: ['Russian'] },
  { id: 'usa', name: 'United States', kind: 'country', surfaces: ['U.S.'] },
  { id: 'chn', name: 'China', kind: 'country', surfaces: ['Chinese'] },
  { id: 'fra', name: 'France', kind: 'country', surfaces: ['French'] },
  { id: 'asean', name: 'ASEAN', kind: 'organization' },
  { id: 'thinker', name: 'The Thinker Cambodia', kind: 'organization' },
  { id: 'mfa', name: 'Ministry of Foreign Affairs', kind: 'organization' },
  { id: 'cdc', name: 'Cambodia Development Centre', kind: 'organization' },
];

/** Every occurrence of every surface, longest match first, no overlaps. */
export function findMentions(text: string, world: readonly FixtureActor[] = WORLD): ActorMention[] {
  const forms = world
    .flatMap((a) => [a.name, ...(a.surfaces ?? [])].map((s) => ({ s, id: a.id })))
    .sort((x, y) => y.s.length - x.s.length);
  const taken: ActorMention[] = [];
  for (const { s, id } of forms) {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      const end = at + s.length;
      const boundary = !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[end] ?? ' ');
      if (boundary && !taken.some((m) => m.start < end && at < m.end)) taken.push({ actorId: id, start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** One sentence per ". " / line, paragraphs = lines. Good enough for fixtures. */
export function simpleSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = lineStart;
    const lineEnd = lineStart + line.length;
    for (let i = lineStart; i < lineEnd; i++) {
      if (text[i] === '.' && (i + 1 === lineEnd || text[i + 1] === ' ') && !/[A-Z]\.$/.test(text.slice(i - 2, i + 1))) {
        while (text[start] === ' ') start++;
        if (i + 1 > start) out.push({ start, end: i + 1, paragraph });
        start = i + 1;
      }
    }
    while (text[start] === ' ') start++;
    if (lineEnd > start) out.push({ start, end: lineEnd, paragraph });
    if (line.trim()) paragraph++;
    lineStart = lineEnd + 1;
  }
  return out;
}

export interface FixtureResult {
  events: DatasetEvent[];
  relations: Relation[];
}

/** Runs events and relations on a text with fixture mentions and the given timexes. */
export function runFixture(
  text: string,
  options: { timexes?: DatedTimex[]; published?: string | null; world?: FixtureActor[] } = {},
): FixtureResult {
  const world = options.world ?? WORLD;
  const actors: ActorInfo[] = world.map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
  const sentences = simpleSentences(text);
  const mentions = findMentions(text, world);
  const analyses = analyseDocument(text, sentences, mentions, actors);
  const published = options.published === undefined ? '2022-03-29' : options.published;
  const { events, bySentence } = buildEvents('d', text, analyses, options.timexes ?? [], actors, published);
  return { events, relations: buildRelations('d', analyses, bySentence) };
}

/** A timex on the first occurrence of `expr` in `text`. */
export function timexOf(
  text: string,
  expr: string,
  start: string,
  precision: 'day' | 'month' | 'year' = 'day',
): DatedTimex {
  const at = text.indexOf(expr);
  if (at < 0) throw new Error(`no "${expr}" in fixture`);
  return { start: at, end: at + expr.length, text: expr, type: 'DATE', date: { start, precision } };
}

/** Compact "source type target" strings (with "!" for negated). */
export function triples(relations: readonly Relation[]): string[] {
  return relations.map((r) => `${r.source} ${r.negated ? '!' : ''}${r.type} ${r.target}`);
}
