/**
 * Sentence analysis shared by events and relations: tokens, cue predicates (verbs, event nouns, phrases), pronoun
 * and title resolution, subject/object choice by nearest-actor rules, negation and modality, affiliations.
 * Every loop is bounded by a window or a pointer sweep, so the cost is linear in the text length.
 */
import type { ActorKind, RelationType } from '../../src/model/schema';
import {
  AFFILIATION_PREPS,
  BE_FORMS,
  BLOCKING_PRONOUNS,
  GOVERNMENT_HEADS,
  PREPOSITIONS,
  SUBORDINATORS,
  CLAUSE_WORDS,
  MODALS,
  NEGATORS,
  PERSON_PRONOUNS,
  PHRASE_CUES,
  SINGLE_CUES,
  TITLE_WORDS,
  type CueEntry,
} from './relations-lexicon';
import { endOf, lowerBound, startOf } from './sorted';

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
  /** One of the pair a "the two countries" / "both sides" stands for (same number = same phrase). */
  group: number | undefined;
  /** "the Soviet Union, now the Russian Federation": the actor this later name continues (not a partner). */
  formerOf: string | undefined;
}

// Every ResolvedMention is made by one of these two, with all its fields in one order, so V8 sees a single object
// shape. Adding `group` or `formerOf` to some objects later gave three shapes; each new one deoptimised the code
// that reads mentions ("wrong map"), and resolveMentions alone was recompiled ~18 times on a cold run.
function namedMention(m: ActorMention, possessive: boolean): ResolvedMention {
  return {
    actorId: m.actorId,
    start: m.start,
    end: m.end,
    resolved: false,
    possessive,
    modifier: false,
    group: undefined,
    formerOf: undefined,
  };
}

function reference(actorId: string, start: number, end: number, possessive: boolean, group?: number): ResolvedMention {
  return { actorId, start, end, resolved: true, possessive, modifier: false, group, formerOf: undefined };
}

export interface Token {
  start: number;
  end: number;
  /** Lower case, without a final possessive "'s". */
  lower: string;
  /** The raw token starts with an upper-case letter. */
  capital: boolean;
  /** What the lexicons say about the word (shared by every token with the same raw text). */
  word: WordInfo;
}

/** Lexicon facts about a raw word, computed once per distinct word. */
export interface WordInfo {
  lower: string;
  capital: boolean;
  /** WORD_* bits. */
  flags: number;
  single: readonly CueEntry[] | undefined;
  phrases: ReturnType<typeof PHRASE_CUES.get>;
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
  /** Modal or conditional: not asserted as having happened. */
  hypothetical: boolean;
  /** In the complement of a request ("asked that Japan provide ..."): a relation the request is about, no event. */
  requested: boolean;
  /** Inside a quotation that the sentence does not attribute to anyone. */
  unattributedQuote: boolean;
  /** In an adverbial subordinate clause ("before X hosted ..."). */
  subordinate: boolean;
  /** "was attended by", "has been called". */
  passive: boolean;
  /** Inside a quotation region. */
  quoted: boolean;
}

export interface Predication {
  cue: Cue;
  subjects: ResolvedMention[];
  object?: ResolvedMention;
  /** Further objects coordinated with the first ("thanked Japan, France and China"). */
  moreObjects?: ResolvedMention[];
  /** The noun's agent came from a possessive/adjacent actor or a "by X" phrase. */
  agentive: boolean;
  /** The relation type when the context changes the cue's ("supported X in its development" is aid). */
  type?: RelationType;
}

/** A relation read from the shape of a noun phrase (apposition, membership list, meeting name); affiliation unless typed. */
export interface Affiliation {
  source: string;
  target: string;
  type?: 'consult' | 'affiliation' | 'request';
}

export interface SentenceAnalysis {
  sentence: SentenceSpan;
  tokens: Token[];
  mentions: ResolvedMention[];
  cues: Cue[];
  predications: Predication[];
  affiliations: Affiliation[];
  /** Quotation regions overlapping the sentence (clipped to it). */
  quotes: { start: number; end: number }[];
  /** The person salient after this sentence (what "he"/"she" in the next sentence refers to). */
  salient?: string;
}

/** The token grammar (the specification of `tokenize`). */
export const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
export const CLAUSE_PUNCT_RE = /[,;:()\u2013\u2014!?[\]]|\s[-\u2013]\s/;
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'his',
  'her',
  'its',
  'their',
  'our',
  'this',
  'that',
  'virtual',
  'official',
]);
const LIGHT_VERBS = new Set([
  'had',
  'has',
  'have',
  'having',
  'held',
  'holds',
  'hold',
  'holding',
  'made',
  'make',
  'makes',
  'conducted',
  'took',
  'take',
  'takes',
  'gave',
  'give',
  'provided',
  'accepted',
  'received',
  'during',
  'after',
  'following',
  'before',
  'offered',
  'offer',
  'offers',
  'ran',
  'run',
  'runs',
  'organised',
  'organized',
  'voiced',
  'expressed',
  'showed',
  'extended',
  'lent',
  'maintain',
  'maintains',
  'maintained',
  'enjoy',
  'enjoys',
  'enjoyed',
  'restored',
]);
const NOUN_AGENT_PREPS = new Set(['by', 'from']);
const INTRO_WORDS = new Set([
  'when',
  'with',
  'after',
  'before',
  'while',
  'as',
  'during',
  'following',
  'speaking',
  'discussing',
  'although',
  'if',
  'since',
  'despite',
  'in',
  'on',
  'at',
  'according',
]);
const OBJECT_WINDOW = 160;
/** Longer "sentences" are unpunctuated blocks; analysing them would cost quadratic time for nothing. */
export const MAX_SENTENCE_CHARS = 1000;
const TELL_REQUEST: CueEntry = { lemma: 'tell', past: 'told', role: 'relation', type: 'request' };
const VOTE_AGAINST: CueEntry = { lemma: 'vote against', past: 'voted against', role: 'relation', type: 'criticize' };
/** "voted in international forums against X": how many words may separate the verb from "against". */
const VOTE_GAP = 6;
/** A gerund after these takes the subject of the verb it hangs on: "voted in favour of denouncing". */
const GERUND_PREPS = new Set(['of', 'by', 'for', 'in', 'after', 'before', 'from', 'while', 'to']);
const SCOPE_TOKENS = 14;

/** Letter/number classes of BMP code units (1: letter or number, 2: checked), filled on first use. */
const LN_BMP = new Uint8Array(0x10000);
const LN_ASTRAL = new Map<number, boolean>();
const LN_RE = /^[\p{L}\p{N}]$/u;

/** /[\p{L}\p{N}]/u for one code point. */
function isLetterOrNumber(cp: number): boolean {
  if (cp < 0x10000) {
    let c = LN_BMP[cp]!;
    if (c === 0) LN_BMP[cp] = c = LN_RE.test(String.fromCodePoint(cp)) ? 3 : 2;
    return c === 3;
  }
  let known = LN_ASTRAL.get(cp);
  if (known === undefined) LN_ASTRAL.set(cp, (known = LN_RE.test(String.fromCodePoint(cp))));
  return known;
}

/** A pronoun or noun that resolveMentions may resolve ("it", "we", "he", "the country", "the two", "both"). */
const WORD_ANAPHOR = 1;
/** TITLE_WORDS. */
const WORD_TITLE = 2;
/** A negator (isNegator). */
const WORD_NEGATOR = 4;
/** MODALS. */
const WORD_MODAL = 8;
/** SUBORDINATORS. */
const WORD_SUBORDINATOR = 16;
/** CLAUSE_WORDS. */
const WORD_CLAUSE = 32;
/** PREPOSITIONS. */
const WORD_PREPOSITION = 64;

const WORDS_MAX = 200_000;

/** Ints per WordTable slot. */
const SLOT = 4;

/**
 * The WordInfo cache, keyed by raw word: an open-addressing table probed with a hash of the code units computed
 * from the text, so a word seen before is found without cutting it out of the text as a string first (the tokenizer
 * runs over every sentence; most of its words are known). wordInfo is a pure function of the raw word, so the cache
 * changes no result. The table is flat typed arrays (a slot's hash, length and key position share a cache line, the
 * keys' code units sit together in one pool): a probe touches few memory lines, which is what a lookup costs.
 */
class WordTable {
  /** SLOT ints per slot: hash, offset of the key in `units`, key length, 1 + index in `infos` (0: empty slot). */
  private slots = new Int32Array(1024 * SLOT);
  private units = new Uint16Array(8192);
  private unitsUsed = 0;
  private readonly infos: WordInfo[] = [];

  get size(): number {
    return this.infos.length;
  }

