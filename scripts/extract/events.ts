/**
 * Dated events: one per sentence that reports something an actor did, said or planned. The title is built from
 * the subject names, the cue in the past tense and the object (or a short complement); the date comes from the
 * sentence itself, else its paragraph, else the publication date. Event time is kept apart from report time.
 */
import type { DatasetEvent, EventDate } from '../../src/model/schema';
import {
  isSpaceUnit,
  tokensBetween,
  type ActorInfo,
  type Cue,
  type Predication,
  type SentenceAnalysis,
  type SentenceSpan,
  type Token,
} from './relations-analysis';
import { BE_FORMS, PREPOSITIONS, SINGLE_CUES, TITLE_WORDS } from './relations-lexicon';
import { endOf, lowerBound, startOf } from './sorted';

const sceneIndex = (s: { index: number }): number => s.index;

/** A timex as produced by dates.ts (`FoundTimex`), reduced to what event dating needs. */
export interface DatedTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  date?: { start: string; end?: string; precision: 'day' | 'month' | 'year' | 'decade' };
}

export const MAX_TITLE = 80;
/** A date further than this (characters) from the cue belongs to another clause. */
export const MAX_DATE_DISTANCE = 120;

const SNIPPET_WORDS = 8;
const SNIPPET_STOP = new Set([
  'which',
  'who',
  'because',
  'while',
  'when',
  'but',
  'although',
  'whereas',
  'since',
  'after',
  'before',
  'as',
  'so',
]);
const TRAILING_STRIP = new Set([
  'that',
  'between',
  'on',
  'in',
  'at',
  'of',
  'to',
  'for',
  'by',
  'with',
  'from',
  'and',
  'or',
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
]);
const LEADING_SKIP = new Set(['that', 'also', 'then']);
/** Connectives that open a sentence or a quotation before a comma ("So, the information was baseless"). */
const CONNECTIVES = new Set([
  'so',
  'thus',
  'hence',
  'therefore',
  'however',
  'moreover',
  'furthermore',
  'besides',
  'indeed',
  'still',
  'yet',
  'well',
  'now',
  'meanwhile',
  'nevertheless',
  'nonetheless',
  'consequently',
  'accordingly',
  'instead',
  'otherwise',
  'finally',
  'first',
  'firstly',
  'secondly',
  'lastly',
  'additionally',
  'likewise',
  'similarly',
  'again',
  'anyway',
  'yes',
  'no',
]);
/** Words that open a non-restrictive relative clause (", who he did not name,"). */
const RELATIVES = new Set(['who', 'whom', 'whose', 'which']);
/** How many tokens a relative clause set off by commas may span and still be skipped. */
const RELATIVE_MAX = 12;
const DETERMINER_STRIP = new Set(['his', 'her', 'its', 'their', 'the', 'a', 'an', 's']);
const MIDDLE_STOP = new Set(['that', 'which', 'who', 'whether', 'if', 'when', 'because']);
/** Words that end the nominal head after an object ("X's proposal to ...", "a UN resolution and ..."). */
const HEAD_STOP = new Set(['that', 'which', 'who', 'and', 'or', 'but', 'as', 'also', 'not']);
const HEAD_WORDS = 2;

/**
 * The noun an object actor modifies: "Zelensky's proposal", "a UN General Assembly resolution". Lower-case words
 * right after the mention, at most two, up to a preposition, a verb-like word or punctuation; '' if none.
 */
