/**
 * Runs per-document extraction on worker threads and assembles the dataset in document order, so the output is
 * byte-identical to the single-threaded run.
 *
 * Scheduling: `workers` is the number of extracting threads, the main thread included. The main thread starts on the
 * documents at once (its modules are already loaded) while `workers - 1` helper threads boot (a helper pays ~1 s of
 * CPU to import wink, compromise and chrono); helpers then pull small batches from the same queue. So a helper never
 * delays the run: on a small input the main thread finishes the queue before a helper is up. If a helper fails, its
 * batch is re-run on the main thread.
 *
 * Helpers are kept in a pool between calls. A fresh helper is slow twice over: it boots, and then its code runs
 * unoptimised until V8 has seen some hundreds of documents (a cold pass over 1,000 articles takes ~1.7x a warm one).
 * A process that extracts more than once (the benchmark's runs, a watch mode, a server) gets warm helpers from the
 * second call on. Idle helpers are unref'd, so they never keep the process alive; `closeExtractionPool()` ends them.
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

/**
 * Below this many documents, a one-shot run (a fresh process, no warm helpers: `npm run extract`) is faster on one
 * thread. Each new helper boots (~1 s of CPU) and then runs cold code while the compiler threads compete for the same
 * cores. Fresh processes on 2 cores, 2 threads vs 1 (tmp script, 2026-11-22): 1,000 articles 3.9 vs 2.8 s, 3,000 7.5
 * vs 7.0 s, 5,000 11.0 vs 13.1 s, 10,000 18.2 vs 21.1 s. Long-lived hosts that call extractParallel again get warm
 * pooled helpers and gain from 40 documents (PARALLEL_THRESHOLD).
 */
export const ONE_SHOT_PARALLEL_THRESHOLD = 4000;

/** Extracting threads for a one-shot run of `documents` documents: `requested` if given, else what pays. */
export function oneShotWorkers(documents: number, requested?: number): number {
  if (requested !== undefined) return requested;
  return documents < ONE_SHOT_PARALLEL_THRESHOLD ? 1 : defaultWorkers();
}

/** Documents per batch: small enough to balance the tail, large enough that messaging is negligible. */
export function batchSize(documents: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(documents / (workers * 12))));
}

/** The calls a helper's events are routed to while a run uses it. */
interface RunHooks {
  /** The helper is up (its modules are loaded) and idle: give it work. */
  idle(h: Helper): void;
  result(h: Helper, reply: Extract<WorkerReply, { type: 'result' }>): void;
  fail(h: Helper): void;
}

interface Helper {
  worker: Worker;
  /** Its modules are loaded: it has said 'ready'. */
  ready: boolean;
  /** The batch it is working on: [start, end) document indexes. */
  busy: [number, number] | undefined;
  dead: boolean;
  /** Batches it has extracted. */
  batches: number;
  /** The run using it, if any. */
  run: RunHooks | undefined;
}

const pool: Helper[] = [];

function startHelper(): Helper {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
  const h: Helper = { worker, ready: false, busy: undefined, dead: false, batches: 0, run: undefined };
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'ready') h.ready = true;
    else {
      h.busy = undefined;
      h.batches++;
      h.run?.result(h, reply);
    }
    h.run?.idle(h);
  });
  const fail = (): void => {
    if (h.dead) return;
    const run = h.run;
    retire(h);
    run?.fail(h);
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  pool.push(h);
  return h;
}

/** `n` live helpers for a run, idle pooled ones first; they keep the process alive until released. */
function acquireHelpers(n: number, run: RunHooks): Helper[] {
  const helpers = pool.filter((h) => !h.run).slice(0, n);
  while (helpers.length < n) helpers.push(startHelper());
  for (const h of helpers) {
    h.run = run;
    h.worker.ref();
  }
  return helpers;
}

function retire(h: Helper): void {
  h.dead = true;
  const at = pool.indexOf(h);
  if (at >= 0) pool.splice(at, 1);
  void h.worker.terminate();
}

/**
 * Ends the run's hold on its helpers. One still working (the run failed) cannot be reused: it is stopped. The pool
 * keeps as many idle helpers as this run used (more, left by concurrent runs, are stopped).
 */
function releaseHelpers(helpers: readonly Helper[]): void {
  for (const h of helpers) {
    h.run = undefined;
    if (h.dead) continue;
    if (h.busy) retire(h);
    else h.worker.unref();
  }
  const idle = pool.filter((h) => !h.run);
  for (const h of idle.slice(helpers.length)) retire(h);
}

/** Stops every pooled helper (tests, or a host that wants its threads back now). */
export async function closeExtractionPool(): Promise<void> {
  const helpers = pool.splice(0, pool.length);
  for (const h of helpers) h.dead = true;
  await Promise.all(helpers.map((h) => h.worker.terminate()));
}

/** Helpers alive in the pool, how many have loaded their modules, and the batches they have extracted (for tests). */
export function extractionPoolStats(): { helpers: number; ready: number; batches: number } {
  return {
    helpers: pool.length,
    ready: pool.filter((h) => h.ready).length,
    batches: pool.reduce((n, h) => n + h.batches, 0),
  };
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

  const hooks: RunHooks = {
    idle(h) {
      if (h.dead || h.busy) return;
      const range = take();
      if (!range) return;
      h.busy = range;
      const request: WorkerRequest = { start: range[0], docs: documents.slice(range[0], range[1]) };
      h.worker.postMessage(request);
    },
    result(_h, reply) {
      reply.results.forEach((r, i) => (results[reply.start + i] = r));
      notify();
    },
    fail(h) {
      if (h.busy) retry.push(h.busy);
      h.busy = undefined;
      notify();
    },
  };
  const helpers = acquireHelpers(workers - 1, hooks);
  for (const h of helpers) if (h.ready) hooks.idle(h);

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
    releaseHelpers(helpers);
  }
  return assembleDataset(documents, results as DocumentExtraction[], options);
}
