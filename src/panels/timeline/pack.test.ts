import { describe, expect, it } from 'vitest';
import { allocateRows, pack, rowsNeeded, type PackInput } from './pack';

const at = (id: string, lane: string, left: number, width = 100): PackInput => ({
  id,
  lane,
  start: left,
  left,
  right: left + width,
});

describe('pack', () => {
  it('keeps everything when the rows suffice', () => {
    const inputs = [at('a', 'L', 0), at('b', 'L', 200), at('c', 'L', 50)];
    expect(rowsNeeded(inputs).get('L')).toBe(2);
    const result = pack(inputs, () => 2);
    expect([...result.shown].sort()).toEqual(['a', 'b', 'c']);
    expect(result.chips).toEqual([]);
  });

  it('hides what does not fit behind "+N" chips in the last row, and keeps the pinned item', () => {
    const inputs = [at('a', 'L', 0), at('b', 'L', 10), at('c', 'L', 20), { ...at('d', 'L', 30), pinned: true }];
    const result = pack(inputs, () => 2);
    expect(result.shown.has('d')).toBe(true);
    const hidden = result.chips.flatMap((c) => c.ids);
    expect(hidden.length + result.shown.size).toBe(4);
    expect(hidden.length).toBeGreaterThan(0);
    for (const id of hidden) expect(result.shown.has(id)).toBe(false);
  });

  it('is deterministic', () => {
    const inputs = Array.from({ length: 50 }, (_, i) => at(`e${i}`, i % 2 ? 'A' : 'B', (i * 37) % 400));
    expect(pack(inputs, () => 3)).toEqual(pack([...inputs].reverse(), () => 3));
  });
});

describe('allocateRows', () => {
  it('gives every lane a row, overflowing lanes two, and the rest where most is missing', () => {
    const needed = new Map([
      ['A', 6],
      ['B', 1],
      ['C', 3],
    ]);
    const alloc = allocateRows(needed, ['A', 'B', 'C'], 6);
    expect(alloc.get('B')).toBe(1);
    expect((alloc.get('A') ?? 0) + (alloc.get('B') ?? 0) + (alloc.get('C') ?? 0)).toBe(6);
    expect(alloc.get('A')).toBeGreaterThanOrEqual(alloc.get('C') ?? 0);
  });
});
