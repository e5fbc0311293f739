/**
 * Development-set evaluation of the date layer on the NewsReader MEANTIME "airbus" sub-corpus (30 Wikinews
 * articles, CAT stand-off XML with TIMEX3 markables anchored to tokens), scored with the TempEval-3 scorer of
 * tempeval.ts (strict/relaxed span F1, value and type F1, one-to-one matching).
 *
 * This is the set to develop and inspect errors on; TempEval-3 platinum stays a held-out test set.
 *
 * - Text: rebuilt from the tokens, one line per sentence, tokens joined by one space except before closing
 *   punctuation and after opening brackets (spacing is not byte-exact; offsets are exact for the rebuilt text).
 * - Gold: every TIMEX3 with token anchors (the span runs from its first to its last token). Timexes without tokens
 *   (empty, TAG_DESCRIPTOR-only) are not text and are skipped. The CREATION_TIME timex is anchored on the dateline
 *   line of the article, which is text too; it is scored unless `excludeCreationTime` is set.
 * - Publication date: the CREATION_TIME value, else the article's dateline (findDateline), else null.
 *
 * The corpus is read at run time from a path and never copied into the repo.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractTimexes, findDateline } from '../extract/dates';
import {
  emptyCounts,
  formatScoreRow,
  scoreDocument,
  scoresFromCounts,
  SCORE_TABLE_HEADER,
  type SpanValue,
  type TempEvalCounts,
  type TempEvalScores,
} from './tempeval';
import { decodeEntities, parseAttributes } from './timeml';

export interface DevTimex extends SpanValue {
  creationTime: boolean;
}

export interface DevDocument {
  name: string;
  text: string;
  /** Character offset where each sentence (line) of `text` starts. */
  sentenceStarts: number[];
  /** Publication date used for the run (CREATION_TIME value, else the dateline, else null). */
  published: string | null;
  timexes: DevTimex[];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/** Parses one MEANTIME CAT XML document: rebuilt text and token-anchored TIMEX3 gold. */
export function parseMeantimeTimexes(xml: string, name = ''): DevDocument {
  const tokStart = new Map<string, number>();
  const tokEnd = new Map<string, number>();
  let text = '';
  let sentence: string | undefined;
  let prev = '';
  const sentenceStarts: number[] = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = parseAttributes(m[1] ?? '');
    const word = decodeEntities(m[2] ?? '');
    if (a.sentence !== sentence) {
      if (sentence !== undefined) text += '\n';
      sentenceStarts.push(text.length);
    } else if (!NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prev)) text += ' ';
    sentence = a.sentence;
    const id = a.t_id ?? '';
    tokStart.set(id, text.length);
    text += word;
    tokEnd.set(id, text.length);
    prev = word;
  }
  const timexes: DevTimex[] = [];
  let dct: string | undefined;
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)(?:\/>|>([\s\S]*?)<\/TIMEX3>)/g)) {
    const a = parseAttributes(m[1] ?? '');
    const creationTime = a.functionInDocument === 'CREATION_TIME';
    if (creationTime && a.value) dct = a.value;
    const ids = [...(m[2] ?? '').matchAll(/t_id="([^"]+)"/g)].map((x) => x[1] ?? '');
    const starts = ids.map((id) => tokStart.get(id)).filter((x): x is number => x !== undefined);
    const ends = ids.map((id) => tokEnd.get(id)).filter((x): x is number => x !== undefined);
    if (starts.length === 0) continue;
    timexes.push({
      start: Math.min(...starts),
      end: Math.max(...ends),
      type: a.type ?? '',
      value: a.value ?? '',
      creationTime,
    });
  }
  timexes.sort((x, y) => x.start - y.start || x.end - y.end);
  const published = dct ?? findDateline(text)?.published ?? null;
  return { name, text, sentenceStarts, published, timexes };
}

/**
 * MEANTIME annotates TIMEX3 only in the first sentences of each article (title, dateline and the first body
 * sentences): no gold timex of the corpus lies beyond sentence index 5 although events run to the end. System
 * timexes are therefore scored only inside that window, like the gold.
 */
export const ANNOTATED_SENTENCES = 6;

export interface DevOptions {
  /** Leave the dateline (CREATION_TIME) timexes out of gold and the system timexes overlapping them. */
  excludeCreationTime?: boolean;
}

/** Runs extractTimexes on every MEANTIME document under `benchDir` and scores it with the TempEval-3 scorer. */
export async function evaluateTimexDev(benchDir: string, options: DevOptions = {}): Promise<TempEvalScores> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.isDirectory() && depth < 4) await walk(join(dir, e.name), depth + 1);
      else if (e.isFile() && e.name.endsWith('.xml')) files.push(join(dir, e.name));
    }
  };
  await walk(benchDir, 0);
  const counts = emptyCounts();
  const errors: TempEvalScores['errors'] = [];
  let extractMs = 0;
  for (const file of files) {
    const doc = parseMeantimeTimexes(await readFile(file, 'utf8'), file);
    const t0 = performance.now();
    let found: SpanValue[] = extractTimexes(doc.text, { published: doc.published });
    extractMs += performance.now() - t0;
    const windowEnd = doc.sentenceStarts[ANNOTATED_SENTENCES] ?? doc.text.length;
    found = found.filter((s) => s.start < windowEnd);
    let gold: SpanValue[] = doc.timexes.filter((t) => t.start < windowEnd);
    if (options.excludeCreationTime) {
      const dcts = doc.timexes.filter((t) => t.creationTime);
      gold = doc.timexes.filter((t) => !t.creationTime);
      found = found.filter((s) => !dcts.some((d) => s.start < d.end && d.start < s.end));
    }
    const r = scoreDocument(doc.text, gold, found);
    for (const key of Object.keys(counts) as (keyof TempEvalCounts)[]) counts[key] += r[key];
    const id = (file.split('/').pop() ?? file).split('_')[0] ?? file;
    const show = (s: SpanValue) => `${JSON.stringify(doc.text.slice(s.start, s.end))} ${s.type} ${s.value}`;
    for (const [g, s] of r.pairs)
      if (g.value !== s.value || g.start !== s.start || g.end !== s.end)
        errors.push({ docId: id, kind: 'value', gold: show(g), system: show(s) });
    for (const g of r.unmatchedGold) errors.push({ docId: id, kind: 'missed', gold: show(g) });
    for (const s of r.unmatchedSystem) errors.push({ docId: id, kind: 'spurious', system: show(s) });
  }
  return { documents: files.length, counts, ...scoresFromCounts(counts), extractMs, errors };
}

const pct = (x: number): string => (100 * x).toFixed(1);

// CLI: tsx scripts/eval/timex-dev.ts <meantimeDir> [--errors] [--no-dct]
if (process.argv[1]?.endsWith('timex-dev.ts') && process.argv[2]) {
  const dir = process.argv[2];
  const excludeCreationTime = process.argv.includes('--no-dct');
  void evaluateTimexDev(dir, { excludeCreationTime }).then((s) => {
    console.log(SCORE_TABLE_HEADER);
    console.log(formatScoreRow(excludeCreationTime ? 'dev (body only)' : 'dev', s));
    console.log(
      `value accuracy ${pct(s.valueAccuracy)}%, ${s.counts.gold} gold, ${s.counts.system} system, ${s.documents} documents, extraction ${s.extractMs.toFixed(0)} ms`,
    );
    if (process.argv.includes('--errors'))
      for (const e of s.errors) console.log(e.kind, e.docId, e.gold ?? '', '|', e.system ?? '');
  });
}
