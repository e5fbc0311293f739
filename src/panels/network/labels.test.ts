import { describe, expect, it } from 'vitest';
import { mulberry32 } from './layout';
import { overlaps, placeLabels, type LabelCandidate } from './labels';

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

  it('keeps labels off other nodes, except for the few most important ones', () => {
    const candidates = randomCandidates(200, 9);
    const placed = placeLabels(candidates, candidates, { scale: 1 });
    const byPriority = [...candidates].sort((a, b) => b.priority - a.priority).slice(0, 8);
    const top = new Set(byPriority.map((c) => c.id));
    for (const label of placed.filter((l) => !top.has(l.id))) {
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

  it('shows more labels when zoomed in', () => {
    const candidates = randomCandidates(300, 11);
    const out = placeLabels(candidates, candidates, { scale: 0.5, maxLabels: 1000 }).length;
    const zin = placeLabels(candidates, candidates, { scale: 4, maxLabels: 1000 }).length;
    expect(zin).toBeGreaterThan(out);
  });
});
