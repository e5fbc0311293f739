/**
 * Evaluation of actor recognition on the NewsReader MEANTIME corpus (CAT XML), read at run time from a folder.
 *
 * Text: rebuilt from the tokens, one line per gold sentence, tokens joined by one space except before closing
 * punctuation (",", ".", ")", "'s"...) and after opening brackets; token -> character offsets are kept.
 *
 * Gold: ENTITY_MENTION markables, typed through REFERS_TO -> ENTITY ent_type. Only PER, ORG and LOC count.
 * Only *named* mentions are scored (syntactic_type NAM, or an untyped mention whose words are all capitalised):
 * Threadline recognises names, not "the company" or "he".
 * Our kinds map to gold types: person -> PER, organization|group -> ORG, country|place -> LOC ('other' is ignored).
 *
 * Matching: a system mention matches a gold mention when the spans overlap and the types are equal.
 * - mention level: precision = matched system mentions / system mentions; recall = matched gold / gold mentions.
 * - entity level (per document): a gold entity (ENTITY instance with >= 1 named mention) is found when any of its
 *   named mentions is matched; a system entity (actor id) is correct when any of its mentions matches a gold
 *   mention. Precision = correct system entities / system entities, recall = found gold entities / gold entities.
 * - actor pairs sharing an event: gold pairs are unordered pairs of distinct PER/ORG/LOC entity instances that are
 *   HAS_PARTICIPANT targets of the same event mention. System pairs (by default: actors co-occurring in a sentence)
 *   are mapped to gold entities through overlapping mentions; a system pair is correct when its two actors map to a
 *   gold pair.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFurniture } from '../extract/clean';
import { splitSentences } from '../extract/sentences';
import { extractActors, type FoundMention } from '../extract/actors';
import type { ActorKind } from '../../src/model/schema';

export type GoldType = 'PER' | 'ORG' | 'LOC';
export const GOLD_TYPES: readonly GoldType[] = ['PER', 'ORG', 'LOC'];

export interface GoldMention {
  start: number;
  end: number;
  type: GoldType;
  entity: string;
  named: boolean;
}

export interface MeantimeDoc {
  name: string;
  text: string;
  mentions: GoldMention[];
  /** Unordered gold entity pairs ("a|b", a < b) that share an event. */
  pairs: Set<string>;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MeantimeScores {
  documents: number;
  /** Strict: every system mention/entity not matching a named gold mention of its type is a false positive. */
  mention: Record<GoldType, Prf>;
  entity: Record<GoldType, Prf>;
  /**
   * Judged: MEANTIME annotates entities only where they take part in annotated events, so many real names carry no
   * gold at all ("Dick Cheney" in a tanker-deal story). Here a system mention/entity counts (as TP or FP) only when it
   * overlaps some gold entity mention (of any type, named or not); recall is unchanged.
   */
  mentionJudged: Record<GoldType, Prf>;
  entityJudged: Record<GoldType, Prf>;
  pairs: Prf;
  msPerDocument: number;
}

