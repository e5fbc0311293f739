/**
 * Runs per-document extraction on worker threads and assembles the dataset in document order, so the output is
 * byte-identical to the single-threaded run. Small inputs stay on the main thread: a worker costs its start-up.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset, DocumentRecord } from '../../src/model/schema';
import type { DocumentExtraction } from './document';
import { extractDocument } from './document';
import { assembleDataset, prepareDocuments, type ArticleInput, type ExtractOptions } from './pipeline';

/** Below this many documents, threads cost more than they save. */
export const PARALLEL_THRESHOLD = 40;

/** Default worker count: one per core, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function runWorker(docs: DocumentRecord[]): Promise<DocumentExtraction[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: docs });
    worker.once('message', (result: DocumentExtraction[]) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`extraction worker exited with code ${code}`));
    });
  });
}

/** Extracts with `workers` threads (default: defaultWorkers()). */
export async function extractParallel(
  articles: readonly ArticleInput[],
  options: ExtractOptions = {},
  workers = defaultWorkers(),
): Promise<Dataset> {
  const documents = prepareDocuments(articles);
  if (workers <= 1 || documents.length < PARALLEL_THRESHOLD) {
    return assembleDataset(documents, documents.map(extractDocument), options);
  }
  // Contiguous chunks balanced by text length; results are concatenated back in document order.
  const total = documents.reduce((n, d) => n + d.text.length, 0);
  const chunks: DocumentRecord[][] = [];
  let current: DocumentRecord[] = [];
  let size = 0;
  for (const doc of documents) {
    current.push(doc);
    size += doc.text.length;
    if (size >= total / workers && chunks.length < workers - 1) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  const results = await Promise.all(chunks.map(runWorker));
  return assembleDataset(documents, results.flat(), options);
}
