/**
 * Deterministic force layout: pure, framework-free, runs on the main thread or in layout.worker.ts.
 * Same nodes, links and options give the same coordinates (seeded random source, fixed tick count).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3';

export interface LayoutNode {
  id: string;
  /** Collision radius in layout units. */
  r: number;
}

export interface LayoutLink {
  source: string;
  target: string;
}

export interface LayoutOptions {
  seed: number;
  ticks: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export type Positions = Map<string, Point>;

/** A small, fast, seedable PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ticks that keep the layout affordable: 300 for small graphs, fewer (never under 60) for large ones. */
export function ticksFor(nodeCount: number): number {
  if (nodeCount <= 1000) return 300;
  return Math.max(60, Math.round(300_000 / nodeCount));
}

/** A square-ish layout area that grows with the node count. */
export function areaFor(nodeCount: number): { width: number; height: number } {
  const side = Math.max(400, Math.round(Math.sqrt(Math.max(1, nodeCount)) * 70));
  return { width: side, height: side };
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
}

/**
 * Runs d3-force to completion without animation and returns a position per node id.
 * The inputs are copied (d3 mutates what it is given); links to unknown nodes are ignored.
 */
export function computeLayout(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  { seed, ticks, width, height }: LayoutOptions,
): Positions {
  const simNodes: SimNode[] = nodes.map((n) => ({ id: n.id, r: n.r }));
  const known = new Set(simNodes.map((n) => n.id));
  const simLinks: SimulationLinkDatum<SimNode>[] = links
    .filter((l) => l.source !== l.target && known.has(l.source) && known.has(l.target))
    .map((l) => ({ source: l.source, target: l.target }));
  const cx = width / 2;
  const cy = height / 2;
  // Weak pull to the centre keeps disconnected components and isolated actors on screen.
  const pull = nodes.length > 1000 ? 0.06 : 0.04;
  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(mulberry32(seed))
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks)
        .id((d) => d.id)
        .distance((l) => 40 + (l.source as SimNode).r + (l.target as SimNode).r),
    )
    .force('charge', forceManyBody<SimNode>().strength(-160).distanceMax(600).theta(0.9))
    .force('x', forceX<SimNode>(cx).strength(pull))
    .force('y', forceY<SimNode>(cy).strength(pull))
    .force('collide', forceCollide<SimNode>((d) => d.r + 3).iterations(1))
    .stop();
  // Shift the phyllotaxis start (d3 places nodes around 0,0) to the centre of the area.
  for (const n of simNodes) {
    n.x = (n.x ?? 0) + cx;
    n.y = (n.y ?? 0) + cy;
  }
  simulation.tick(ticks);
  const out: Positions = new Map();
  for (const n of simNodes) {
    out.set(n.id, { x: round(n.x ?? cx), y: round(n.y ?? cy) });
  }
  return out;
}

const round = (v: number): number => Math.round(v * 100) / 100;

/** Bounding box of some positions (with a margin), or null when there are none. */
export function boundsOf(
  ids: Iterable<string>,
  positions: Positions,
  margin = 0,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  if (x0 === Infinity) return null;
  return { x0: x0 - margin, y0: y0 - margin, x1: x1 + margin, y1: y1 + margin };
}
