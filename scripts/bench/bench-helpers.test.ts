import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJsGzip, initialScripts } from './bundle-size';
import { buildCorpus, readSeeds, referenceDate, shiftPublished, varyText, type Variation } from './corpus';
import { median, parseFlags, percentile, table } from './stats';
import { heapSlopes } from './ui-bench';

describe('stats', () => {
  it('computes medians and nearest-rank percentiles, ignoring missing values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, undefined])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5, null, 1], 90)).toBe(5);
  });

  it('parses flags', () => {
    const f = parseFlags(['--runs', '1', '--sizes=1000,10000', '--build'], { runs: 5, seed: 1 });
    expect(f.numbers).toEqual({ runs: 1, seed: 1 });
    expect(f.strings).toEqual({ sizes: '1000,10000', build: 'true' });
    expect(() => parseFlags(['--runs', 'x'], { runs: 5 })).toThrow(/positive number/);
  });

  it('draws a table', () => {
    expect(table(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
  });
});

describe('bundle size', () => {
  it('finds module scripts and modulepreload links, not stylesheets or external URLs', () => {
    const html = `<script type="module" crossorigin src="./assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-B.js">
      <link rel="stylesheet" href="./assets/index.css"><script src="https://example.org/x.js"></script>`;
    expect(initialScripts(html)).toEqual(['./assets/index-A.js', './assets/vendor-B.js']);
  });

  it('sums gzip sizes against the budget', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-size-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" src="./assets/a.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'a.js'), 'console.log(1);'.repeat(1000));
    const size = initialJsGzip(dir, 50);
    expect(size.files).toHaveLength(1);
    expect(size.totalBytes).toBe(15_000);
    expect(size.totalGzipBytes).toBeLessThan(1000);
    expect(size.overBudget).toBe(true);
    expect(initialJsGzip(dir).overBudget).toBe(false);
  });
});

describe('corpus', () => {
  const seeds = readSeeds('seeds');

  it('builds N deterministic, varied articles with unique names', () => {
    const a = buildCorpus(seeds, 12, 1);
    expect(a).toHaveLength(12);
    expect(buildCorpus(seeds, 12, 1)).toEqual(a);
    expect(new Set(a.map((x) => x.file)).size).toBe(12);
    // Article 0 and article 5 come from the same seed but differ.
    expect(a[0]?.text).not.toBe(a[5]?.text);
    expect(a[0]?.text).not.toBe(seeds[0]?.text);
  });

  it('shifts years, days and publication dates, and swaps names consistently', () => {
    const v: Variation = { yearShift: 2, dayShift: 3, countries: new Map(), persons: new Map(), rng: () => 0 };
    expect(varyText('On March 28, 2022 Hun Sen met Hun Sen in Cambodia.', v)).toBe(
      'On March 3, 2024 Maria Lopez met Maria Lopez in Cambodia.',
    );
    expect(shiftPublished('2022-03-29', v)).toBe('2024-03-04');
    expect(shiftPublished('2022-11', v)).toBe('2024-11');
    expect(referenceDate({ file: 'x', text: '', meta: { file: 'x', published: '2024-11' } }).toISOString()).toBe(
      '2024-11-01T12:00:00.000Z',
    );
  });
});

describe('heapSlopes', () => {
  it('gives the heap added per event from each size to the next, skipping sizes without a figure', () => {
    const at = (events: number, heapBytes: number | null) => ({ events, median: { heapBytes } });
    expect(heapSlopes([at(10_000, 15e6), at(1_000, 8e6), at(100_000, 83e6), at(5_000, null)])).toEqual([
      { from: 1_000, to: 10_000, bytesPerEvent: 7e6 / 9_000 },
      { from: 10_000, to: 100_000, bytesPerEvent: 68e6 / 90_000 },
    ]);
  });
});
