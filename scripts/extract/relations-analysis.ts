/**
 * Sentence analysis shared by events and relations: tokens, cue predicates (verbs, event nouns, phrases), pronoun
 * and title resolution, subject/object choice by nearest-actor rules, negation and modality, affiliations.
 * Every loop is bounded by a window or a pointer sweep, so the cost is linear in the text length.
 */
import type { ActorKind } from '../../src/model/schema';
import {
  AFFILIATION_PREPS,
  CLAUSE_WORDS,
  MODALS,
  NEGATORS,
  PERSON_PRONOUNS,
  PHRASE_CUES,
  SINGLE_CUES,
  TITLE_WORDS,
  type CueEntry,
} from './relations-lexicon';

/** A sentence span (the shape of sentences.ts `Sentence`). */
export interface SentenceSpan {
  start: number;
  end: number;
  paragraph: number;
}

/** An actor mention (the shape of actors.ts `FoundMention`; `surface` optional). */
export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
}

/** What the analysis needs to know about an actor. */
export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
}

/** A mention as used by the analysis: a named mention or a resolved pronoun/title. */
export interface ResolvedMention {
  actorId: string;
  start: number;
  end: number;
  /** "he", "his", "the premier": resolved, not named. */
  resolved: boolean;
  /** Followed by "'s" (or is "his"/"her"). */
  possessive: boolean;
  /** Qualifies a following person ("Japanese counterpart X", "Cambodia's Prime Minister X"). */
  modifier: boolean;
}

export interface Token {
  start: number;
  end: number;
  /** Lower case, without a final possessive "'s". */
  lower: string;
  /** The raw token starts with an upper-case letter. */
  capital: boolean;
}

export interface Cue {
  entry: CueEntry;
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  first: number;
  last: number;
  noun: boolean;
  negated: boolean;
  /** Modal, conditional or in the complement of a request: not asserted as having happened. */
  hypothetical: boolean;
  /** Inside a quotation that the sentence does not attribute to anyone. */
  unattributedQuote: boolean;
}

export interface Predication {
  cue: Cue;
  subjects: ResolvedMention[];
  object?: ResolvedMention;
  /** The noun's agent came from a possessive/adjacent actor or a "by X" phrase. */
  agentive: boolean;
}

export interface Affiliation {
  source: string;
  target: string;
}

export interface SentenceAnalysis {
  sentence: SentenceSpan;
  tokens: Token[];
  mentions: ResolvedMention[];
  cues: Cue[];
  predications: Predication[];
  affiliations: Affiliation[];
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const POSSESSIVE_RE = /['’]s?$/;
const CLAUSE_PUNCT_RE = /[,;:()\u2013\u2014!?[\]]|\s[-\u2013]\s/;
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'virtual', 'official']);
const LIGHT_VERBS = new Set(['had', 'has', 'have', 'having', 'held', 'holds', 'hold', 'holding', 'made', 'make', 'makes', 'conducted', 'took', 'take', 'takes', 'gave', 'give', 'provided', 'accepted', 'received', 'during', 'after', 'following', 'before']);
const NOUN_AGENT_PREPS = new Set(['by', 'from']);
const INTRO_WORDS = new Set(['when', 'with', 'after', 'before', 'while', 'as', 'during', 'following', 'speaking', 'discussing', 'although', 'if', 'since', 'despite', 'in', 'on', 'at', 'according']);
const OBJECT_WINDOW = 160;
const SCOPE_TOKENS = 14;

/** Tokenises a span of text. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    const raw = m[0];
    const lowerRaw = raw.toLowerCase();
    const lower = lowerRaw.length > 2 && POSSESSIVE_RE.test(lowerRaw) ? lowerRaw.replace(POSSESSIVE_RE, '') : lowerRaw;
    const first = raw[0] ?? '';
    out.push({ start: start + m.index, end: start + m.index + raw.length, lower, capital: first !== first.toLowerCase() });
  }
  return out;
}

/** Quotation regions (at least ~4 words long: shorter ones are scare quotes) that do not cross a line break. */
export function quoteRegions(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  const close = (at: number): void => {
    if (open >= 0 && at - open > 25) out.push({ start: open, end: at });
    open = -1;
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '\n') close(i);
    else if (c === '\u201c') {
      if (open < 0) open = i;
    } else if (c === '\u201d') close(i + 1);
    else if (c === '"') {
      if (open < 0) open = i;
      else close(i + 1);
    }
  }
  close(end);
  return out;
}

const inRegions = (regions: readonly { start: number; end: number }[], pos: number): boolean =>
  regions.some((r) => pos >= r.start && pos < r.end);

