/**
 * Runs computeLayout off the main thread: one request in, one Map of positions out. The request is the layout input,
 * or the dataset's JSON text: then the worker parses it and builds the input itself (the same pure builders as the
 * selectors), so the layout starts while the main thread is still parsing and indexing the dataset.
 */
import type { Dataset } from '../../model/schema';
import { datasetLayoutInput, layoutOf, storedPositions } from './dataset-layout';
import { layoutGraph, type LayoutLink, type LayoutNode, type LayoutOptions } from './layout';

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

self.onmessage = (event: MessageEvent<LayoutRequest | LayoutFromTextRequest>) => {
  const data = event.data;
  if ('text' in data) {
    let positions = null;
    try {
      const dataset = JSON.parse(data.text) as Dataset;
      const input = datasetLayoutInput(dataset);
      // A dataset that brought its layout needs none (the page uses the stored one once the dataset is validated).
      positions = storedPositions(dataset, input) ?? layoutOf(input);
    } catch {
      positions = null;
    }
    self.postMessage(positions);
    return;
  }
  const { nodes, links, options, rest = [] } = data;
  self.postMessage(layoutGraph(nodes, links, options, rest));
};
