import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/model/schema';
import { serialiseDataset } from './cli';
import { readSeedArticles } from '../eval/read-seeds';
import { extract } from './pipeline';
import { withLayout } from '../../src/panels/network/dataset-layout';

describe('the bundled dataset', () => {
  it('is valid', () => {
    expect(validateDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8'))).ok).toBe(true);
  });

  it('is up to date with seeds/ and the extractor (run `npm run extract` when this fails)', () => {
    const fresh = serialiseDataset(withLayout(extract(readSeedArticles('seeds'))));
    const committed = readFileSync('data/dataset.json', 'utf8');
    if (fresh !== committed) writeFileSync('data/dataset-changed.json', fresh);
    expect(
      fresh === committed,
      'data/dataset.json is stale: see data/dataset-changed.json, then run npm run extract',
    ).toBe(true);
  });
});
