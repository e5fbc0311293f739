// A helper thread that dies mid-run: its batch is extracted again on the main thread and the output is unchanged.
// node:worker_threads is replaced here by a stand-in whose helpers come up, take one batch and then fail.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import stringify from 'safe-stable-stringify';
import { afterAll, expect, it, vi } from 'vitest';
import { buildCorpus, readSeeds } from '../bench/corpus';

const made: FailingWorker[] = [];

class FailingWorker extends EventEmitter {
  batches = 0;
  terminated = false;
  constructor() {
    super();
    made.push(this);
    setTimeout(() => this.emit('message', { type: 'ready' }), 0);
  }
  postMessage(): void {
    this.batches++;
    setTimeout(() => this.emit('error', new Error('helper crashed')), 0);
  }
  ref(): void {}
  unref(): void {}
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }
}

vi.mock('node:worker_threads', () => ({ Worker: FailingWorker, parentPort: null }));

const { closeExtractionPool, extractionPoolStats, extractParallel, PARALLEL_THRESHOLD } = await import('./parallel');
const { extract } = await import('./pipeline');

afterAll(closeExtractionPool);

it('re-extracts the batch of a helper that fails, with the same output, and drops that helper', async () => {
  const corpus = buildCorpus(readSeeds(path.resolve(import.meta.dirname, '../../seeds')), PARALLEL_THRESHOLD + 8, 9);
  const expected = stringify(extract(corpus));
  // The stand-in helper says 'ready' in the first timer tick, while the main thread yields between its batches, and
  // is given a batch, which fails.
  expect(stringify(await extractParallel(corpus, {}, 2))).toBe(expected);
  expect(made.length).toBeGreaterThanOrEqual(1);
  expect(made.every((w) => w.terminated || w.batches === 0)).toBe(true);
  expect(made.some((w) => w.batches > 0)).toBe(true);
  expect(extractionPoolStats().helpers).toBe(made.filter((w) => !w.terminated).length);
});
