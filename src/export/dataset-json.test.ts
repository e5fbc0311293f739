import secureJsonParse from 'secure-json-parse';
import { describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../model/schema';
import { smallDataset } from '../test/fixtures/small-dataset';
import { datasetJson } from './dataset-json';

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('datasetJson', () => {
  it('round-trips: the file parses and validates to the same dataset', () => {
    const text = datasetJson(smallDataset);
    const result = validateDataset(secureJsonParse.parse(text));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset).toEqual(smallDataset);
  });

  it('sorts keys, indents by 2 spaces and ends with a newline', () => {
    const text = datasetJson(smallDataset);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "actors": [', '    {']);
    expect(text.indexOf('"schemaVersion"')).toBeGreaterThan(text.indexOf('"relations"'));
  });

  it('is deterministic: the key order of the input does not matter', () => {
    const shuffled = reverseKeys(smallDataset) as Dataset;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(smallDataset));
    expect(datasetJson(shuffled)).toBe(datasetJson(smallDataset));
  });

  it('keeps hostile strings as data', () => {
    const name = '</script><img src=x onerror=alert(1)> "quoted" \u2028 =1';
    const text = datasetJson({ ...smallDataset, name });
    const result = validateDataset(secureJsonParse.parse(text));
    expect(result.ok && result.dataset.name).toBe(name);
  });
});
