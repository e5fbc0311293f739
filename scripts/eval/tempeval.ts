/**
 * TempEval-3 (SemEval-2013 Task 1, task A: TIMEX3 extraction and normalisation) evaluation of the date layer.
 *
 * Reads a benchmark folder laid out as `input/*.TE3input` (raw text + DCT) and `gold/*.tml` (TIMEX3 gold), runs
 * extractTimexes on each document's raw <TEXT> with `published` = the DCT value, and scores like the official
 * TE3 scorer (UzZaman et al. 2013, section 4.1):
 *
 * - Strict span match: a system timex matches a gold timex when the spans are identical (after trimming spaces).
 * - Relaxed span match: the spans overlap.
 *   Precision = system timexes with a match / system timexes; recall = gold timexes with a match / gold timexes.
 * - Attribute F1 (value, type): over relaxed matches,
 *     attrP = |{x in Sys ∩ Ref : Sys.attr(x) = Ref.attr(x)}| / |Sys|,
 *     attrR = |{x in Sys ∩ Ref : Sys.attr(x) = Ref.attr(x)}| / |Ref|, attrF1 = 2·attrP·attrR / (attrP + attrR),
 *   which equals (attribute accuracy on the relaxed matches) × (relaxed F1). "Value F1" is the headline TE3 figure.
 *
 * Matching is one-to-one (each gold and each system timex is used at most once, greedily by position), which is
 * the conservative reading when one system span overlaps two gold spans (e.g. "2009-2010" gold as two timexes).
 *
 * The benchmark is test data: it is read at run time from a path and never copied into the repo.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractTimexes } from '../extract/dates';
import { parseTimeml, type TimemlDocument, type TimemlTimex } from './timeml';

export interface SpanValue {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TempEvalCounts {
  gold: number;
  system: number;
  strictMatches: number;
  relaxedMatches: number;
  valueMatches: number;
  typeMatches: number;
}

export interface TempEvalScores {
  documents: number;
  counts: TempEvalCounts;
  strict: PRF;
  relaxed: PRF;
  /** Value attribute F1 as TE3 defines it (see the file comment). */
  value: PRF;
  type: PRF;
  /** Value accuracy over the relaxed matches. */
  valueAccuracy: number;
  /** Wall time of extraction only, in milliseconds. */
  extractMs: number;
  /** Per-document errors, for inspection: gold/system pairs with a wrong value, misses and spurious timexes. */
  errors: { docId: string; kind: 'value' | 'missed' | 'spurious'; gold?: string; system?: string }[];
}

