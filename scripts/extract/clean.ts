/**
 * Cleaning: recognising the headline and page furniture by general rules, without moving any offset.
 *
 * Furniture is found line by line (a line = a run of characters between line breaks), and every span is the exact
 * trimmed extent of one or more lines, so `text.slice(start, end)` is the furniture and the text is never changed.
 * Rules (none depends on a particular site):
 * - logo: a line starting "Logo of ...", or naming a site logo ("... logo").
 * - caption: a line starting "Content image", "Image:", "Photo:", "Picture:", "Caption:", or a short line whose
 *   last "sentence" is a bare photographer/agency credit (". SPM", ". AFP", ". Photo: X").
 * - headline: a repeat of an earlier short headline-like line (no final full stop, <= 200 chars).
 * - byline: "By First Last" lines, a lone name line (2-4 capitalised words) that repeats or sits in the last lines,
 *   and the short role lines that follow a byline at the end ("Spokesman of ...", "Advisor to ...").
 * - bio: one of the last lines starting with a name followed by "is/was (currently) a/an/the ..." and a role word.
 * - teaser: a trailing block of bullet lines ("•", "·", "▪", "►") and their indented continuation lines, with at
 *   least two bullets; or a trailing block that starts with "Read more" / "Related" / "See also".
 */
import type { Furniture } from '../../src/model/schema';

interface Line {
  start: number;
  end: number;
  /** Trimmed content. */
  text: string;
  /** Offset of the trimmed content. */
  tStart: number;
  tEnd: number;
  indented: boolean;
}

const MAX_SCAN_LINE = 2000;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const m of text.matchAll(/[^\n\r\u2028\u2029]+/gu)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const tStart = m.index + lead;
    lines.push({
      start: m.index,
      end: m.index + raw.length,
      text: trimmed.length > MAX_SCAN_LINE ? trimmed.slice(0, MAX_SCAN_LINE) : trimmed,
      tStart,
      tEnd: tStart + trimmed.length,
      indented: lead >= 2,
    });
  }
  return lines;
}

const LOGO_START = /^logo\b/iu;
const LOGO_END = /\blogo$/iu;

/** /^logo\b|\blogo$/iu, with the end tested on the last five characters only (the word and one before it, for \b). */
function isLogo(line: string): boolean {
  return LOGO_START.test(line) || LOGO_END.test(line.slice(-5));
}
const CAPTION_START = /^(?:content image|image|photo|picture|caption|photograph)\b\s*[-:\u2013\u2014]?/iu;
/** A caption's trailing credit: the last "sentence" is a bare agency/photographer tag. */
const CREDIT_END =
  /[.!?]["'\u201d]?\s+(?:\p{Lu}{2,6}|(?:photo|picture|image)s?(?:\s*:\s*|\s+)\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*){0,3}|\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*){0,2}\/\p{Lu}{2,10})$/u;
const HEADLINE_LIKE = /[.!?:;,]["'\u201d]?$/u;
const BYLINE =
  /^by\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*){0,3})?$/iu;
const NAME_LINE = /^\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*){1,3}$/u;
const BIO_START =
  /^\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*){0,3},?\s+(?:is|was|has been|holds)\b/u;
const BIO_ROLE =
  /\b(?:student|researcher|research(?:ing)?|analyst|fellow|professor|lecturer|scholar|journalist|writer|author|editor|correspondent|columnist|reporter|candidate|pursuing|graduate|director|consultant|founder|expert|specialist|member|adviser|advisor|contributor|economist|diplomat)\b/iu;
const BULLET = /^[\u2022\u00b7\u25aa\u25cf\u25ba\u2023\u2043\u25e6]/u;
const READ_MORE =
  /^(?:read more|related(?: articles| stories| news)?|see also|also read|more from|recommended|you may also like)\b/iu;
const ROLE_LINE_MAX = 120;

/** Lines compare as the same text when these keys are equal (case and whitespace runs ignored). */
function sameTextKey(a: string): string {
  return a.toLowerCase().replace(/\s+/gu, ' ');
}

