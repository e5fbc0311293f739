/**
 * The network layout of a whole dataset, and its stored form (`dataset.layout`). `npm run extract` stores the layout
 * it computes here, so the app can draw the network as soon as the dataset is validated instead of waiting for the
 * force layout (≈ 0.2 s of worker time at 100 actors, 0.6 s at 1,000, 1.6 s at 2,000 on this machine), and every
 * viewer of a dataset sees the same picture. A dataset without a layout, or with one from another layout version,
 * is laid out by the app (layout.worker.ts) with the same code. The result is the same only up to the last bits of
 * the engine's floating point, which a force layout amplifies: the 56 bundled actors land on identical positions in
 * Node and Chromium, 1,000 synthetic ones up to 55 units apart. A stored layout is what makes them agree.
 */
import type { Dataset, DatasetLayout } from '../../model/schema';
import { layoutInputOf, mentionCountsOf, radiiOf, type LayoutInput } from '../../store/selectors-network';
import { countConnected, layoutGraph, layoutOptionsFor, type Positions } from './layout';

/**
 * The version of the layout code (input, forces, options, seed). Bump it whenever a change would move any node: a
 * stored layout of another version is ignored, and the bundled-dataset test then asks for `npm run extract`.
 */
export const LAYOUT_VERSION = 1;

/** The layout input of a dataset, from the dataset alone (the same as the panel's selectLayoutInput). */
export function datasetLayoutInput(dataset: Dataset): LayoutInput {
  const counts = mentionCountsOf(dataset);
  return layoutInputOf(dataset, radiiOf(dataset, counts), counts);
}

/** Lays out a layout input with the panel's options. */
export function layoutOf(input: LayoutInput): Positions {
  return layoutGraph(input.nodes, input.links, layoutOptionsFor(countConnected(input)), input.rest);
}

/** The dataset with its layout stored (sorted by actor id, so the file is byte-identical for the same input). */
export function withLayout(dataset: Dataset): Dataset {
  const positions = [...layoutOf(datasetLayoutInput(dataset))]
    .map(([id, p]) => ({ id, x: p.x, y: p.y }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const layout: DatasetLayout = { version: LAYOUT_VERSION, positions };
  return { ...dataset, layout };
}

/**
 * The stored positions of a (validated) dataset for this layout input, or null when there are none to use: no
 * layout, another version, or an actor of the input without a position (then the app lays the network out itself).
 */
export function storedPositions(dataset: Dataset, input: LayoutInput): Positions | null {
  const stored = dataset.layout;
  if (stored?.version !== LAYOUT_VERSION) return null;
  const positions: Positions = new Map();
  for (const p of stored.positions) positions.set(p.id, { x: p.x, y: p.y });
  for (const n of input.nodes) if (!positions.has(n.id)) return null;
  for (const n of input.rest) if (!positions.has(n.id)) return null;
  return positions;
}