  /** The info of the word text[start, end) with code-unit hash `hash` (hashStep per unit, then hashFinish), if cached. */
  find(text: string, start: number, end: number, hash: number): WordInfo | undefined {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const s = i * SLOT;
      const info = slots[s + 3]!;
      if (info === 0) return undefined;
      if (slots[s] === hash && slots[s + 2] === length && this.sameUnits(slots[s + 1]!, text, start, length))
        return this.infos[info - 1];
    }
  }

  /** Whether the pooled key at `offset` equals text[start, start + length) code unit by code unit. */
  private sameUnits(offset: number, text: string, start: number, length: number): boolean {
    const units = this.units;
    for (let k = 0; k < length; k++) if (units[offset + k] !== text.charCodeAt(start + k)) return false;
    return true;
  }

  /** Caches the info of the word text[start, end) (not cached yet) with code-unit hash `hash`. */
  add(text: string, start: number, end: number, hash: number, info: WordInfo): void {
    if ((this.infos.length + 1) * 2 > this.slots.length / SLOT) this.grow();
    const length = end - start;
    if (this.unitsUsed + length > this.units.length) {
      const units = new Uint16Array(Math.max(this.units.length * 2, this.unitsUsed + length));
      units.set(this.units);
      this.units = units;
    }
    const offset = this.unitsUsed;
    for (let k = 0; k < length; k++) this.units[offset + k] = text.charCodeAt(start + k);
    this.unitsUsed += length;
    this.infos.push(info);
    this.place(hash, offset, length, this.infos.length);
  }

  private place(hash: number, offset: number, length: number, info: number): void {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let i = hash & mask;
    while (slots[i * SLOT + 3] !== 0) i = (i + 1) & mask;
    const s = i * SLOT;
    slots[s] = hash;
    slots[s + 1] = offset;
    slots[s + 2] = length;
    slots[s + 3] = info;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += SLOT)
      if (old[s + 3] !== 0) this.place(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }
}

/** One step of the hash of a word's code units (tokenize hashes each word while it scans it). */
const hashStep = (h: number, unit: number): number => (Math.imul(h, 31) + unit) | 0;

/** The last step of the hash: its bits mixed (the table uses the low ones). */
function hashFinish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

const WORDS = new WordTable();

/** The lexicon facts of the raw token text[start, end), whose code-unit hash is `hash` (cached). */
function wordInfoAt(text: string, start: number, end: number, hash: number): WordInfo {
  const known = WORDS.find(text, start, end, hash);
  if (known) return known;
  const info = wordInfo(text.slice(start, end));
  if (WORDS.size < WORDS_MAX) WORDS.add(text, start, end, hash, info);
  return info;
}

/** The lexicon facts of a raw token. */
function wordInfo(raw: string): WordInfo {
  let lower = raw.toLowerCase();
  const n = lower.length;
  if (n > 2) {
    const a = lower.charCodeAt(n - 2);
    const b = lower.charCodeAt(n - 1);
    if (b === 115 && (a === 39 || a === 0x2019)) lower = lower.slice(0, n - 2);
    else if (b === 39 || b === 0x2019) lower = lower.slice(0, n - 1);
  }
  const c = raw.charCodeAt(0);
  const capital = c >= 65 && c <= 90 ? true : c < 128 ? false : raw[0] !== lower[0];
  const anaphor =
    NONPERSON_PRONOUNS.has(lower) ||
    WE_PRONOUNS.has(lower) ||
    PERSON_PRONOUNS.has(lower) ||
    COUNTRY_NOUNS.has(lower) ||
    lower === 'two' ||
    lower === 'both';
  const info: WordInfo = {
    lower,
    capital,
    flags:
      (anaphor ? WORD_ANAPHOR : 0) |
      (TITLE_WORDS.has(lower) ? WORD_TITLE : 0) |
      (isNegator(lower) ? WORD_NEGATOR : 0) |
      (MODALS.has(lower) ? WORD_MODAL : 0) |
      (SUBORDINATORS.has(lower) ? WORD_SUBORDINATOR : 0) |
      (CLAUSE_WORDS.has(lower) ? WORD_CLAUSE : 0) |
      (PREPOSITIONS.has(lower) ? WORD_PREPOSITION : 0),
    single: SINGLE_CUES.get(lower),
    phrases: PHRASE_CUES.get(lower),
  };
  return info;
}

/**
 * A token as tokenize makes it: `lower` and `capital` are read from the shared WordInfo, so each token holds three
 * fields (the tokens of every sentence live until the document is done).
 */
class WordToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly word: WordInfo,
  ) {}

  get lower(): string {
    return this.word.lower;
  }

  get capital(): boolean {
    return this.word.capital;
  }
}

/** text.codePointAt(i) as seen in text.slice(0, end): a high surrogate at end - 1 stands alone. */
function codePointBefore(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000 : c;
}

/**
 * Token classes of ASCII code units: 1 for [A-Za-z0-9] (starts or continues a token), 2 for ' and - (only continue
 * one), 0 otherwise. Other code units go through isLetterOrNumber.
 */
const ASCII_TOKEN = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  ASCII_TOKEN[c] = alnum ? 1 : c === 39 || c === 45 ? 2 : 0;
}

/**
 * Tokenises a span of text: the matches of TOKEN_RE, scanned by hand in one pass that also hashes each word for the
 * WordInfo cache (same tokens without match objects; a test checks the two agree).
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  // Scans text[start, end) in place (as the former slice of it: code points never run past `end`).
  end = Math.min(end, text.length);
  const out: Token[] = [];
  let p = Math.max(0, start);
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (ASCII_TOKEN[c] !== 1) {
        p++;
        continue;
      }
    } else {
      const cp = codePointBefore(text, p, end);
      if (!isLetterOrNumber(cp)) {
        p += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    // [\p{L}\p{N}][\p{L}\p{N}'’-]*: the first unit is known to belong; hash every unit taken.
    let h = 0;
    let e = p;
    while (e < end) {
      const u = text.charCodeAt(e);
      if (u < 128) {
        if (ASCII_TOKEN[u] === 0) break;
      } else if (u !== 0x2019) {
        const ce = codePointBefore(text, e, end);
        if (!isLetterOrNumber(ce)) break;
        if (ce > 0xffff) {
          h = hashStep(h, u);
          e++;
          h = hashStep(h, text.charCodeAt(e));
          e++;
          continue;
        }
      }
      h = hashStep(h, u);
      e++;
    }
    out.push(new WordToken(p, e, wordInfoAt(text, p, e, hashFinish(h))));
    p = e;
  }
  return out;
}

const QUOTE_CHARS = /[\n\u201c\u201d"]/g;

/** Quotation regions (at least ~4 words long: shorter ones are scare quotes) that do not cross a line break. */
export function quoteRegions(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  const close = (at: number): void => {
    if (open >= 0 && at - open > 25) out.push({ start: open, end: at });
    open = -1;
  };
  // Only line breaks and quotation marks matter: jump from one to the next.
  QUOTE_CHARS.lastIndex = start;
  for (let m = QUOTE_CHARS.exec(text); m !== null && m.index < end; m = QUOTE_CHARS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 10) close(i);
    else if (c === 0x201c) {
      if (open < 0) open = i;
    } else if (c === 0x201d) close(i + 1);
    else if (c === 34) {
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

/** /\s/ for one code unit. */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True when the text between two tokens closes a clause: CLAUSE_PUNCT_RE.test(text.slice(from, to)), read in place
 * (a test checks the two agree). Its second branch only adds a spaced hyphen: a spaced en dash is in the class.
 */
export function gapBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 44: // ,
      case 59: // ;
      case 58: // :
      case 40: // (
      case 41: // )
      case 0x2013:
      case 0x2014:
      case 33: // !
      case 63: // ?
      case 91: // [
      case 93: // ]
        return true;
      case 45: // -
        if (i > from && i + 1 < to && isSpaceUnit(text.charCodeAt(i - 1)) && isSpaceUnit(text.charCodeAt(i + 1)))
          return true;
    }
  }
  return false;
}

interface PronounState {
  /** Person most recently salient (a sentence's subject-like person). */
  salient: string | undefined;
  /** Latest person for each title ("prime minister"). */
  titles: Map<string, string>;
  /** Country/organisation a person was qualified by. */
  affiliation: Map<string, string>;
  /** Non-person actor "it" in the next sentence refers to (the previous sentence's subject or only such actor). */
  antecedent: string | undefined;
  /** Distinct actors, most recent last (bounded): what "the two countries" and "the country" refer to. */
  recent: { id: string; kind: ActorKind }[];
  /** Named country mentions so far, per country: the document's own country is the most mentioned. */
  countryCounts: Map<string, number>;
}

/** "it"/"they" and their forms, resolved to a country or organisation. */
const NONPERSON_PRONOUNS = new Set(['it', 'its', 'they', 'their', 'them']);
const PLURAL_PRONOUNS = new Set(['they', 'their', 'them']);
/** First-person plural pronouns: in quoted speech, the speaker's country. */
const WE_PRONOUNS = new Set(['we', 'us', 'our', 'ours']);
/** After these, "it" is a dummy subject or object ("it is essential", "made it clear", "when it came to"). */
const DUMMY_IT_NEXT = new Set([
  'is',
  'was',
  'be',
  'been',
  'seems',
  'seemed',
  'appears',
  'appeared',
  'came',
  'comes',
  'takes',
  'took',
  'remains',
  'remained',
  'means',
  'meant',
  'matters',
  'happened',
  'turns',
  'turned',
]);
const DUMMY_IT_PREV = new Set(['make', 'makes', 'made', 'making', 'find', 'found', 'consider', 'considered', 'take']);
/** "the two countries", "both sides": heads naming a pair of actors of a kind. */
const PAIR_HEADS: ReadonlyMap<string, 'person' | 'country'> = new Map([
  ['premiers', 'person'],
  ['leaders', 'person'],
  ['ministers', 'person'],
  ['presidents', 'person'],
  ['men', 'person'],
  ['women', 'person'],
  ['countries', 'country'],
  ['nations', 'country'],
  ['states', 'country'],
  ['governments', 'country'],
  ['neighbours', 'country'],
  ['neighbors', 'country'],
  ['sides', 'country'],
  ['parties', 'country'],
]);
/** "the country", "the nation": the most recently named country. */
const COUNTRY_NOUNS = new Set(['country', 'nation']);
const RECENT_MAX = 8;
/** What an actor develops or rebuilds: supporting it is aid. */
const DEVELOPMENT_NOUNS = new Set([
  'development',
  'reconstruction',
  'recovery',
  'rebuilding',
  'peace-building',
  'peacebuilding',
  'efforts',
  'economy',
]);
const NOW_RE = /^\s*,\s+now\s+(?:the\s+)?$/;

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

