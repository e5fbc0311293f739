/**
 * Positions for every actor of the dataset, computed once per dataset (cached across remounts, e.g. when the
 * Graph | Table toggle unmounts the graph). Tiny graphs are laid out synchronously; anything larger runs in
 * layout.worker.ts so the main thread never blocks (100 actors already take ~150 ms on the main thread).
 */
import { useEffect, useState } from 'react';
import type { LayoutInput } from '../../store/selectors-network';
import { areaFor, layoutGraph, ticksFor, type LayoutOptions, type Positions } from './layout';
import type { LayoutRequest } from './layout.worker';

/** Laid out on the main thread up to this many actors (≈ 20 ms), in a worker beyond. */
export const SYNC_LAYOUT_MAX = 60;
export const LAYOUT_SEED = 20240601;

const cache = new WeakMap<LayoutInput, Positions>();

export function layoutOptionsFor(nodeCount: number): LayoutOptions {
  return { seed: LAYOUT_SEED, ticks: ticksFor(nodeCount), ...areaFor(nodeCount) };
}

function layoutNow(input: LayoutInput): Positions {
  const cached = cache.get(input);
  if (cached) return cached;
  const positions = layoutGraph(input.nodes, input.links, layoutOptionsFor(connectedCount(input)), input.rest);
  cache.set(input, positions);
  return positions;
}

/** How many of the force-laid-out nodes have a link (the isolated ones go in a grid, not in the simulation). */
const connectedCounts = new WeakMap<LayoutInput, number>();
function connectedCount(input: LayoutInput): number {
  let n = connectedCounts.get(input);
  if (n === undefined) {
    const linked = new Set<string>();
    for (const l of input.links) {
      linked.add(l.source);
      linked.add(l.target);
    }
    n = input.nodes.filter((x) => linked.has(x.id)).length;
    connectedCounts.set(input, n);
  }
  return n;
}

const canUseWorker = (): boolean => typeof Worker !== 'undefined';

/** The positions for `input`, or null while a worker is computing them. */
export function useLayout(input: LayoutInput): Positions | null {
  const sync = input.nodes.length <= SYNC_LAYOUT_MAX || !canUseWorker();
  const cached = cache.get(input) ?? (sync ? layoutNow(input) : undefined);
  const [result, setResult] = useState<{ input: LayoutInput; positions: Positions } | null>(null);

  useEffect(() => {
    if (cached) return;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Positions>) => {
      cache.set(input, event.data);
      setResult({ input, positions: event.data });
      worker.terminate();
    };
    worker.onerror = () => {
      // A worker that cannot start (CSP, old browser): fall back to the main thread once.
      worker.terminate();
      setResult({ input, positions: layoutNow(input) });
    };
    const request: LayoutRequest = {
      nodes: input.nodes,
      links: input.links,
      options: layoutOptionsFor(connectedCount(input)),
      rest: input.rest,
    };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [input, cached]);

  return cached ?? (result?.input === input ? result.positions : null);
}
