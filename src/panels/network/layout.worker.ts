/** Runs computeLayout off the main thread; one request in, one Map of positions out. */
import { computeLayout, type LayoutLink, type LayoutNode, type LayoutOptions } from './layout';

export interface LayoutRequest {
  nodes: LayoutNode[];
  links: LayoutLink[];
  options: LayoutOptions;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, links, options } = event.data;
  self.postMessage(computeLayout(nodes, links, options));
};