/** Index of the first token ending after `pos` (offsets are whole numbers). */
const tokenIndexAt = (tokens: readonly Token[], pos: number): number => lowerBound(tokens, pos + 1, endOf);

/**
 * The tokens inside [from, to): `tokens.filter((t) => t.start >= from && t.end <= to)` by two binary searches, as
 * the tokens are sorted and disjoint (so both their starts and their ends increase).
 */
export function tokensBetween(tokens: readonly Token[], from: number, to: number): Token[] {
  const lo = lowerBound(tokens, from, startOf);
  const hi = tokenIndexAt(tokens, to);
  return lo < hi ? tokens.slice(lo, hi) : [];
}

const kindOf = (actors: ReadonlyMap<string, ActorInfo>, id: string): ActorKind | undefined => actors.get(id)?.kind;

const isNonPerson = (k: ActorKind | undefined): boolean => k === 'country' || k === 'organization';

/** Whether [s, e) overlaps one of the mentions. */
function overlapsAny(mentions: readonly { start: number; end: number }[], s: number, e: number): boolean {
  for (const m of mentions) if (m.start < e && s < m.end) return true;
  return false;
}

/** Latest actor of a kind named before `pos` in this sentence, else earlier in the document. */
function latestOf(
  namedHere: readonly ResolvedMention[],
  state: PronounState,
  actors: ReadonlyMap<string, ActorInfo>,
  pos: number,
  kind: ActorKind,
  skip?: string,
): string | undefined {
  for (let k = namedHere.length - 1; k >= 0; k--) {
    const m = namedHere[k]!;
    if (m.end <= pos && m.actorId !== skip && kindOf(actors, m.actorId) === kind) return m.actorId;
  }
  for (let k = state.recent.length - 1; k >= 0; k--) {
    const r = state.recent[k]!;
    if (r.id !== skip && r.kind === kind) return r.id;
  }
  return undefined;
}

export const POSSESSIVE_RE = /^['’]s?(?!\p{L})/u;

/** Whether "'s", "’s" or a bare apostrophe follows `end`; the regex runs only when an apostrophe is there at all. */
export function possessiveAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return (c === 39 || c === 0x2019) && POSSESSIVE_RE.test(text.slice(end, end + 3));
}

/**
 * What the named mentions of a sentence say about each other: "X, now Y" (the same party renamed), modifiers and
 * affiliations ("Japanese counterpart Fumio Kishida", "Cambodia's Prime Minister Hun Sen", "Japan's Ministry of
 * Foreign Affairs") and apposition ("Rim Sokvy, co-founder of The Thinker Cambodia").
 */
