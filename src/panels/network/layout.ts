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

/**
 * Ticks that keep the layout affordable: 300 for small graphs, fewer (never under 60) for large ones. The alpha
 * decay is matched to the tick count (see computeLayout), so fewer ticks still cool down to a settled layout.
 * Measured in the worker: about 9 ms per tick at 1,000 nodes, so 1,000 nodes take ≈ 0.9 s instead of 2.8 s.
 */
export function ticksFor(nodeCount: number): number {
  if (nodeCount <= 200) return 300;
  return Math.max(60, Math.round(300 * Math.pow(200 / nodeCount, 0.68)));
}

/** The seed of the network layout, shared by the panel, its worker and the network figure. */
export const LAYOUT_SEED = 20240601;

/** The options the panel's layout runs with, for this many connected (force-laid-out) nodes. */
export function layoutOptionsFor(nodeCount: number): LayoutOptions {
  return { seed: LAYOUT_SEED, ticks: ticksFor(nodeCount), ...areaFor(nodeCount) };
}

/** How many of the force-laid-out nodes have a link (the isolated ones go in a grid, not in the simulation). */
export function countConnected(input: { nodes: readonly LayoutNode[]; links: readonly LayoutLink[] }): number {
  const linked = new Set<string>();
  for (const l of input.links) {
    linked.add(l.source);
    linked.add(l.target);
  }
  return input.nodes.filter((x) => linked.has(x.id)).length;
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
  // A pull to the centre keeps small disconnected components close to the main one; it is weaker along x, so the
  // picture comes out wider than tall, like the panel it is shown in.
  const pull = nodes.length > 1000 ? 0.06 : 0.07;
  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(mulberry32(seed))
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks)
        .id((d) => d.id)
        .distance((l) => 40 + (l.source as SimNode).r + (l.target as SimNode).r),
    )
    .force('charge', forceManyBody<SimNode>().strength(-160).distanceMax(600).theta(0.9))
    .force('x', forceX<SimNode>(cx).strength(pull * 0.5))
    .force('y', forceY<SimNode>(cy).strength(pull))
    // Shapes reach up to 1.4 r (triangle, star): collide on that, so shapes do not overlap.
    .force('collide', forceCollide<SimNode>((d) => d.r * SHAPE_EXTENT + 3).iterations(1))
    // Cool from 1 to d3's alphaMin (0.001) in exactly `ticks` ticks (d3's default decay assumes 300).
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, ticks)))
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

/** How far the largest node shape (triangle, star) reaches, as a multiple of its radius. */
export const SHAPE_EXTENT = 1.4;

/**
 * The whole layout: the connected actors run through the force layout (so they fill the picture), the isolated
 * ones (no link at all) go in a compact grid to the right of it, the most mentioned first. Deterministic.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  options: LayoutOptions,
  rest: readonly LayoutNode[] = [],
): Positions {
  const linked = new Set<string>();
  for (const l of links) {
    if (l.source === l.target) continue;
    linked.add(l.source);
    linked.add(l.target);
  }
  const connected = nodes.filter((n) => linked.has(n.id));
  const isolated = [...nodes, ...rest].filter((n) => !linked.has(n.id));
  const restLinked = rest.filter((n) => linked.has(n.id));
  const core =
    connected.length > 0
      ? placeRest(computeLayout(connected, links, options), restLinked, links, options.seed)
      : new Map<string, Point>();
  return placeIsolated(core, isolated);
}

/** Grid cell of the isolated actors, in layout units (room for a short label at scale 1). */
export const ISOLATED_CELL = { width: 150, height: 26 };

/**
 * Places `isolated` nodes (in the given order) in columns to the right of the positions' bounding box, as tall as
 * the box (at least 6 rows), starting at its top. With no positions, the grid is roughly square.
 */
export function placeIsolated(positions: Positions, isolated: readonly LayoutNode[]): Positions {
  if (isolated.length === 0) return positions;
  const out: Positions = new Map(positions);
  const box = boundsOf(positions.keys(), positions);
  const { width, height } = ISOLATED_CELL;
  let rows: number;
  let x0: number;
  let y0: number;
  if (box) {
    rows = Math.max(6, Math.floor((box.y1 - box.y0) / height) + 1);
    x0 = box.x1 + 60;
    y0 = box.y0;
  } else {
    rows = Math.max(1, Math.ceil(Math.sqrt((isolated.length * width) / height)));
    x0 = 0;
    y0 = 0;
  }
  isolated.forEach((n, i) => {
    out.set(n.id, { x: round(x0 + Math.floor(i / rows) * width), y: round(y0 + (i % rows) * height) });
  });
  return out;
}

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

/**
 * Places nodes that were left out of the force layout (selectors-network's MAX_LAYOUT_NODES): each next to its first placed neighbour,
 * at a seeded angle, or, without one, on a ring around everything. Deterministic; the placed positions are kept.
 */
export function placeRest(
  positions: Positions,
  rest: readonly LayoutNode[],
  links: readonly LayoutLink[],
  seed: number,
): Positions {
  if (rest.length === 0) return positions;
  const neighbours = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const l of links) {
    add(l.source, l.target);
    add(l.target, l.source);
  }
  const random = mulberry32(seed ^ 0x9e3779b9);
  const box = boundsOf(positions.keys(), positions) ?? { x0: 0, y0: 0, x1: 400, y1: 400 };
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const ring = Math.max(box.x1 - box.x0, box.y1 - box.y0) / 2 + 40;
  const out: Positions = new Map(positions);
  let isolated = 0;
  for (const node of rest) {
    const angle = random() * 2 * Math.PI;
    const anchor = (neighbours.get(node.id) ?? []).map((id) => positions.get(id)).find((p) => p !== undefined);
    if (anchor) {
      const d = 30 + node.r * 2 + random() * 30;
      out.set(node.id, { x: round(anchor.x + Math.cos(angle) * d), y: round(anchor.y + Math.sin(angle) * d) });
    } else {
      const a = isolated++ * 2.399963; // golden angle: an even spread around the ring
      const d = ring + (isolated % 7) * 14;
      out.set(node.id, { x: round(cx + Math.cos(a) * d), y: round(cy + Math.sin(a) * d) });
    }
  }
  return out;
}
