import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { lowerBound } from './sorted';

test.prop([fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 60 })])(
  'lowerBound is the first index whose key is at least pos (findIndex on a sorted array)',
  (values, pos) => {
    const sorted = [...values].sort((a, b) => a - b).map((v) => ({ v }));
    const expected = sorted.findIndex((x) => x.v >= pos);
    expect(lowerBound(sorted, pos, (x) => x.v)).toBe(expected < 0 ? sorted.length : expected);
  },
);
