/**
 * Runs per-document extraction on worker threads and assembles the dataset in document order, so the output is
 * byte-identical to the single-threaded run.
 *
 * Scheduling: `workers` is the number of extracting threads, the main thread included. The main thread starts on the
 * documents at once (its modules are already loaded) while `workers - 1` helper threads boot (a helper pays ~1.5 s
 * to import wink, compromise and chrono); helpers then pull small batches from the same queue. So a helper never
 * delays the run: on a small input the main thread finishes the queue before a helper is up, and the helper is
 * stopped. If a helper fails, its batch is re-run on the main thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../../src/model/schema';
import type { DocumentExtraction } from './document';
import { extractDocument } from './document';
import { assembleDataset, prepareDocuments, type ArticleInput, type ExtractOptions } from './pipeline';
import type { WorkerReply, WorkerRequest } from './worker';

/** Below this many documents, helper threads cannot pay for their start-up: everything runs on the main thread. */
export const PARALLEL_THRESHOLD = 40;

/** Default extracting threads (the main thread included): one per core, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Documents per batch: small enough to balance the tail, large enough that messaging is negligible. */
export function batchSize(documents: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(documents / (workers * 12))));
}

interface Helper {
  worker: Worker;
  /** The batch it is working on: [start, end) document indexes. */
  busy?: [number, number];
  dead: boolean;
}

/** Extracts with `workers` threads in all (default: defaultWorkers()): the main thread and `workers - 1` helpers. */
export async function extractParallel(
  articles: readonly ArticleInput[],
  options: ExtractOptions = {},
  workers = defaultWorkers(),
): Promise<Dataset> {
  const documents = prepareDocuments(articles);
  if (workers <= 1 || documents.length < PARALLEL_THRESHOLD) {
    return assembleDataset(documents, documents.map(extractDocument), options);
  }
  const results: (DocumentExtraction | undefined)[] = new Array<DocumentExtraction | undefined>(documents.length);
  const size = batchSize(documents.length, workers);
  let next = 0;
  const retry: [number, number][] = [];
  const take = (): [number, number] | undefined => {
    if (next >= documents.length) return undefined;
    const start = next;
    next = Math.min(documents.length, next + size);
    return [start, next];
  };
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const helpers: Helper[] = [];
  const assign = (h: Helper): void => {
    const range = take();
    h.busy = range;
    if (!range) return;
    const request: WorkerRequest = { start: range[0], docs: documents.slice(range[0], range[1]) };
    h.worker.postMessage(request);
  };
  const fail = (h: Helper): void => {
    if (h.dead) return;
    h.dead = true;
    if (h.busy) retry.push(h.busy);
    h.busy = undefined;
    void h.worker.terminate();
    notify();
  };
  for (let k = 1; k < workers; k++) {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
    const h: Helper = { worker, dead: false };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'result') {
        reply.results.forEach((r, i) => (results[reply.start + i] = r));
        h.busy = undefined;
      }
      assign(h); // 'ready' or 'result': next batch
      notify();
    });
    worker.on('error', () => fail(h));
    worker.on('exit', () => fail(h));
    helpers.push(h);
  }

  try {
    // The main thread's share: one batch at a time, yielding in between so helpers' messages are handled.
    for (;;) {
      const range = retry.pop() ?? take();
      if (!range) break;
      for (let i = range[0]; i < range[1]; i++) results[i] = extractDocument(documents[i]!);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Wait for the helpers' last batches (re-running those of helpers that died).
    for (;;) {
      const range = retry.pop();
      if (range) {
        for (let i = range[0]; i < range[1]; i++) results[i] = extractDocument(documents[i]!);
        continue;
      }
      if (!helpers.some((h) => !h.dead && h.busy)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const h of helpers) {
      h.dead = true;
      void h.worker.terminate();
    }
  }
  return assembleDataset(documents, results as DocumentExtraction[], options);
}
