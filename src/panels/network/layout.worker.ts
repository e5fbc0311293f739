/**
 * Runs computeLayout off the main thread: one request in, one Map of positions out. The request is the layout input,
 * or the dataset's JSON text: then the worker parses it and builds the input itself (the same pure builders as the
 * selectors), so the layout starts while the main thread is still parsing and indexing the dataset. A text with a
 * stored layout gets null at once (the page uses the stored positions).
 */
import type { Dataset } from '../../model/schema';
import { datasetLayoutInput, layoutOf } from './dataset-layout';
import { layoutGraph, type LayoutLink, type LayoutNode, type LayoutOptions, type Positions } from './layout';

export interface LayoutRequest {
  nodes: LayoutNode[];
  links: LayoutLink[];
  options: LayoutOptions;
  /** Nodes left out of the force layout, placed next to a neighbour afterwards. */
  rest?: LayoutNode[];
}

/** The dataset as JSON text (not yet validated: a text that cannot be laid out answers null). */
export interface LayoutFromTextRequest {
  text: string;
}

/** The worker's answer to a request (null: a text that brought its own layout, or that cannot be laid out). */
export function answer(data: LayoutRequest | LayoutFromTextRequest): Positions | null {
  if ('text' in data) {
    try {
      // A dataset that brought its layout needs none: the page uses the stored one (or, when it cannot, asks again
      // with the layout input), so the text is not even parsed here. In JSON text `"layout":` can only be a key.
      if (data.text.includes('"layout":')) return null;
      return layoutOf(datasetLayoutInput(JSON.parse(data.text) as Dataset));
    } catch {
      return null;
    }
  }
  const { nodes, links, options, rest = [] } = data;
  return layoutGraph(nodes, links, options, rest);
}

// In a worker (not when a test imports this module).
if (typeof self !== 'undefined' && typeof window === 'undefined') {
  self.onmessage = (event: MessageEvent<LayoutRequest | LayoutFromTextRequest>) => self.postMessage(answer(event.data));
}
