/**
 * Greedy label placement: labels are tried in priority order at four spots around their node (right, left,
 * below, above) and kept only where their box overlaps no placed label and no other node. Forced labels
 * (selected, hovered, focused) go first and also try spots further out; only when every spot is taken do they
 * fall back to the one that covers the least of other nodes (never another label, unless nothing else is left).
 * Pure; works in screen
 * pixels at the given zoom scale.
 */

export interface LabelCandidate {
  id: string;
  /** Node centre and radius in graph units. */
  x: number;
  y: number;
  r: number;
  text: string;
  /** Higher first. */
  priority: number;
  /** Placed even when it overlaps. */
  forced?: boolean;
}

/** The this many highest-priority labels may also sit a little further from their node when the four near spots are taken. */
export const FURTHER_OUT = 12;

/**
 * The this many highest-priority labels (the biggest actors, the ones a reader looks for first) are always shown:
 * when every free spot is taken they may cover a node, like forced labels, but never another label if avoidable.
 */
export const ESSENTIAL_LABELS = 5;

export interface PlacedLabel {
  id: string;
  text: string;
  /** Text anchor point in graph units. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** The label's box in graph units. */
  box: Box;
  /**
   * A line from the node's edge to the label, for a label placed away from its node (its own spots were taken), so
   * it is not read as the label of whatever node it ends up beside.
   */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelOptions {
  /** Zoom scale (screen px per graph unit). */
  scale: number;
  /** Font size in screen px. */
  fontSize?: number;
  maxLabels?: number;
  /**
   * The part of the graph in view (graph units), when known: a spot that would stick out of it counts as taken, so
   * a label next to the panel's edge goes to the node's other side rather than being cut off.
   */
  view?: Box;
}

/** Estimated text width in px for a system sans-serif font. */
export function textWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * 0.58 + 2;
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A uniform grid of boxes for overlap queries. */
class BoxGrid {
  private readonly cells = new Map<string, { box: Box; owner: string }[]>();
  constructor(private readonly size: number) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    const i0 = Math.floor(b.x0 / this.size);
    const i1 = Math.floor(b.x1 / this.size);
    const j0 = Math.floor(b.y0 / this.size);
    const j1 = Math.floor(b.y1 / this.size);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push(`${i},${j}`);
    return out;
  }

  add(box: Box, owner: string): void {
    for (const k of this.keys(box)) {
      const list = this.cells.get(k);
      if (list) list.push({ box, owner });
      else this.cells.set(k, [{ box, owner }]);
    }
  }

  /** The area of `box` covered by boxes of other owners than `self` (a box in several cells counted once). */
  covered(box: Box, self: string): number {
    const seen = new Set<Box>();
    let area = 0;
    for (const k of this.keys(box)) {
      for (const item of this.cells.get(k) ?? []) {
        if (item.owner === self || seen.has(item.box) || !overlaps(item.box, box)) continue;
        seen.add(item.box);
        area +=
          (Math.min(box.x1, item.box.x1) - Math.max(box.x0, item.box.x0)) *
          (Math.min(box.y1, item.box.y1) - Math.max(box.y0, item.box.y0));
      }
    }
    return area;
  }

  /** True when `box` overlaps a box of another owner than `self`. */
  hits(box: Box, self: string): boolean {
    for (const k of this.keys(box)) {
      for (const item of this.cells.get(k) ?? []) {
        if (item.owner !== self && overlaps(item.box, box)) return true;
      }
    }
    return false;
  }
}

/** Places labels; `obstacles` are the drawn nodes (labels never cover another node unless forced). */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly { id: string; x: number; y: number; r: number }[],
  { scale, fontSize = 11, maxLabels = 120, view }: LabelOptions,
): PlacedLabel[] {
  const k = scale > 0 ? scale : 1;
  const height = (fontSize + 2) / k;
  const gap = 3 / k;
  const grid = new BoxGrid(Math.max(height * 4, 1e-6));
  for (const o of obstacles) grid.add({ x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r }, o.id);
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(b.forced ?? false) - Number(a.forced ?? false) ||
      b.priority - a.priority ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const labelGrid = new BoxGrid(Math.max(height * 4, 1e-6));
  const placed: PlacedLabel[] = [];
  let rank = 0;
  for (const c of ordered) {
    if (placed.length >= maxLabels && !c.forced) break;
    const width = textWidth(c.text, fontSize) / k;
    const around = (d: number): Omit<PlacedLabel, 'id' | 'text'>[] => [
      spot(c.x + c.r + d, c.y, 'start', width, height),
      spot(c.x - c.r - d, c.y, 'end', width, height),
      spot(c.x, c.y + c.r + d + height / 2, 'middle', width, height),
      spot(c.x, c.y - c.r - d - height / 2, 'middle', width, height),
    ];
    const spots = around(gap);
    const inView = (s: { box: Box }): boolean =>
      !view || (s.box.x0 >= view.x0 && s.box.x1 <= view.x1 && s.box.y0 >= view.y0 && s.box.y1 <= view.y1);
    const free = (s: { box: Box }): boolean => inView(s) && !grid.hits(s.box, c.id);
    let chosen = spots.find(free);
    rank += 1;
    if (!chosen && !c.forced && rank <= FURTHER_OUT) {
      chosen = [...around(gap + height), ...around(gap + 2 * height)].find(free);
    }
    if (!chosen && (c.forced || rank <= ESSENTIAL_LABELS)) {
      const further = [...around(gap + height), ...around(gap + 2 * height)];
      const clearOfLabels = (s: { box: Box }): boolean => !labelGrid.hits(s.box, c.id);
      const all = [...spots, ...further];
      // Over nodes after all: the spot that hides least of them (the first such spot on a tie).
      const leastCovering = <T extends { box: Box }>(list: T[]): T | undefined => {
        let best: T | undefined;
        let bestArea = Infinity;
        for (const s of list) {
          const area = grid.covered(s.box, c.id);
          if (area < bestArea) [best, bestArea] = [s, area];
        }
        return best;
      };
      chosen =
        further.find(free) ??
        leastCovering(all.filter((s) => inView(s) && clearOfLabels(s))) ??
        leastCovering(all.filter(clearOfLabels)) ??
        spots.find(inView) ??
        spots[0];
    }
    if (!chosen) continue;
    grid.add(chosen.box, `label:${c.id}`);
    labelGrid.add(chosen.box, `label:${c.id}`);
    const leader = leaderTo(c, chosen.box, 2 * gap);
    placed.push({ id: c.id, text: c.text, ...chosen, ...(leader ? { leader } : {}) });
  }
  return placed;
}

/** A leader line from the node's circle to the nearest point of `box`, when that point is more than `slack` away. */
function leaderTo(node: { x: number; y: number; r: number }, box: Box, slack: number): PlacedLabel['leader'] {
  const nx = Math.min(Math.max(node.x, box.x0), box.x1);
  const ny = Math.min(Math.max(node.y, box.y0), box.y1);
  const d = Math.hypot(nx - node.x, ny - node.y);
  if (d - node.r <= slack) return undefined;
  return { x1: node.x + ((nx - node.x) / d) * node.r, y1: node.y + ((ny - node.y) / d) * node.r, x2: nx, y2: ny };
}

/** A label anchored at (x, y) with its vertical middle on y. */
function spot(
  x: number,
  y: number,
  anchor: PlacedLabel['anchor'],
  width: number,
  height: number,
): Omit<PlacedLabel, 'id' | 'text'> {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x, y, anchor, box: { x0, y0: y - height / 2, x1: x0 + width, y1: y + height / 2 } };
}