/** Page furniture spans by general rules, sorted by start, non-overlapping. */
export function findFurniture(text: string): Furniture[] {
  const lines = linesOf(text);
  const kinds: (Furniture['kind'] | undefined)[] = lines.map(() => undefined);
  const n = lines.length;
  // Keys (sameTextKey) of the headline-like lines seen so far: a set lookup instead of comparing with each of them.
  const headlines = new Set<string>();

  // Trailing teaser block: bullets and their indented continuations.
  let teaserFrom = n;
  let bullets = 0;
  for (let i = n - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (BULLET.test(l.text)) {
      bullets++;
      teaserFrom = i;
    } else if (l.indented && i > 0) continue;
    else break;
  }
  if (bullets >= 2) for (let i = teaserFrom; i < n; i++) kinds[i] = 'teaser';
  else teaserFrom = n;
  for (let i = Math.max(1, Math.floor(n / 2)); i < teaserFrom; i++) {
    if (READ_MORE.test(lines[i]!.text) && lines[i]!.text.length < 80) {
      for (let j = i; j < teaserFrom; j++) kinds[j] = 'teaser';
      teaserFrom = i;
      break;
    }
  }

  const bodyEnd = teaserFrom; // lines [0, bodyEnd) are candidates for the rest
  const tail = Math.max(0, bodyEnd - 6);
  const nameCounts = new Map<string, number>();
  const nameLine: boolean[] = []; // NAME_LINE per line, tested once for both loops
  for (let i = 0; i < bodyEnd; i++) {
    const t = lines[i]!.text;
    nameLine.push(NAME_LINE.test(t));
    if (nameLine[i]) nameCounts.set(t, (nameCounts.get(t) ?? 0) + 1);
  }

  for (let i = 0; i < bodyEnd; i++) {
    const l = lines[i]!;
    const t = l.text;
    if (isLogo(t) || /^logo of\b/iu.test(t)) {
      kinds[i] = 'logo';
      continue;
    }
    if (CAPTION_START.test(t) && t.length <= 300) {
      kinds[i] = 'caption';
      continue;
    }
    if (t.length <= 400 && CREDIT_END.test(t.length > 120 ? t.slice(-120) : t)) {
      kinds[i] = 'caption';
      continue;
    }
    if (BYLINE.test(t) && t.length <= 80) {
      kinds[i] = 'byline';
      // Role lines that follow a byline at the end of the article.
      if (i >= tail) {
        for (let j = i + 1; j < bodyEnd && lines[j]!.text.length <= ROLE_LINE_MAX; j++) kinds[j] = 'byline';
      }
      continue;
    }
    if (nameLine[i] && t.length <= 60 && ((nameCounts.get(t) ?? 0) > 1 || i >= tail)) {
      kinds[i] = 'byline';
      continue;
    }
    if (i >= tail && i > 0 && BIO_START.test(t) && BIO_ROLE.test(t.slice(0, 300))) {
      kinds[i] = 'bio';
      continue;
    }
    if (t.length <= 200 && !HEADLINE_LIKE.test(t)) {
      const key = sameTextKey(t);
      if (headlines.has(key)) kinds[i] ??= 'headline';
      else headlines.add(key);
    }
  }

  const out: Furniture[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const l = lines[i]!;
    const prev = out[out.length - 1];
    // Merge consecutive lines of the same kind into one span (teaser blocks, byline blocks).
    if (prev && prev.kind === kind && (kind === 'teaser' || kind === 'byline') && kinds[i - 1] === kind) {
      prev.end = l.tEnd;
    } else out.push({ start: l.tStart, end: l.tEnd, kind });
  }
  return out;
}

/** Kicker words a headline may start with ("OPINION: ...", "ANALYSIS - ..."). */
const KICKER =
  /^(?:opinion|analysis|editorial|commentary|comment|exclusive|breaking|update|updated|explainer|feature|interview|watch|video|photos?|live)\s*[:|\u2013\u2014-]\s*/iu;

/**
 * The first line that reads like a headline (short, no final full stop), skipping logo and caption furniture,
 * without a leading kicker such as "OPINION:". Undefined when the article starts with body text.
 */
export function headlineTitle(text: string): string | undefined {
  let seen = 0;
  for (const raw of text.split('\n', 40)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (++seen > 6) return undefined;
    if (isLogo(line) || /^logo of\b/iu.test(line) || CAPTION_START.test(line)) continue;
    if (line.length <= 200 && !/[.!?]["'\u201d]?$/u.test(line)) {
      const title = line.replace(KICKER, '').trim();
      return title.length > 0 ? title : line;
    }
    return undefined;
  }
  return undefined;
}