function nominalHead(text: string, tokens: readonly Token[], end: number, limit: number): string {
  let k = 0;
  while (k < tokens.length && tokens[k]!.start < end) k++;
  let last = -1;
  for (let j = k; j < tokens.length && j - k < HEAD_WORDS; j++) {
    const t = tokens[j]!;
    const gap = text.slice(j === k ? end : tokens[j - 1]!.end, t.start);
    if (t.end > limit || t.capital || !/^['’]?s?\s{1,2}$/.test(gap) || /\d/.test(t.lower)) break;
    if (PREPOSITIONS.has(t.lower) || HEAD_STOP.has(t.lower) || BE_FORMS.has(t.lower) || t.lower.endsWith('ly')) break;
    if (SINGLE_CUES.get(t.lower)?.some((e) => e.noun !== true)) break;
    last = j;
  }
  return last >= k ? collapse(text.slice(tokens[k]!.start, tokens[last]!.end)) : '';
}
/** Clause punctuation between two words; a period right against the next word is inside it ("ASEAN-U.S."). */
const PUNCT_STOP_RE = /[,;:()[\]\u2013\u2014!?]|\.\s/;

/** Rank of a predication as the sentence's main event (lower is better), or undefined when it cannot be one. */
function rank(p: Predication): number | undefined {
  const cue = p.cue;
  if (p.subjects.length === 0 || cue.hypothetical || cue.requested || cue.unattributedQuote) return undefined;
  const penalty = cue.subordinate ? 10 : 0;
  // An object, or two distinct subjects (one differs from the first).
  const first = p.subjects[0]!.actorId;
  const partnered = p.object !== undefined || p.subjects.some((s) => s.actorId !== first);
  if (cue.entry.role === 'relation' && !cue.noun) return (partnered ? 0 : 1.5) + penalty;
  if (cue.entry.role === 'report') return 1 + penalty;
  if (cue.entry.role === 'action') return 2 + penalty;
  if (cue.entry.role === 'relation' && cue.noun && p.agentive) return (partnered ? 3 : 5) + penalty;
  if (cue.entry.role === 'relation' && cue.noun) return 4 + penalty;
  return undefined;
}

/** The predication that names the sentence's event. */
export function mainPredication(analysis: SentenceAnalysis): Predication | undefined {
  let best: Predication | undefined;
  let bestRank = Infinity;
  for (const p of analysis.predications) {
    const r = rank(p);
    if (r !== undefined && r < bestRank) {
      best = p;
      bestRank = r;
    }
  }
  return best;
}

/**
 * Whitespace runs to one space, trimmed: `s.replace(/\s+/g, ' ').trim()`. Most strings are already so (single spaces
 * between words); they are returned after one scan, without a regex pass.
 */
export function collapse(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceUnit(c)) continue;
    if (c !== 32 || i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 32) return s.replace(/\s+/g, ' ').trim();
  }
  return s;
}

/** Joins names: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Cuts a title to `max` characters at a word boundary. */
export function clip(title: string, max = MAX_TITLE): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  let head = space > max / 2 ? cut.slice(0, space) : cut;
  while (head.length > 0 && ' \t\n,;:'.includes(head[head.length - 1]!)) head = head.slice(0, -1);
  return `${head}\u2026`;
}

/**
 * Up to a few words of text after `from`, stopping at clause punctuation, a stop word or a date. A connective set off
 * by a comma at the start is left out ("So, the information was ..." -> "the information was ..."), and so is a
 * relative clause between commas ("the critics, who he did not name, had raised" -> "the critics had raised").
 */
