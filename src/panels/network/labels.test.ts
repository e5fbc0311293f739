import { describe, expect, it } from 'vitest';
import { mulberry32 } from './layout';
import { ESSENTIAL_LABELS, overlaps, placeLabels, type LabelCandidate } from './labels';

function randomCandidates(n: number, seed: number): LabelCandidate[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    x: rnd() * 400,
    y: rnd() * 300,
    r: 3 + rnd() * 10,
    text: `Actor number ${i}`,
    priority: rnd(),
  }));
}

describe('placeLabels', () => {
  it('never places two labels that overlap', () => {
    for (const scale of [0.5, 1, 2]) {
      const candidates = randomCandidates(300, 3);
      const placed = placeLabels(candidates, candidates, { scale });
      expect(placed.length).toBeGreaterThan(5);
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
          expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
        }
      }
    }
  });

  it('keeps labels off other nodes, except the few essential ones that had no free spot', () => {
    const candidates = randomCandidates(200, 9);
    const placed = placeLabels(candidates, candidates, { scale: 1 });
    expect(placed.length).toBeGreaterThan(5);
    const essential = new Set(
      [...candidates]
        .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
        .slice(0, ESSENTIAL_LABELS)
        .map((c) => c.id),
    );
    for (const label of placed.filter((p) => !essential.has(p.id))) {
      for (const node of candidates) {
        if (node.id === label.id) continue;
        const box = { x0: node.x - node.r, y0: node.y - node.r, x1: node.x + node.r, y1: node.y + node.r };
        expect(overlaps(label.box, box)).toBe(false);
      }
    }
  });

  it('always places forced labels, first', () => {
    const candidates = randomCandidates(100, 5).map((c, i) => ({ ...c, x: 10, y: 10, forced: i === 42 }));
    const placed = placeLabels(candidates, candidates, { scale: 1 });
    expect(placed[0]?.id).toBe('n42');
  });

  it('moves a forced label further out rather than over a neighbouring node', () => {
    const candidates: LabelCandidate[] = [
      { id: 'a', x: 100, y: 100, r: 5, text: 'Selected', priority: 1, forced: true },
      // Neighbours right, left, below and above the selected node, where its four first spots would go.
      { id: 'b', x: 120, y: 100, r: 6, text: 'B', priority: 2 },
      { id: 'c', x: 80, y: 100, r: 6, text: 'C', priority: 2 },
      { id: 'd', x: 100, y: 114, r: 4, text: 'D', priority: 2 },
      { id: 'e', x: 100, y: 86, r: 4, text: 'E', priority: 2 },
    ];
    const placed = placeLabels(candidates, candidates, { scale: 1 });
    const label = placed.find((l) => l.id === 'a')!;
    for (const node of candidates.slice(1)) {
      const box = { x0: node.x - node.r, y0: node.y - node.r, x1: node.x + node.r, y1: node.y + node.r };
      expect(overlaps(label.box, box)).toBe(false);
    }
  });

  it('shows more labels when zoomed in', () => {
    const candidates = randomCandidates(300, 11);
    const out = placeLabels(candidates, candidates, { scale: 0.5, maxLabels: 1000 }).length;
    const zin = placeLabels(candidates, candidates, { scale: 4, maxLabels: 1000 }).length;
    expect(zin).toBeGreaterThan(out);
  });
});

/** A hub node boxed in by a ring of 16 nodes: none of its near spots is free. */
const hub = { id: 'hub', x: 0, y: 0, r: 10, text: 'Hub', priority: 100 };
const ring = Array.from({ length: 16 }, (_, i) => ({
  id: `n${i}`,
  x: Math.cos((i / 16) * 2 * Math.PI) * 22,
  y: Math.sin((i / 16) * 2 * Math.PI) * 22,
  r: 8,
}));

