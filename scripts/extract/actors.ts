/**
 * Actor recognition: countries, organisations, groups, persons and places, with exact mention offsets.
 *
 * Sources, in order of trust:
 * 1. The general-knowledge gazetteer (gazetteer.ts): countries, demonyms, capitals, seats of power, regions,
 *    international organisations and well-known groups. Case-sensitive, longest match.
 * 2. Capitalised chunks from wink-nlp POS tags (PROPN and capitalised nouns), joined over "of/for/the/de..." (and over
 *    "and" inside an organisation name such as "Ministry of X and Y"), then typed by general rules:
 *    titles ("Prime Minister X" -> person X, the title is stripped and kept as an alias), organisation head words
 *    ("... Institute", "Ministry of ...", "... Airlines"), role nouns around the name ("counterpart X", "X, a research
 *    fellow"), first-name/surname and place lexicons (compromise), and name-likeness (a token unknown to the wink
 *    vocabulary, e.g. "Mengdavid"). Chunks made only of ordinary English words with no such evidence are dropped
 *    ("Foreign Policy", "Silent Observer"); chunks ending in an event word ("... Summit", "... War") are not actors.
 * 3. Document-level resolution: acronyms defined in the text ("Cambodian Mine Action Centre (CMAC)"), surnames of
 *    persons already named ("Kishida" after "Fumio Kishida"), repeats of any name typed elsewhere in the document,
 *    "the Kingdom" -> the most-mentioned monarchy of the document.
 *
 * Capitals: a capital is a place ('place:phnom-penh') when it follows a locative preposition ("in Phnom Penh",
 * "to Moscow", "from Beijing") or is followed by ", <Country>"; otherwise it is a metonym for its country
 * ("Moscow said", "Beijing warned" -> country). Seats of power ("the Kremlin") are always the country.
 *
 * Deterministic: ids come from normalised names (slug), never from counters; everything is sorted by code units.
 * Robust: every regex is linear; each sentence is cut into pieces of at most MAX_PIECE characters before wink sees it.
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Actor, ActorKind } from '../../src/model/schema';
import { MONTH_NAMES } from '../../src/model/calendar';
import {
  DOCUMENT_HEADS,
  EVENT_HEADS,
  GAZETTEER,
  MONARCHIES,
  ORG_HEADS,
  PLATFORMS,
  PLATFORM_VENUE_NEXT,
  ROLE_NOUNS,
  STOP_NAMES,
  TITLES,
  VENUE_HEADS,
  countryName,
  slug,
  type GazetteerEntry,
} from './gazetteer';
import type { Sentence } from './sentences';
import { lowerBound, startOf } from './sorted';

export { DEMONYM_TO_COUNTRY, TITLES, ROLE_NOUNS, slug } from './gazetteer';

export interface FoundMention {
  actorId: string;
  start: number;
  end: number;
  surface: string;
}

export interface ActorResult {
  actors: Actor[];
  mentions: FoundMention[];
}

/** The kind encoded in an actor id ('country:KHM' -> 'country'). */
export function actorKindOf(id: string): ActorKind {
  const prefix = id.slice(0, id.indexOf(':'));
  switch (prefix) {
    case 'country':
      return 'country';
    case 'org':
      return 'organization';
    case 'group':
      return 'group';
    case 'person':
      return 'person';
    case 'place':
      return 'place';
    default:
      return 'other';
  }
}

const ID_PREFIX: Record<ActorKind, string> = {
  country: 'country',
  organization: 'org',
  group: 'group',
  person: 'person',
  place: 'place',
  other: 'other',
};

/** Id of an actor of `kind` named `name` (countries use ISO3 codes and come from the gazetteer). */
export function actorId(kind: ActorKind, name: string): string {
  return `${ID_PREFIX[kind]}:${cachedSlug(name) || 'x'}`;
}

const SLUG_CACHE = new Map<string, string>();
const SLUG_CACHE_MAX = 100_000;

