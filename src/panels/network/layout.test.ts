import { describe, expect, it } from 'vitest';
import { ISOLATED_CELL, areaFor, boundsOf, computeLayout, layoutGraph, mulberry32, ticksFor } from './layout';

const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, r: 4 + (i % 5) }));
const links = Array.from({ length: 60 }, (_, i) => ({ source: `n${i % 40}`, target: `n${(i * 7 + 3) % 40}` }));
const options = { seed: 42, ticks: 120, width: 600, height: 600 };

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('computeLayout', () => {
  it('gives the same coordinates for the same input', () => {
    const first = computeLayout(nodes, links, options);
    const second = computeLayout(nodes, links, options);
    expect([...second]).toEqual([...first]);
  });

  it('places every node at a finite position', () => {
    const positions = computeLayout(nodes, links, options);
    expect(positions.size).toBe(nodes.length);
    for (const p of positions.values()) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });

  it('does not mutate its inputs and ignores links to unknown nodes or self-loops', () => {
    const n = nodes.map((x) => ({ ...x }));
    const l = [...links.map((x) => ({ ...x })), { source: 'n1', target: 'ghost' }, { source: 'n2', target: 'n2' }];
    const before = JSON.stringify([n, l]);
    computeLayout(n, l, options);
    expect(JSON.stringify([n, l])).toBe(before);
  });

  it('keeps linked nodes closer than unlinked ones on average', () => {
    const positions = computeLayout(nodes, links, options);
    const d = (a: string, b: string) => {
      const p = positions.get(a)!;
      const q = positions.get(b)!;
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    const linked = links.map((l) => d(l.source, l.target));
    const all = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => d(a.id, b.id)));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(linked)).toBeLessThan(mean(all));
  });
});

describe('layoutGraph', () => {
  it('lays out the connected actors with forces and puts the isolated ones in a grid to their right', () => {
    const lonely = Array.from({ length: 10 }, (_, i) => ({ id: `lonely${i}`, r: 5 }));
    const positions = layoutGraph([...nodes, ...lonely], links, options);
    expect(positions.size).toBe(nodes.length + lonely.length);
    const core = boundsOf(
      nodes.map((n) => n.id),
      positions,
    )!;
    const grid = lonely.map((n) => positions.get(n.id)!);
    for (const p of grid) expect(p.x).toBeGreaterThan(core.x1);
    // Compact: every cell distinct, in at most two columns here.
    expect(new Set(grid.map((p) => `${p.x},${p.y}`)).size).toBe(grid.length);
    expect(new Set(grid.map((p) => p.x)).size).toBeLessThanOrEqual(2);
    expect(grid[1]!.y - grid[0]!.y).toBeCloseTo(ISOLATED_CELL.height, 1);
    expect([...layoutGraph([...nodes, ...lonely], links, options)]).toEqual([...positions]);
  });

  it('places a graph without links as a grid', () => {
    const positions = layoutGraph(
      [
        { id: 'a', r: 5 },
        { id: 'b', r: 5 },
      ],
      [],
      options,
    );
    expect(positions.size).toBe(2);
  });
});

describe('layout budgets', () => {
  it('uses fewer ticks for large graphs and a larger area', () => {
    expect(ticksFor(100)).toBe(300);
    expect(ticksFor(5000)).toBeLessThan(ticksFor(1000));
    expect(ticksFor(1_000_000)).toBeGreaterThanOrEqual(60);
    expect(areaFor(10_000).width).toBeGreaterThan(areaFor(100).width);
  });
});

describe('boundsOf', () => {
  it('bounds the given ids with a margin, or null for none', () => {
    const positions = new Map([
      ['a', { x: 0, y: 10 }],
      ['b', { x: 5, y: -2 }],
    ]);
    expect(boundsOf(['a', 'b', 'missing'], positions, 1)).toEqual({ x0: -1, y0: -3, x1: 6, y1: 11 });
    expect(boundsOf([], positions)).toBeNull();
  });
});
