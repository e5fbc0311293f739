/**
 * `text.matchAll(re)` without trying `re` at every position of the text.
 *
 * The date rules are global regexes whose leading parts are all optional ("the", "past", a count...) before one
 * mandatory word (a unit, "quarter", "every"...): the engine tries the whole pattern at every word boundary of the
 * article, although a match can only start shortly before an occurrence of that word. `anchoredMatches` first finds
 * the next occurrence of an *anchor* (that mandatory part: a whole word from a set, found for all rules in one pass
 * over the text, or a regex), then tries `re` (sticky) only at the positions a match containing it could start from.
 *
 * Exactness. Let `lead` bound the number of non-whitespace code units (whitespace = what `\s` matches) a match can
 * have before its anchor occurrence. The global scan from `from` returns the match at the least position p >= from
 * where `re` matches. Any match at p contains an anchor occurrence at some q >= p >= from, with at most `lead`
 * non-whitespace code units in [p, q); so if u is the first anchor occurrence at or after `from`, then q >= u and
 * p >= the lowest position whose span to u holds at most `lead` non-whitespace code units (`windowStart`). Trying
 * `re` sticky at each position from max(from, windowStart) to u in order finds the least p in that range; a sticky
 * match at p is exactly the match the global scan finds at p (lookbehinds and `\b` see the same text). With no match
 * there, the next match starts after u, so its anchor is a later occurrence and the search goes on from u + 1.
 * Matches are never empty here (every anchor consumes text), so the scan resumes at the end of each match, as
 * matchAll does.
 *
 * `boundaryStart` may be set only when every match starts with `\b` (every top-level alternative begins with it):
 * then positions where `\b` cannot hold (both neighbours word or both non-word characters, `\w` without the `u`
 * flag) are skipped without calling the regex. Regexes with both `i` and `u` flags are refused (their `\w` differs).
 */

/** Whether each BMP code unit is matched by `\s` (the same definition as the rules' regexes). */
const SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) SPACE[c] = 1;

/** `\w` without the `u` flag: [A-Za-z0-9_], as a table of the ASCII code units. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
function isWordUnit(u: number): boolean {
  return u < 128 && WORD[u] === 1;
}

export interface AnchoredRegex {
  /** The rule's regex (global), for documentation and for its flags. */
  re: RegExp;
  /** Sticky copy of `re`. */
  sticky: RegExp;
  /** Global regex for the mandatory part (same case flag as `re`), or the id of a word anchor (see wordAnchored). */
  anchor: RegExp | number;
  /** Most non-whitespace code units a match can have before its anchor occurrence. */
  lead: number;
  boundaryStart: boolean;
}

