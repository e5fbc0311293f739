/**
 * Hand-annotated gold for the five seed articles (scripts/eval/gold/<doc id>.json, see gold/GUIDE.md):
 * the zod shape of a gold file and a loader that checks every offset against the text in seeds/.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isCalendarString } from '../../src/model/calendar';
import {
  ACTOR_KINDS,
  FURNITURE_KINDS,
  POLARITIES,
  PRECISIONS,
  RELATION_TYPES,
  TIMEX_TYPES,
} from '../../src/model/schema';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Default location of the gold files. */
export const GOLD_DIR = path.join(HERE, 'gold');
/** Default location of the seed articles the gold offsets point into. */
export const SEEDS_DIR = path.resolve(HERE, '../../seeds');

const offset = z.number().int().nonnegative();
const calendar = z.string().refine(isCalendarString, { message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });
const span = z.strictObject({ start: offset, end: offset });
/** An evidence span; `text` (the sentence) is stored so the gold can be checked against the seed text. */
const evidence = span.extend({ text: z.string().min(1).optional() });

const goldTimexSchema = z.strictObject({
  start: offset,
  end: offset,
  text: z.string().min(1),
  type: z.enum(TIMEX_TYPES),
  value: z.string().min(1),
});

const goldActorSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(ACTOR_KINDS),
  /** Every surface form that names the actor (matching uses name + aliases). */
  aliases: z.array(z.string().min(1)),
  /** Surface strings as they appear in the body (names, demonyms, metonyms, descriptions; no pronouns). */
  mentions: z.array(z.string().min(1)).min(1),
});

const goldEventSchema = z.strictObject({
  evidence,
  actors: z.array(z.string().min(1)).min(1),
  date: z.strictObject({ start: calendar, end: calendar.optional(), precision: z.enum(PRECISIONS) }),
  title: z.string().min(1),
});

const goldRelationSchema = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  type: z.enum(RELATION_TYPES),
  negated: z.boolean(),
  polarity: z.enum(POLARITIES),
  evidence,
});

export const seedGoldSchema = z.strictObject({
  docId: z.string().min(1),
  file: z.string().min(1),
  published: calendar,
  furniture: z.array(span.extend({ kind: z.enum(FURNITURE_KINDS) })),
  timexes: z.array(goldTimexSchema),
  actors: z.array(goldActorSchema),
  events: z.array(goldEventSchema),
  relations: z.array(goldRelationSchema),
});

export type SeedGold = z.infer<typeof seedGoldSchema>;
export type GoldTimex = SeedGold['timexes'][number];
export type GoldActor = SeedGold['actors'][number];
export type GoldEvent = SeedGold['events'][number];
export type GoldRelation = SeedGold['relations'][number];

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** True when `needle` occurs in `text` as a whole word (or word sequence). */
function occursAsWord(text: string, needle: string): boolean {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = !isWordChar(needle[0]) || !isWordChar(text[i - 1]);
    const after = !isWordChar(needle[needle.length - 1]) || !isWordChar(text[i + needle.length]);
    if (before && after) return true;
  }
  return false;
}

/** Checks one parsed gold document against its seed text; returns every problem found (empty when sound). */
export function checkSeedGold(gold: SeedGold, text: string): string[] {
  const problems: string[] = [];
  const where = gold.docId;
  const checkSpan = (s: { start: number; end: number }, label: string): boolean => {
    if (s.start >= s.end || s.end > text.length) {
      problems.push(`${where} ${label}: bad span ${s.start}-${s.end} (text length ${text.length})`);
      return false;
    }
    return true;
  };
  const inFurniture = (s: { start: number; end: number }): boolean =>
    gold.furniture.some((f) => s.start < f.end && s.end > f.start);

  gold.furniture.forEach((f, i) => checkSpan(f, `furniture[${i}]`));
  gold.timexes.forEach((t, i) => {
    if (!checkSpan(t, `timexes[${i}]`)) return;
    const actual = text.slice(t.start, t.end);
    if (actual !== t.text) problems.push(`${where} timexes[${i}]: slice is "${actual}", expected "${t.text}"`);
    if (inFurniture(t)) problems.push(`${where} timexes[${i}] "${t.text}" lies in page furniture`);
  });
  const sortedTimexes = [...gold.timexes].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sortedTimexes.length; i++) {
    const prev = sortedTimexes[i - 1];
    const cur = sortedTimexes[i];
    if (prev && cur && cur.start < prev.end) problems.push(`${where} timexes "${prev.text}" and "${cur.text}" overlap`);
  }

  const names = new Set<string>();
  for (const a of gold.actors) {
    if (names.has(a.name)) problems.push(`${where} duplicate actor "${a.name}"`);
    names.add(a.name);
    for (const m of a.mentions) {
      if (!occursAsWord(text, m)) problems.push(`${where} actor "${a.name}": mention "${m}" not in text`);
    }
  }
  const checkEvidence = (e: { start: number; end: number; text?: string | undefined }, label: string): void => {
    if (!checkSpan(e, label)) return;
    if (e.text !== undefined && text.slice(e.start, e.end) !== e.text) {
      problems.push(`${where} ${label}: evidence slice does not match its text`);
    }
    if (inFurniture(e)) problems.push(`${where} ${label}: evidence lies in page furniture`);
  };
  const checkActor = (name: string, label: string): void => {
    if (!names.has(name)) problems.push(`${where} ${label}: unknown actor "${name}"`);
  };
  gold.events.forEach((e, i) => {
    checkEvidence(e.evidence, `events[${i}]`);
    e.actors.forEach((a) => checkActor(a, `events[${i}]`));
    if (e.date.end !== undefined && e.date.end < e.date.start) problems.push(`${where} events[${i}]: end before start`);
  });
  gold.relations.forEach((r, i) => {
    checkEvidence(r.evidence, `relations[${i}]`);
    checkActor(r.source, `relations[${i}].source`);
    checkActor(r.target, `relations[${i}].target`);
    if (r.source === r.target) problems.push(`${where} relations[${i}]: source equals target`);
  });
  return problems;
}

/** Reads every gold file in `dir`, validates its shape and its offsets against `seedsDir`; throws on any problem. */
export async function loadSeedGold(
  dir: string = GOLD_DIR,
  seedsDir: string = SEEDS_DIR,
): Promise<Map<string, SeedGold>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out = new Map<string, SeedGold>();
  const problems: string[] = [];
  for (const file of files) {
    const raw: unknown = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    const parsed = seedGoldSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${file} /${i.path.join('/')}: ${i.message}`));
      continue;
    }
    const gold = parsed.data;
    if (`${gold.docId}.json` !== file) problems.push(`${file}: docId "${gold.docId}" does not match the file name`);
    const text = await readFile(path.join(seedsDir, gold.file), 'utf8');
    problems.push(...checkSeedGold(gold, text));
    out.set(gold.docId, gold);
  }
  if (problems.length > 0) throw new Error(`invalid seed gold:\n${problems.slice(0, 50).join('\n')}`);
  return out;
}
