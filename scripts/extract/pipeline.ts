/**
 * The extraction pipeline: pure, deterministic, no I/O. Articles in (already decoded, in any order), dataset out.
 * Each document is extracted on its own (so documents can run on worker threads); a merge step then gives actors
 * global ids and sorts everything into a canonical order.
 */
import { SCHEMA_VERSION, type Dataset, type DocumentRecord } from '../../src/model/schema';
import { compareCodeUnits, type DocumentMetadata } from './input';
import { extractDocument, type DocumentExtraction } from './document';
import { mergeExtractions } from './merge';

export interface ArticleInput {
  /** File name (no folder), unique within the run. */
  file: string;
  /** Decoded text; every offset in the output refers to it. */
  text: string;
  meta?: DocumentMetadata;
}

export interface ExtractOptions {
  /** Dataset name; default "<n> articles, <first>-<last year>". */
  name?: string;
}

function trimDashes(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '-') start++;
  while (end > start && s[end - 1] === '-') end--;
  return s.slice(start, end);
}

/** Stable document id from a file name: its stem, restricted to a safe alphabet. */
export function documentId(file: string, taken: ReadonlySet<string>): string {
  const stem = file.replace(/\.[^.]*$/, '');
  const safe = trimDashes(stem.replace(/[^\w-]+/g, '-')) || 'doc';
  if (!taken.has(safe)) return safe;
  return file.replace(/[^\w-]+/g, '-');
}

/** Builds the document record (metadata, title, text) for one article. */
export function toDocumentRecord(article: ArticleInput, id: string): DocumentRecord {
  const meta = article.meta;
  const doc: DocumentRecord = {
    id,
    file: article.file,
    title: meta?.title ?? '',
    published: meta?.published ?? null,
    publishedFrom: meta?.published ? 'metadata' : 'none',
    text: article.text,
  };
  if (meta?.source) doc.source = meta.source;
  if (meta?.author) doc.author = meta.author;
  return doc;
}

/** Assigns ids and builds document records in file-name order, whatever order the articles came in. */
export function prepareDocuments(articles: readonly ArticleInput[]): DocumentRecord[] {
  const sorted = [...articles].sort((a, b) => compareCodeUnits(a.file, b.file));
  const taken = new Set<string>();
  return sorted.map((article) => {
    const id = documentId(article.file, taken);
    taken.add(id);
    return toDocumentRecord(article, id);
  });
}

/** Default dataset name from the documents' publication years. */
export function defaultName(documents: readonly DocumentRecord[]): string {
  const years = documents.flatMap((d) => (d.published ? [Number(d.published.slice(0, 4))] : [])).sort();
  const n = `${documents.length} article${documents.length === 1 ? '' : 's'}`;
  if (years.length === 0) return n;
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? `${n}, ${first}` : `${n}, ${first}\u2013${last}`;
}

/** Combines per-document extractions into a dataset. */
export function assembleDataset(
  documents: readonly DocumentRecord[],
  extractions: readonly DocumentExtraction[],
  options: ExtractOptions = {},
): Dataset {
  const merged = mergeExtractions(extractions);
  const docs = extractions.map((x) => x.document);
  return {
    schemaVersion: SCHEMA_VERSION,
    name: options.name ?? defaultName(docs.length > 0 ? docs : documents),
    documents: docs,
    ...merged,
  };
}

/** Extracts a dataset from articles, single-threaded. */
export function extract(articles: readonly ArticleInput[], options: ExtractOptions = {}): Dataset {
  const documents = prepareDocuments(articles);
  return assembleDataset(documents, documents.map(extractDocument), options);
}