function checked(re: RegExp, boundaryStart: boolean): { sticky: RegExp } {
  if (!re.global || re.sticky) throw new Error(`anchored: ${re.source} must be global and not sticky`);
  if (re.unicode && re.ignoreCase) throw new Error(`anchored: ${re.source}: \\w differs with flags iu`);
  if (boundaryStart && !re.source.startsWith('\\b')) throw new Error(`anchored: ${re.source} must start with \\b`);
  return { sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`) };
}

/** A rule whose anchor is a regex (any occurrence of it, also inside a word). */
export function anchored(re: RegExp, anchor: string, lead: number, boundaryStart: boolean): AnchoredRegex {
  const { sticky } = checked(re, boundaryStart);
  return { re, sticky, anchor: new RegExp(anchor, `${re.ignoreCase ? 'i' : ''}g`), lead, boundaryStart };
}

// Word anchors. Many rules' mandatory part is a whole word: in every match it is a maximal run of `\w` code units
// ([A-Za-z0-9_]: \b or whitespace before it, \b or whitespace after it) whose lower-case form is in a small set
// ("years", "every", "spring"), or a four-digit year. One pass over the text finds those runs for all such rules
// at once (a hash of each word, compared with the anchor words only on a hash hit), instead of one regex scan per
// rule. The sets may be larger than needed (a
// case-sensitive rule uses lower-case keys): extra anchors only cost a sticky test.

/** The anchor words by fold hash: most words of a text are rejected on this number, without building a string. */
const WORDS_BY_HASH = new Map<number, { word: string; ids: number[] }[]>();
/**
 * One bit per value of a hash's low 16 bits, set for the anchor words' hashes: a clear bit means "no anchor word"
 * without a Map lookup (nearly every word of a text), a set bit is checked in WORDS_BY_HASH as before.
 */
const HASH_BITS = new Uint8Array(0x10000 / 8);
const hashBit = (h: number): number => h & 0xffff;

/** Hash of a word's code units with ASCII letters folded to lower case (c | 0x20); collisions are checked. */
function foldStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 0x20)) | 0;
}

/** Rule ids anchored on a four-digit year (1000-2199, the YEAR of the rules). */
const YEAR_RULES: number[] = [];
let ruleCount = 0;
let minWord = Infinity;
let maxWord = 0;

/**
 * A rule whose anchor is a whole word (see above) from `words` (lower case); each rule using it must show in its
 * comment that the anchor part of every match is a maximal \w run.
 */
export function wordAnchored(
  re: RegExp,
  words: readonly string[],
  lead: number,
  boundaryStart: boolean,
): AnchoredRegex {
  const { sticky } = checked(re, boundaryStart);
  const id = ruleCount++;
  for (const w of words) {
    if (w !== w.toLowerCase() || !/^\w+$/.test(w)) throw new Error(`wordAnchored: bad anchor word ${w}`);
    let h = 0;
    for (let k = 0; k < w.length; k++) h = foldStep(h, w.charCodeAt(k));
    const same = WORDS_BY_HASH.get(h) ?? [];
    const entry = same.find((x) => x.word === w);
    if (entry) {
      if (!entry.ids.includes(id)) entry.ids.push(id);
    } else same.push({ word: w, ids: [id] });
    WORDS_BY_HASH.set(h, same);
    HASH_BITS[hashBit(h) >> 3]! |= 1 << (hashBit(h) & 7);
    minWord = Math.min(minWord, w.length);
    maxWord = Math.max(maxWord, w.length);
  }
  return { re, sticky, anchor: id, lead, boundaryStart };
}

/** A rule whose anchor is a four-digit year 1000-2199 that is a maximal \w run. */
export function yearAnchored(re: RegExp, lead: number, boundaryStart: boolean): AnchoredRegex {
  const { sticky } = checked(re, boundaryStart);
  const id = ruleCount++;
  YEAR_RULES.push(id);
  return { re, sticky, anchor: id, lead, boundaryStart };
}

/** Whether the four code units at i are a year 1000-2199: 1\d{3}, 20\d\d or 21\d\d. */
function isYearAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  if (!isDigitUnit(b) || !isDigitUnit(text.charCodeAt(i + 2)) || !isDigitUnit(text.charCodeAt(i + 3))) return false;
  return a === 49 || (a === 50 && (b === 48 || b === 49));
}

function isDigitUnit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether text[i, i + word.length) lower-cased (ASCII: the run is \w only) equals `word`. */
function foldedEqual(text: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Start offsets of each word-anchored rule's anchors in one text, ascending. */
function wordAnchors(text: string): number[][] {
  const out: number[][] = Array.from({ length: ruleCount }, () => []);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (!isWordUnit(first)) {
      i++;
      continue;
    }
    let h = foldStep(0, first);
    let j = i + 1;
    // Reads only inside the text: the former loop also read charCodeAt(n), which is NaN, so its code unit variable
    // could not stay a small integer; this form scanned ~40% faster in a micro-benchmark.
    while (j < n) {
      const c = text.charCodeAt(j);
      if (!isWordUnit(c)) break;
      h = foldStep(h, c);
      j++;
    }
    const len = j - i;
    if (len === 4 && YEAR_RULES.length > 0 && isYearAt(text, i)) for (const id of YEAR_RULES) out[id]!.push(i);
    if (len >= minWord && len <= maxWord && (HASH_BITS[hashBit(h) >> 3]! & (1 << (hashBit(h) & 7))) !== 0) {
      const same = WORDS_BY_HASH.get(h);
      if (same) {
        for (const { word, ids } of same)
          if (word.length === len && foldedEqual(text, i, word)) for (const id of ids) out[id]!.push(i);
      }
    }
    i = j;
  }
  return out;
}

/** The word anchors of the last text seen: ruleCandidates and periodCandidates run on the same masked text. */
let lastText: string | undefined;
let lastAnchors: number[][] = [];

function anchorsOf(text: string): number[][] {
  if (text !== lastText || lastAnchors.length !== ruleCount) {
    lastAnchors = wordAnchors(text);
    lastText = text;
  }
  return lastAnchors;
}

/** Lowest position p such that [p, u) holds at most `lead` code units that are not whitespace. */
function windowStart(text: string, u: number, lead: number): number {
  let p = u;
  let budget = lead;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (SPACE[c] === 0) {
      if (budget === 0) break;
      budget--;
    }
    p--;
  }
  return p;
}

/** The same matches, in the same order, as `text.matchAll(a.re)` (see the module comment). */
export function* anchoredMatches(text: string, a: AnchoredRegex): Generator<RegExpExecArray> {
  const { sticky, anchor, lead, boundaryStart } = a;
  // The first anchor occurrence at or after `from` (from never decreases), or -1.
  let nextAnchor: (from: number) => number;
  if (typeof anchor === 'number') {
    const positions = anchorsOf(text)[anchor]!;
    let k = 0;
    nextAnchor = (from) => {
      while (k < positions.length && positions[k]! < from) k++;
      return k < positions.length ? positions[k]! : -1;
    };
  } else {
    nextAnchor = (from) => {
      anchor.lastIndex = from;
      return anchor.exec(text)?.index ?? -1;
    };
  }
  let from = 0;
  while (from <= text.length) {
    const u = nextAnchor(from);
    if (u < 0) return;
    let found: RegExpExecArray | null = null;
    for (let p = Math.max(from, windowStart(text, u, lead)); p <= u; p++) {
      if (boundaryStart && p > 0 && p < text.length) {
        if (isWordUnit(text.charCodeAt(p - 1)) === isWordUnit(text.charCodeAt(p))) continue;
      }
      sticky.lastIndex = p;
      found = sticky.exec(text);
      if (found) break;
    }
    if (!found) {
      from = u + 1;
      continue;
    }
    if (found[0].length === 0) throw new Error(`anchoredMatches: empty match of ${a.re.source}`);
    from = found.index + found[0].length;
    yield found;
  }
}
