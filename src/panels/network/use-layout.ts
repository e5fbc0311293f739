/**
 * Positions for every actor of the dataset, computed once per dataset (cached across remounts, e.g. when the
 * Graph | Table toggle unmounts the graph). Tiny graphs are laid out synchronously; anything larger runs in
 * layout.worker.ts so the main thread never blocks (100 actors already take ~150 ms on the main thread).
 */
import { useEffect, useState } from 'react';
import type { LayoutInput } from '../../store/selectors-network';
import { layoutOf } from './dataset-layout';
import { countConnected, layoutOptionsFor, type Positions } from './layout';
import type { LayoutFromTextRequest, LayoutRequest } from './layout.worker';

/** Laid out on the main thread up to this many actors (≈ 20 ms), in a worker beyond. */
export const SYNC_LAYOUT_MAX = 60;

const cache = new WeakMap<LayoutInput, Positions>();

function layoutNow(input: LayoutInput): Positions {
  const cached = cache.get(input);
  if (cached) return cached;
  const positions = layoutOf(input);
  cache.set(input, positions);
  return positions;
}

/** Uses positions the dataset brought (dataset-layout.ts storedPositions) for `input`: no layout runs for it. */
export function seedLayout(input: LayoutInput, positions: Positions): void {
  if (!cache.has(input)) cache.set(input, positions);
}

const canUseWorker = (): boolean => typeof Worker !== 'undefined';

/** Layouts running in a worker, by input (one worker per input, however many ask). */
const running = new WeakMap<LayoutInput, Promise<Positions>>();

/** Whether positions for `input` are known or being computed (nothing more to start for it). */
export function layoutPending(input: LayoutInput): boolean {
  return cache.has(input) || running.has(input);
}

/** A layout worker started ahead of need (see prewarmLayoutWorker), and whether it failed meanwhile. */
let spare: { worker: Worker; failed: boolean } | null = null;

const newWorker = (): Worker => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });

/**
 * Starts a layout worker before there is anything to lay out (the app calls this while the dataset loads), so its
 * script is loaded and compiled by the time the layout is asked for.
 */
export function prewarmLayoutWorker(): void {
  if (spare || !canUseWorker()) return;
  try {
    const worker = newWorker();
    const warm = { worker, failed: false };
    worker.onerror = (event) => {
      event.preventDefault();
      warm.failed = true;
    };
    spare = warm;
  } catch {
    spare = null;
  }
}

/** Stops the prewarmed worker when nothing will use it. */
function releaseSpare(): void {
  spare?.worker.terminate();
  spare = null;
}

/** The prewarmed worker if it is still healthy, else a new one. */
function takeWorker(): Worker {
  const warm = spare;
  spare = null;
  if (warm && !warm.failed) return warm.worker;
  warm?.worker.terminate();
  return newWorker();
}

/** The positions for `input` from a worker (started once per input), or from this thread if no worker can run. */
function layoutInWorker(input: LayoutInput): Promise<Positions> {
  const cached = cache.get(input);
  if (cached) return Promise.resolve(cached);
  let promise = running.get(input);
  if (promise) return promise;
  promise = new Promise<Positions>((resolve) => {
    let worker: Worker;
    try {
      worker = takeWorker();
    } catch {
      resolve(layoutNow(input));
      return;
    }
    worker.onmessage = (event: MessageEvent<Positions>) => {
      cache.set(input, event.data);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      // A worker that cannot start (CSP, old browser): fall back to the main thread once.
      event.preventDefault();
      worker.terminate();
      resolve(layoutNow(input));
    };
    const request: LayoutRequest = {
      nodes: input.nodes,
      links: input.links,
      options: layoutOptionsFor(countConnected(input)),
      rest: input.rest,
    };
    worker.postMessage(request);
  });
  running.set(input, promise);
  void promise.then(() => running.delete(input));
  return promise;
}

/**
 * Starts laying out `input` in a worker now, before any graph asks for it (the app calls this as soon as a dataset
 * is loaded, so the layout runs while the panels render). Tiny graphs, laid out synchronously, are left alone.
 */
export function prefetchLayout(input: LayoutInput): void {
  if (input.nodes.length <= SYNC_LAYOUT_MAX || !canUseWorker()) {
    releaseSpare();
    return;
  }
  void layoutInWorker(input);
}

/** A layout started from a dataset's JSON text, waiting to be tied to the input later built from the same dataset. */
export interface TextLayout {
  /**
   * Makes the text's layout the one for `input` (which must come from the same dataset). When the worker could not
   * lay the text out, `input` is laid out as usual.
   */
  adopt: (input: LayoutInput) => void;
}

/**
 * Starts laying out the dataset in `text` (JSON, not yet validated) in a worker, which parses it and builds the same
 * input as selectLayoutInput: the layout then runs while this thread is still parsing, indexing and rendering.
 */
export function layoutFromText(text: string): TextLayout {
  if (!canUseWorker()) return { adopt: prefetchLayout };
  // The text is posted here, outside every closure: `adopt` lives as long as the app, and must not keep it alive.
  let worker: Worker | null;
  try {
    worker = takeWorker();
    const request: LayoutFromTextRequest = { text };
    worker.postMessage(request);
  } catch {
    worker = null;
  }
  const started = worker;
  const positions = new Promise<Positions | null>((resolve) => {
    if (!started) {
      resolve(null);
      return;
    }
    started.onmessage = (event: MessageEvent<Positions | null>) => {
      started.terminate();
      resolve(event.data);
    };
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      resolve(null);
    };
  });
  return {
    adopt(input) {
      if (cache.has(input) || running.has(input)) return;
      if (input.nodes.length <= SYNC_LAYOUT_MAX) return; // laid out here when shown
      const promise = positions.then((result) => {
        running.delete(input);
        if (!result) return layoutInWorker(input);
        cache.set(input, result);
        return result;
      });
      running.set(input, promise);
    },
  };
}

/** The positions for `input`, or null while a worker is computing them. */
export function useLayout(input: LayoutInput): Positions | null {
  const sync = input.nodes.length <= SYNC_LAYOUT_MAX || !canUseWorker();
  const cached = cache.get(input) ?? (sync ? layoutNow(input) : undefined);
  const [result, setResult] = useState<{ input: LayoutInput; positions: Positions } | null>(null);

  useEffect(() => {
    if (cached) return undefined;
    let active = true;
    void layoutInWorker(input).then((positions) => {
      if (active) setResult({ input, positions });
    });
    return () => {
      active = false;
    };
  }, [input, cached]);

  return cached ?? (result?.input === input ? result.positions : null);
}