export function kindToGold(kind: ActorKind): GoldType | undefined {
  switch (kind) {
    case 'person':
      return 'PER';
    case 'organization':
    case 'group':
      return 'ORG';
    case 'country':
    case 'place':
      return 'LOC';
    default:
      return undefined;
  }
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const ATTR = /(?<![\w:-])([\w:-]+)="([^"]*)"/gu;
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!] = m[2]!;
  return out;
}
function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/u;
const NO_SPACE_AFTER = /^[([{$]$/u;

/** Parses one CAT XML document into text, gold mentions and gold pairs. */
export function parseMeantime(xml: string, name = ''): MeantimeDoc {
  const tokStart = new Map<string, number>();
  const tokEnd = new Map<string, number>();
  let text = '';
  let sentence: string | undefined;
  let prev = '';
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/gu)) {
    const a = attrs(m[1]!);
    const word = unescapeXml(m[2]!);
    if (sentence !== undefined && a.sentence !== sentence) text += '\n';
    else if (sentence !== undefined && !NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prev)) text += ' ';
    sentence = a.sentence;
    tokStart.set(a.t_id!, text.length);
    text += word;
    tokEnd.set(a.t_id!, text.length);
    prev = word;
  }
  // Markables.
  const spans = new Map<string, { start: number; end: number; syn: string; words: string[] }>();
  for (const m of xml.matchAll(/<ENTITY_MENTION\b([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/gu)) {
    const a = attrs(m[1]!);
    const ids = [...m[2]!.matchAll(/t_id="([^"]+)"/gu)].map((x) => x[1]!);
    const starts = ids.map((id) => tokStart.get(id)).filter((x): x is number => x !== undefined);
    const ends = ids.map((id) => tokEnd.get(id)).filter((x): x is number => x !== undefined);
    if (starts.length === 0) continue;
    const start = Math.min(...starts);
    const end = Math.max(...ends);
    spans.set(a.m_id!, { start, end, syn: a.syntactic_type ?? '', words: text.slice(start, end).split(/\s+/u) });
  }
  const entityType = new Map<string, { type: string; instance: string }>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*)>/gu)) {
    const a = attrs(m[1]!);
    if (a.m_id && a.ent_type) entityType.set(a.m_id, { type: a.ent_type, instance: a.instance_id ?? a.m_id });
  }
  const mentionEntity = new Map<string, { type: string; instance: string }>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/gu)) {
    const body = m[1]!;
    const target = /<target m_id="([^"]+)"/u.exec(body)?.[1];
    const ent = target ? entityType.get(target) : undefined;
    if (!ent) continue;
    for (const s of body.matchAll(/<source m_id="([^"]+)"/gu)) mentionEntity.set(s[1]!, ent);
  }
  const mentions: GoldMention[] = [];
  for (const [mid, sp] of spans) {
    const ent = mentionEntity.get(mid);
    if (!ent || !GOLD_TYPES.includes(ent.type as GoldType)) continue;
    const content = sp.words.filter((w) => /\p{L}/u.test(w) && !/^(?:of|the|and|for|de|'s)$/u.test(w));
    const capitalised = content.length > 0 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
    const named = sp.syn === 'NAM' || (sp.syn === '' && capitalised);
    mentions.push({ start: sp.start, end: sp.end, type: ent.type as GoldType, entity: ent.instance, named });
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  // Pairs sharing an event.
  const byEvent = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/<HAS_PARTICIPANT\b[^>]*>([\s\S]*?)<\/HAS_PARTICIPANT>/gu)) {
    const src = /<source m_id="([^"]+)"/u.exec(m[1]!)?.[1];
    const tgt = /<target m_id="([^"]+)"/u.exec(m[1]!)?.[1];
    const ent = tgt ? mentionEntity.get(tgt) : undefined;
    if (!src || !ent || !GOLD_TYPES.includes(ent.type as GoldType)) continue;
    const set = byEvent.get(src) ?? new Set<string>();
    set.add(ent.instance);
    byEvent.set(src, set);
  }
  const pairs = new Set<string>();
  for (const set of byEvent.values()) {
    const list = [...set].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.add(`${list[i]}|${list[j]}`);
  }
  return { name, text, mentions, pairs };
}

export interface SystemMention extends FoundMention {
  type: GoldType;
}

function overlapsSpan(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Scores one document's typed system mentions against gold; accumulates into the counters. */
export function scoreDocument(
  doc: MeantimeDoc,
  system: readonly SystemMention[],
  acc: { mention: Record<GoldType, [number, number, number]>; entity: Record<GoldType, [number, number, number]> },
  judgedOnly = false,
): void {
  const gold = doc.mentions.filter((m) => m.named);
  for (const t of GOLD_TYPES) {
    const g = gold.filter((m) => m.type === t);
    const s = system.filter((m) => m.type === t && (!judgedOnly || doc.mentions.some((x) => overlapsSpan(x, m))));
    const sMatched = s.filter((m) => g.some((x) => overlapsSpan(x, m)));
    const gMatched = g.filter((x) => s.some((m) => overlapsSpan(x, m)));
    acc.mention[t][0] += sMatched.length;
    acc.mention[t][1] += s.length - sMatched.length;
    acc.mention[t][2] += g.length - gMatched.length;
    const goldEntities = new Set(g.map((m) => m.entity));
    const foundEntities = new Set(gMatched.map((m) => m.entity));
    const sysEntities = new Set(s.map((m) => m.actorId));
    const correctEntities = new Set(sMatched.map((m) => m.actorId));
    acc.entity[t][0] += correctEntities.size;
    acc.entity[t][1] += sysEntities.size - correctEntities.size;
    acc.entity[t][2] += goldEntities.size - foundEntities.size;
  }
}

/** Our default pairs: distinct actors co-occurring in one sentence. */
export function sentencePairs(
  sentences: readonly { start: number; end: number }[],
  mentions: readonly FoundMention[],
): [string, string][] {
  const out = new Set<string>();
  for (const s of sentences) {
    const ids = [...new Set(mentions.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.actorId))].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(`${ids[i]}\u0000${ids[j]}`);
  }
  return [...out].sort().map((p) => p.split('\u0000') as [string, string]);
}

