import { describe, expect, it } from 'vitest';
import { formatCount, plural } from './format-count';

describe('formatCount', () => {
  it('groups thousands with commas and leaves small numbers alone', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('agrees with the en-US number format it replaces', () => {
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 100000])
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('plural', () => {
  it('uses the singular for exactly one, else the plural', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(2500, 'actor')).toBe('2,500 actors');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
  });
});