function prf(matchedSystem: number, system: number, matchedGold: number, gold: number): PRF {
  const precision = system === 0 ? 0 : matchedSystem / system;
  const recall = gold === 0 ? 0 : matchedGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Shrinks a span past leading and trailing white space, so "the week " and "the week" compare equal. */
function trimSpan(text: string, s: SpanValue): SpanValue {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { ...s, start, end };
}

/** Counts for one document's gold and system timexes (one-to-one matching, strict first). */
export function scoreDocument(
  text: string,
  goldIn: readonly SpanValue[],
  systemIn: readonly SpanValue[],
): TempEvalCounts & { pairs: [SpanValue, SpanValue][]; unmatchedGold: SpanValue[]; unmatchedSystem: SpanValue[] } {
  const gold = goldIn.map((g) => trimSpan(text, g));
  const system = systemIn.map((s) => trimSpan(text, s));
  const goldUsed = new Set<number>();
  const sysUsed = new Set<number>();
  const pairs: [SpanValue, SpanValue][] = [];
  let strictMatches = 0;
  // Strict (identical spans) first, then any overlap.
  system.forEach((s, i) => {
    const j = gold.findIndex((g, k) => !goldUsed.has(k) && g.start === s.start && g.end === s.end);
    if (j >= 0) {
      goldUsed.add(j);
      sysUsed.add(i);
      strictMatches++;
      pairs.push([gold[j] as SpanValue, s]);
    }
  });
  system.forEach((s, i) => {
    if (sysUsed.has(i)) return;
    const j = gold.findIndex((g, k) => !goldUsed.has(k) && g.start < s.end && s.start < g.end);
    if (j >= 0) {
      goldUsed.add(j);
      sysUsed.add(i);
      pairs.push([gold[j] as SpanValue, s]);
    }
  });
  return {
    gold: gold.length,
    system: system.length,
    strictMatches,
    relaxedMatches: pairs.length,
    valueMatches: pairs.filter(([g, s]) => g.value === s.value).length,
    typeMatches: pairs.filter(([g, s]) => g.type === s.type).length,
    pairs,
    unmatchedGold: gold.filter((_, k) => !goldUsed.has(k)),
    unmatchedSystem: system.filter((_, i) => !sysUsed.has(i)),
  };
}

/** Scores from summed counts. */
/** Counts of a scorer before any document. */
export function emptyCounts(): TempEvalCounts {
  return { gold: 0, system: 0, strictMatches: 0, relaxedMatches: 0, valueMatches: 0, typeMatches: 0 };
}

export function scoresFromCounts(
  c: TempEvalCounts,
): Pick<TempEvalScores, 'strict' | 'relaxed' | 'value' | 'type' | 'valueAccuracy'> {
  return {
    strict: prf(c.strictMatches, c.system, c.strictMatches, c.gold),
    relaxed: prf(c.relaxedMatches, c.system, c.relaxedMatches, c.gold),
    value: prf(c.valueMatches, c.system, c.valueMatches, c.gold),
    type: prf(c.typeMatches, c.system, c.typeMatches, c.gold),
    valueAccuracy: c.relaxedMatches === 0 ? 0 : c.valueMatches / c.relaxedMatches,
  };
}

const toSpan = (t: TimemlTimex): SpanValue => ({ start: t.start, end: t.end, type: t.type, value: t.value });

/** Runs the date layer on every TE3 document of `benchDir` and scores it against the gold annotations. */
export async function evaluateTempEval(benchDir: string): Promise<TempEvalScores> {
  const goldDir = join(benchDir, 'gold');
  const inputDir = join(benchDir, 'input');
  const goldFiles = (await readdir(goldDir)).filter((f) => f.endsWith('.tml')).sort();
  const counts = emptyCounts();
  const errors: TempEvalScores['errors'] = [];
  let extractMs = 0;
  // Inputs are paired with gold files by DOCID (file names differ in the distribution: "sarcozy"/"sarkozy").
  const inputs = new Map<string, TimemlDocument>();
  for (const f of (await readdir(inputDir)).filter((x) => x.endsWith('.TE3input')).sort()) {
    const doc = parseTimeml(await readFile(join(inputDir, f), 'utf8'));
    inputs.set(doc.docId || f.replace(/\.tml\.TE3input$/, ''), doc);
  }
  for (const file of goldFiles) {
    const gold = parseTimeml(await readFile(join(goldDir, file), 'utf8'));
    const input = inputs.get(gold.docId || file.replace(/\.tml$/, ''));
    if (!input) throw new Error(`${file}: no system input with DOCID ${gold.docId}`);
    if (input.text !== gold.text) throw new Error(`${file}: input text and gold text differ after tag stripping`);
    // The DCT comes from the system input (as the TE3 task provided it), never from the gold timexes.
    const t0 = performance.now();
    const found = extractTimexes(input.text, { published: input.dct });
    extractMs += performance.now() - t0;
    const r = scoreDocument(input.text, gold.timexes.map(toSpan), found);
    for (const key of Object.keys(counts) as (keyof TempEvalCounts)[]) counts[key] += r[key];
    const show = (s: SpanValue) => `${JSON.stringify(input.text.slice(s.start, s.end))} ${s.type} ${s.value}`;
    for (const [g, s] of r.pairs)
      if (g.value !== s.value) errors.push({ docId: gold.docId, kind: 'value', gold: show(g), system: show(s) });
    for (const g of r.unmatchedGold) errors.push({ docId: gold.docId, kind: 'missed', gold: show(g) });
    for (const s of r.unmatchedSystem) errors.push({ docId: gold.docId, kind: 'spurious', system: show(s) });
  }
  return { documents: goldFiles.length, counts, ...scoresFromCounts(counts), extractMs, errors };
}

const pct = (x: number): string => (100 * x).toFixed(1);

/** A Markdown table row: | name | strict P R F1 | relaxed P R F1 | value F1 | type F1 |. */
export function formatScoreRow(name: string, s: Pick<TempEvalScores, 'strict' | 'relaxed' | 'value' | 'type'>): string {
  return `| ${name} | ${pct(s.strict.precision)} | ${pct(s.strict.recall)} | ${pct(s.strict.f1)} | ${pct(s.relaxed.precision)} | ${pct(s.relaxed.recall)} | ${pct(s.relaxed.f1)} | ${pct(s.value.f1)} | ${pct(s.type.f1)} |`;
}

export const SCORE_TABLE_HEADER =
  '| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 |\n|---|---|---|---|---|---|---|---|---|';

// CLI: tsx scripts/eval/tempeval.ts <benchDir> [--errors]
if (process.argv[1]?.endsWith('tempeval.ts') && process.argv[2]) {
  const dir = process.argv[2];
  void evaluateTempEval(dir).then((s) => {
    console.log(SCORE_TABLE_HEADER);
    console.log(formatScoreRow('threadline dates', s));
    console.log(
      `value accuracy ${pct(s.valueAccuracy)}%, ${s.counts.gold} gold, ${s.counts.system} system, extraction ${s.extractMs.toFixed(0)} ms`,
    );
    if (process.argv.includes('--errors'))
      for (const e of s.errors) console.log(e.kind, e.docId, e.gold ?? '', '|', e.system ?? '');
  });
}
