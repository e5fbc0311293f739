import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringify from 'safe-stable-stringify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus, readSeeds } from '../bench/corpus';
import {
  closeExtractionPool,
  defaultWorkers,
  extractionPoolStats,
  extractParallel,
  ONE_SHOT_PARALLEL_THRESHOLD,
  oneShotWorkers,
  PARALLEL_THRESHOLD,
} from './parallel';
import { extract } from './pipeline';

const ROOT = path.resolve(import.meta.dirname, '../..');
const corpus = buildCorpus(readSeeds(path.join(ROOT, 'seeds')), PARALLEL_THRESHOLD + 8, 5);

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(closeExtractionPool);

describe('oneShotWorkers', () => {
  it('keeps a one-shot run on one thread below the measured threshold, unless told otherwise', () => {
    expect(oneShotWorkers(5)).toBe(1);
    expect(oneShotWorkers(ONE_SHOT_PARALLEL_THRESHOLD - 1)).toBe(1);
    expect(oneShotWorkers(ONE_SHOT_PARALLEL_THRESHOLD)).toBe(defaultWorkers());
    expect(oneShotWorkers(5, 3)).toBe(3);
    expect(oneShotWorkers(ONE_SHOT_PARALLEL_THRESHOLD * 2, 1)).toBe(1);
  });
});

describe('extractParallel', () => {
  const expected = stringify(extract(corpus));

  it('gives the single-threaded output byte for byte, and a warm pooled helper does part of the work', async () => {
    // First call: the helper boots while the main thread works; the main thread may well finish alone.
    expect(stringify(await extractParallel(corpus, {}, 2))).toBe(expected);
    expect(extractionPoolStats().helpers).toBe(1);
    await until(() => extractionPoolStats().ready === 1);
    const before = extractionPoolStats().batches;
    // Second call: the same helper, now up, is given the first batch at once.
    expect(stringify(await extractParallel(corpus, {}, 2))).toBe(expected);
    const after = extractionPoolStats();
    expect(after.helpers).toBe(1);
    expect(after.batches).toBeGreaterThan(before);
  }, 120_000);

  it('runs concurrent calls on separate helpers, each with the same output, and keeps only what one run used', async () => {
    await until(() => extractionPoolStats().ready === 1);
    const [a, b] = await Promise.all([extractParallel(corpus, {}, 2), extractParallel(corpus, {}, 2)]);
    expect(stringify(a)).toBe(expected);
    expect(stringify(b)).toBe(expected);
    expect(extractionPoolStats().helpers).toBe(1);
  }, 120_000);

  it('never keeps the process alive: a script that extracts twice exits on its own', () => {
    const module = (file: string): string => JSON.stringify(pathToFileURL(path.join(ROOT, file)).href);
    const script = `
      import { extractParallel, extractionPoolStats } from ${module('scripts/extract/parallel.ts')};
      import { buildCorpus, readSeeds } from ${module('scripts/bench/corpus.ts')};
      const corpus = buildCorpus(readSeeds(${JSON.stringify(path.join(ROOT, 'seeds'))}), ${PARALLEL_THRESHOLD + 8}, 5);
      await extractParallel(corpus, {}, 2);
      const started = Date.now();
      while (extractionPoolStats().ready < 1 && Date.now() - started < 60000) await new Promise((r) => setTimeout(r, 50));
      await extractParallel(corpus, {}, 2);
      console.log('done', JSON.stringify(extractionPoolStats()));
    `;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadline-pool-'));
    try {
      const file = path.join(dir, 'extract-twice.mjs');
      writeFileSync(file, script);
      const child = spawnSync(process.execPath, ['--import', 'tsx', file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(child.error).toBeUndefined();
      expect(child.signal).toBeNull();
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      expect(child.stdout).toMatch(/^done \{"helpers":1,"ready":1,"batches":[1-9]\d*\}$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