/** slug(name), remembered: names repeat within and across documents. */
function cachedSlug(name: string): string {
  let s = SLUG_CACHE.get(name);
  if (s === undefined) {
    s = slug(name);
    if (SLUG_CACHE.size < SLUG_CACHE_MAX) SLUG_CACHE.set(name, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicons, loaded once.

// Only the POS tagger: no NER automaton, sentiment or negation (they cost most of wink's time and are unused).
const wink = winkNLP(model, ['pos']);
const its = wink.its;
/* eslint-disable @typescript-eslint/unbound-method -- wink's `its` helpers are plain functions, passed by design */
const UNIQUE_ID = its.uniqueId;
const POS = its.pos;
/* eslint-enable @typescript-eslint/unbound-method */
/** wink gives words of its vocabulary ids below this; unknown words get ids at or above it. */
const VOCAB_LIMIT = Number(wink.readDoc('qzxjvkwq').tokens().out(UNIQUE_ID)[0]);
const vocabCache = new Map<string, boolean>();
const VOCAB_CACHE_MAX = 200_000;

/** Whether a lower-cased word is in wink's English vocabulary (ordinary words and very common names). */
function inVocab(word: string): boolean {
  const w = word.toLowerCase();
  const hit = vocabCache.get(w);
  if (hit !== undefined) return hit;
  const ids: unknown[] = wink.readDoc(w).tokens().out(UNIQUE_ID);
  const known = ids.length > 0 && ids.every((id) => Number(id) < VOCAB_LIMIT);
  if (vocabCache.size < VOCAB_CACHE_MAX) vocabCache.set(w, known);
  return known;
}

// compromise is used only for its lexicon. Its package entry for `import` is the unbundled source (hundreds of
// modules, ~0.6 s to load through tsx, paid again by every worker thread); the `require` entry is the same version
// bundled into one file (~0.25 s) with the same lexicon.
const compromise = createRequire(import.meta.url)('compromise') as {
  model(): { one: { lexicon: Record<string, string | string[]> } };
};
const LEXICON = compromise.model().one.lexicon;
/** compromise's lexicon as a map of comma-joined tags (one lookup instead of two on a large object). */
const LEX_TAGS = new Map<string, string>();
for (const word of Object.getOwnPropertyNames(LEXICON)) {
  const v = LEXICON[word];
  if (v !== undefined) LEX_TAGS.set(word, Array.isArray(v) ? v.join(',') : v);
}
function lexTags(word: string): string {
  return LEX_TAGS.get(word) ?? '';
}
const LEX_FIRST_NAME = 1;
const LEX_LAST_NAME = 2;
const LEX_PLACE = 4;
const LEX_ORG = 8;
/** Name, place and organisation tags per lexicon word (words with none are left out). */
const LEX_KIND = new Map<string, number>();
for (const [word, tags] of LEX_TAGS) {
  const kind =
    (/(?:^|,)(?:MaleName|FemaleName|FirstName)(?:,|$)/u.test(tags) ? LEX_FIRST_NAME : 0) |
    (/(?:^|,)(?:LastName|Person)(?:,|$)/u.test(tags) ? LEX_LAST_NAME : 0) |
    (/(?:^|,)(?:City|Place|Region)(?:,|$)/u.test(tags) ? LEX_PLACE : 0) |
    (/(?:^|,)(?:Organization|SportsTeam)(?:,|$)/u.test(tags) ? LEX_ORG : 0);
  if (kind !== 0) LEX_KIND.set(word, kind);
}
const lexKind = (w: string, kind: number): boolean => ((LEX_KIND.get(w.toLowerCase()) ?? 0) & kind) !== 0;
const isFirstName = (w: string): boolean => lexKind(w, LEX_FIRST_NAME);
const isLastName = (w: string): boolean => lexKind(w, LEX_LAST_NAME);
const lexPlace = (w: string): boolean => lexKind(w, LEX_PLACE);
const lexOrg = (w: string): boolean => lexKind(w, LEX_ORG);

// ---------------------------------------------------------------------------------------------------------------
// Tokens (our own, for gazetteer matching and typing).

interface Tok {
  text: string;
  start: number;
  end: number;
}

/**
 * The token grammar: initialisms ("U.S."), words (letters, marks, digits, with inner apostrophes but not a possessive
 * "'s"), or any other single non-space character. `tokenize` scans it by hand (same tokens, no match objects); the
 * regex is the specification, and a test checks the two agree.
 */
export const TOKEN =
  /(?:\p{Lu}\.){2,4}|[\p{L}\p{M}\p{N}]+(?:['\u2019](?!s(?![\p{L}\p{M}]))[\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

const C_L = 1;
const C_M = 2;
const C_N = 4;
const C_LU = 8;
const C_SPACE = 16;
const C_KNOWN = 128;
const C_LMN = C_L | C_M | C_N;
const C_LM = C_L | C_M;
/** Character classes of BMP code units, filled on first use; astral code points in a map. */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();
const RE_L = /^\p{L}$/u;
const RE_M = /^\p{M}$/u;
const RE_N = /^\p{N}$/u;
const RE_LU = /^\p{Lu}$/u;
const RE_SPACE = /^\s$/u;

function classify(cp: number): number {
  const s = String.fromCodePoint(cp);
  return (
    C_KNOWN |
    (RE_L.test(s) ? C_L : 0) |
    (RE_M.test(s) ? C_M : 0) |
    (RE_N.test(s) ? C_N : 0) |
    (RE_LU.test(s) ? C_LU : 0) |
    (RE_SPACE.test(s) ? C_SPACE : 0)
  );
}

function charClass(cp: number): number {
  if (cp < 0x10000) {
    let c = BMP_CLASS[cp]!;
    if (c === 0) BMP_CLASS[cp] = c = classify(cp);
    return c;
  }
  let c = ASTRAL_CLASS.get(cp);
  if (c === undefined) ASTRAL_CLASS.set(cp, (c = classify(cp)));
  return c;
}

/** /^\p{Lu}/u.test(s): starts with an upper-case letter. */
function startsUpper(s: string): boolean {
  const cp = s.codePointAt(0);
  return cp !== undefined && (charClass(cp) & C_LU) !== 0;
}

/** /^\p{L}/u.test(s): starts with a letter. */
function startsLetter(s: string): boolean {
  const cp = s.codePointAt(0);
  return cp !== undefined && (charClass(cp) & C_L) !== 0;
}

/** /\p{L}/u.test(s): some letter in it. */
function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    if (charClass(cp) & C_L) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** /[\p{L}\p{N}]/u.test(s): some letter or number in it. */
function hasLetterOrNumber(s: string): boolean {
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    if (charClass(cp) & (C_L | C_N)) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

const isThe = (s: string): boolean => s === 'The' || s === 'the';

const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;

/** text.codePointAt(i) (i inside the text), reading a second code unit only after a high surrogate. */
function cpAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  return u >= 0xd800 && u <= 0xdbff ? text.codePointAt(i)! : u;
}

/** Tokens of `text` (the TOKEN grammar), with offsets shifted by `offset`. */
export function tokenize(text: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const cp = cpAt(text, p);
    const width = cp > 0xffff ? 2 : 1;
    const c = charClass(cp);
    if (c & C_SPACE) {
      p += width;
      continue;
    }
    let e = p;
    if (c & C_LU) {
      // (?:\p{Lu}\.){2,4}
      let q = p;
      let pairs = 0;
      while (pairs < 4 && q < n) {
        const cq = cpAt(text, q);
        const wq = cq > 0xffff ? 2 : 1;
        if (!(charClass(cq) & C_LU) || q + wq >= n || text.charCodeAt(q + wq) !== 46) break;
        q += wq + 1;
        pairs++;
      }
      if (pairs >= 2) e = q;
    }
    if (e === p) {
      if (c & C_LMN) {
        // [\p{L}\p{M}\p{N}]+(?:['’](?!s(?![\p{L}\p{M}]))[\p{L}\p{M}]+)*
        e = p + width;
        while (e < n) {
          const ce = cpAt(text, e);
          if (!(charClass(ce) & C_LMN)) break;
          e += ce > 0xffff ? 2 : 1;
        }
        while (e < n) {
          const a = text.charCodeAt(e);
          if (a !== 39 && a !== 0x2019) break;
          // A possessive 's is split off unless a letter follows it; what follows is read only as far as the token
          // reaches, so a token never depends on the text after it (a chunk tokenizes as its sentence does).
          if (e + 1 < n && text.charCodeAt(e + 1) === 115 && (e + 2 >= n || !(charClass(cpAt(text, e + 2)) & C_LM)))
            break;
          let f = e + 1;
          while (f < n) {
            const cf = cpAt(text, f);
            if (!(charClass(cf) & C_LM)) break;
            f += cf > 0xffff ? 2 : 1;
          }
          if (f === e + 1) break;
          e = f;
        }
      } else e = p + width; // [^\s\p{L}\p{M}\p{N}]
    }
    out.push({ text: text.slice(p, e), start: offset + p, end: offset + e });
    p = e;
  }
  return out;
}

/**
 * The token texts of a lexicon phrase, by the TOKEN grammar itself (tokenize gives the same tokens; a test checks it
 * on every phrase). The tables built at load do not call tokenize, so V8 first optimises it on document text: when it
 * was first optimised on thousands of short phrases, its code for document text was often about 1.6x slower.
 */
function tokenTexts(phrase: string): string[] {
  return Array.from(phrase.matchAll(TOKEN), (m) => m[0]);
}

/** Gazetteer indexed by first token; phrases as token arrays, longest first. */
interface Phrase {
  toks: string[];
  entry: GazetteerEntry;
}
const BY_FIRST = new Map<string, Phrase[]>();
function index(phrase: string, entry: GazetteerEntry): void {
  const toks = tokenTexts(phrase);
  if (toks.length === 0) return;
  const list = BY_FIRST.get(toks[0]!) ?? [];
  list.push({ toks, entry });
  BY_FIRST.set(toks[0]!, list);
}
for (const [phrase, entry] of GAZETTEER) {
  index(phrase, entry);
  if (phrase.startsWith('the ')) index(`The ${phrase.slice(4)}`, entry);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.toks.length - a.toks.length);

/**
 * A 16-bit hash of a word's length and its first, second and last code units. (Only the first two, as before,
 * let through most lower-case words: "that", "this", "also" share them with "the", "al".)
 */
function wordKey(w: string): number {
  const n = w.length;
  const h = Math.imul(Math.imul(w.charCodeAt(0), 31) + w.charCodeAt(n > 1 ? 1 : 0), 31) + w.charCodeAt(n - 1);
  return (Math.imul(h, 31) + n) & 0xffff;
}

/**
 * A set of words by wordKey: "not in the set" is certain, "in it" is not. The words' first code units (mod 1024) are
 * kept apart too: one array read rules out most tokens (lower-case words, punctuation) before wordKey is computed.
 */
class PrefixFilter {
  private readonly bits = new Uint8Array(65536 / 8);
  private readonly firstUnits = new Uint8Array(1024 / 8);
  empty = true;

  add(w: string): void {
    const key = wordKey(w);
    this.bits[key >> 3]! |= 1 << (key & 7);
    const u = w.charCodeAt(0) & 1023;
    this.firstUnits[u >> 3]! |= 1 << (u & 7);
    this.empty = false;
  }

  mayHave(w: string): boolean {
    const u = w.charCodeAt(0) & 1023;
    if ((this.firstUnits[u >> 3]! & (1 << (u & 7))) === 0) return false;
    const key = wordKey(w);
    return (this.bits[key >> 3]! & (1 << (key & 7))) !== 0;
  }
}

/**
 * BY_FIRST split for fast matching: a phrase of two or more tokens can only match where the next token is its second
 * one, so each first token's list is split by second token (order kept) and the one-token phrases (last in the
 * longest-first order) kept apart. `gazAt` returns what `matchAt` would on the full list.
 */
interface PhraseIndex {
  bySecond: Map<string, Phrase[]>;
  singles: Phrase[];
}
const GAZ_INDEX = new Map<string, PhraseIndex>();
/** First tokens of phrases: a cheap "no phrase starts with this token". */
const GAZ_PREFIX = new PrefixFilter();
/** First code units of the first tokens of phrases: one array read rejects most tokens (lower-case, punctuation). */
const GAZ_FIRST_UNIT = new Uint8Array(0x10000);
for (const [first, list] of BY_FIRST) {
  const idx: PhraseIndex = { bySecond: new Map(), singles: [] };
  for (const ph of list) {
    if (ph.toks.length === 1) idx.singles.push(ph);
    else {
      const second = ph.toks[1]!;
      const sub = idx.bySecond.get(second);
      if (sub) sub.push(ph);
      else idx.bySecond.set(second, [ph]);
    }
  }
  GAZ_INDEX.set(first, idx);
  GAZ_PREFIX.add(first);
  GAZ_FIRST_UNIT[first.charCodeAt(0)] = 1;
}

/** matchAt(toks, i, BY_FIRST.get(first)). */
function gazAt(toks: readonly Tok[], i: number, first: string): Phrase | undefined {
  if (first.length === 0 || GAZ_FIRST_UNIT[first.charCodeAt(0)] === 0 || !GAZ_PREFIX.mayHave(first)) return undefined;
  const idx = GAZ_INDEX.get(first);
  if (!idx) return undefined;
  const next = toks[i + 1];
  if (next) {
    const sub = idx.bySecond.get(next.text);
    if (sub) {
      const hit = matchAt(toks, i, sub);
      if (hit) return hit;
    }
  }
  return idx.singles.length > 0 ? matchAt(toks, i, idx.singles) : undefined;
}

/** Titles as token arrays, longest first, keyed by first token. */
const TITLE_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) {
  const toks = tokenTexts(t);
  const list = TITLE_BY_FIRST.get(toks[0]!) ?? [];
  list.push(toks);
  TITLE_BY_FIRST.set(toks[0]!, list);
}
for (const list of TITLE_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

function matchAt<T extends { toks: string[] } | string[]>(
  toks: readonly Tok[],
  i: number,
  list: readonly T[] | undefined,
): T | undefined {
  if (!list) return undefined;
  for (const cand of list) {
    const ct: readonly string[] = 'toks' in cand ? cand.toks : cand;
    if (i + ct.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < ct.length && ok; k++) ok = toks[i + k]!.text === ct[k];
    if (ok) return cand;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates.

type Evidence = 'gazetteer' | 'title' | 'org' | 'role' | 'lexicon' | 'namelike' | 'acronym' | 'place' | 'doc';

interface Candidate {
  start: number;
  end: number;
  kind: ActorKind;
  /** Fixed id (gazetteer) or undefined (derived from the name). */
  id?: string;
  name: string;
  evidence: Evidence;
  /** Surface including a stripped title, kept as an alias. */
  titled?: string;
  /** 'kingdom' for "the Kingdom"; 'capital' for a capital used as metonym (already resolved). */
  special?: 'kingdom';
  /** Higher wins overlaps of equal length. */
  priority: number;
}

/**
 * A candidate with every field present, always in this order, so that all candidates share one hidden class in V8
 * and the passes and sorts over them read their fields from one known layout (literals with different optional
 * fields, and spread copies, gave them several).
 */
function candidate(c: Candidate): Candidate {
  return {
    start: c.start,
    end: c.end,
    kind: c.kind,
    id: c.id,
    name: c.name,
    evidence: c.evidence,
    titled: c.titled,
    special: c.special,
    priority: c.priority,
  };
}

/** `{ ...c, start, end, evidence: 'doc', priority, titled: undefined }`: a repeat of `c` found by the document pass. */
function docRepeat(c: Candidate, start: number, end: number, priority: number): Candidate {
  return {
    start,
    end,
    kind: c.kind,
    id: c.id,
    name: c.name,
    evidence: 'doc',
    titled: undefined,
    special: c.special,
    priority,
  };
}

const MAX_PIECE = 3000;
const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'from',
  'to',
  'into',
  'outside',
  'inside',
  'across',
  'around',
  'via',
  'visit',
  'visited',
  'visiting',
  'visits',
  'toward',
  'towards',
  'across',
  'throughout',
  'within',
  'between',
]);
const CONNECTORS = new Set([
  'of',
  'for',
  'de',
  'du',
  'des',
  'da',
  'di',
  'del',
  'la',
  'le',
  'von',
  'van',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
]);
const SPEECH =
  /^(?:said|says|told|added|stressed|noted|recounted|warned|explained|stated|claimed|argued|wrote|tweeted|recalled|insisted|urged|announced|asked|replied|confirmed|denied)$/u;
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u;
const ORG_ROLES =
  /^(?:CEO|ceo|chief|chairman|chairwoman|president|spokesman|spokeswoman|spokesperson|director|executive|founder|co-founder|head|boss|board|shareholders|employees|officials?|subsidiary|unit)$/u;
const PLACE_HEADS =
  /^(?:Airport|Airfield|Harbour|Harbor|Province|District|County|Island|Islands|River|Valley|Mountains|Peninsula|Strait|Bay|Sea|Ocean|Lake|Desert|Square|Street|Avenue|Bridge|Canal|Coast|Factory|Plant|Shipyard|Refinery)$/u;
const ORG_NOUNS =
  /^(?:channel|newspaper|paper|magazine|daily|website|site|outlet|group|party|company|firm|movement|organi[sz]ation|account|network|broadcaster|agency|station|brand|label|band|platform|app|tank|NGO|airline|carrier|manufacturer|maker|airframer|giant|conglomerate|contractor|rival|subsidiary|insurer|retailer|bank|lender|automaker|carmaker|operator|supplier|regulator|startup|corporation|publisher)$/u;

/** A word starting with a capital (an upper-case letter is a letter, so no further test is needed). */
function isCapWord(s: string): boolean {
  return startsUpper(s);
}

/** Headline-case text: most longer words capitalised (section headings, titles). */
function headlineCase(toks: readonly Tok[]): boolean {
  let long = 0;
  let caps = 0;
  for (const t of toks) {
    if (t.text.length < 4 || !startsLetter(t.text)) continue;
    long++;
    if (startsUpper(t.text)) caps++;
  }
  return long >= 3 && caps / long >= 0.7;
}

/** compromise's closed-class tags: a capitalised word with one of them is never a name by itself ("The", "He"). */
const CLOSED_CLASS_RE =
  /(?:^|,)(?:Determiner|Preposition|Pronoun|Conjunction|Modal|Possessive|QuestionWord|Negative|Copula|Auxiliary)(?:,|$)/u;
const CLOSED_CLASS = new Set<string>();
for (const [word, tags] of LEX_TAGS) if (CLOSED_CLASS_RE.test(tags)) CLOSED_CLASS.add(word);
/** A capitalised word that is a function word; acronyms in capitals ("US", "IT") are not. */
function closedClass(word: string): boolean {
  let v = CLOSED_CLASS_CACHE.get(word);
  if (v === undefined) {
    v = CLOSED_CLASS.has(word.toLowerCase()) && (word.length === 1 || word !== word.toUpperCase());
    if (CLOSED_CLASS_CACHE.size < CLOSED_CLASS_CACHE_MAX) CLOSED_CLASS_CACHE.set(word, v);
  }
  return v;
}
/** closedClass by word: capitalised words repeat (saves two case conversions per word). */
const CLOSED_CLASS_CACHE = new Map<string, boolean>();
const CLOSED_CLASS_CACHE_MAX = 100_000;

/**
 * wink's verdict per input string. Safe to reuse: the input is all wink sees, and with atomic tokens its tags do not
 * depend on the documents read before (see initialIsProperNoun), so a repeated window always gets the same tag.
 */
const PROPN_CACHE = new Map<string, boolean>();
const PROPN_CACHE_MAX = 200_000;

/** Tokens wink reads after the first word of a clause to tag it: enough right context for its tagger. */
const WINK_WINDOW = 8;

/**
 * Whether wink tags the clause-initial word toks[i] as a proper noun ("Japan said" yes, "Officials said" no). wink
 * is given our own tokens from i on, joined by single spaces, never the raw text: its tokenizer decides some splits
 * by asking whether a string is already in its lexeme cache, which grows with every document read ("Qzbek’s," adds
 * "Qzbek’s", so a later "Qzbek’s plan" was no longer split). Atomic tokens leave it nothing to decide, so a
 * document's tags do not depend on the documents read before it. Only clause-initial words need wink's context:
 * elsewhere a capital letter already marks a name, unless the word is a function word.
 */
function initialIsProperNoun(toks: readonly Tok[], i: number): boolean {
  const parts: string[] = [];
  for (let j = i; j < toks.length && parts.length < WINK_WINDOW; j++) {
    const t = toks[j]!;
    const next = toks[j + 1];
    // Clitics stay one token ("’" + "s" -> "’s"), as wink's own tokenizer gives them.
    if ((t.text === '’' || t.text === "'") && next?.text === 's' && next.start === t.end) {
      parts.push(t.text + 's');
      j++;
    } else parts.push(t.text);
  }
  const input = parts.join(' ');
  const known = PROPN_CACHE.get(input);
  if (known !== undefined) return known;
  const doc = wink.readDoc(input);
  const first: unknown = doc.tokens().itemAt(0)?.out(POS);
  const propn = first === 'PROPN';
  if (PROPN_CACHE.size < PROPN_CACHE_MAX) PROPN_CACHE.set(input, propn);
  return propn;
}

/** Month and weekday names (isCalendarWord also takes them with a final stop). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_NAMES,
  ...MONTH_NAMES.map((m) => m.slice(0, 3)),
  'Sept',
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
]);

/** A month or weekday name, with or without a final stop (a test checks it against the regex it replaced). */
export function isCalendarWord(s: string): boolean {
  return CALENDAR_WORDS.has(s) || (s.endsWith('.') && CALENDAR_WORDS.has(s.slice(0, -1)));
}

/** A quote, bracket or dash that opens a clause (before a clause-initial word); a test checks it against its regex. */
export function opensClause(s: string): boolean {
  if (s.length !== 1) return false;
  const u = s.charCodeAt(0);
  return (
    u === 34 ||
    u === 39 ||
    u === 0x201c ||
    u === 0x2018 ||
    u === 40 ||
    u === 91 ||
    u === 0x2013 ||
    u === 0x2014 ||
    u === 45
  );
}

/**
 * Whether toks[i] can be part of a capitalised chunk. `memo` remembers wink's verdicts on clause-initial tokens of
 * this piece (a token can be asked about twice: as the word after a connector, then on its own).
 */
function isChunkTok(toks: readonly Tok[], i: number, memo: Map<number, boolean>): boolean {
  const t = toks[i]!;
  if (!isCapWord(t.text) || isCalendarWord(t.text) || closedClass(t.text)) return false;
  const initial = i === 0 || opensClause(toks[i - 1]!.text);
  if (!initial) return true;
  let hit = memo.get(i);
  if (hit === undefined) memo.set(i, (hit = initialIsProperNoun(toks, i)));
  return hit;
}

interface ChunkSpan {
  start: number;
  end: number;
  sentenceInitial: boolean;
}

/** Capitalised chunks of a piece of text, as [start, end) spans in the document. */
function chunksOf(toks: readonly Tok[]): ChunkSpan[] {
  const out: ChunkSpan[] = [];
  // The open chunk, if curFirst >= 0: [curStart, curEnd), from token curFirst.
  let curFirst = -1;
  let curStart = 0;
  let curEnd = 0;
  let curOrgHead = false;
  let curHasOf = false;
  const memo = new Map<number, boolean>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (isChunkTok(toks, i, memo)) {
      if (curFirst >= 0 && t.start - curEnd <= 1) {
        curEnd = t.end;
        if (ORG_HEADS.has(t.text)) curOrgHead = true;
      } else {
        if (curFirst >= 0) out.push({ start: curStart, end: curEnd, sentenceInitial: curFirst === 0 });
        curFirst = i;
        curStart = t.start;
        curEnd = t.end;
        curOrgHead = ORG_HEADS.has(t.text);
        curHasOf = false;
      }
      continue;
    }
    // Connectors inside a name: "Ministry of Foreign Affairs", "University of the Philippines", "X and Y" in orgs.
    if (curFirst >= 0 && i + 1 < toks.length) {
      const lower = t.text;
      let j = i + 1;
      if ((lower === 'of' || lower === 'for') && toks[j]?.text === 'the') j++;
      const joinable = CONNECTORS.has(lower) || ((lower === 'and' || lower === '&') && curOrgHead && curHasOf);
      if (joinable && j < toks.length && isChunkTok(toks, j, memo) && toks[j]!.start - t.end <= 1) {
        if (lower === 'of' || lower === 'for') curHasOf = true;
        curEnd = toks[j - 1]!.end;
        i = j - 1;
        continue;
      }
    }
    if (curFirst >= 0) out.push({ start: curStart, end: curEnd, sentenceInitial: curFirst === 0 });
    curFirst = -1;
  }
  if (curFirst >= 0) out.push({ start: curStart, end: curEnd, sentenceInitial: curFirst === 0 });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

interface DocState {
  text: string;
  cands: Candidate[];
  /** Spans of chunks that got no type, for the document pass. */
  untyped: { start: number; end: number; toks: Tok[] }[];
  /** Acronym definitions: acronym -> long-form candidate. */
  acronyms: Map<string, Candidate>;
  /** Acronyms of documents and events defined in the text ("Treaty of Amity and Cooperation (TAC)"). */
  nonActorAcronyms: Set<string>;
}

/** Whether the platform name at toks[i, end) is used as a venue: "on Telegram", "the Telegram channel". */
function platformVenue(toks: readonly Tok[], i: number, end: number): boolean {
  const prev = toks[i - 1]?.text ?? '';
  const next = toks[end]?.text ?? '';
  return /^(?:on|via|through|across|from|in)$/u.test(prev) || PLATFORM_VENUE_NEXT.has(next);
}

function gazetteerPass(toks: readonly Tok[], st: DocState): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "the Kingdom" / "the kingdom" (not "the Kingdom of X"): the document's monarchy, resolved later.
    if (
      (t.text === 'the' || t.text === 'The') &&
      (toks[i + 1]?.text === 'Kingdom' || toks[i + 1]?.text === 'kingdom') &&
      toks[i + 2]?.text !== 'of'
    ) {
      st.cands.push(
        candidate({
          start: t.start,
          end: toks[i + 1]!.end,
          kind: 'country',
          name: 'the Kingdom',
          evidence: 'gazetteer',
          special: 'kingdom',
          priority: 3,
        }),
      );
      i++;
      continue;
    }
    const hit = gazAt(toks, i, t.text);
    if (!hit) continue;
    const last = toks[i + hit.toks.length - 1]!;
    // A name glued to letters is not this name ("USAID" is not "US"): the tokenizer already guarantees word edges.
    let entry = hit.entry;
    const after = toks[i + hit.toks.length]?.text ?? '';
    // Inside a document's name ("the UN Charter", "the Paris Agreement") or an event's ("East Asia Summit"), an
    // organisation or place is part of that name, not a mention. Countries stay (their relations are wanted).
    if ((entry.kind !== 'country' && DOCUMENT_HEADS.has(after)) || (entry.kind === 'place' && EVENT_HEADS.has(after))) {
      i += hit.toks.length - 1;
      continue;
    }
    if (PLATFORMS.has(entry.name) && platformVenue(toks, i, i + hit.toks.length)) {
      i += hit.toks.length - 1;
      continue;
    }
    if (entry.capitalOf) {
      const prev = toks[i - 1]?.text.toLowerCase() ?? '';
      const next = toks[i + hit.toks.length];
      const nextCountry =
        next?.text === ','
          ? gazAt(toks, i + hit.toks.length + 1, toks[i + hit.toks.length + 1]?.text ?? '')
          : undefined;
      if (LOCATIVE.has(prev) || (nextCountry && nextCountry.entry.kind === 'country')) {
        const name = toks
          .slice(i, i + hit.toks.length)
          .map((x) => x.text)
          .join(' ');
        const placeName = t.text === 'the' || t.text === 'The' ? name.slice(4) : name;
        entry = { id: actorId('place', placeName), name: placeName, kind: 'place' };
      }
    }
    st.cands.push(
      candidate({
        start: t.start,
        end: last.end,
        kind: entry.kind,
        id: entry.id,
        name: entry.name,
        evidence: 'gazetteer',
        priority: 3,
      }),
    );
    i += hit.toks.length - 1;
  }
}

/** Splits a chunk's tokens at titles; returns the person part after the last title, if any. */
function findTitle(toks: readonly Tok[]): { titleEnd: number; titleStart: number } | undefined {
  let found: { titleEnd: number; titleStart: number } | undefined;
  for (let i = 0; i < toks.length; i++) {
    const hit = matchAt(toks, i, TITLE_BY_FIRST.get(toks[i]!.text));
    if (hit) {
      found = { titleStart: i, titleEnd: i + hit.length };
      i += hit.length - 1;
    }
  }
  return found;
}

/** "at <Capitalised words> <venue head>" right after `end`: the chunk is a unit of that venue. */
function venueFollows(sentToks: readonly Tok[], end: number): boolean {
  let k = lowerBound(sentToks, end, startOf);
  if (sentToks[k]?.text !== 'at') return false;
  let lastCap = '';
  for (k++; k < sentToks.length && k < lowerBound(sentToks, end, startOf) + 8; k++) {
    const w = sentToks[k]!.text;
    if (!isCapWord(w)) break;
    lastCap = w;
  }
  return VENUE_HEADS.has(lastCap);
}

function nameLike(toks: readonly Tok[]): boolean {
  const words = toks.filter((t) => hasLetter(t.text));
  if (words.length === 0 || words.length > 4) return false;
  if (!words.every((w) => isCapWord(w.text) && !ACRONYM.test(w.text) && !/\p{N}/u.test(w.text))) return false;
  if (words.some((w) => ORG_HEADS.has(w.text) || EVENT_HEADS.has(w.text) || STOP_NAMES.has(w.text))) return false;
  return true;
}

/** Types one capitalised chunk (after gazetteer phrases inside it have been found). */
function typeChunk(
  chunk: { start: number; end: number; sentenceInitial: boolean },
  sentToks: readonly Tok[],
  st: DocState,
  headline: boolean,
): void {
  // The chunk's tokens are the sentence's tokens inside it: a chunk starts and ends on token edges, and from a token
  // edge the token grammar cuts the same tokens whatever follows the stretch (a test checks this), so re-tokenizing
  // the chunk's text would give them again.
  let first = lowerBound(sentToks, chunk.start, startOf);
  let stop = lowerBound(sentToks, chunk.end, startOf);
  while (first < stop && (isThe(sentToks[first]!.text) || !hasLetterOrNumber(sentToks[first]!.text))) first++;
  while (stop > first && !hasLetterOrNumber(sentToks[stop - 1]!.text)) stop--;
  if (stop === first) return;
  let toks = sentToks.slice(first, stop);
  const start = toks[0]!.start;
  const end = toks[toks.length - 1]!.end;
  const surface = st.text.slice(start, end);
  // Whole chunk is a gazetteer phrase: already a candidate.
  const gaz = gazAt(toks, 0, toks[0]!.text);
  if (gaz && gaz.toks.length === toks.length) return;

  const lb = lowerBound(sentToks, chunk.start, startOf);
  const sentIdx = lb < sentToks.length ? lb : -1;

  // Titles: "Prime Minister Hun Sen" -> person "Hun Sen"; "Minister of X" -> a role, not an actor.
  const title = findTitle(toks);
  if (title) {
    const rest = toks.slice(title.titleEnd);
    if (rest.length === 0 || rest[0]!.text === 'of') return; // a bare title or a role "Minister of ..."
    if (nameLike(rest) && rest.length <= 4) {
      const name = st.text.slice(rest[0]!.start, rest[rest.length - 1]!.end);
      st.cands.push(
        candidate({
          start: rest[0]!.start,
          end: rest[rest.length - 1]!.end,
          kind: 'person',
          name,
          evidence: 'title',
          titled: st.text.slice(toks[title.titleStart]!.start, rest[rest.length - 1]!.end),
          priority: 2,
        }),
      );
      return;
    }
    if (title.titleStart === 0) toks = rest;
  }
  const words = toks.map((t) => t.text);
  const last = words[words.length - 1]!;
  // Event / document names are not actors ("ASEAN Summit", "UN Charter", "World War II").
  if (
    EVENT_HEADS.has(last) ||
    words.some((w, k) => k > 0 && EVENT_HEADS.has(w) && /^(?:I{1,3}|IV|V|\d+)$/u.test(words[k + 1] ?? ''))
  )
    return;
  if (words.length === 1 && STOP_NAMES.has(last)) return;
  // Venues ("Preah Ang Duong Hospital") and units inside one ("the X Centre at Y Hospital") are not actors.
  if (VENUE_HEADS.has(last) || venueFollows(sentToks, end)) return;
  if (words.length === 1 && PLATFORMS.has(last)) {
    const k = lowerBound(sentToks, start, startOf);
    if (sentToks[k]?.start === start && platformVenue(sentToks, k, k + 1)) return;
  }
  if (words.every((w) => STOP_NAMES.has(w) || !hasLetter(w) || CONNECTORS.has(w))) return;

  // "<Demonym|Country> Government|Administration|Cabinet" -> the country.
  if (words.length >= 2 && /^(?:Government|Administration|Cabinet|Regime|Authorities)$/u.test(last)) {
    const head = gazAt(toks, 0, words[0]!);
    if (head && head.entry.kind === 'country' && head.toks.length === words.length - 1) {
      st.cands.push(
        candidate({
          start,
          end,
          kind: 'country',
          id: head.entry.id,
          name: head.entry.name,
          evidence: 'gazetteer',
          priority: 2,
        }),
      );
      return;
    }
  }
  // Airlines named "Air <country or place>" ("Air France", "Air Canada", "Air New Zealand"): the company, not the
  // country its name holds.
  if (words.length >= 2 && words[0] === 'Air') {
    const rest = gazAt(toks, 1, words[1]!);
    if (
      rest &&
      rest.toks.length === words.length - 1 &&
      (rest.entry.kind === 'country' || rest.entry.kind === 'place')
    ) {
      st.cands.push(candidate({ start, end, kind: 'organization', name: surface, evidence: 'org', priority: 2 }));
      return;
    }
  }
  // Organisations: a head word last, or followed by of/for/on ("Ministry of ...", "Institute for ...").
  const orgHead = words.some(
    (w, k) => ORG_HEADS.has(w) && (k === words.length - 1 || /^(?:of|for|on)$/u.test(words[k + 1] ?? '')),
  );
  if (orgHead && words.length >= 2) {
    st.cands.push(candidate({ start, end, kind: 'organization', name: surface, evidence: 'org', priority: 2 }));
    return;
  }
  const phraseLex = lexTags(surface.toLowerCase());
  if (/Organization/u.test(phraseLex) || (words.length === 1 && lexOrg(last))) {
    st.cands.push(candidate({ start, end, kind: 'organization', name: surface, evidence: 'lexicon', priority: 2 }));
    return;
  }
  if (/City|Place|Region/u.test(phraseLex)) {
    st.cands.push(candidate({ start, end, kind: 'place', name: surface, evidence: 'lexicon', priority: 2 }));
    return;
  }
  // Acronyms: organisations unless known otherwise.
  if (words.length === 1 && ACRONYM.test(last)) {
    if (!STOP_NAMES.has(last) && !/^[IVXLC]+$/u.test(last)) {
      st.cands.push(candidate({ start, end, kind: 'organization', name: last, evidence: 'acronym', priority: 1 }));
    }
    return;
  }
  // A quoted name after an organisation noun: 'the Telegram channel "X"', 'the newspaper "X"'.
  const q = sentIdx > 0 ? sentToks[sentIdx - 1] : undefined;
  const qNoun = sentIdx > 1 ? sentToks[sentIdx - 2]!.text : '';
  if (q && /^["\u201c\u2018']$/u.test(q.text) && ORG_NOUNS.test(qNoun)) {
    st.cands.push(candidate({ start, end, kind: 'organization', name: surface, evidence: 'org', priority: 2 }));
    return;
  }
  // The context: up to 3 tokens before the chunk and 8 after it (most chunks are settled before this point).
  const before = sentIdx > 0 ? sentToks.slice(Math.max(0, sentIdx - 3), sentIdx) : [];
  const afterIdx = lowerBound(sentToks, end, startOf);
  const after = afterIdx < sentToks.length ? sentToks.slice(afterIdx, afterIdx + 8) : [];
  // Organisations by context: "airline X", "X, a company", "X CEO", "CEO of X", "X's chief executive".
  // A name's own "The" is not its context: "co-founder of The Thinker Cambodia" reads as "co-founder of X".
  const ctx = before.length > 0 && isThe(before[before.length - 1]!.text) ? before.slice(0, -1) : before;
  const prevLower = ctx.length > 0 ? ctx[ctx.length - 1]!.text : '';
  const prev2 = ctx.length > 1 ? ctx[ctx.length - 2]!.text : '';
  const nextWord = after[0]?.text ?? '';
  const orgContext =
    (ORG_NOUNS.test(prevLower) && !startsUpper(prevLower)) ||
    (prevLower === ',' && ORG_NOUNS.test(prev2) && !startsUpper(prev2) && nextWord === ',') ||
    (/^(?:of|for|at|from)$/u.test(prevLower) && ORG_ROLES.test(prev2)) ||
    (ORG_ROLES.test(nextWord) && !startsUpper(nextWord)) ||
    (/^['\u2019]$/u.test(nextWord) && after[1]?.text === 's' && ORG_ROLES.test(after[2]?.text ?? '')) ||
    (nextWord === ',' &&
      /^(?:a|an|the)$/u.test(after[1]?.text ?? '') &&
      after.slice(2, 6).some((t) => ORG_NOUNS.test(t.text)));
  if (orgContext && words.length <= 5 && !words.some((w) => STOP_NAMES.has(w))) {
    st.cands.push(candidate({ start, end, kind: 'organization', name: surface, evidence: 'org', priority: 2 }));
    return;
  }
  if (words.length >= 2 && PLACE_HEADS.test(last)) {
    st.cands.push(candidate({ start, end, kind: 'place', name: surface, evidence: 'place', priority: 2 }));
    return;
  }
  // Persons.
  if (nameLike(toks)) {
    const prevWord = before.filter((t) => hasLetter(t.text)).pop()?.text ?? '';
    const prevIsTitle =
      before.length >= 2 &&
      before[before.length - 1]!.text === ',' &&
      TITLE_BY_FIRST.has(before[before.length - 2]!.text);
    const roleBefore = ROLE_NOUNS.has(prevWord) || prevIsTitle || /^(?:Mr|Mrs|Ms|Dr)\.?$/u.test(prevWord);
    const apposition =
      after[0]?.text === ',' &&
      after.slice(1, 6).some((t) => ROLE_NOUNS.has(t.text.toLowerCase()) && !startsUpper(t.text));
    const speaks = SPEECH.test(after[0]?.text ?? '') || (after[0]?.text === ',' && false);
    const firstName = words.length >= 2 && isFirstName(words[0]!);
    const lastName = isLastName(last);
    const unknown = toks.some((t) => !inVocab(t.text));
    const multi = words.length >= 2;
    if (
      roleBefore ||
      apposition ||
      (multi && (firstName || isLastName(last))) ||
      (words.length === 1 && lastName && unknown) ||
      (multi && unknown && !headline && speaks)
    ) {
      st.cands.push(
        candidate({
          start,
          end,
          kind: 'person',
          name: surface,
          evidence: roleBefore || apposition ? 'role' : 'namelike',
          priority: 2,
        }),
      );
      return;
    }
    // Places after a locative preposition, from the place lexicon.
    if (LOCATIVE.has(prevWord) && words.every((w) => lexPlace(w) || inVocab(w)) && words.some((w) => lexPlace(w))) {
      st.cands.push(candidate({ start, end, kind: 'place', name: surface, evidence: 'place', priority: 1 }));
      return;
    }
    if (words.length === 1 && lexPlace(last) && !chunk.sentenceInitial && !isFirstName(last)) {
      st.cands.push(candidate({ start, end, kind: 'place', name: surface, evidence: 'lexicon', priority: 1 }));
      return;
    }
  }
  st.untyped.push({ start, end, toks });
}

/** Acronym definitions: "Long Name (ABC)" / "Long Name [ABC]" where ABC's letters follow the name's initials. */
function acronymMatches(name: string, acro: string): boolean {
  const letters = acro.replace(/\P{Lu}/gu, '');
  if (letters.length < 2) return false;
  const initials = name
    .split(/[\s-]+/u)
    .filter(startsUpper)
    .map((w) => w[0]!)
    .join('');
  // Subsequence test: every acronym letter appears in order among the initials; first letters agree.
  if (initials[0] !== letters[0]) return false;
  let k = 0;
  for (const c of initials) if (c === letters[k]) k++;
  return k === letters.length;
}

const ACRO_DEF = /[([](\p{Lu}[\p{Lu}.&-]{1,9})[)\]]/gu;
const LONG_FORM_WORD = /^(?:\p{Lu}[\p{L}\p{M}'\u2019-]*|of|and|for|the|on|&|de)$/u;

/**
 * Acronym definitions. "Long Name (ABC)" / "Long Name [ABC]": walking back over capitalised words and connectors
 * from the bracket, the longest long form whose initials contain ABC's letters in order (same first letter) is an
 * organisation, and ABC is its alias everywhere in the document.
 */
function definitionsPass(st: DocState, sentToks: readonly Tok[][]): void {
  for (const toks of sentToks) {
    for (let i = 1; i + 2 < toks.length; i++) {
      const open = toks[i]!;
      if (open.text !== '(' && open.text !== '[') continue;
      const acroTok = toks[i + 1]!;
      const close = toks[i + 2]!;
      if (close.text !== ')' && close.text !== ']') continue;
      if (!ACRONYM.test(acroTok.text) || STOP_NAMES.has(acroTok.text)) continue;
      ACRO_DEF.lastIndex = 0;
      const acro = acroTok.text;
      let best: { start: number; end: number } | undefined;
      for (let k = i - 1; k >= 0 && k >= i - 14; k--) {
        const w = toks[k]!.text;
        if (!LONG_FORM_WORD.test(w)) break;
        if (!startsUpper(w)) continue;
        const span = { start: toks[k]!.start, end: toks[i - 1]!.end };
        if (acronymMatches(st.text.slice(span.start, span.end), acro)) best = span;
      }
      if (!best) continue;
      const longForm = st.text.slice(best.start, best.end);
      if (isDocumentOrEventName(longForm)) {
        st.nonActorAcronyms.add(acro);
        continue;
      }
      const gaz = gazAt(
        toks,
        toks.findIndex((t) => t.start === best.start),
        tokenize(longForm)[0]?.text ?? '',
      );
      const existing = st.cands.find((c) => c.start === best.start && c.end === best.end);
      const cand: Candidate =
        existing && existing.kind !== 'person'
          ? existing
          : gaz && gaz.toks.length === tokenize(longForm).length
            ? candidate({
                start: best.start,
                end: best.end,
                kind: gaz.entry.kind,
                id: gaz.entry.id,
                name: gaz.entry.name,
                evidence: 'gazetteer',
                priority: 3,
              })
            : candidate({
                start: best.start,
                end: best.end,
                kind: 'organization',
                name: longForm,
                evidence: 'acronym',
                priority: 3,
              });
      if (!existing) st.cands.push(cand);
      if (cand.kind === 'organization' || cand.kind === 'group' || cand.kind === 'country') st.acronyms.set(acro, cand);
    }
  }
}

/** A capitalised name whose first or last word is a document or event head ("Treaty of ...", "... Summit"). */
function isDocumentOrEventName(name: string): boolean {
  const words = name.split(/\s+/u).filter((w) => startsUpper(w));
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  return DOCUMENT_HEADS.has(first) || DOCUMENT_HEADS.has(last) || EVENT_HEADS.has(first) || EVENT_HEADS.has(last);
}

/** Document names in the text ("Treaty of Amity and Cooperation", "Paris Agreement"). Linear: bounded repeats. */
export const DOCUMENT_NAME = new RegExp(
  `(?:\\p{Lu}[\\p{L}\\p{M}'\u2019-]*[ \\t]+){0,5}(?:${[...DOCUMENT_HEADS].join('|')})\\b(?:[ \\t]+(?:of|on|and|for|the|\\p{Lu}[\\p{L}\\p{M}'\u2019-]*)){0,8}`,
  'gu',
);

/** Every DOCUMENT_NAME match contains a head followed by a word boundary. */
const DOCUMENT_HEAD = new RegExp(`(?:${[...DOCUMENT_HEADS].join('|')})\\b`, 'gu');

/** A character DOCUMENT_NAME matches are made of: [\p{L}\p{M}'\u2019-] or [ \t]. */
function nameRunChar(cp: number): boolean {
  return (charClass(cp) & C_LM) !== 0 || cp === 0x27 || cp === 0x2019 || cp === 0x2d || cp === 0x20 || cp === 0x09;
}

/** The matches of DOCUMENT_NAME in `text`. */
export function documentNames(text: string): string[] {
  // A match is made of letters, marks, apostrophes, hyphens, spaces and tabs only, and holds a head; so only the runs
  // of such characters around a head are scanned. A run's text plus the character after it has the same matches
  // there (DOCUMENT_NAME has no look-behind; its final \b sees that character, or the end of the text as before),
  // and a global scan from the run's start tries the same positions (code point by code point) as one from 0.
  const out: string[] = [];
  const n = text.length;
  let runEnd = -1;
  for (const head of text.matchAll(DOCUMENT_HEAD)) {
    if (head.index < runEnd) continue; // that run is done
    let runStart = head.index;
    while (runStart > 0) {
      const low = text.charCodeAt(runStart - 1);
      const prev =
        low >= 0xdc00 && low <= 0xdfff && runStart >= 2 && isHighSurrogate(text.charCodeAt(runStart - 2))
          ? runStart - 2
          : runStart - 1;
      if (!nameRunChar(cpAt(text, prev))) break;
      runStart = prev;
    }
    runEnd = head.index;
    while (runEnd < n) {
      const cp = cpAt(text, runEnd);
      if (!nameRunChar(cp)) break;
      runEnd += cp > 0xffff ? 2 : 1;
    }
    for (const m of text.slice(runStart, Math.min(n, runEnd + 1)).matchAll(DOCUMENT_NAME)) out.push(m[0]);
  }
  return out;
}

/**
 * Acronyms of document names written out somewhere in the text, in either order ("the TAC ... (Treaty of Amity and
 * Cooperation)"): the initials of the name's capitalised words spell the acronym.
 */
function documentAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const name of documentNames(text)) {
    const initials = name
      .split(/[\s-]+/u)
      .filter(startsUpper)
      .map((w) => w[0]!)
      .join('');
    if (initials.length >= 2) out.add(initials);
  }
  return out;
}

interface OverlapSpan {
  start: number;
  end: number;
  priority: number;
}

/**
 * Picks non-overlapping candidates: longer first, then higher priority, then earlier (ties in input order); the
 * result sorted by start. Spans must be non-empty (end > start), as mentions are.
 *
 * Only overlapping candidates compete: a candidate is taken unless an overlapping one, earlier in that order, was
 * taken. So runs of candidates chained by overlaps (clusters) are decided on their own. Sorting by start (cheap: the
 * candidates come nearly in order) finds the clusters; most hold one candidate, taken as it is, and only the others
 * are ordered longest-first. A test checks this against the plain greedy over all candidates.
 */
export function resolveOverlaps<T extends OverlapSpan>(cands: readonly T[]): T[] {
  const byStart = [...cands].sort((a, b) => a.start - b.start);
  const chosen: T[] = [];
  for (let i = 0; i < byStart.length;) {
    let reach = byStart[i]!.end;
    let j = i + 1;
    while (j < byStart.length && byStart[j]!.start < reach) reach = Math.max(reach, byStart[j++]!.end);
    if (j === i + 1) chosen.push(byStart[i]!);
    else resolveCluster(byStart.slice(i, j), byStart[i]!.start, reach, chosen);
    i = j;
  }
  return chosen;
}

/** The plain greedy on one cluster spanning [from, to): appends the taken candidates to `out`, by start. */
function resolveCluster<T extends OverlapSpan>(cluster: T[], from: number, to: number, out: T[]): void {
  cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // Occupancy per character of the cluster: linear in its length, so a 5 MB text with many mentions stays fast.
  const taken = new Uint8Array(to - from);
  const chosen: T[] = [];
  for (const c of cluster) {
    let free = true;
    for (let k = c.start - from; k < c.end - from && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, c.start - from, c.end - from);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  for (const c of chosen) out.push(c);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Extracts actors and their mentions from the given sentences of `text`. */
export function extractActors(text: string, sentences: readonly Sentence[]): ActorResult {
  // Phases in functions of their own: as one function, V8 recompiled all of it after each deoptimisation (~100 ms).
  const st: DocState = { text, cands: [], untyped: [], acronyms: new Map(), nonActorAcronyms: new Set() };
  const sentToksAll = scanSentences(text, sentences, st);
  definitionsPass(st, sentToksAll);
  dropDocumentAcronyms(st);
  const { known, surnames } = knownNames(st);
  const extra = documentRepeats(st, sentToksAll, known, surnames);
  return actorsOf(text, resolveOverlaps([...st.cands, ...extra]));
}

/** Tokenises each sentence (in pieces of at most MAX_PIECE) and finds gazetteer names and proper-noun chunks. */
function scanSentences(text: string, sentences: readonly Sentence[], st: DocState): Tok[][] {
  const sentToksAll: Tok[][] = [];
  for (const s of sentences) {
    for (let a = s.start; a < s.end; a += MAX_PIECE) {
      let b = Math.min(s.end, a + MAX_PIECE);
      if (b < s.end) {
        const space = text.lastIndexOf(' ', b);
        if (space > a + MAX_PIECE / 2) b = space;
      }
      const piece = text.slice(a, b);
      const toks = tokenize(piece, a);
      sentToksAll.push(toks);
      gazetteerPass(toks, st);
      if (!/\p{Lu}/u.test(piece)) {
        a = b - MAX_PIECE;
        continue;
      }
      const headline = headlineCase(toks);
      for (const ch of chunksOf(toks)) typeChunk(ch, toks, st, headline);
      a = b - MAX_PIECE;
    }
  }
  return sentToksAll;
}

/** Drops lone acronyms that name documents of the text (a treaty's "TAC"), not organisations. */
function dropDocumentAcronyms(st: DocState): void {
  const text = st.text;
  // Acronyms of documents ("the TAC" for a treaty) are not organisations.
  const lone = st.cands.filter((c) => c.evidence === 'acronym' && ACRONYM.test(c.name) && !st.acronyms.has(c.name));
  if (lone.length > 0) {
    const docAcronyms = documentAcronyms(text);
    for (const a of st.nonActorAcronyms) docAcronyms.add(a.replace(/\P{Lu}/gu, ''));
    const drop = new Set(lone.filter((c) => docAcronyms.has(c.name.replace(/\P{Lu}/gu, ''))));
    if (drop.size > 0) st.cands = st.cands.filter((c) => !drop.has(c));
  }
}

/** The document's names so far: full names and defined acronyms, and surnames (null when two people share one). */
function knownNames(st: DocState): { known: Map<string, Candidate>; surnames: Map<string, Candidate | null> } {
  // Known names of this document: persons by full name and surname, orgs by name and defined acronym.
  const known = new Map<string, Candidate>();
  const surnames = new Map<string, Candidate | null>();
  for (const c of st.cands) {
    if (c.special || c.evidence === 'gazetteer') continue;
    if (!known.has(c.name)) known.set(c.name, c);
    if (c.kind === 'person') {
      const parts = c.name.split(/\s+/u);
      if (parts.length >= 2) {
        const sur = parts[parts.length - 1]!;
        const prev = surnames.get(sur);
        if (prev === undefined) surnames.set(sur, c);
        else if (prev && prev.name !== c.name) surnames.set(sur, null);
      }
    }
  }
  for (const [acro, c] of st.acronyms) known.set(acro, c);
  return { known, surnames };
}

/** Later mentions of known names: untyped chunks, surnames and defined acronyms anywhere in the text. */
function documentRepeats(
  st: DocState,
  sentToksAll: readonly Tok[][],
  known: ReadonlyMap<string, Candidate>,
  surnames: ReadonlyMap<string, Candidate | null>,
): Candidate[] {
  const text = st.text;
  // Document pass: untyped chunks and acronym tokens that repeat a known name.
  const extra: Candidate[] = [];
  for (const u of st.untyped) {
    const surface = text.slice(u.start, u.end);
    const hit = known.get(surface) ?? surnames.get(surface) ?? undefined;
    if (hit) {
      extra.push(docRepeat(hit, u.start, u.end, 2));
      continue;
    }
    // A chunk that starts with a known surname/name token ("Kishida agreed" chunks) or contains one.
    for (const t of u.toks) {
      const h = known.get(t.text) ?? surnames.get(t.text) ?? undefined;
      if (h) extra.push(docRepeat(h, t.start, t.end, 2));
    }
  }
  // Acronyms and surnames anywhere (also inside chunks typed otherwise, e.g. "CMAC" typed as a plain acronym).
  const wanted = new PrefixFilter();
  for (const acro of st.acronyms.keys()) wanted.add(acro);
  for (const [sur, c] of surnames) if (c) wanted.add(sur);
  for (const toks of sentToksAll) {
    if (wanted.empty) break;
    for (const t of toks) {
      if (!wanted.mayHave(t.text)) continue;
      const def = st.acronyms.get(t.text);
      if (def) extra.push(docRepeat(def, t.start, t.end, 4));
      const sur = surnames.get(t.text);
      if (sur) extra.push(docRepeat(sur, t.start, t.end, 1));
    }
  }
  return extra;
}

/** Actors and mentions from the resolved candidates. */
function actorsOf(text: string, all: readonly Candidate[]): ActorResult {
  // Ids: gazetteer ids as they are; others from kind + name; acronym/surname mentions carry their target's name.
  // Worked out once per candidate ("the Kingdom" gets its id below).
  const ids = all.map((c) => (c.special ? '' : (c.id ?? actorId(c.kind, c.name))));
  // "the Kingdom": the most-mentioned monarchy of the document.
  const countryCounts = new Map<string, number>();
  for (let k = 0; k < all.length; k++) {
    const c = all[k]!;
    if (c.kind === 'country' && !c.special) countryCounts.set(ids[k]!, (countryCounts.get(ids[k]!) ?? 0) + 1);
  }
  let kingdom: string | undefined;
  for (const [id, n] of [...countryCounts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))) {
    if (MONARCHIES.has(id.slice('country:'.length))) {
      kingdom = id;
      void n;
      break;
    }
  }

  const actors = new Map<string, { actor: Actor; surfaces: Set<string> }>();
  const mentions: FoundMention[] = [];
  for (let k = 0; k < all.length; k++) {
    const c = all[k]!;
    let id: string;
    let name = c.name;
    let kind = c.kind;
    if (c.special === 'kingdom') {
      if (!kingdom) continue;
      id = kingdom;
      name = countryName(kingdom.slice('country:'.length));
      kind = 'country';
    } else id = ids[k]!;
    const surface = text.slice(c.start, c.end);
    mentions.push({ actorId: id, start: c.start, end: c.end, surface });
    let rec = actors.get(id);
    if (!rec) {
      rec = { actor: { id, name, kind, aliases: [] }, surfaces: new Set() };
      actors.set(id, rec);
    }
    rec.surfaces.add(surface);
    if (c.titled) rec.surfaces.add(c.titled);
  }
  // Persons: prefer the longest full name seen as the display name.
  const out: Actor[] = [];
  for (const { actor, surfaces } of actors.values()) {
    if (actor.kind === 'person') {
      for (const s of surfaces) if (cachedSlug(s) === actor.id.slice('person:'.length)) actor.name = s;
    }
    actor.aliases = [...surfaces].filter((s) => s !== actor.name).sort(cmp);
    out.push(actor);
  }
  out.sort((a, b) => cmp(a.id, b.id));
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { actors: out, mentions };
}
