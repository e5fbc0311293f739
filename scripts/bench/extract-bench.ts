/**
 * `npm run bench:extract -- [--articles 1000] [--runs 3] [--seed 1] [--workers <n>] [--out bench-results/extract.json]`
 *
 * Extraction throughput on a corpus built from seeds/ (see corpus.ts): articles per second single-threaded
 * (`extract`) and on worker threads (`extractParallel`); peak RSS (sampled from a helper thread, so a busy main thread
 * is still seen, plus `process.resourceUsage().maxRSS`); the chrono-only floor (`chrono.casual.parse` over the same
 * texts) and the extractor/floor ratio; and whether the parallel output is byte-identical to the single-threaded
 * output. Targets: >= 100 articles/s and <= 4x the chrono floor.
 *
 * Each mode runs once more than `--runs`: the first call is reported on its own (cold: V8 has not optimised the code
 * yet, and extractParallel starts its helper threads), and the medians are of the `--runs` calls after it, the steady
 * state a long extraction runs in (extractParallel reuses its warm helpers between calls).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as chrono from 'chrono-node';
import stringify from 'safe-stable-stringify';
import { formatIssues, validateDataset, type Dataset } from '../../src/model/schema';
import { extract, type ArticleInput } from '../extract/pipeline';
import { closeExtractionPool, defaultWorkers, extractParallel } from '../extract/parallel';
import { buildCorpus, readSeeds, referenceDate } from './corpus';
import { median, parseFlags, table } from './stats';

export const TARGET_ARTICLES_PER_SECOND = 100;
export const TARGET_FLOOR_RATIO = 4;

/** Samples process RSS every `intervalMs` from a helper thread into shared memory. */
export class RssSampler {
  private readonly peak = new Float64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 10) {
    const code = `
      const { workerData } = require('node:worker_threads');
      const peak = new Float64Array(workerData.buffer);
      setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, workerData.interval);
    `;
    this.worker = new Worker(code, {
      eval: true,
      execArgv: [],
      workerData: { buffer: this.peak.buffer, interval: intervalMs },
    });
    this.worker.unref();
  }

  /** Starts a new phase: the peak restarts from the current RSS. */
  reset(): void {
    this.peak[0] = process.memoryUsage.rss();
  }

  /** Peak RSS in bytes since the last reset (also samples now). */
  read(): number {
    return Math.max(this.peak[0] ?? 0, process.memoryUsage.rss());
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

interface ModeResult {
  /** The first call (cold), not in the medians. */
  firstMs: number | null;
  firstCpuMs: number | null;
  /** The calls after the first. */
  runsMs: number[];
  medianMs: number | null;
  /** Process CPU time (user + system, all threads) of each run: robust to other load on a shared machine. */
  cpuRunsMs: number[];
  cpuMedianMs: number | null;
  articlesPerSecond: number | null;
  peakRssBytes: number | null;
  maxRssAfterBytes: number;
  error?: string;
}

const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Calls `fn` 1 + `runs` times: the first call on its own, then the runs the medians are taken of. */
async function measure(
  runs: number,
  sampler: RssSampler,
  articles: number,
  fn: () => unknown,
): Promise<{ result: ModeResult; last: unknown }> {
  const allMs: number[] = [];
  const allCpuMs: number[] = [];
  let peak = 0;
  let last: unknown;
  const result = (error?: string): ModeResult => {
    const runsMs = allMs.slice(1);
    const cpuRunsMs = allCpuMs.slice(1);
    const m = median(runsMs);
    return {
      firstMs: allMs[0] ?? null,
      firstCpuMs: allCpuMs[0] ?? null,
      runsMs,
      medianMs: m,
      cpuRunsMs,
      cpuMedianMs: median(cpuRunsMs),
      articlesPerSecond: m ? (articles * 1000) / m : null,
      peakRssBytes: peak || null,
      maxRssAfterBytes: maxRss(),
      ...(error === undefined ? {} : { error }),
    };
  };
  try {
    for (let r = 0; r <= runs; r++) {
      last = undefined;
      (globalThis as { gc?: () => void }).gc?.();
      sampler.reset();
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      last = await fn();
      allMs.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStarted);
      allCpuMs.push((cpu.user + cpu.system) / 1000);
      peak = Math.max(peak, sampler.read());
      process.stdout.write(
        `  ${r === 0 ? 'first call' : `run ${r}/${runs}`}: ${Math.round(allMs[r] ?? 0)} ms (CPU ${Math.round(allCpuMs[r] ?? 0)} ms)\n`,
      );
    }
  } catch (error) {
    return { result: result(error instanceof Error ? (error.stack ?? error.message) : String(error)), last: undefined };
  }
  return { result: result(), last };
}

/** Wall and CPU time from `new Worker` to its 'ready' message: what a new helper of extractParallel pays. */
async function workerStartup(): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const worker = new Worker(new URL('../extract/worker-entry.mjs', import.meta.url));
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function chronoFloor(articles: readonly ArticleInput[]): number {
  let found = 0;
  for (const a of articles) found += chrono.casual.parse(a.text, referenceDate(a)).length;
  return found;
}