function snippet(text: string, tokens: readonly Token[], fromToken: number, limit: number, stopAt: number): string {
  let first = fromToken;
  while (first < tokens.length && LEADING_SKIP.has(tokens[first]!.lower)) first++;
  const opener = tokens[first];
  const second = tokens[first + 1];
  if (opener && second && CONNECTIVES.has(opener.lower) && /^\s*,/.test(text.slice(opener.end, second.start))) first++;
  const start = tokens[first]?.start;
  if (start === undefined || start >= stopAt) return '';
  const pieces: string[] = [];
  let pieceStart = start;
  let end = start;
  let count = 0;
  let resumed = -1;
  for (let k = first; k < tokens.length && count < SNIPPET_WORDS; k++) {
    const t = tokens[k]!;
    if (t.start >= stopAt || t.end > limit) break;
    const prev = tokens[k - 1];
    const abbreviation = prev !== undefined && prev.capital && prev.end - prev.start <= 2;
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const punct = PUNCT_STOP_RE.test(gap) && !(abbreviation && gap.startsWith('.'));
    if (k > first && k !== resumed) {
      if (punct && RELATIVES.has(t.lower) && /^\s*,\s*$/.test(gap)) {
        const after = relativeClauseEnd(text, tokens, k, limit, stopAt);
        if (after > 0) {
          pieces.push(text.slice(pieceStart, end));
          pieceStart = tokens[after]!.start;
          resumed = after;
          k = after - 1;
          continue;
        }
      }
      if (SNIPPET_STOP.has(t.lower) || punct) break;
    }
    end = t.end;
    count++;
  }
  while (end > pieceStart && count > 1) {
    // The token ending at `end` (ends increase: a binary search finds the one findIndex would).
    let lastIdx = lowerBound(tokens, end, endOf);
    if (tokens[lastIdx]?.end !== end) lastIdx = -1;
    const lastTok = tokens[lastIdx];
    const before = tokens[lastIdx - 1];
    if (!lastTok || !TRAILING_STRIP.has(lastTok.lower) || !before || before.end <= pieceStart) break;
    end = before.end;
    count--;
  }
  pieces.push(text.slice(pieceStart, end));
  let s = collapse(pieces.join(' '));
  const quotes = (s.match(/[\u201c\u201d"]/g) ?? []).length;
  if (quotes % 2 === 1) s = s.replace(/[\u201c\u201d"]/g, '');
  if (count === SNIPPET_WORDS) s += '\u2026';
  return s;
}

/**
 * The token after a relative clause that starts at tokens[from] and ends at a comma within RELATIVE_MAX tokens (no
 * other clause punctuation, no date, inside the limit), or -1.
 */
function relativeClauseEnd(
  text: string,
  tokens: readonly Token[],
  from: number,
  limit: number,
  stopAt: number,
): number {
  for (let j = from + 1; j < tokens.length && j <= from + RELATIVE_MAX; j++) {
    const t = tokens[j]!;
    if (t.start >= stopAt || t.end > limit) return -1;
    const gap = text.slice(tokens[j - 1]!.end, t.start);
    if (/^\s*,\s*$/.test(gap)) return j;
    if (PUNCT_STOP_RE.test(gap)) return -1;
  }
  return -1;
}

/** Forms of "be" (and "have") between a passive participle and what it acted on: "was attended by". */
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had']);
/** Words that open a noun phrase ("that" is left out: it is more often a conjunction). */
const NP_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'another',
  'its',
  'his',
  'her',
  'their',
  'our',
]);
/** Prepositions that end a noun phrase's head ("the meeting on April 14 by video conference"). */
const NP_PREPS = new Set(['on', 'in', 'at', 'by', 'via', 'through', 'from', 'during', 'over', 'with', 'for', 'of']);
/** How far back (in tokens) the noun phrase may open. */
const PATIENT_WINDOW = 20;

/**
 * What a passive verb acted on when no actor is its object: the noun phrase right before it, from its determiner up
 * to its first preposition, without parentheses ("the Special ASEAN Plus Three (China, Japan, South Korea) meeting
 * on April 14, 2020 by video conference, attended by PM Hun Sen" -> "the Special ASEAN Plus Three meeting"; "The
 * summit was attended by X" -> "the summit"). '' when no determiner opens one close enough.
 */
function passivePatient(text: string, tokens: readonly Token[], cue: Cue, sentenceStart: number): string {
  let k = cue.first - 1;
  while (k >= 0 && PASSIVE_AUX.has(tokens[k]!.lower)) k--;
  let depth = 0;
  let open = -1;
  for (let j = k; j >= 0 && k - j < PATIENT_WINDOW && tokens[j]!.start >= sentenceStart; j--) {
    const t = tokens[j]!;
    const before = j > 0 ? text.slice(tokens[j - 1]!.end, t.start) : '';
    if (depth === 0 && NP_OPENERS.has(t.lower)) {
      open = j;
      break;
    }
    // Parentheses are crossed; so is the comma of a date ("April 14, 2020"); other punctuation ends the search.
    depth += (before.match(/\)/g) ?? []).length - (before.match(/\(/g) ?? []).length;
    if (depth === 0 && /[;:.!?\u2013\u2014"\u201c\u201d]/u.test(before)) return '';
    if (depth === 0 && before.includes(',') && !/^\d{4}$/u.test(t.lower)) return '';
  }
  if (open < 0) return '';
  const words: string[] = [];
  let inside = 0;
  for (let j = open; j <= k; j++) {
    const t = tokens[j]!;
    const gap = j > open ? text.slice(tokens[j - 1]!.end, t.start) : '';
    inside += (gap.match(/\(/g) ?? []).length - (gap.match(/\)/g) ?? []).length;
    if (inside > 0) continue;
    if (j > open && (NP_PREPS.has(t.lower) || gap.includes(','))) break;
    words.push(j === open ? t.lower : text.slice(t.start, t.end));
  }
  return words.length >= 2 ? words.join(' ') : '';
}

function baseForm(cue: Cue): string {
  return cue.entry.lemma;
}

const nameOf = (actors: ReadonlyMap<string, ActorInfo>, id: string): string => actors.get(id)?.name ?? id;

/** Where a snippet from `from` stops: the next date expression of the sentence, else its end. */
function dateStop(timexes: readonly DatedTimex[], from: number, sentenceEnd: number): number {
  return timexes.find((t) => t.start >= from && t.start < sentenceEnd)?.start ?? sentenceEnd;
}

/** "Hun Sen requested Fumio Kishida", "Japan sent peacekeeping forces to Cambodia", "Hun Sen said: ...". */
export function buildTitle(
  text: string,
  analysis: SentenceAnalysis,
  p: Predication,
  actors: ReadonlyMap<string, ActorInfo>,
  timexes: readonly DatedTimex[],
): string {
  // "X, now Y": one party, named once (by its earlier name, as the sentence does).
  const subjectIds = [...new Set(p.subjects.filter((s) => s.formerOf === undefined).map((s) => s.actorId))];
  const subject = joinNames(subjectIds.map((id) => nameOf(actors, id)));
  const cue = p.cue;
  const negated = cue.negated && !cue.noun;
  const verb = negated ? `did not ${baseForm(cue)}` : cue.entry.past;
  const { tokens } = analysis;
  const sentence = analysis.sentence;
  let rest = '';
  if (p.object && cue.entry.role === 'relation') {
    const obj = p.object;
    const objName = nameOf(actors, obj.actorId);
    if (cue.noun || cue.entry.past.includes(' ')) {
      rest = objName;
    } else {
      // Words between the cue and the object, without the object's own title and qualifiers.
      const between = tokensBetween(tokens, cue.end, obj.start);
      let keep = between.length;
      while (keep > 0) {
        const t = between[keep - 1]!;
        const inModifier = analysis.mentions.some((m) => m.modifier && m.start <= t.start && t.end <= m.end);
        const strip =
          inModifier ||
          DETERMINER_STRIP.has(t.lower) ||
          (TITLE_WORDS.has(t.lower) && t.lower !== 'of' && t.lower !== 'and' && t.lower !== 'the');
        if (!strip) break;
        keep--;
      }
      const middle = between.slice(0, keep);
      const middleText = middle.length > 0 ? text.slice(middle[0]!.start, middle[middle.length - 1]!.end) : '';
      const clean =
        middle.length <= 6 &&
        !middle.some((t) => MIDDLE_STOP.has(t.lower)) &&
        !PUNCT_STOP_RE.test(middleText) &&
        !analysis.mentions.some((m) => m.start >= cue.end && m.end <= (middle[keep - 1]?.end ?? 0) && !m.modifier);
      // Keep the noun the object qualifies: "agreed to X's proposal", "co-sponsored a UN General Assembly resolution".
      const article = between[between.length - 1]?.lower;
      const qualifies =
        obj.possessive || ((article === 'a' || article === 'an') && obj.start - between.at(-1)!.end <= 2);
      const head = qualifies ? nominalHead(text, tokens, obj.end, sentence.end) : '';
      const objText = head ? `${obj.possessive ? `${objName}\u2019s` : `${article} ${objName}`} ${head}` : objName;
      if (clean && middleText) rest = `${collapse(middleText)} ${objText}`;
      else {
        const prep = between.length > 0 ? between.find((t) => (cue.entry.preps ?? []).includes(t.lower)) : undefined;
        rest = prep ? `${prep.lower} ${objText}` : objText;
      }
      // A request names what was asked: "requested that X increase cooperation", "urged X to rectify the post".
      if (cue.entry.type === 'request' && !obj.possessive) {
        // A demonym object is read as written, with its noun: "told Cambodian representatives to take a stand".
        const next = tokens.findIndex((t) => t.start >= (obj.modifier ? obj.start : obj.end));
        const gap = next >= 0 ? text.slice(obj.end, tokens[next]!.start) : '';
        const stopAt = dateStop(timexes, obj.end, sentence.end);
        const asked = next >= 0 && !PUNCT_STOP_RE.test(gap) ? snippet(text, tokens, next, sentence.end, stopAt) : '';
        if (asked.split(' ').length >= 2) {
          const that = between[0]?.lower === 'that' && !rest.startsWith('that ') ? 'that ' : '';
          // The object as written when it qualifies the next word ("Cambodian representatives to take a stand").
          const surface = collapse(text.slice(obj.start, obj.end));
          const asWritten = surface !== objName && /^\p{Lu}/u.test(surface) && !obj.possessive;
          if (obj.modifier) rest = `${that}${asked}`;
          else if (asWritten && /^\p{Ll}/u.test(asked) && /^ ?$/u.test(gap)) rest = `${that}${surface} ${asked}`;
          else rest = `${that}${rest} ${asked}`;
        }
      }
    }
  } else if (cue.noun && !cue.entry.symmetric && subjectIds.length >= 2) {
    // "the war between Russia and Ukraine", "the Russia-Ukraine war": the first party acts on the others.
    const [first, ...others] = subjectIds;
    return clip(`${nameOf(actors, first!)} ${cue.entry.past} ${joinNames(others.map((id) => nameOf(actors, id)))}`);
  } else if (cue.noun && (cue.entry.type === 'support' || cue.entry.type === 'criticize')) {
    // "showing their gratitude": "X expressed gratitude", not a transitive verb without its object.
    return clip(capitalise(collapse(`${subject} expressed ${text.slice(cue.start, cue.end).toLowerCase()}`)));
  } else if (cue.noun || cue.passive) {
    const patient = cue.passive && !cue.noun ? passivePatient(text, tokens, cue, sentence.start) : '';
    const past = cue.entry.past.replace(/ (?:with|to|of|on|against)$/, '');
    return clip(capitalise(collapse(`${subject} ${patient ? cue.entry.past : past} ${patient}`)));
  } else {
    const stopAt = dateStop(timexes, cue.end, sentence.end);
    const quoteBefore = analysis.quotes.some((q) => q.end <= cue.start && cue.start - q.end <= 40);
    rest = quoteBefore && cue.entry.role === 'report' ? '' : snippet(text, tokens, cue.last, sentence.end, stopAt);
    // 'said that, “to sustain ...”', 'said “Such an act ...”': what follows the verb is a quotation; show it as one
    // (with an ellipsis unless the snippet is all of it).
    const opened =
      rest && cue.entry.role === 'report'
        ? analysis.quotes.find((q) => q.start >= cue.end && q.start - cue.end <= 8)
        : undefined;
    if (opened) {
      const said = rest.replace(/\u2026$/, '');
      const inner = trimEndChars(collapse(text.slice(opened.start + 1, opened.end)), ' .,;:!?\u201d"');
      const whole = said.toLowerCase() === inner.toLowerCase();
      return clip(`${capitalise(subject)} ${verb}: \u201c${capitalise(said)}${whole ? '' : '\u2026'}\u201d`);
    }
    // "Cambodia, he added, does not allow ...": the reporting clause interrupts what was said about an actor; join
    // both halves (not "Now, he added, ...").
    if (rest && cue.entry.role === 'report') {
      const before = text.slice(sentence.start, cue.start);
      const comma = before.lastIndexOf(',');
      const head = comma > 0 ? collapse(before.slice(0, comma)) : '';
      const reporter = comma > 0 ? before.slice(comma + 1) : '';
      const interrupted =
        /^\s*,/u.test(text.slice(cue.end, sentence.end)) &&
        /^\s*\p{L}+(?:\s+\p{L}+){0,2}\s+$/u.test(reporter) &&
        head.length > 0 &&
        head.split(' ').length <= 5 &&
        !/[,;:\u201c\u201d"]/u.test(head) &&
        analysis.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.start + comma);
      if (interrupted) rest = `${head} ${rest}`;
    }
    if (!rest && cue.entry.role === 'report') {
      // '"...," he said.': what was said is before the reporting verb.
      const quoteTokens = tokens.filter((t) => t.end <= cue.start);
      const q = snippet(text, quoteTokens, 0, cue.start, cue.start).replace(/\u2026$/, '');
      if (q)
        return clip(
          quoteBefore
            ? `${capitalise(subject)} ${verb}: \u201c${capitalise(q)}\u2026\u201d`
            : `${capitalise(subject)} ${verb} ${q}\u2026`,
        );
    }
  }
  return clip(capitalise(collapse(`${subject} ${verb} ${rest}`)));
}

/** `s` without the characters of `chars` at its end (a loop, not a regex: linear on any input). */
function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Precision of a calendar string from its shape. */
export function precisionOf(value: string): EventDate['precision'] {
  if (value.length === 4) return 'year';
  if (value.length === 7) return 'month';
  return 'day';
}

function toEventDate(t: DatedTimex, source: EventDate['source']): EventDate {
  const date = t.date!;
  const out: EventDate = { start: date.start, precision: date.precision, text: t.text, source };
  if (date.end !== undefined && date.end !== date.start && date.end >= date.start) out.end = date.end;
  return out;
}

/** True when a reporting verb of the sentence stands between the date and the main cue, or right before the date. */
function reportDated(analysis: SentenceAnalysis, main: Cue, t: DatedTimex): boolean {
  return analysis.cues.some((r) => {
    if (r.entry.role !== 'report') return false;
    const between = (t.end <= r.start && r.end <= main.start) || (main.end <= r.start && r.end <= t.start);
    return between || (t.start >= r.end && t.start - r.end <= 4);
  });
}

/** Index of the sentence containing an offset, or -1. */
function sentenceAt(sentences: readonly SentenceSpan[], pos: number): number {
  // The first sentence ending after pos (sentences are sorted and disjoint) contains it if it starts by then.
  const i = lowerBound(sentences, pos + 1, endOf);
  return i < sentences.length && sentences[i]!.start <= pos ? i : -1;
}

/** Chooses an event date: the sentence's own date nearest the cue, else the paragraph's, else publication. */
export function eventDate(
  sentence: SentenceSpan,
  cue: Cue | undefined,
  paragraphDated: readonly DatedTimex[],
  published: string | null,
  own: readonly DatedTimex[] = paragraphDated.filter((t) => t.start >= sentence.start && t.end <= sentence.end),
  scene?: DatedTimex,
  text?: string,
): EventDate | undefined {
  const best = nearestDate(cue ?? { start: sentence.start, end: sentence.start }, own, text);
  if (best) return toEventDate(best, 'text');
  // paragraphDated is sorted by offset: binary search for the neighbours of the sentence.
  const lo = lowerBound(paragraphDated, sentence.start, startOf);
  let before: DatedTimex | undefined;
  for (let k = lo - 1; k >= 0; k--) {
    if (paragraphDated[k]!.end <= sentence.start) {
      before = paragraphDated[k];
      break;
    }
  }
  let after: DatedTimex | undefined;
  for (let k = lo; k < paragraphDated.length && !before; k++) {
    if (paragraphDated[k]!.start >= sentence.end) {
      after = paragraphDated[k];
      break;
    }
  }
  const context = before ?? after ?? scene;
  if (context) return toEventDate(context, 'context');
  if (published) return { start: published, precision: precisionOf(published), text: '', source: 'publication' };
  return undefined;
}

/**
 * A contrast between two clauses of a sentence: a comma (or semicolon) before a contrastive conjunction ("We have had
 * ties since the 1950s, but this will change as it has invaded Ukraine": the decade dates the ties, not the invasion).
 * A bare semicolon is no boundary here: the clause after it often goes on about the same time ("The years between 1956
 * and 1970 were the high point; during this time, ...").
 */
const CLAUSE_BREAK_RE = /[,;]\s*(?:but|yet|whereas|although|though)\b/i;

/** True when a clause boundary stands between the date and the anchor. */
function acrossClauses(text: string, anchor: { start: number; end: number }, t: DatedTimex): boolean {
  const from = t.end <= anchor.start ? t.end : anchor.end;
  const to = t.end <= anchor.start ? anchor.start : t.start;
  return from < to && CLAUSE_BREAK_RE.test(text.slice(from, to));
}

/**
 * The date nearest the anchor (a cue) within `MAX_DATE_DISTANCE` and, when the text is given, in the anchor's own
 * clause, preferring dates before it on ties.
 */
function nearestDate(
  anchor: { start: number; end: number },
  dates: readonly DatedTimex[],
  text?: string,
): DatedTimex | undefined {
  let best: DatedTimex | undefined;
  let bestDist = Infinity;
  for (const t of dates) {
    const gap = t.end <= anchor.start ? anchor.start - t.end : t.start - anchor.end;
    if (gap > MAX_DATE_DISTANCE) continue;
    if (text !== undefined && acrossClauses(text, anchor, t)) continue;
    const dist = t.end <= anchor.start ? anchor.start - t.end + 1 : Math.max(0, t.start - anchor.end);
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  return best;
}

const DAY_MS = 86_400_000;
/** A day date this many days before publication (or less) is the news of the article, not history. */
export const SCENE_WINDOW_DAYS = 31;

function dayNumber(value: string, last: boolean): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (m[2]) return last ? Date.UTC(y, Number(m[2]), 0) / DAY_MS : Date.UTC(y, Number(m[2]) - 1, 1) / DAY_MS;
  return last ? Date.UTC(y, 11, 31) / DAY_MS : Date.UTC(y, 0, 1) / DAY_MS;
}

/** True for a day date in the weeks up to publication: the date of the news the article reports. */
export function isNewsDate(t: DatedTimex, published: string | null): boolean {
  if (!published || t.date?.precision !== 'day' || t.date.end !== undefined) return false;
  const day = dayNumber(t.date.start, false);
  const from = dayNumber(published, false);
  const to = dayNumber(published, true);
  if (day === undefined || from === undefined || to === undefined) return false;
  return day <= to && day >= from - SCENE_WINDOW_DAYS;
}

export interface EventResult {
  events: DatasetEvent[];
  /** Event of each analysed sentence, by the sentence's start offset. */
  bySentence: Map<number, DatasetEvent>;
}

/** A sentence of pass 1: its main predication and the dates of its own. */
interface Pending {
  analysis: SentenceAnalysis;
  main: Predication | undefined;
  own: DatedTimex[];
  reported: DatedTimex[];
}

/** "Scenes" of each actor: the sentences where it is at a dated news occasion. */
type Scenes = Map<string, { index: number; timex: DatedTimex }[]>;

// buildEvents is split into its passes: as one function, V8 recompiled all of it after each deoptimisation while
// warming up (six times on a cold run over 1,000 articles).

/** The dated timexes of each paragraph. */
function datedByParagraph(sentences: readonly SentenceSpan[], dated: readonly DatedTimex[]): Map<number, DatedTimex[]> {
  const paragraphCache = new Map<DatedTimex, number>();
  const paragraphOf = (t: DatedTimex): number => {
    let p = paragraphCache.get(t);
    if (p === undefined) {
      const i = sentenceAt(sentences, t.start);
      p = i >= 0 ? sentences[i]!.paragraph : -1;
      paragraphCache.set(t, p);
    }
    return p;
  };
  const byParagraph = new Map<number, DatedTimex[]>();
  for (const t of dated) {
    const p = paragraphOf(t);
    const list = byParagraph.get(p);
    if (list) list.push(t);
    else byParagraph.set(p, [t]);
  }
  return byParagraph;
}

/** Pass 1: main predication and own dates of each sentence; "scenes" (an actor at a dated news occasion). */
function firstPass(
  analyses: readonly SentenceAnalysis[],
  dated: readonly DatedTimex[],
  published: string | null,
): { pending: Pending[]; scenes: Scenes } {
  const pending: Pending[] = [];
  const scenes = new Map<string, { index: number; timex: DatedTimex }[]>();
  let di = 0;
  for (const analysis of analyses) {
    const main = mainPredication(analysis);
    const sentence = analysis.sentence;
    while (di < dated.length && dated[di]!.start < sentence.start) di++;
    const own: DatedTimex[] = [];
    const reported: DatedTimex[] = [];
    const all: DatedTimex[] = [];
    for (let k = di; k < dated.length && dated[k]!.start < sentence.end; k++) {
      const t = dated[k]!;
      if (t.end > sentence.end) continue;
      all.push(t);
      if (!main) continue;
      // A reporting verb is not dated by a date inside the quotation it reports.
      if (
        main.cue.entry.role === 'report' &&
        !main.cue.quoted &&
        analysis.quotes.some((q) => t.start >= q.start && t.start < q.end)
      )
        continue;
      // "On Tuesday, officials recalled that X sent ...": a date on the reporting verb is report time, not event
      // time; it is still the best date when the event has none of its own.
      if (main.cue.entry.role !== 'report' && reportDated(analysis, main.cue, t)) reported.push(t);
      else own.push(t);
    }
    const news = all.find(
      (t) => isNewsDate(t, published) && !analysis.quotes.some((q) => t.start >= q.start && t.start < q.end),
    );
    if (news) {
      const actorsHere = main ? [...new Set(main.subjects.map((x) => x.actorId))] : [];
      if (actorsHere.length === 0 && analysis.salient) actorsHere.push(analysis.salient);
      for (const a of actorsHere) {
        const list = scenes.get(a);
        if (list) list.push({ index: pending.length, timex: news });
        else scenes.set(a, [{ index: pending.length, timex: news }]);
      }
    }
    pending.push({ analysis, main, own, reported });
  }
  return { pending, scenes };
}

/** The news occasion of an actor: its latest scene before sentence `index`, else its first one after. */
function sceneOf(scenes: Scenes, index: number, actorIds: readonly string[]): DatedTimex | undefined {
  let before: { index: number; timex: DatedTimex } | undefined;
  let after: { index: number; timex: DatedTimex } | undefined;
  for (const a of actorIds) {
    const list = scenes.get(a);
    if (!list) continue;
    const lo = lowerBound(list, index, sceneIndex);
    const b = list[lo - 1];
    const f = list[lo];
    if (b && (!before || b.index > before.index)) before = b;
    if (f && (!after || f.index < after.index)) after = f;
  }
  return (before ?? after)?.timex;
}

/** The date of the event of `pending[index]`, whose main predication is `main`. */
function eventDateOf(
  text: string,
  pending: Pending,
  main: Predication,
  index: number,
  byParagraph: ReadonlyMap<number, DatedTimex[]>,
  scenes: Scenes,
  published: string | null,
): EventDate | undefined {
  const { analysis, own, reported } = pending;
  const sentence = analysis.sentence;
  // The sentence's own date nearest the cue dates the event (eventDate would only find it again); otherwise a date
  // reported with it, the paragraph's, the actors' news occasion or publication.
  const nearest = nearestDate(main.cue, own, text);
  if (nearest) return toEventDate(nearest, 'text');
  const paragraphDated = byParagraph.get(sentence.paragraph) ?? [];
  // The speaker of the sentence counts too: "He said Cambodia opposed Russia" continues his occasion.
  const sceneActors = main.subjects.map((x) => x.actorId);
  for (const p of analysis.predications)
    if (p.cue.entry.role === 'report') for (const x of p.subjects) sceneActors.push(x.actorId);
  const scene = sceneOf(scenes, index, sceneActors);
  return eventDate(sentence, main.cue, paragraphDated, published, reported, scene, text);
}

/** Distinct actors of the sentence in order of first mention, known ones only. */
function eventActors(analysis: SentenceAnalysis, actors: ReadonlyMap<string, ActorInfo>): string[] {
  const actorIds: string[] = [];
  const seenIds = new Set<string>();
  for (const m of analysis.mentions) {
    if (seenIds.has(m.actorId)) continue;
    seenIds.add(m.actorId);
    if (actors.has(m.actorId)) actorIds.push(m.actorId);
  }
  return actorIds;
}

/** Builds the dated events of a document. */
export function buildEvents(
  docId: string,
  text: string,
  analyses: readonly SentenceAnalysis[],
  timexes: readonly DatedTimex[],
  actorList: readonly ActorInfo[],
  published: string | null,
): EventResult {
  const actors = new Map(actorList.map((a) => [a.id, a]));
  const sentences = analyses.map((a) => a.sentence);
  const dated = timexes
    .filter((t) => t.date !== undefined && (t.type === 'DATE' || t.type === 'TIME'))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const byParagraph = datedByParagraph(sentences, dated);
  const { pending, scenes } = firstPass(analyses, dated, published);
  const events: DatasetEvent[] = [];
  const bySentence = new Map<number, DatasetEvent>();
  for (let index = 0; index < pending.length; index++) {
    const item = pending[index]!;
    const { analysis, main, own } = item;
    if (!main) continue;
    const sentence = analysis.sentence;
    const date = eventDateOf(text, item, main, index, byParagraph, scenes, published);
    if (!date) continue;
    const event: DatasetEvent = {
      id: `${docId}:e${events.length}`,
      docId,
      title: buildTitle(text, analysis, main, actors, own),
      date,
      actorIds: eventActors(analysis, actors),
      evidence: { start: sentence.start, end: sentence.end },
    };
    events.push(event);
    bySentence.set(sentence.start, event);
  }
  return { events, bySentence };
}
