import { describe, expect, it } from 'vitest';
import { smallDataset } from '../test/fixtures/small-dataset';
import { DATASET_UNIQUE_KEYS, shareEqualStrings } from './share-strings';

describe('shareEqualStrings', () => {
  it('changes no value, with or without unique keys, and returns the same root', () => {
    for (const unique of [new Set<string>(), DATASET_UNIQUE_KEYS]) {
      const copy = structuredClone(smallDataset);
      expect(shareEqualStrings(copy, unique)).toBe(copy);
      expect(copy).toEqual(smallDataset);
    }
  });

  it('never assigns through __proto__', () => {
    const value = JSON.parse('{"__proto__": "x", "a": ["x", {"b": "x"}]}') as Record<string, unknown>;
    shareEqualStrings(value);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('x');
    expect(value.a).toEqual(['x', { b: 'x' }]);
  });
});
