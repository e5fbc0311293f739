import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/model/schema';
import { serialiseDataset } from './cli';
import { METADATA_FILE, decodeArticle, isArticleFile, parseMetadataCsv } from './input';
import { extract, type ArticleInput } from './pipeline';

/** Reads seeds/ the way the CLI does (the CLI's own tests cover its I/O). */
function readSeeds(): ArticleInput[] {
  const meta = parseMetadataCsv(readFileSync(`seeds/${METADATA_FILE}`, 'utf8'));
  if (!meta.ok) throw new Error(meta.errors.join('\n'));
  const byFile = new Map(meta.rows.map((r) => [r.file, r]));
  return readdirSync('seeds')
    .filter(isArticleFile)
    .map((file) => {
      const decoded = decodeArticle(readFileSync(`seeds/${file}`));
      if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
      const m = byFile.get(file);
      return m ? { file, text: decoded.text, meta: m } : { file, text: decoded.text };
    });
}

describe('the bundled dataset', () => {
  it('is valid', () => {
    expect(validateDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8'))).ok).toBe(true);
  });

  it('is up to date with seeds/ and the extractor (run `npm run extract` when this fails)', () => {
    const fresh = serialiseDataset(extract(readSeeds()));
    const committed = readFileSync('data/dataset.json', 'utf8');
    if (fresh !== committed) writeFileSync('data/dataset-changed.json', fresh);
    expect(
      fresh === committed,
      'data/dataset.json is stale: see data/dataset-changed.json, then run npm run extract',
    ).toBe(true);
  });
});