function namedRelations(
  text: string,
  tokens: readonly Token[],
  out: readonly ResolvedMention[],
  kinds: readonly (ActorKind | undefined)[],
  state: PronounState,
  affiliations: Affiliation[],
): void {
  // "X, now Y": Y is X's current name, the same party.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const gapLength = out[i]!.start - prev.end;
    if (
      gapLength > 5 &&
      gapLength < 16 &&
      prev.actorId !== out[i]!.actorId &&
      NOW_RE.test(text.slice(prev.end, out[i]!.start))
    ) {
      out[i]!.formerOf = prev.actorId;
    }
  }
  // Modifiers and affiliations: "Japanese counterpart Fumio Kishida", "Cambodia's Prime Minister Hun Sen".
  for (let i = 1; i < out.length; i++) {
    const person = out[i]!;
    if (kinds[i] !== 'person') continue;
    const prev = out[i - 1]!;
    const prevKind = kinds[i - 1];
    if (prevKind === 'person' || prev.actorId === person.actorId) continue;
    if (person.start - prev.end > 70) continue;
    const gapWords = tokensBetween(tokens, prev.end, person.start);
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
  // Organisations qualified by a country or by a parent organisation: "Japan's Ministry of Foreign Affairs", "the
  // Institute's Centre for Studies".
  for (let i = 1; i < out.length; i++) {
    const org = out[i]!;
    const prev = out[i - 1]!;
    const prevKind = kinds[i - 1];
    if (kinds[i] !== 'organization' || prev.actorId === org.actorId) continue;
    const gap = text.slice(prev.end, org.start);
    const qualifies =
      (prevKind === 'country' && /^(?:['’]s)?\s{1,3}$/.test(gap)) ||
      (prevKind === 'organization' && /^['’]s\s{1,3}$/.test(gap));
    if (qualifies) {
      prev.modifier = true;
      affiliations.push({ source: org.actorId, target: prev.actorId });
    }
  }
  // Apposition: "Rim Sokvy, co-founder of The Thinker Cambodia", "X, a research fellow at the Y Institute".
  for (let i = 0; i + 1 < out.length; i++) {
    const person = out[i]!;
    if (kinds[i] !== 'person') continue;
    const org = out[i + 1]!;
    const orgKind = kinds[i + 1];
    if (orgKind !== 'organization' && orgKind !== 'group') continue;
    const gap = text.slice(person.end, org.start);
    if (gap.length > 70 || !gap.startsWith(',') || /[,;:.()]/.test(gap.slice(1).replace(/\b[A-Z]\./g, ''))) continue;
    const gapTokens = tokensBetween(tokens, person.end, org.start);
    if (gapTokens.length === 0 || gapTokens.length > 8) continue;
    const lastTok = gapTokens[gapTokens.length - 1]!;
    const prepTok = lastTok.lower === 'the' ? gapTokens[gapTokens.length - 2] : lastTok;
    if (
      prepTok &&
      AFFILIATION_PREPS.has(prepTok.lower) &&
      !gapTokens.some((t) => SINGLE_CUES.has(t.lower) && t.lower !== 'visiting')
    ) {
      affiliations.push({ source: person.actorId, target: org.actorId });
      // "X, a fellow at the Institute's Centre" (X belongs to both) and "X, a candidate at Y and fellow at Z".
      let cur = org;
      for (let k = i + 2; k < out.length; k++) {
        const next = out[k]!;
        const nextKind = kinds[k];
        if (nextKind !== 'organization' && nextKind !== 'group') break;
        const g = text.slice(cur.end, next.start);
        const chained =
          /^['’]s\s{1,3}$/.test(g) ||
          /^\s+and\s+(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,5}(?:of|at|for|with|from)\s+(?:the\s+)?$/u.test(g);
        if (!chained || g.length > 70) break;
        affiliations.push({ source: person.actorId, target: next.actorId });
        cur = next;
      }
    }
  }
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
  quotes: readonly { start: number; end: number }[],
): ResolvedMention[] {
  const out: ResolvedMention[] = named.map((m) => namedMention(m, possessiveAfter(text, m.end)));
  // The kind of each named mention, looked up once (the loops below read it several times).
  const kinds = out.map((m) => kindOf(actors, m.actorId));
  namedRelations(text, tokens, out, kinds, state, affiliations);

  // Salient person of this sentence: the first named person after an introductory clause.
  let introEnd = sentence.start;
  const firstTok = tokens[0];
  if (firstTok && INTRO_WORDS.has(firstTok.lower)) {
    const comma = text.indexOf(',', sentence.start);
    if (comma >= 0 && comma < sentence.end) introEnd = comma;
  }
  const persons = out.filter((_, k) => kinds[k] === 'person');
  const salientHere = persons.find(
    (m) => m.start >= introEnd && !m.modifier && !m.possessive && !inRegions(quotes, m.start),
  );

  // Titles seen before each named person ("Prime Minister Hun Sen").
  for (const p of persons) {
    const idx = tokenIndexAt(tokens, p.start);
    for (const key of titleKeys(titleBefore(text, tokens, idx, sentence.start))) state.titles.set(key, p.actorId);
  }

  // Pronouns and definite titles.
  const c: SentenceRefs = {
    text,
    tokens,
    named: out,
    actors,
    state,
    affiliations,
    quotes,
    salientHere,
    extra: [],
    groupId: 0,
  };
  for (let i = 0; i < tokens.length; i++) {
    // Only anaphors and title words are resolved below.
    if ((tokens[i]!.word.flags & (WORD_ANAPHOR | WORD_TITLE)) !== 0) i = resolveReference(c, i);
  }
  const extra = c.extra;
  if (salientHere) state.salient = salientHere.actorId;
  else {
    const subjPronoun = extra.find((m) => m.start - sentence.start < 40 && kindOf(actors, m.actorId) === 'person');
    if (subjPronoun) state.salient = subjPronoun.actorId;
  }
  // `out` is in text order already (the named mentions come sorted): only resolved ones need sorting in.
  if (extra.length === 0) return out;
  return mergeByOffsets(out, extra);
}

/**
 * What the reference resolvers of one sentence share. Each resolver is its own function: resolveMentions used to be
 * one 350-line function that V8 recompiled whole (~130 ms each time) after every deoptimisation while warming up.
 */
interface SentenceRefs {
  text: string;
  tokens: readonly Token[];
  /** The sentence's named mentions, in text order (resolved ones go to `extra`). */
  named: ResolvedMention[];
  actors: ReadonlyMap<string, ActorInfo>;
  state: PronounState;
  affiliations: Affiliation[];
  quotes: readonly { start: number; end: number }[];
  /** The sentence's salient person, if named. */
  salientHere: ResolvedMention | undefined;
  extra: ResolvedMention[];
  /** Numbers the pair phrases ("the two countries") of the sentence. */
  groupId: number;
}

/** Resolves the anaphor or title word at token `i`; returns the index of the last token it used. */
function resolveReference(c: SentenceRefs, i: number): number {
  const { tokens } = c;
  const t = tokens[i]!;
  const candidate = (t.word.flags & WORD_ANAPHOR) !== 0;
  const free = candidate && !overlapsAny(c.named, t.start, t.end);
  if (free && NONPERSON_PRONOUNS.has(t.lower)) {
    resolveNonPersonPronoun(c, i);
    return i;
  }
  if (free && WE_PRONOUNS.has(t.lower) && inRegions(c.quotes, t.start)) {
    resolveQuotedWe(c, t);
    return i;
  }
  const prevLower = tokens[i - 1]?.lower;
  let pairKind =
    (t.lower === 'two' && prevLower === 'the') || t.lower === 'both'
      ? PAIR_HEADS.get(tokens[i + 1]?.lower ?? '')
      : undefined;
  if (pairKind === 'country' && (tokens[i + 1]!.lower === 'sides' || tokens[i + 1]!.lower === 'parties')) {
    // "both sides": the two people of the sentence when there are two, else two countries.
    const from = t.lower === 'two' ? tokens[i - 1]!.start : t.start;
    const people = c.named.filter((m) => m.end <= from && kindOf(c.actors, m.actorId) === 'person');
    if (new Set(people.map((m) => m.actorId)).size >= 2) pairKind = 'person';
  }
  if (pairKind && free) {
    resolvePair(c, i, pairKind);
    return i + 1;
  }
  if (free && COUNTRY_NOUNS.has(t.lower) && prevLower === 'the' && tokens[i + 1]?.lower !== 'of' && !t.capital) {
    resolveCountryNoun(c, i);
    return i;
  }
  if (free && PERSON_PRONOUNS.has(t.lower)) {
    resolvePersonPronoun(c, t);
    return i;
  }
  // "the premier", "the Deputy Prime Minister", "the Japanese prime minister".
  if ((t.word.flags & WORD_TITLE) !== 0 && t.lower !== 'the' && t.lower !== 'of' && t.lower !== 'and') {
    return resolveDefiniteTitle(c, i);
  }
  return i;
}

/** "it", "its", "they", "their", "them": a country or organisation of the sentence, else the last subject. */
function resolveNonPersonPronoun(c: SentenceRefs, i: number): void {
  const { tokens, named: namedHere, actors, state, extra } = c;
  const t = tokens[i]!;
  // "it has invaded", "its forces", "their aid": the nearest country/organisation of the sentence, else (for
  // "it") the previous sentence's subject. Dummy "it" ("it is essential", "made it clear", "it's") is skipped.
  const next = tokens[i + 1]?.lower;
  const dummy =
    t.lower === 'it' &&
    (t.end - t.start > 2 ||
      (next !== undefined && DUMMY_IT_NEXT.has(next)) ||
      DUMMY_IT_PREV.has(tokens[i - 1]?.lower ?? ''));
  if (dummy) return;
  // A subject pronoun needs a subject-like antecedent: "The request went to Japan and it will help" is the request.
  const possessive = t.lower === 'its' || t.lower === 'their';
  let target: string | undefined;
  let seen = false;
  for (let k = namedHere.length - 1; k >= 0 && !target; k--) {
    const m = namedHere[k]!;
    if (m.end > t.start) continue;
    seen = true;
    const inPhrase = PREPOSITIONS.has(tokens[tokenIndexAt(tokens, m.start) - 1]?.lower ?? '');
    if (isNonPerson(kindOf(actors, m.actorId)) && (possessive || !inPhrase)) target = m.actorId;
  }
  if (!target && !seen && !PLURAL_PRONOUNS.has(t.lower)) target = state.antecedent;
  if (target) {
    extra.push(reference(target, t.start, t.end, possessive));
  }
}

/** "we", "our" inside quotation marks: the speaker's country. */
function resolveQuotedWe(c: SentenceRefs, t: Token): void {
  const { actors, state, extra, salientHere } = c;
  // Quoted "we": the country of the speaker (the salient person's country, else the document's own country).
  const speaker = salientHere?.actorId ?? state.salient;
  const own = speaker !== undefined ? state.affiliation.get(speaker) : undefined;
  let target = own !== undefined && kindOf(actors, own) === 'country' ? own : undefined;
  if (!target) {
    let best = 0;
    for (const [id, n] of state.countryCounts) {
      if (n > best) {
        best = n;
        target = id;
      }
    }
  }
  if (target) {
    extra.push(reference(target, t.start, t.end, t.lower === 'our'));
  }
}

/** "the two countries", "both sides": the two latest actors of that kind, as one group. */
function resolvePair(c: SentenceRefs, i: number, pairKind: ActorKind): void {
  const { tokens, named: namedHere, actors, state, extra } = c;
  const t = tokens[i]!;
  // "the two premiers", "both countries": the two latest actors of that kind; nothing unless there are two.
  const from = t.lower === 'two' ? tokens[i - 1]!.start : t.start;
  const first = latestOf(namedHere, state, actors, from, pairKind);
  const second = first ? latestOf(namedHere, state, actors, from, pairKind, first) : undefined;
  if (first && second) {
    const head = tokens[i + 1]!;
    c.groupId++;
    for (const id of [second, first]) extra.push(reference(id, from, head.end, false, c.groupId));
  }
}

/** "the country", "the nation": the latest country that is not the clause's own subject. */
function resolveCountryNoun(c: SentenceRefs, i: number): void {
  const { text, tokens, named: namedHere, actors, state, extra } = c;
  const t = tokens[i]!;
  // Not the subject of its own clause ("Japan had supported the country" is not Japan supporting itself).
  const from = tokens[i - 1]!.start;
  const subject = namedHere.findLast(
    (m) =>
      m.end <= from &&
      !m.possessive &&
      !gapBreaks(text, m.end, from) &&
      !PREPOSITIONS.has(tokens[tokenIndexAt(tokens, m.start) - 1]?.lower ?? ''),
  );
  const target = latestOf(namedHere, state, actors, from, 'country', subject?.actorId);
  if (target) {
    const possessive = /^['’]s/.test(text.slice(t.end, t.end + 2));
    extra.push(reference(target, tokens[i - 1]!.start, t.end, possessive));
  }
}

/** "he", "his", "she", "her": the salient person (or a country opening the sentence, for "her"). */
function resolvePersonPronoun(c: SentenceRefs, t: Token): void {
  const { named: namedHere, actors, state, extra, salientHere } = c;
  const here = salientHere && salientHere.end <= t.start ? salientHere.actorId : undefined;
  let target = here ?? state.salient;
  if ((t.lower === 'her' || t.lower === 'she') && namedHere[0] && namedHere[0].end <= t.start) {
    // "Cambodia cannot deny her thankfulness": a country opening the sentence, no person before the pronoun.
    const first = namedHere[0];
    if (
      kindOf(actors, first.actorId) === 'country' &&
      !namedHere.some((m) => m.end <= t.start && kindOf(actors, m.actorId) === 'person')
    )
      target = first.actorId;
  }
  if (target) {
    extra.push(reference(target, t.start, t.end, t.lower === 'his' || t.lower === 'her'));
  }
}

/** "the premier": the latest person with that title. Returns the index of the title's last token. */
function resolveDefiniteTitle(c: SentenceRefs, i: number): number {
  const { text, tokens, named: out, actors, state, affiliations, extra } = c;
  const t = tokens[i]!;
  const prevTok = tokens[i - 1];
  // At the start of the sentence or of a clause after an introductory phrase ("Four days later, Deputy ...").
  const atStart = i === 0 || (prevTok !== undefined && /,\s*$/.test(text.slice(prevTok.end, t.start)));
  if (!atStart && prevTok?.lower !== 'the' && !(prevTok && overlapsAny(out, prevTok.start, prevTok.end))) return i;
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
  if (overlapsAny(out, t.start, last.end)) {
    return j - 1;
  }
  // A title followed by a named person is that person's title, not a reference.
  const next = out.find((m) => m.start >= last.end);
  if (next && next.start - last.end <= 3) {
    return j - 1;
  }
  let target = state.titles.get(title);
  const qualifier = prevTok && !atStart && prevTok.lower !== 'the' ? out.find((m) => m.end === prevTok.end) : undefined;
  const headTitle = /minister|president|premier|^pm$|secretary|chancellor|king|queen|counsellor|ambassador/.test(title);
  if (qualifier) {
    target = undefined;
    for (const [person, country] of state.affiliation) if (country === qualifier.actorId) target = person;
  }
  if (target && headTitle) {
    if (qualifier) {
      // "the Japanese prime minister": the person belongs to the qualifying country.
      qualifier.modifier = true;
      if (kindOf(actors, qualifier.actorId) !== 'person')
        affiliations.push({ source: target, target: qualifier.actorId });
    }
    extra.push(reference(target, t.start, last.end, false));
  }
  return j - 1;
}

const compareOffsets = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  a.start - b.start || a.end - b.end;

/**
 * `[...sorted, ...more].sort(compareOffsets)` when `sorted` is in that order already: a stable sort of the few
 * `more` (insertion sort), then one merge that takes from `sorted` on ties, as the stable sort of the whole does.
 */
export function mergeByOffsets<T extends { start: number; end: number }>(
  sorted: readonly T[],
  more: readonly T[],
): T[] {
  const rest = more.slice();
  for (let i = 1; i < rest.length; i++) {
    const x = rest[i]!;
    let j = i - 1;
    while (j >= 0 && compareOffsets(rest[j]!, x) > 0) {
      rest[j + 1] = rest[j]!;
      j--;
    }
    rest[j + 1] = x;
  }
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length && j < rest.length) {
    if (compareOffsets(sorted[i]!, rest[j]!) <= 0) out.push(sorted[i++]!);
    else out.push(rest[j++]!);
  }
  while (i < sorted.length) out.push(sorted[i++]!);
  while (j < rest.length) out.push(rest[j++]!);
  return out;
}

/** Whether [s, e) overlaps a named (not resolved) mention. */
function insideNamed(mentions: readonly ResolvedMention[], s: number, e: number): boolean {
  for (const m of mentions) if (!m.resolved && m.start < e && s < m.end) return true;
  return false;
}

/** Whether the words of a phrase cue start at token i. */
function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

/** Whether a possessive mention ends at most 5 code units before `pos`. */
function afterPossessive(mentions: readonly ResolvedMention[], pos: number): boolean {
  for (const m of mentions) if (m.possessive && m.end <= pos && pos - m.end <= 5) return true;
  return false;
}

/** Finds cue predicates among the tokens of a sentence. */
function findCues(text: string, tokens: readonly Token[], mentions: readonly ResolvedMention[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let entry: CueEntry | undefined;
    let last = i + 1;
    let noun = false;
    const phrases = t.word.phrases;
    if (phrases) {
      for (const p of phrases) {
        if (phraseAt(tokens, i, p.tokens)) {
          entry = p.entry;
          last = i + p.tokens.length;
          noun = p.entry.noun === true;
          break;
        }
      }
    }
    if (!entry) {
      const options = t.word.single;
      if (!options) continue;
      const prev = tokens[i - 1];
      const nextLower = tokens[i + 1]?.lower;
      const nounContext =
        prev !== undefined &&
        (DETERMINERS.has(prev.lower) ||
          afterPossessive(mentions, t.start) ||
          (prev.capital && t.lower.endsWith('ing')) ||
          (prev.lower.endsWith('ing') && !GERUND_PREPS.has(prev.lower)));
      let verbEntry: CueEntry | undefined;
      let nounEntry: CueEntry | undefined;
      for (const o of options) {
        if (o.noun === true) nounEntry ??= o;
        else verbEntry ??= o;
      }
      if (nounEntry && (!verbEntry || nounContext || nextLower === 'from' || nextLower === 'by')) {
        entry = nounEntry;
        noun = true;
      } else if (nounContext && DETERMINERS.has(prev.lower) && !t.lower.endsWith('ing')) {
        continue; // "the help": a noun reading of a verb-only cue
      } else entry = verbEntry;
      if (!entry) continue;
      // "told X to do": a request.
      if (entry.lemma === 'tell') {
        const to = tokens.slice(i + 1, i + 6).findIndex((x) => x.lower === 'to');
        const after = to >= 0 ? tokens[i + 2 + to] : undefined;
        if (after && !after.capital && !DETERMINERS.has(after.lower)) entry = TELL_REQUEST;
      }
      // "voted twice in international forums against X" is "voted against X".
      if (entry.lemma === 'vote') {
        for (let k = i + 1; k < tokens.length && k - i <= VOTE_GAP; k++) {
          const w = tokens[k]!;
          if (gapBreaks(text, tokens[k - 1]!.end, w.start) || w.lower === 'for' || w.lower === 'favour') break;
          if (w.lower === 'against') {
            entry = VOTE_AGAINST;
            last = k + 1;
            break;
          }
        }
      }
    }
    const first = tokens[i]!;
    const lastTok = tokens[last - 1]!;
    if (insideNamed(mentions, first.start, lastTok.end)) continue;
    const next = tokens[last];
    if (entry.notBefore && next && entry.notBefore.includes(next.lower) && !gapBreaks(text, lastTok.end, next.start))
      continue;
    if (entry.needsPrep) {
      const preps = entry.preps ?? [];
      const n1 = tokens[last];
      const n2 = tokens[last + 1];
      const ok =
        (n1 && preps.includes(n1.lower)) ||
        (noun && entry.symmetric === true && n1?.lower === 'between') ||
        (n1?.lower !== undefined && n2 && preps.includes(n2.lower) && /ly$/.test(n1.lower));
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
      requested: false,
      unattributedQuote: false,
      subordinate: false,
      passive: false,
      quoted: false,
    });
    i = last - 1;
  }
  return cues;
}

/** Negation, modality and subordination: a negator, modal or subordinator earlier in the same clause. */
function scopeFlags(
  text: string,
  tokens: readonly Token[],
  cue: Cue,
): { negated: boolean; hypothetical: boolean; subordinate: boolean } {
  let negated = false;
  let hypothetical = false;
  let subordinate = false;
  const prev = tokens[cue.first - 1];
  const gerundAfterPrep =
    !cue.noun && tokens[cue.first]!.lower.endsWith('ing') && prev !== undefined && PREPOSITIONS.has(prev.lower);
  for (let k = cue.first - 1; k >= 0 && cue.first - k <= SCOPE_TOKENS; k--) {
    const t = tokens[k]!;
    const after = tokens[k + 1]!;
    if (gapBreaks(text, t.end, after.start)) break;
    const flags = t.word.flags;
    if ((flags & WORD_NEGATOR) !== 0 && !gerundAfterPrep && !(after.lower === 'deny' || after.lower === 'doubt'))
      negated = true;
    if ((flags & WORD_MODAL) !== 0) hypothetical = true;
    if (
      (flags & WORD_SUBORDINATOR) !== 0 ||
      (t.lower === 'which' && k > 0 && (tokens[k - 1]!.word.flags & WORD_PREPOSITION) !== 0)
    )
      subordinate = true;
    if ((flags & WORD_CLAUSE) !== 0) break;
  }
  return { negated, hypothetical, subordinate };
}

/** "X, he added, does ...": a mention in a reporting parenthesis is not the subject of what follows. */
function isParenthetical(text: string, tokens: readonly Token[], m: ResolvedMention, cueStart: number): boolean {
  if (!/,\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start))) return false;
  const k = tokenIndexAt(tokens, m.end);
  const next = tokens[k];
  if (next && next.start >= cueStart) return false;
  if (!next || !SINGLE_CUES.get(next.lower)?.some((e) => e.role === 'report')) return false;
  return /^\s*,/.test(text.slice(next.end, next.end + 3));
}

/** The actor an apposition belongs to, when `m` is inside "Owner, a role at Org, <cue>" or "Owner, as chair of Org, <cue>". */
function appositionOwner(
  text: string,
  candidates: readonly ResolvedMention[],
  m: ResolvedMention,
  cueStart: number,
): ResolvedMention | undefined {
  if (m.formerOf !== undefined || !/[,\u2013\u2014]/.test(text.slice(m.end, cueStart))) return undefined;
  for (let k = candidates.indexOf(m) - 1; k >= 0; k--) {
    const p = candidates[k]!;
    if (m.start - p.end > 100) return undefined;
    const gap = text.slice(p.end, m.start);
    if (/^\s*,/.test(gap)) return gap.indexOf(',', gap.indexOf(',') + 1) < 0 ? p : undefined;
  }
  return undefined;
}

/** "a UN resolution": a mention right after an indefinite article (not for "co-sponsor", whose article is the resolution's). */
function isIndefinite(entry: CueEntry, tokens: readonly Token[], m: ResolvedMention): boolean {
  // "co-sponsored a UN General Assembly resolution": the article belongs to the resolution.
  if (entry.lemma === 'co-sponsor') return false;
  const k = tokenIndexAt(tokens, m.start) - 1;
  const t = tokens[k];
  return t !== undefined && (t.lower === 'a' || t.lower === 'an') && m.start - t.end <= 2;
}

/** Index of the token introducing a mention, skipping its own determiners, titles and qualifiers. */
function prepIndex(tokens: readonly Token[], mentions: readonly ResolvedMention[], m: ResolvedMention): number {
  // Skips the object's own determiners, titles and qualifiers: "with Ukrainian President X" -> "with".
  let k = tokenIndexAt(tokens, m.start) - 1;
  while (k >= 0) {
    const t = tokens[k]!;
    const inModifier = mentions.some((x) => x.modifier && x.start <= t.start && t.end <= x.end);
    // "State Counsellor and Foreign Minister X": an "and" between title words belongs to the title.
    const titleAnd =
      t.lower === 'and' &&
      k > 0 &&
      TITLE_WORDS.has(tokens[k - 1]!.lower) &&
      tokens[k - 1]!.capital &&
      TITLE_WORDS.has(tokens[k + 1]?.lower ?? '') &&
      tokens[k + 1]!.capital;
    const title = (TITLE_WORDS.has(t.lower) && t.lower !== 'of' && t.lower !== 'and') || titleAnd;
    const titleOf =
      t.lower === 'of' &&
      k > 0 &&
      TITLE_WORDS.has(tokens[k - 1]!.lower) &&
      k + 1 < tokens.length &&
      tokens[k + 1]!.capital;
    if (!(
      inModifier ||
      title ||
      titleOf ||
      t.lower === 'his' ||
      t.lower === 'her' ||
      t.lower === 'its' ||
      t.lower === 's'
    ))
      break;
    k--;
  }
  return k;
}

/** The word introducing a mention (see prepIndex). */
function prepBefore(
  tokens: readonly Token[],
  mentions: readonly ResolvedMention[],
  m: ResolvedMention,
): string | undefined {
  return tokens[prepIndex(tokens, mentions, m)]?.lower;
}

/** A mention with those coordinated before it ("Hun Sen and Kishida"), or its pair group. */
function coordinated(text: string, mentions: readonly ResolvedMention[], head: ResolvedMention): ResolvedMention[] {
  if (head.group !== undefined) return mentions.filter((m) => m.group === head.group);
  const group = [head];
  if (head.resolved) return group;
  let cur = head;
  let sawAnd = false;
  for (let k = mentions.indexOf(head) - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.modifier) continue;
    if (m.resolved) break;
    const gap = text.slice(m.end, cur.start);
    if (cur.formerOf === m.actorId) {
      group.unshift(m);
      cur = m;
      continue;
    }
    const and = /^(?:\s*,)?\s*(?:and|&)\s+(?:the\s+)?$|^\s*[-\u2013]\s*$/.test(gap);
    if (and || (sawAnd && /^\s*,\s+$/.test(gap))) {
      sawAnd = true;
      group.unshift(m);
      cur = m;
    } else break;
  }
  return group;
}

/** Whether an actor stands between the previous cue and this one (not its object, not a possessive). */
function intervenes(before: readonly ResolvedMention[], previous: Predication): boolean {
  for (const m of before)
    if (m.start >= previous.cue.end && m.actorId !== previous.object?.actorId && !m.possessive) return true;
  return false;
}

/** Subject(s) and object of a cue by nearest-actor rules. */
function predicate(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ResolvedMention[],
  cue: Cue,
  windowEnd: number,
  quotes: readonly { start: number; end: number }[],
  previous: Predication | undefined,
): Predication {
  const entry = cue.entry;
  const before = mentions.filter(
    (m) =>
      m.end <= cue.start && !m.modifier && inRegions(quotes, m.start) === cue.quoted && !isIndefinite(entry, tokens, m),
  );
  const after = mentions.filter(
    (m) =>
      m.start >= cue.end &&
      m.start < windowEnd &&
      m.start - cue.end <= OBJECT_WINDOW &&
      !m.modifier &&
      !isIndefinite(entry, tokens, m),
  );
  let subjects: ResolvedMention[] = [];
  let agentive = false;
  let object: ResolvedMention | undefined;

  if (cue.passive) {
    const next = tokens[cue.last];
    if (next?.lower !== 'by') return { cue, subjects: [], agentive: false };
    const agent = after.find((m) => prepBefore(tokens, mentions, m) === 'by');
    if (!agent) return { cue, subjects: [], agentive: false };
    const patient = entry.role === 'relation' ? before.filter((m) => !m.possessive).at(-1) : undefined;
    return {
      cue,
      subjects: [agent],
      ...(patient && patient.actorId !== agent.actorId ? { object: patient } : {}),
      agentive: true,
    };
  }
  if (entry.role === 'report' && /[\u201d"][\s,]{0,4}$/.test(text.slice(Math.max(0, cue.start - 6), cue.start))) {
    // '"...," said the Deputy Prime Minister.'
    const speaker = after.find((m) => m.start - cue.end <= 40);
    return { cue, subjects: speaker ? [speaker] : [], agentive: false };
  }
  if (cue.noun) {
    // "X's visit to Y", "Russian military action in Ukraine", "his opposition to".
    const adjacent = before.length > 0 ? before[before.length - 1] : undefined;
    if (adjacent) {
      const gap = text.slice(adjacent.end, cue.start);
      const gapToks = tokensBetween(tokens, adjacent.end, cue.start);
      const possessiveOrAdjacent =
        !/[,;:.()]/.test(gap) &&
        gapToks.length <= 2 &&
        gapToks.every(
          (t) =>
            // "their supporting development aid": an -ing modifier after a possessive is not a predicate.
            (!SINGLE_CUES.has(t.lower) || (adjacent.possessive && t.lower.endsWith('ing'))) &&
            t.lower !== 'and' &&
            t.lower !== 'of' &&
            t.lower !== 'the',
        );
      if (possessiveOrAdjacent) {
        subjects = coordinated(text, mentions, adjacent);
        agentive = true;
        if (entry.copular && adjacent.possessive) {
          // "Russia, who is our friend": the copula's subject is the partner.
          const k = tokenIndexAt(tokens, adjacent.start);
          const be = tokens[k - 1];
          const rel = tokens[k - 2];
          const lead = rel?.lower === 'who' || rel?.lower === 'which' ? k - 3 : k - 2;
          const partner = before.filter((m) => m.end <= (tokens[lead + 1]?.start ?? 0) && !m.possessive).at(-1);
          if (
            be &&
            BE_FORMS.has(be.lower) &&
            partner &&
            tokenIndexAt(tokens, partner.end) >= lead &&
            partner.actorId !== adjacent.actorId
          )
            object = partner;
        }
      }
    }
    const next = tokens[cue.last];
    if (!agentive && next && NOUN_AGENT_PREPS.has(next.lower)) {
      const agent = after.find((m) => prepBefore(tokens, mentions, m) === next.lower);
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
      const lead = tokens.slice(Math.max(0, cue.first - 4), cue.first);
      const light =
        lead.some((t) => LIGHT_VERBS.has(t.lower)) ||
        (entry.copular === true && lead.some((t) => BE_FORMS.has(t.lower) || t.lower === 'became'));
      if (!light) return { cue, subjects: [], agentive: false };
    }
  }
  if (entry.adjunct && previous && previous.subjects.length > 0) {
    // "X ran a course with the participation of Y": X cooperates with Y.
    subjects = previous.subjects;
  }
  const prevLower = tokens[cue.first - 1]?.lower;
  const inherits =
    !cue.noun &&
    (prevLower === 'to' ||
      (prevLower !== undefined && GERUND_PREPS.has(prevLower) && tokens[cue.first]!.lower.endsWith('ing')));
  if (
    subjects.length === 0 &&
    inherits &&
    previous &&
    previous.subjects.length > 0 &&
    previous.cue.entry.role === 'relation' &&
    !(previous.cue.noun && previous.subjects.every((x) => x.possessive)) &&
    !intervenes(before, previous)
  ) {
    // "X thanked Y for sending", "X urged Y to send": Y sends; "X voted in favour of denouncing": X denounces.
    const objectControl = (prevLower === 'for' || prevLower === 'to') && previous.object && !previous.cue.noun;
    subjects = objectControl ? [previous.object!] : previous.subjects;
  }
  // "I/We <verb>": the subject is the (unresolved) speaker, unless the "I" opens a quotation the cue is outside of.
  const firstPerson =
    (tokens[0]?.lower === 'i' || (tokens[0]?.lower === 'we' && !mentions.some((m) => m.start === tokens[0]!.start))) &&
    inRegions(quotes, tokens[0].start) === cue.quoted;
  if (subjects.length === 0 && !(firstPerson && !cue.noun)) {
    const candidates = before.filter(
      (m) => !isParenthetical(text, tokens, m, cue.start) && (cue.noun || !m.possessive || m.modifier),
    );
    let nearest = candidates.length > 0 ? candidates[candidates.length - 1] : undefined;
    if (nearest) {
      // An apposition's organisation stands for its person: "X, a fellow at the Y Institute, said".
      const owner = appositionOwner(text, candidates, nearest, cue.start);
      if (owner) nearest = owner;
      const between = tokensBetween(tokens, nearest.end, cue.start);
      // "X does not allow ..., nor does it send": "it" continues the previous subject of the sentence.
      const continues = previous?.subjects.some((x) => x.actorId === nearest!.actorId) === true;
      const blocked = between.some(
        (t) =>
          BLOCKING_PRONOUNS.has(t.lower) &&
          t.lower !== 'this' &&
          t.lower !== 'these' &&
          !(continues && t.lower === 'it'),
      );
      const gerund = !cue.noun && tokens[cue.first]!.lower.endsWith('ing');
      const prevTok = tokens[cue.first - 1]?.lower;
      const adjacent =
        cue.start - nearest.end <= 3 || nearest.possessive || (prevTok !== undefined && GERUND_PREPS.has(prevTok));
      if ((!gerund || adjacent) && !blocked) subjects = coordinated(text, mentions, nearest);
    }
  }
  if (!object) {
    const subjectIds = new Set(subjects.map((s) => s.actorId));
    const candidates = after.filter((m) => !subjectIds.has(m.actorId));
    const preps = entry.preps ?? [];
    const withPrep = candidates.find((m) => {
      const p = prepBefore(tokens, mentions, m);
      if (p === undefined || !preps.includes(p)) return false;
      // A verb's "of" object is right after it ("requested of X"), not inside a later noun phrase.
      return p !== 'of' || cue.noun || tokensBetween(tokens, cue.end, m.start).length <= 3;
    });
    if (withPrep) object = withPrep;
    else if (
      cue.noun &&
      agentive &&
      subjects.length > 0 &&
      tokens[tokenIndexAt(tokens, subjects[0]!.start) - 1]?.lower === 'with' &&
      previous &&
      previous.subjects.length > 0 &&
      !previous.subjects.some((x) => subjectIds.has(x.actorId))
    ) {
      // "X trained Y with Z's assistance": Z aids X.
      object = previous.subjects[0];
    } else if (!entry.needsPrep && !cue.noun) {
      // A direct object: not introduced by a preposition, close to the verb.
      object = candidates.find((m) => {
        const gap = tokensBetween(tokens, cue.end, m.start);
        const gapTokens = gap.length;
        if (gapTokens > 6) return false;
        const p = prepBefore(tokens, mentions, m);
        const headOf = p === 'of' && GOVERNMENT_HEADS.has(tokens[prepIndex(tokens, mentions, m) - 1]?.lower ?? '');
        const cueEndsInPrep = PREPOSITIONS.has(tokens[cue.last - 1]!.lower) && gapTokens <= 1;
        if (!(p === undefined || !PREPOSITIONS.has(p) || headOf || cueEndsInPrep)) return false;
        // "sign the TAC when Cambodia offered ...": an actor past a subordinator is the subject of another clause.
        return !gap.some((t) => SUBORDINATORS.has(t.lower));
      });
    }
  }
  const moreObjects = object ? coordinatedAfter(text, after, object) : [];
  const out: Predication =
    moreObjects.length > 0 ? { cue, subjects, object, moreObjects, agentive } : { cue, subjects, object, agentive };
  if ((entry.lemma === 'support' || entry.lemma === 'back') && !cue.noun && object) {
    // "supported X in its development", "support X to further its recovery": material help, i.e. aid.
    const k = tokenIndexAt(tokens, object.end);
    for (let j = k; j < tokens.length && j - k < 6; j++) {
      if (gapBreaks(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
      if (DEVELOPMENT_NOUNS.has(tokens[j]!.lower)) {
        out.type = 'aid';
        break;
      }
    }
  }
  return out;
}

const LIST_GAP_RE = /^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$/;

/** Mentions coordinated after `head` among `after`: "Japan, France and China", "CMAC (X), CMAA and JICA". */
function coordinatedAfter(text: string, after: readonly ResolvedMention[], head: ResolvedMention): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  let cur = head;
  for (let k = after.indexOf(head) + 1; k < after.length; k++) {
    const m = after[k]!;
    if (m.resolved || m.possessive || m.start - cur.end > 60) break;
    if (m.actorId === cur.actorId && /^\s*\($/.test(text.slice(cur.end, m.start))) {
      cur = { ...m, end: text[m.end] === ')' ? m.end + 1 : m.end }; // "Centre (CMAC)": the acronym in brackets
      continue;
    }
    if (!LIST_GAP_RE.test(text.slice(cur.end, m.start))) break;
    if (m.actorId !== head.actorId) out.push(m);
    cur = m;
  }
  return out;
}

/** Whether items are in (start, end) order already: what sorting them by those keys would leave unchanged. */
export function isSortedByOffsets(items: readonly { start: number; end: number }[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** Analyses every sentence of a document, in order. */
export function analyseDocument(
  text: string,
  sentences: readonly SentenceSpan[],
  mentions: readonly ActorMention[],
  actorList: readonly ActorInfo[],
): SentenceAnalysis[] {
  const actors = new Map<string, ActorInfo>();
  for (const a of actorList) actors.set(a.id, a);
  // The mentions usually come sorted: then the stable sort would keep them as they are.
  const sorted = isSortedByOffsets(mentions)
    ? mentions
    : [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const state: PronounState = {
    salient: undefined,
    titles: new Map(),
    affiliation: new Map(),
    antecedent: undefined,
    recent: [],
    countryCounts: new Map(),
  };
  const out: SentenceAnalysis[] = [];
  let mi = 0;
  let qi = 0;
  const allQuotes = quoteRegions(text, 0, text.length);
  let currentParagraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== currentParagraph) currentParagraph = sentence.paragraph;
    while (mi < sorted.length && sorted[mi]!.start < sentence.start) mi++;
    const named: ActorMention[] = [];
    for (let k = mi; k < sorted.length && sorted[k]!.start < sentence.end; k++) {
      const m = sorted[k]!;
      if (m.end <= sentence.end && actors.has(m.actorId)) named.push(m);
    }
    if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) {
      // Not prose a reader could check as evidence (an unpunctuated block): no events or relations from it.
      out.push({ sentence, tokens: [], mentions: [], cues: [], predications: [], affiliations: [], quotes: [] });
      continue;
    }
    const tokens = tokenize(text, sentence.start, sentence.end);
    while (qi < allQuotes.length && allQuotes[qi]!.end <= sentence.start) qi++;
    const quotes: { start: number; end: number }[] = [];
    for (let k = qi; k < allQuotes.length && allQuotes[k]!.start < sentence.end; k++) {
      const q = allQuotes[k]!;
      quotes.push({ start: Math.max(q.start, sentence.start), end: Math.min(q.end, sentence.end) });
    }
    const affiliations: Affiliation[] = [];
    const resolved = resolveMentions(text, sentence, tokens, named, actors, state, affiliations, quotes);
    const cues = findCues(text, tokens, resolved);
    const attributed = cues.some((c) => c.entry.role === 'report' && !inRegions(quotes, c.start));
    let governedByRequest = -1;
    for (const cue of cues) {
      const flags = scopeFlags(text, tokens, cue);
      cue.negated = flags.negated;
      cue.hypothetical = flags.hypothetical;
      cue.requested = governedByRequest >= 0 && !cue.noun;
      cue.subordinate = flags.subordinate;
      cue.quoted = inRegions(quotes, cue.start);
      cue.unattributedQuote = !attributed && cue.quoted;
      const prevTok = tokens[cue.first - 1];
      const prev2 = tokens[cue.first - 2];
      cue.passive =
        !cue.noun &&
        ((prevTok !== undefined && BE_FORMS.has(prevTok.lower)) ||
          (prev2 !== undefined && BE_FORMS.has(prev2.lower) && prevTok!.lower.endsWith('ly'))) &&
        !tokens[cue.first]!.lower.endsWith('ing');
      if (
        !cue.passive &&
        prevTok &&
        !cue.noun &&
        tokens[cue.first]!.lower.endsWith('ed') &&
        /,\s*$/.test(text.slice(prevTok.end, cue.start)) &&
        tokens[cue.last]?.lower === 'by'
      ) {
        cue.passive = true; // ", attended by X"
      }
      if (cue.entry.type === 'request' && !cue.noun) governedByRequest = cue.start;
    }
    const predications: Predication[] = [];
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c]!;
      // Only a ';' inside the sentence matters: search up to its end, not through the rest of the document.
      const semi = text.slice(cue.end, sentence.end).indexOf(';');
      let windowEnd = semi >= 0 ? cue.end + semi : sentence.end;
      for (let d = c + 1; d < cues.length; d++) {
        if (!cues[d]!.noun) {
          windowEnd = Math.min(windowEnd, cues[d]!.start);
          break;
        }
      }
      predications.push(predicate(text, tokens, resolved, cue, windowEnd, quotes, predications.at(-1)));
    }
    const analysis: SentenceAnalysis = {
      sentence,
      tokens,
      mentions: resolved,
      cues,
      predications,
      affiliations,
      quotes,
    };
    if (state.salient) analysis.salient = state.salient;
    phraseRelations(text, tokens, resolved, actors, predications, affiliations);
    quotedRequests(text, tokens, resolved, quotes, predications, affiliations);
    rememberActors(state, resolved, actors, predications);
    out.push(analysis);
  }
  return out;
}

const MEMBERSHIP_GAP_RE =
  /^(?:\s*,)?\s*(?:as\s+)?(?:(?:the|its|their|her|a|an)\s+)?(?:[\p{Ll}\p{N}-]+\s+){0,3}(?:chair|chairman|chairwoman|chairmanship|chairperson|member|members|member state|member country)\s+of\s+(?:the\s+)?$/u;
const LIST_INTRO_RE = /^(?:\s*,)?\s*(?:namely|including|comprising|such as|:)\s*(?:the\s+)?$/;
const MEMBERS_AFTER_RE = /^\s*,\s*(?:all\s+|both\s+)?(?:members|member states|member countries)\s+of\s+(?:the\s+)?$/;
const PLUS_RE = /^\s+Plus\s+[A-Z][a-z]+\s*\(\s*$/;
const MEETING_HEADS = new Set([
  'summit',
  'meeting',
  'meetings',
  'talks',
  'dialogue',
  'conference',
  'forum',
  'consultations',
]);
const HYPHEN_RE = /^\s*[-\u2013]\s*$/;

/** Whether an actor is the object of one of the sentence's relation predications (read only when a meeting is named). */
function isRelationObject(predications: readonly Predication[], id: string): boolean {
  for (const p of predications) if (p.object?.actorId === id && p.cue.entry.role === 'relation') return true;
  return false;
}

/** An organisation or a group. */
const isGroupKind = (kind: ActorKind | undefined): boolean => kind === 'organization' || kind === 'group';

/**
 * Relations carried by the shape of noun phrases rather than by a verb: memberships ("X, as chair of Y", "the bloc Y,
 * namely A, B and C", "A and B, members of Y"), "Y Plus Three (A, B, C)" and meeting names ("the X-Y summit" is a
 * consultation between X and Y, and the person of the sentence who attends or addresses it consults X).
 */
function phraseRelations(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ResolvedMention[],
  actors: ReadonlyMap<string, ActorInfo>,
  predications: readonly Predication[],
  out: Affiliation[],
): void {
  const named = mentions.filter((m) => !m.resolved);
  const kinds = named.map((m) => kindOf(actors, m.actorId));
  for (let i = 0; i + 1 < named.length; i++) {
    const x = named[i]!;
    const y = named[i + 1]!;
    if (y.start - x.end > 80) continue; // the gap's length, without cutting it out
    const gap = text.slice(x.end, y.start);
    if (kinds[i] !== 'person' && isGroupKind(kinds[i + 1]) && x.actorId !== y.actorId && MEMBERSHIP_GAP_RE.test(gap)) {
      out.push({ source: x.actorId, target: y.actorId });
      // "A and B, members of Y" is caught by the list rule below; "X, as chair of Y" here.
    }
    if (isGroupKind(kinds[i]) && (LIST_INTRO_RE.test(gap) || PLUS_RE.test(gap))) {
      const type = PLUS_RE.test(gap) ? 'consult' : 'affiliation';
      let cur = x;
      for (let k = i + 1; k < named.length; k++) {
        const m = named[k]!;
        const g = text.slice(cur.end, m.start);
        if (k > i + 1 && !LIST_GAP_RE.test(g)) break;
        if (kinds[k] !== 'country' && kinds[k] !== 'organization') break;
        if (m.actorId !== x.actorId) {
          out.push(
            type === 'consult'
              ? { source: x.actorId, target: m.actorId, type }
              : { source: m.actorId, target: x.actorId },
          );
        }
        cur = m;
      }
    }
    if (isGroupKind(kinds[i + 1]) && MEMBERS_AFTER_RE.test(gap)) {
      let cur = x;
      for (let k = i; k >= 0; k--) {
        const m = named[k]!;
        if (k < i && !LIST_GAP_RE.test(text.slice(m.end, cur.start))) break;
        if (kinds[k] === 'country' || kinds[k] === 'organization') {
          out.push({ source: m.actorId, target: y.actorId });
        }
        cur = m;
      }
    }
  }
  // Meeting names: "the Special ASEAN-U.S. Foreign Ministers' Meeting", "the ASEAN summit".
  // The person who attends: looked for only when a meeting is named.
  let person: ResolvedMention | undefined | null = null;
  for (let i = 0; i < named.length; i++) {
    const x = named[i]!;
    if (!isGroupKind(kinds[i]) && kinds[i] !== 'country') continue;
    let last = x;
    let partner: ResolvedMention | undefined;
    const y = named[i + 1];
    if (y && HYPHEN_RE.test(text.slice(x.end, y.start))) {
      partner = y;
      last = y;
    }
    const k0 = tokenIndexAt(tokens, last.end);
    let head = -1;
    for (let k = k0; k < tokens.length && k - k0 < 5; k++) {
      const t = tokens[k]!;
      if (gapBreaks(text, k === k0 ? last.end : tokens[k - 1]!.end, t.start)) break;
      if (MEETING_HEADS.has(t.lower)) {
        head = k;
        break;
      }
      if (!t.capital) break;
    }
    if (head < 0) continue;
    if (partner && partner.actorId !== x.actorId)
      out.push({ source: x.actorId, target: partner.actorId, type: 'consult' });
    person ??= mentions.find((m) => kindOf(actors, m.actorId) === 'person' && !m.modifier && !m.possessive);
    if (person && isGroupKind(kinds[i]) && !isRelationObject(predications, x.actorId) && person.actorId !== x.actorId) {
      out.push({ source: person.actorId, target: x.actorId, type: 'consult' });
    }
    if (partner) i++;
  }
}

/**
 * Makes `id` the most recent actor: out of its place (if listed; its kind is the same, so its entry is reused), onto
 * the end, the oldest dropped past RECENT_MAX.
 */
function moveToEnd(recent: { id: string; kind: ActorKind }[], id: string, kind: ActorKind): void {
  let at = -1;
  for (let k = 0; k < recent.length; k++) {
    if (recent[k]!.id === id) {
      at = k;
      break;
    }
  }
  if (at >= 0) {
    if (at === recent.length - 1) return;
    recent.push(recent.splice(at, 1)[0]!);
    return;
  }
  recent.push({ id, kind });
  if (recent.length > RECENT_MAX) recent.shift();
}

/** Updates what later anaphors refer to: recent actors, country counts and the antecedent of "it". */
function rememberActors(
  state: PronounState,
  named: readonly ResolvedMention[],
  actors: ReadonlyMap<string, ActorInfo>,
  predications: readonly Predication[],
): void {
  let only: string | undefined;
  let several = false;
  for (const m of named) {
    if (m.resolved || m.formerOf !== undefined) continue;
    const kind = actors.get(m.actorId)!.kind;
    moveToEnd(state.recent, m.actorId, kind);
    if (kind === 'country') state.countryCounts.set(m.actorId, (state.countryCounts.get(m.actorId) ?? 0) + 1);
    if (kind === 'country' || kind === 'organization') {
      if (only === undefined) only = m.actorId;
      else if (only !== m.actorId) several = true;
    }
  }
  // "it" in the next sentence: the country/organisation that is a subject here, else the only one named here.
  let antecedent: string | undefined;
  for (const p of predications) {
    const s = p.subjects.find((x) => {
      const k = x.resolved ? undefined : actors.get(x.actorId)?.kind;
      return k === 'country' || k === 'organization';
    });
    if (s) {
      antecedent = s.actorId;
      break;
    }
  }
  if (!antecedent && !several) antecedent = only;
  // Cleared by assignment, not `delete`: deleting a property would turn the state into a slow dictionary object.
  state.antecedent = antecedent ? antecedent : undefined;
}

const REQUEST_MODALS = new Set(['should', 'must', 'ought']);
const NEED_WORDS = new Set(['essential', 'important', 'vital', 'necessary', 'crucial', 'imperative', 'time']);

/**
 * Requests in attributed quotations: '"X should ...," said Y' and 'Y said: "it is essential that X ..."' are Y asking X.
 * The speaker is the subject of the sentence's reporting verb outside the quotation.
 */
function quotedRequests(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ResolvedMention[],
  quotes: readonly { start: number; end: number }[],
  predications: readonly Predication[],
  out: Affiliation[],
): void {
  if (quotes.length === 0) return;
  const report = predications.find(
    (p) => p.cue.entry.role === 'report' && !p.cue.quoted && p.subjects.length > 0 && !p.subjects[0]!.resolved,
  );
  const speaker =
    report?.subjects[0]?.actorId ??
    predications.find((p) => p.cue.entry.role === 'report' && !p.cue.quoted)?.subjects[0]?.actorId;
  if (!speaker) return;
  const push = (m: ResolvedMention): void => {
    if (m.actorId !== speaker && !m.resolved) out.push({ source: speaker, target: m.actorId, type: 'request' });
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const modal = REQUEST_MODALS.has(t.lower);
    if ((!modal && !NEED_WORDS.has(t.lower)) || !inRegions(quotes, t.start)) continue;
    if (modal) {
      // "ASEAN and the U.S. should ...": the coordinated mentions right before the modal.
      let cur = t.start;
      for (let j = mentions.length - 1; j >= 0; j--) {
        const m = mentions[j]!;
        if (m.end > cur) continue;
        const gap = text.slice(m.end, cur);
        if (cur === t.start ? !/^\s+(?:also\s+)?$/.test(gap) : !/^(?:\s*,)?\s*(?:and\s+)?(?:the\s+)?$/.test(gap)) break;
        push(m);
        cur = m.start;
      }
    } else if (NEED_WORDS.has(t.lower) && tokens[k + 1]?.lower === 'that') {
      // "it is essential that X engage Y": X.
      const after = tokens[k + 2];
      const m =
        after &&
        mentions.find((x) => x.start === after.start || (after.lower === 'the' && x.start === tokens[k + 3]?.start));
      if (m) push(m);
    }
  }
}