const mb = (bytes: number | null | undefined): string => (bytes ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : 'n/a');
const fixed = (n: number | null | undefined, digits = 1, unit = ''): string =>
  n === null || n === undefined ? 'n/a' : `${n.toFixed(digits)}${unit}`;
const passFail = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');

async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, { articles: 1000, runs: 3, seed: 1, workers: defaultWorkers() });
  const out = flags.strings.out ?? 'bench-results/extract.json';
  const { articles: count, runs, seed, workers } = flags.numbers;
  const startedAt = new Date();
  console.log(
    `bench:extract ${startedAt.toISOString()}: ${count} articles, ${runs} run(s), ${workers} worker(s), node ${process.version}, ${os.availableParallelism()} CPU(s), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const corpus = buildCorpus(readSeeds('seeds'), count, seed);
  const chars = corpus.reduce((n, a) => n + a.text.length, 0);
  console.log(`corpus: ${corpus.length} articles, ${(chars / 1e6).toFixed(2)} M characters`);
  const sampler = new RssSampler();

  console.log('single-threaded extract():');
  const single = await measure(runs, sampler, count, () => extract(corpus));
  // Serialise and check the single-threaded output now, then let it go, so it does not inflate the next peaks.
  let singleJson: string | undefined;
  let validation = 'n/a';
  let counts: Record<string, number> | undefined;
  if (single.last) {
    const dataset = single.last as Dataset;
    singleJson = stringify(dataset);
    const v = validateDataset(dataset);
    validation = v.ok ? 'valid' : `INVALID:\n${formatIssues(v.issues, 5)}`;
    counts = {
      documents: dataset.documents.length,
      actors: dataset.actors.length,
      mentions: dataset.mentions.length,
      timexes: dataset.timexes.length,
      events: dataset.events.length,
      relations: dataset.relations.length,
    };
    single.last = undefined;
  }
  console.log(`parallel extractParallel(…, ${workers}):`);
  const parallel = await measure(runs, sampler, count, () => extractParallel(corpus, {}, workers));
  const identical: boolean | null =
    singleJson !== undefined && parallel.last ? singleJson === stringify(parallel.last as Dataset) : null;
  parallel.last = undefined;
  singleJson = undefined;
  console.log('helper thread start-up (new Worker -> ready):');
  const startups: { wallMs: number; cpuMs: number }[] = [];
  for (let r = 0; r < runs; r++) startups.push(await workerStartup());
  const startupWallMs = median(startups.map((x) => x.wallMs));
  const startupCpuMs = median(startups.map((x) => x.cpuMs));
  console.log(`  median ${fixed(startupWallMs, 0, ' ms')} wall, ${fixed(startupCpuMs, 0, ' ms')} CPU`);
  console.log('chrono floor (chrono.casual.parse):');
  let chronoResults = 0;
  const floor = await measure(runs, sampler, count, () => {
    chronoResults = chronoFloor(corpus);
  });
  await sampler.stop();
  await closeExtractionPool();

  const floorRatio =
    single.result.medianMs && floor.result.medianMs ? single.result.medianMs / floor.result.medianMs : null;
  const parallelFloorRatio =
    parallel.result.medianMs && floor.result.medianMs ? parallel.result.medianMs / floor.result.medianMs : null;
  const ratio = (ms: number | null, to: number | null): number | null => (ms !== null && to ? ms / to : null);
  const firstRatio = ratio(single.result.firstMs, floor.result.medianMs);
  const parallelFirstRatio = ratio(parallel.result.firstMs, floor.result.medianMs);
  const rateOf = (ms: number | null): number | null => (ms ? (count * 1000) / ms : null);
  const perArticleCpu = (r: ModeResult): number | null => (r.cpuMedianMs === null ? null : r.cpuMedianMs / count);
  const cpuRate = (r: ModeResult, threads: number): number | null => {
    const ms = perArticleCpu(r);
    return ms ? (1000 * Math.min(threads, os.availableParallelism())) / ms : null;
  };
  const singleCpuRate = cpuRate(single.result, 1);
  const parallelCpuRate = cpuRate(parallel.result, workers);
  const cpuFloorRatio =
    single.result.cpuMedianMs && floor.result.cpuMedianMs ? single.result.cpuMedianMs / floor.result.cpuMedianMs : null;
  const atLeast = (rate: number | null): boolean | null => (rate === null ? null : rate >= TARGET_ARTICLES_PER_SECOND);
  const rateOk = (r: ModeResult): boolean | null =>
    r.articlesPerSecond === null ? null : r.articlesPerSecond >= TARGET_ARTICLES_PER_SECOND;

  console.log('');
  console.log(
    table(
      ['measure', 'median', 'articles/s', 'peak RSS', 'target', 'result'],
      [
        ['extract (1 thread)', fixed(single.result.medianMs, 0, ' ms'), fixed(single.result.articlesPerSecond), mb(single.result.peakRssBytes), `>= ${TARGET_ARTICLES_PER_SECOND}/s`, passFail(rateOk(single.result))],
        ['  first call (cold)', fixed(single.result.firstMs, 0, ' ms'), fixed(rateOf(single.result.firstMs)), '', '', ''],
        [`extractParallel (${workers})`, fixed(parallel.result.medianMs, 0, ' ms'), fixed(parallel.result.articlesPerSecond), mb(parallel.result.peakRssBytes), `>= ${TARGET_ARTICLES_PER_SECOND}/s`, passFail(rateOk(parallel.result))],
        ['  first call (new helpers)', fixed(parallel.result.firstMs, 0, ' ms'), fixed(rateOf(parallel.result.firstMs)), '', '', ''],
        ['chrono floor', fixed(floor.result.medianMs, 0, ' ms'), fixed(floor.result.articlesPerSecond), mb(floor.result.peakRssBytes), '', ''],
        ['extract / floor', fixed(floorRatio, 2, 'x'), '', '', `<= ${TARGET_FLOOR_RATIO}x`, passFail(floorRatio === null ? null : floorRatio <= TARGET_FLOOR_RATIO)],
        ['parallel / floor', fixed(parallelFloorRatio, 2, 'x'), '', '', `<= ${TARGET_FLOOR_RATIO}x`, passFail(parallelFloorRatio === null ? null : parallelFloorRatio <= TARGET_FLOOR_RATIO)],
        ['first calls / floor', `${fixed(firstRatio, 2, 'x')}, ${fixed(parallelFirstRatio, 2, 'x')}`, '', '', '', ''],
      ], // prettier-ignore
    ),
  );
  console.log('');
  console.log(
    table(
      ['CPU time (all threads)', 'median', 'ms/article', 'CPU-bound articles/s', 'target', 'result'],
      [
        ['extract (1 thread)', fixed(single.result.cpuMedianMs, 0, ' ms'), fixed(perArticleCpu(single.result), 2), fixed(singleCpuRate), `>= ${TARGET_ARTICLES_PER_SECOND}/s`, passFail(atLeast(singleCpuRate))],
        [`extractParallel (${workers})`, fixed(parallel.result.cpuMedianMs, 0, ' ms'), fixed(perArticleCpu(parallel.result), 2), fixed(parallelCpuRate), `>= ${TARGET_ARTICLES_PER_SECOND}/s`, passFail(atLeast(parallelCpuRate))],
        ['helper start-up (each)', fixed(startupCpuMs, 0, ' ms'), '', '', '', ''],
        ['chrono floor', fixed(floor.result.cpuMedianMs, 0, ' ms'), fixed(perArticleCpu(floor.result), 2), fixed(cpuRate(floor.result, 1)), '', ''],
        ['extract / floor (CPU)', fixed(cpuFloorRatio, 2, 'x'), '', '', `<= ${TARGET_FLOOR_RATIO}x`, passFail(cpuFloorRatio === null ? null : cpuFloorRatio <= TARGET_FLOOR_RATIO)],
      ], // prettier-ignore
    ),
  );
  console.log(`process maxRSS: ${mb(maxRss())}`);
  console.log(
    `parallel output vs single-threaded: ${identical === null ? 'n/a' : identical ? 'OK (byte-identical)' : 'MISMATCH'}`,
  );
  console.log(`single-threaded dataset: ${validation}${counts ? ` ${JSON.stringify(counts)}` : ''}`);
  for (const [name, r] of [
    ['extract', single.result],
    ['extractParallel', parallel.result],
    ['chrono', floor.result],
  ] as const) {
    if (r.error) console.error(`${name} failed: ${r.error}`);
  }

  const report = {
    benchmark: 'extract',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.availableParallelism(),
      loadavg: os.loadavg(),
      platform: process.platform,
    },
    options: { articles: count, runs, seed, workers },
    corpus: { articles: corpus.length, characters: chars },
    single: single.result,
    parallel: parallel.result,
    chronoFloor: { ...floor.result, results: chronoResults },
    workerStartup: { runs: startups, medianWallMs: startupWallMs, medianCpuMs: startupCpuMs },
    cpu: {
      msPerArticle: {
        single: perArticleCpu(single.result),
        parallel: perArticleCpu(parallel.result),
        chronoFloor: perArticleCpu(floor.result),
      },
      cpuBoundArticlesPerSecond: { single: singleCpuRate, parallel: parallelCpuRate },
    },
    ratios: {
      extractToFloor: floorRatio,
      parallelToFloor: parallelFloorRatio,
      extractToFloorCpu: cpuFloorRatio,
      firstCallToFloor: { extract: firstRatio, parallel: parallelFirstRatio },
    },
    targets: { articlesPerSecond: TARGET_ARTICLES_PER_SECOND, floorRatio: TARGET_FLOOR_RATIO },
    pass: {
      singleRate: rateOk(single.result),
      parallelRate: rateOk(parallel.result),
      floorRatio: floorRatio === null ? null : floorRatio <= TARGET_FLOOR_RATIO,
    },
    parallelIdentical: identical,
    validation,
    counts,
    maxRssBytes: maxRss(),
  };
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
  return single.result.error || parallel.result.error || identical === false ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:extract failed:', error);
    process.exitCode = 1;
  },
);