describe('essential labels', () => {
  it('always labels the highest-priority node, even when it is boxed in by other nodes', () => {
    const placed = placeLabels([hub], [{ id: 'hub', x: 0, y: 0, r: 10 }, ...ring], { scale: 1 });
    expect(placed.map((p) => p.id)).toEqual(['hub']);
  });

  it('when it must cover a node, covers as little of one as it can', () => {
    // Every spot, near and further out, is blocked; the spot above the hub only grazes a small node's edge.
    const hub = { id: 'hub', x: 0, y: 0, r: 6, text: 'Hub', priority: 100 };
    const fatNode = (id: string, x: number, y: number) => ({ id, x, y, r: 40 });
    const obstacles = [
      { id: 'hub', x: 0, y: 0, r: 6 },
      fatNode('right', 50, 0),
      fatNode('left', -50, 0),
      fatNode('below', 0, 48),
      { id: 'graze', x: 0, y: -22, r: 3 },
      { id: 'far-up', x: 0, y: -45, r: 8 },
    ];
    const [placed] = placeLabels([hub], obstacles, { scale: 1 });
    expect(placed?.anchor).toBe('middle');
    expect(placed!.y).toBeLessThan(0); // above the hub, over the small node, not over a big one
  });

  it('ties a label placed away from its node to it with a leader line, and only such a label', () => {
    const [boxedIn] = placeLabels([hub], [{ id: 'hub', x: 0, y: 0, r: 10 }, ...ring], { scale: 1 });
    const leader = boxedIn?.leader;
    expect(leader).toBeDefined();
    // From the node's circle to the label's box.
    expect(Math.hypot(leader!.x1, leader!.y1)).toBeCloseTo(10, 6);
    const { box } = boxedIn!;
    expect(leader!.x2).toBeGreaterThanOrEqual(box.x0);
    expect(leader!.x2).toBeLessThanOrEqual(box.x1);
    expect(leader!.y2).toBeGreaterThanOrEqual(box.y0);
    expect(leader!.y2).toBeLessThanOrEqual(box.y1);
    const [free] = placeLabels([hub], [{ id: 'hub', x: 0, y: 0, r: 10 }], { scale: 1 });
    expect(free?.leader).toBeUndefined();
  });

  it('keeps labels inside the view: a node at its edge is labelled on its inner side', () => {
    const view = { x0: 0, y0: 0, x1: 400, y1: 300 };
    const atRight: LabelCandidate = {
      id: 'right',
      x: 390,
      y: 150,
      r: 5,
      text: 'Association of Southeast',
      priority: 1,
    };
    const atLeft: LabelCandidate = { id: 'left', x: 60, y: 100, r: 5, text: 'ASEAN Secretariat', priority: 1 };
    // Something already sits right of the left-hand node, so its first choice would be its left side (out of view).
    const blocker = { id: 'blocker', x: 90, y: 95, r: 10 };
    const nodes = [atRight, atLeft, blocker];
    const free = placeLabels([atRight, atLeft], nodes, { scale: 1 });
    expect(free.find((l) => l.id === 'right')?.anchor).toBe('start');
    expect(free.find((l) => l.id === 'left')?.anchor).toBe('end');
    const inView = placeLabels([atRight, atLeft], nodes, { scale: 1, view });
    for (const l of inView) {
      expect(l.box.x0).toBeGreaterThanOrEqual(view.x0);
      expect(l.box.x1).toBeLessThanOrEqual(view.x1);
    }
    expect(inView.find((l) => l.id === 'right')?.anchor).toBe('end');
    expect(inView.find((l) => l.id === 'left')?.anchor).toBe('middle');
  });

  it('still shows a forced label when no spot is in view, on its first spot', () => {
    const view = { x0: 0, y0: 0, x1: 50, y1: 20 };
    const big: LabelCandidate = {
      id: 'sel',
      x: 25,
      y: 10,
      r: 8,
      text: 'A very long actor name',
      priority: 1,
      forced: true,
    };
    const placed = placeLabels([big], [big], { scale: 1, view });
    expect(placed.map((l) => l.id)).toEqual(['sel']);
  });
});