/** Scores system actor pairs (by actor id) against gold pairs, mapping actors to gold entities via mentions. */
export function scorePairs(
  doc: MeantimeDoc,
  mentions: readonly FoundMention[],
  pairs: readonly (readonly [string, string])[],
): [number, number, number] {
  const toGold = new Map<string, Set<string>>();
  for (const m of mentions) {
    for (const g of doc.mentions) {
      if (!overlapsSpan(g, m)) continue;
      const set = toGold.get(m.actorId) ?? new Set<string>();
      set.add(g.entity);
      toGold.set(m.actorId, set);
    }
  }
  const hit = new Set<string>();
  let tp = 0;
  let fp = 0;
  for (const [a, b] of pairs) {
    let found: string | undefined;
    for (const ga of toGold.get(a) ?? []) {
      for (const gb of toGold.get(b) ?? []) {
        const key = ga < gb ? `${ga}|${gb}` : `${gb}|${ga}`;
        if (ga !== gb && doc.pairs.has(key)) found = key;
      }
    }
    if (found) {
      tp++;
      hit.add(found);
    } else fp++;
  }
  return [tp, fp, doc.pairs.size - hit.size];
}

/** Reads every *.xml under `dir` (recursively one level: corpus folders), extracts actors and scores them. */
export async function evaluateMeantime(dir: string): Promise<MeantimeScores> {
  const files: string[] = [];
  const walk = (d: string, depth: number): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (e.isDirectory() && depth < 4) walk(join(d, e.name), depth + 1);
      else if (e.isFile() && e.name.endsWith('.xml')) files.push(join(d, e.name));
    }
  };
  walk(dir, 0);
  const zero = (): Record<GoldType, [number, number, number]> => ({ PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0] });
  const acc = { mention: zero(), entity: zero() };
  const judged = { mention: zero(), entity: zero() };
  const pairAcc: [number, number, number] = [0, 0, 0];
  let ms = 0;
  for (const file of files) {
    const doc = parseMeantime(readFileSync(file, 'utf8'), file);
    const t0 = performance.now();
    const furniture = findFurniture(doc.text);
    const sentences = splitSentences(doc.text, furniture);
    const result = extractActors(doc.text, sentences);
    ms += performance.now() - t0;
    const kinds = new Map(result.actors.map((a) => [a.id, a.kind]));
    const system: SystemMention[] = [];
    for (const m of result.mentions) {
      const type = kindToGold(kinds.get(m.actorId) ?? 'other');
      if (type) system.push({ ...m, type });
    }
    scoreDocument(doc, system, acc);
    scoreDocument(doc, system, judged, true);
    const [tp, fp, fn] = scorePairs(doc, result.mentions, sentencePairs(sentences, result.mentions));
    pairAcc[0] += tp;
    pairAcc[1] += fp;
    pairAcc[2] += fn;
  }
  await Promise.resolve();
  const toPrf = (r: Record<GoldType, [number, number, number]>): Record<GoldType, Prf> => ({
    PER: prf(...r.PER),
    ORG: prf(...r.ORG),
    LOC: prf(...r.LOC),
  });
  return {
    documents: files.length,
    mention: toPrf(acc.mention),
    entity: toPrf(acc.entity),
    mentionJudged: toPrf(judged.mention),
    entityJudged: toPrf(judged.entity),
    pairs: prf(...pairAcc),
    msPerDocument: files.length ? ms / files.length : 0,
  };
}
