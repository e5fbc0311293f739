/** Runs computeLayout off the main thread; one request in, one Map of positions out. */
import { layoutGraph, type LayoutLink, type LayoutNode, type LayoutOptions } from './layout';

export interface LayoutRequest {
  nodes: LayoutNode[];
  links: LayoutLink[];
  options: LayoutOptions;
  /** Nodes left out of the force layout, placed next to a neighbour afterwards. */
  rest?: LayoutNode[];
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, links, options, rest = [] } = event.data;
  self.postMessage(layoutGraph(nodes, links, options, rest));
};