function isNegator(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't") || lower.endsWith('n’t');
}

/** True when the text between two tokens closes a clause. */
function gapBreaks(text: string, from: number, to: number): boolean {
  return CLAUSE_PUNCT_RE.test(text.slice(from, to));
}

interface PronounState {
  /** Person most recently salient (a sentence's subject-like person). */
  salient?: string;
  /** Latest person for each title ("prime minister"). */
  titles: Map<string, string>;
  /** Country/organisation a person was qualified by. */
  affiliation: Map<string, string>;
}

/** Title words directly before a mention (across at most one comma), lower-case, in text order. */
function titleBefore(text: string, tokens: readonly Token[], index: number, sentenceStart: number): string {
  const words: string[] = [];
  let at = index - 1;
  let end = at >= 0 ? tokens[at]!.end : sentenceStart;
  while (at >= 0 && words.length < 5) {
    const t = tokens[at]!;
    if (!TITLE_WORDS.has(t.lower) || t.lower === 'the' || t.lower === 'of' || t.lower === 'and') break;
    const gap = text.slice(t.end, end);
    if (gap.trim() !== '' && gap.trim() !== ',') break;
    words.unshift(t.lower);
    end = t.start;
    at--;
  }
  return words.join(' ');
}

const PREMIER = ['prime minister', 'premier', 'pm'];

function titleKeys(title: string): string[] {
  if (!title) return [];
  const keys = new Set<string>([title]);
  const words = title.split(' ');
  for (let i = 1; i < words.length; i++) keys.add(words.slice(i).join(' '));
  if (PREMIER.includes(title)) for (const p of PREMIER) keys.add(p);
  if (title.endsWith('prime minister') && !title.includes('deputy')) for (const p of PREMIER) keys.add(p);
  return [...keys].filter((k) => k !== 'minister' || title === 'minister');
}

function tokenIndexAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Named mentions of the sentence plus resolved pronouns and definite titles; flags possessives and modifiers. */
function resolveMentions(
  text: string,
  sentence: SentenceSpan,
  tokens: readonly Token[],
  named: readonly ActorMention[],
  actors: ReadonlyMap<string, ActorInfo>,
  state: PronounState,
  affiliations: Affiliation[],
): ResolvedMention[] {
  const kind = (id: string): ActorKind | undefined => actors.get(id)?.kind;
  const out: ResolvedMention[] = named.map((m) => ({
    actorId: m.actorId,
    start: m.start,
    end: m.end,
    resolved: false,
    possessive: /^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 3)),
    modifier: false,
  }));
  // Modifiers and affiliations: "Japanese counterpart Fumio Kishida", "Cambodia's Prime Minister Hun Sen".
  for (let i = 1; i < out.length; i++) {
    const person = out[i]!;
    if (kind(person.actorId) !== 'person') continue;
    const prev = out[i - 1]!;
    const prevKind = kind(prev.actorId);
    if (prevKind === 'person' || prev.actorId === person.actorId) continue;
    if (person.start - prev.end > 70) continue;
    const gapWords = tokens.filter((t) => t.start >= prev.end && t.end <= person.start);
    const gapText = text.slice(prev.end, person.start);
    const commas = gapText.split(',').length - 1;
    if (commas > 2 || /[;:.()]/.test(gapText.replace(/\b[A-Z]\./g, ''))) continue;
    if (commas > 0 && gapWords.length === 0) continue;
    if (gapWords.every((t) => TITLE_WORDS.has(t.lower) || t.lower === 's')) {
      prev.modifier = true;
      affiliations.push({ source: person.actorId, target: prev.actorId });
      state.affiliation.set(person.actorId, prev.actorId);
    }
  }
  // Organisations qualified by a country: "Japan's Ministry of Foreign Affairs".
  for (let i = 1; i < out.length; i++) {
    const org = out[i]!;
    const prev = out[i - 1]!;
    if (kind(org.actorId) !== 'organization' || kind(prev.actorId) !== 'country') continue;
    const gap = text.slice(prev.end, org.start);
    if (/^(?:['’]s)?\s{1,3}$/.test(gap)) {
      prev.modifier = true;
      affiliations.push({ source: org.actorId, target: prev.actorId });
    }
  }
  // Apposition: "Rim Sokvy, co-founder of The Thinker Cambodia", "X, a research fellow at the Y Institute".
  for (let i = 0; i + 1 < out.length; i++) {
    const person = out[i]!;
    if (kind(person.actorId) !== 'person') continue;
    const org = out[i + 1]!;
    const orgKind = kind(org.actorId);
    if (orgKind !== 'organization' && orgKind !== 'group') continue;
    const gap = text.slice(person.end, org.start);
    if (gap.length > 70 || !gap.startsWith(',') || /[,;:.()]/.test(gap.slice(1).replace(/\b[A-Z]\./g, ''))) continue;
    const gapTokens = tokens.filter((t) => t.start >= person.end && t.end <= org.start);
    if (gapTokens.length === 0 || gapTokens.length > 8) continue;
    const lastTok = gapTokens[gapTokens.length - 1]!;
    const prepTok = lastTok.lower === 'the' ? gapTokens[gapTokens.length - 2] : lastTok;
    if (prepTok && AFFILIATION_PREPS.has(prepTok.lower) && !gapTokens.some((t) => SINGLE_CUES.has(t.lower) && t.lower !== 'visiting')) {
      affiliations.push({ source: person.actorId, target: org.actorId });
    }
  }

  // Salient person of this sentence: the first named person after an introductory clause.
  let introEnd = sentence.start;
  const firstTok = tokens[0];
  if (firstTok && INTRO_WORDS.has(firstTok.lower)) {
    const comma = text.indexOf(',', sentence.start);
    if (comma >= 0 && comma < sentence.end) introEnd = comma;
  }
  const persons = out.filter((m) => kind(m.actorId) === 'person');
  const salientHere = persons.find((m) => m.start >= introEnd && !m.modifier);

  // Titles seen before each named person ("Prime Minister Hun Sen").
  for (const p of persons) {
    const idx = tokenIndexAt(tokens, p.start);
    for (const key of titleKeys(titleBefore(text, tokens, idx, sentence.start))) state.titles.set(key, p.actorId);
  }

  // Pronouns and definite titles.
  const covered = (s: number, e: number): boolean => out.some((m) => m.start < e && s < m.end);
  const extra: ResolvedMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (PERSON_PRONOUNS.has(t.lower) && !covered(t.start, t.end)) {
      const here = salientHere && salientHere.end <= t.start ? salientHere.actorId : undefined;
      const target = here ?? state.salient;
      if (target) {
        extra.push({
          actorId: target,
          start: t.start,
          end: t.end,
          resolved: true,
          possessive: t.lower === 'his' || t.lower === 'her',
          modifier: false,
        });
      }
      continue;
    }
    // "the premier", "the Deputy Prime Minister", "the Japanese prime minister".
    if (TITLE_WORDS.has(t.lower) && t.lower !== 'the' && t.lower !== 'of' && t.lower !== 'and') {
      const prevTok = tokens[i - 1];
      const atStart = i === 0;
      if (!atStart && prevTok?.lower !== 'the' && !(prevTok && covered(prevTok.start, prevTok.end))) continue;
      let j = i;
      while (j < tokens.length && TITLE_WORDS.has(tokens[j]!.lower) && tokens[j]!.lower !== 'the' && j - i < 5) {
        if (j > i && gapBreaks(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
        j++;
      }
      const last = tokens[j - 1]!;
      const title = tokens
        .slice(i, j)
        .map((x) => x.lower)
        .join(' ');
      if (covered(t.start, last.end)) {
        i = j - 1;
        continue;
      }
      // A title followed by a named person is that person's title, not a reference.
      const next = out.find((m) => m.start >= last.end);
      if (next && next.start - last.end <= 3) {
        i = j - 1;
        continue;
      }
      let target = state.titles.get(title);
      const qualifier = prevTok && !atStart && prevTok.lower !== 'the' ? out.find((m) => m.end === prevTok.end) : undefined;
      if (qualifier) target = target && state.affiliation.get(target) === qualifier.actorId ? target : undefined;
      if (target && (title.includes('minister') || title.includes('president') || title.includes('premier') || title === 'pm' || title.includes('secretary'))) {
        extra.push({ actorId: target, start: t.start, end: last.end, resolved: true, possessive: false, modifier: false });
      }
      i = j - 1;
    }
  }
  if (salientHere) state.salient = salientHere.actorId;
  else {
    const subjPronoun = extra.find((m) => m.start - sentence.start < 40);
    if (subjPronoun) state.salient = subjPronoun.actorId;
  }
  return [...out, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Finds cue predicates among the tokens of a sentence. */
function findCues(text: string, tokens: readonly Token[], mentions: readonly ResolvedMention[]): Cue[] {
  const cues: Cue[] = [];
  const insideMention = (s: number, e: number): boolean => mentions.some((m) => !m.resolved && m.start < e && s < m.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let entry: CueEntry | undefined;
    let last = i + 1;
    let noun = false;
    const phrases = PHRASE_CUES.get(t.lower);
    if (phrases) {
      for (const p of phrases) {
        if (p.tokens.every((w, k) => tokens[i + k]?.lower === w)) {
          entry = p.entry;
          last = i + p.tokens.length;
          noun = p.entry.noun === true;
          break;
        }
      }
    }
    if (!entry) {
      const options = SINGLE_CUES.get(t.lower);
      if (!options) continue;
      const prev = tokens[i - 1];
      const afterPossessive = mentions.some((m) => m.possessive && m.end <= t.start && t.start - m.end <= 5);
      const nounContext = prev !== undefined && (DETERMINERS.has(prev.lower) || afterPossessive);
      const verbEntry = options.find((o) => o.noun !== true);
      const nounEntry = options.find((o) => o.noun === true);
      if (nounEntry && (!verbEntry || nounContext)) {
        entry = nounEntry;
        noun = true;
      } else entry = verbEntry;
      if (!entry) continue;
    }
    const first = tokens[i]!;
    const lastTok = tokens[last - 1]!;
    if (insideMention(first.start, lastTok.end)) continue;
    const next = tokens[last];
    if (entry.notBefore && next && entry.notBefore.includes(next.lower) && !gapBreaks(text, lastTok.end, next.start)) continue;
    if (entry.needsPrep) {
      const preps = entry.preps ?? [];
      const n1 = tokens[last];
      const n2 = tokens[last + 1];
      const ok = (n1 && preps.includes(n1.lower)) || (n1?.lower !== undefined && n2 && preps.includes(n2.lower) && /ly$/.test(n1.lower));
      if (!ok) continue;
    }
    cues.push({
      entry,
      start: first.start,
      end: lastTok.end,
      first: i,
      last,
      noun,
      negated: false,
      hypothetical: false,
      unattributedQuote: false,
    });
    i = last - 1;
  }
  return cues;
}

/** Negation and modality: a negator or modal earlier in the same clause. */
function scopeFlags(text: string, tokens: readonly Token[], cue: Cue): { negated: boolean; hypothetical: boolean } {
  let negated = false;
  let hypothetical = false;
  for (let k = cue.first - 1; k >= 0 && cue.first - k <= SCOPE_TOKENS; k--) {
    const t = tokens[k]!;
    const after = tokens[k + 1]!;
    if (gapBreaks(text, t.end, after.start)) {
      // "nor does it send": the negator opens the clause right after the comma.
      break;
    }
    if (isNegator(t.lower)) negated = true;
    if (MODALS.has(t.lower)) hypothetical = true;
    if (CLAUSE_WORDS.has(t.lower)) break;
  }
  return { negated, hypothetical };
}

/** Subject(s) and object of a cue by nearest-actor rules. */
function predicate(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ResolvedMention[],
  cue: Cue,
  windowEnd: number,
  sentence: SentenceSpan,
): Predication {
  const entry = cue.entry;
  const before = mentions.filter((m) => m.end <= cue.start && !m.modifier);
  const after = mentions.filter((m) => m.start >= cue.end && m.start < windowEnd && m.start - cue.end <= OBJECT_WINDOW && !m.modifier);
  let subjects: ResolvedMention[] = [];
  let agentive = false;
  let object: ResolvedMention | undefined;

  const prepBefore = (m: ResolvedMention): string | undefined => {
    const idx = tokenIndexAt(tokens, m.start);
    let k = idx - 1;
    let t = tokens[k];
    if (t && (t.lower === 'the' || t.lower === 'his' || t.lower === 'her' || t.lower === 'its')) t = tokens[--k];
    return t?.lower;
  };
  const coordinated = (head: ResolvedMention): ResolvedMention[] => {
    const group = [head];
    let cur = head;
    for (let k = mentions.indexOf(head) - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.modifier) continue;
      const gap = text.slice(m.end, cur.start);
      if (/^(?:\s*,)?\s*(?:and|&)\s+$|^\s*,\s+$|^\s*[-\u2013]\s*$/.test(gap)) {
        group.unshift(m);
        cur = m;
      } else break;
    }
    return group;
  };

  if (cue.noun) {
    // "X's visit to Y", "Russian military action in Ukraine", "his opposition to".
    const adjacent = before.length > 0 ? before[before.length - 1] : undefined;
    if (adjacent) {
      const gap = text.slice(adjacent.end, cue.start);
      const gapToks = tokens.filter((t) => t.start >= adjacent.end && t.end <= cue.start);
      const possessiveOrAdjacent =
        !/[,;:.()]/.test(gap) &&
        gapToks.length <= 2 &&
        gapToks.every((t) => !SINGLE_CUES.has(t.lower) && t.lower !== 'and' && t.lower !== 'of' && t.lower !== 'the');
      if (possessiveOrAdjacent) {
        subjects = coordinated(adjacent);
        agentive = true;
      }
    }
    const next = tokens[cue.last];
    if (!agentive && next && NOUN_AGENT_PREPS.has(next.lower)) {
      const agent = after.find((m) => prepBefore(m) === next.lower);
      if (agent) {
        subjects = [agent];
        agentive = true;
        const target = before.length > 0 ? before[before.length - 1] : undefined;
        if (target && target.actorId !== agent.actorId) object = target;
        return { cue, subjects, object, agentive };
      }
    }
    if (!agentive && next?.lower === 'between') {
      const pair = after.slice(0, 2);
      if (pair.length === 2 && pair[0]!.actorId !== pair[1]!.actorId) return { cue, subjects: pair, agentive: true };
    }
    if (!agentive) {
      // A light verb makes the noun the predicate: "had a telephone conversation with".
      const light = tokens.slice(Math.max(0, cue.first - 4), cue.first).some((t) => LIGHT_VERBS.has(t.lower));
      if (!light) return { cue, subjects: [], agentive: false };
    }
  }
  if (subjects.length === 0) {
    const clauseStart = sentence.start;
    const nearest = before.length > 0 ? before[before.length - 1] : undefined;
    if (nearest && nearest.start >= clauseStart) subjects = coordinated(nearest);
  }
  if (!object) {
    const subjectIds = new Set(subjects.map((s) => s.actorId));
    const candidates = after.filter((m) => !subjectIds.has(m.actorId));
    const preps = entry.preps ?? [];
    const withPrep = candidates.find((m) => {
      const p = prepBefore(m);
      return p !== undefined && preps.includes(p);
    });
    if (withPrep) object = withPrep;
    else if (!entry.needsPrep) {
      // A direct object: first actor, unless another verb cue's clause intervenes (window handles that).
      object = candidates.find((m) => {
        const p = prepBefore(m);
        return !(entry.noun === true && p !== undefined && !preps.includes(p) && p !== 'the');
      });
    }
  }
  return { cue, subjects, object, agentive };
}

/** Analyses every sentence of a document, in order. */
export function analyseDocument(
  text: string,
  sentences: readonly SentenceSpan[],
  mentions: readonly ActorMention[],
  actorList: readonly ActorInfo[],
): SentenceAnalysis[] {
  const actors = new Map(actorList.map((a) => [a.id, a]));
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const state: PronounState = { titles: new Map(), affiliation: new Map() };
  const out: SentenceAnalysis[] = [];
  let mi = 0;
  let currentParagraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== currentParagraph) currentParagraph = sentence.paragraph;
    while (mi < sorted.length && sorted[mi]!.start < sentence.start) mi++;
    const named: ActorMention[] = [];
    for (let k = mi; k < sorted.length && sorted[k]!.start < sentence.end; k++) {
      const m = sorted[k]!;
      if (m.end <= sentence.end && actors.has(m.actorId)) named.push(m);
    }
    const tokens = tokenize(text, sentence.start, sentence.end);
    const affiliations: Affiliation[] = [];
    const resolved = resolveMentions(text, sentence, tokens, named, actors, state, affiliations);
    const cues = findCues(text, tokens, resolved);
    const quotes = quoteRegions(text, sentence.start, sentence.end);
    const attributed = cues.some((c) => c.entry.role === 'report' && !inRegions(quotes, c.start));
    let governedByRequest = -1;
    for (const cue of cues) {
      const flags = scopeFlags(text, tokens, cue);
      cue.negated = flags.negated;
      cue.hypothetical = flags.hypothetical || (governedByRequest >= 0 && !cue.noun);
      cue.unattributedQuote = !attributed && inRegions(quotes, cue.start);
      if (cue.entry.type === 'request' && !cue.noun) governedByRequest = cue.start;
    }
    const predications: Predication[] = [];
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c]!;
      let windowEnd = sentence.end;
      for (let d = c + 1; d < cues.length; d++) {
        if (!cues[d]!.noun) {
          windowEnd = cues[d]!.start;
          break;
        }
      }
      predications.push(predicate(text, tokens, resolved, cue, windowEnd, sentence));
    }
    out.push({ sentence, tokens, mentions: resolved, cues, predications, affiliations });
  }
  return out;
}
