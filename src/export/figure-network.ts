/**
 * The network as a standalone SVG figure for any AppState: the actors and links the network panel draws (same
 * subset selector), at the live layout's positions or at those of the panel's deterministic layout computed here,
 * with the panel's encodings (shape and colour per kind, size by mentions, colour per relation type, dash per
 * polarity, width per evidence count, arrows for direction), the selection highlighted and the rest dimmed, labels
 * placed without overlap, and a header and legend. Built with createElementNS/setAttribute/textContent only.
 */
import type { Edge } from '../store/selectors';
import {
  selectHighlightedActorIds,
  selectIndex,
  selectSelectedEvent,
  selectVisibleRelations,
  relationRange,
} from '../store/selectors';
import {
  MAX_GRAPH_NODES,
  selectGraphSubset,
  selectLayoutInput,
  selectNodeRadii,
  type LayoutInput,
} from '../store/selectors-network';
import type { AppState } from '../store/types';
import type { ActorKind, Dataset, Polarity, RelationType } from '../model/schema';
import type { TimeRange } from '../model/time';
import {
  ACTOR_KINDS,
  KIND_FILL,
  KIND_LABEL,
  KIND_SHAPE,
  NEGATED_COLOUR,
  NEGATED_DASH,
  POLARITIES,
  POLARITY_DASH,
  POLARITY_LABEL,
  RELATION_COLOUR,
  RELATION_TYPES,
  describeRelations,
  edgeIsLit,
  shapePath,
  summariseEdge,
  truncate,
  type EdgeSummary,
} from '../panels/network/graph-style';
import { placeLabels, type Box, type LabelCandidate, type PlacedLabel } from '../panels/network/labels';
import { layoutOf, storedPositions } from '../panels/network/dataset-layout';
import { SHAPE_EXTENT, type Point } from '../panels/network/layout';
import {
  INK,
  INK_MUTED,
  PAD,
  SWATCH_H,
  SWATCH_W,
  addDescription,
  createFigureRoot,
  drawHeader,
  drawLegend,
  figureWidth,
  filterPhrases,
  finishFigure,
  lineSwatch,
  num,
  svgEl,
  svgText,
  svgTitle,
  windowLabel,
  type FigureOptions,
  type LegendItem,
  type LegendSection,
} from './figure-common';
import { formatCount, plural } from '../ui/format-count';

const NODE_STROKE = '#3b4046';
const HALO = '#ffd166';
const LABEL_FONT = 11;
/** Largest zoom a small graph is drawn at (px per layout unit). */
const MAX_SCALE = 1.5;
const DIM_FILL_OPACITY = 0.16;
const DIM_STROKE_OPACITY = 0.2;
const DIM_EDGE_OPACITY = 0.1;

/** Options of the network figure: the common ones, plus the live layout's positions when there is one. */
export type NetworkFigureOptions = FigureOptions & { positions?: Map<string, { x: number; y: number }> };

const layoutCache = new WeakMap<LayoutInput, Map<string, Point>>();

/** The panel's layout of a dataset: the one it stored, else computed synchronously (same input, same positions as on screen); cached. */
export function computeFigureLayout(input: LayoutInput, dataset?: Dataset): Map<string, Point> {
  const cached = layoutCache.get(input);
  if (cached) return cached;
  const stored = dataset ? storedPositions(dataset, input) : null;
  if (stored) {
    layoutCache.set(input, stored);
    return stored;
  }
  // The panel's own layout (panels/network/dataset-layout.ts), so the figure shows the graph as laid out on screen.
  const positions = layoutOf(input);
  layoutCache.set(input, positions);
  return positions;
}

const union = (a: Box | null, b: Box): Box =>
  a ? { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) } : b;

/** The end of a line from a to b that stops `gap` short of b (for the arrow head). */
function shorten(a: Point, b: Point, gap: number): Point {
  if (gap <= 0) return b;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len <= gap + 1) return b;
  return { x: b.x - ((b.x - a.x) / len) * gap, y: b.y - ((b.y - a.y) / len) * gap };
}

/** The dates the drawn relations cover, for "All dates: …" (null when none has a date). */
function relationExtent(state: AppState, edges: readonly Edge[]): TimeRange | null {
  const index = selectIndex(state);
  let start = Infinity;
  let end = -Infinity;
  for (const e of edges) {
    for (const r of e.relations) {
      const range = relationRange(index, r);
      if (!range) continue;
      start = Math.min(start, range.start);
      end = Math.max(end, range.end);
    }
  }
  return start < end ? { start, end } : null;
}

/** Renders the network of `state` as an SVG figure (not attached to the document). */
export function renderNetworkFigure(state: AppState, doc: Document, opts: NetworkFigureOptions): SVGSVGElement {
  const width = figureWidth(opts);
  const prefix = opts.idPrefix ?? 'nw';
  const subset = selectGraphSubset(state);
  const radii = selectNodeRadii(state);
  const index = selectIndex(state);
  const highlighted = selectHighlightedActorIds(state);
  const selectedEvent = selectSelectedEvent(state);
  const eventActive = selectedEvent !== undefined;
  const selectedActorId = state.selectedActorId;
  const selectedEdge = state.selectedEdge;
  const selectedEdgeKey = selectedEdge
    ? (subset.edges.find(
        (e) =>
          (e.source === selectedEdge.source && e.target === selectedEdge.target) ||
          (e.source === selectedEdge.target && e.target === selectedEdge.source),
      )?.key ?? null)
    : null;

  let computed: Map<string, Point> | null = null;
  const positionOf = (id: string): Point | undefined => {
    const given = opts.positions?.get(id);
    if (given) return given;
    computed ??= computeFigureLayout(selectLayoutInput(state), state.dataset);
    return computed.get(id);
  };

  // Largest first (drawn below the small ones), as in the panel.
  const counts = index.mentionCounts;
  const actors = [...subset.actors]
    .filter((a) => positionOf(a.id) !== undefined)
    .sort(
      (a, b) =>
        (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  const radius = (id: string): number => radii.get(id) ?? 6;
  /** The box a node's shape (or the selection ring) takes, in layout units. */
  const nodeExtent = (id: string): number =>
    id === selectedActorId ? radius(id) * 1.45 + 4.5 : radius(id) * SHAPE_EXTENT + 1;

  let nodeBox: Box | null = null;
  for (const a of actors) {
    const p = positionOf(a.id) as Point;
    const r = nodeExtent(a.id);
    nodeBox = union(nodeBox, { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r });
  }

  const plotW = width - 2 * PAD;
  const maxPlotH = Math.max(360, Math.round(width * 0.72));
  const fitScale = (box: Box): number =>
    Math.min(MAX_SCALE, plotW / Math.max(1, box.x1 - box.x0), maxPlotH / Math.max(1, box.y1 - box.y0));

  // Labels: the selection's first, then the highlighted ones, then the largest that fit (graph-view.tsx).
  const forced = new Set<string>();
  if (selectedActorId !== null) forced.add(selectedActorId);
  if (selectedEdge) {
    forced.add(selectedEdge.source);
    forced.add(selectedEdge.target);
  }
  const candidates: LabelCandidate[] = [];
  const obstacles: { id: string; x: number; y: number; r: number }[] = [];
  for (const a of actors) {
    const p = positionOf(a.id) as Point;
    const r = nodeExtent(a.id);
    obstacles.push({ id: a.id, x: p.x, y: p.y, r });
    const isForced = forced.has(a.id);
    if (!isForced && highlighted !== null && !highlighted.has(a.id)) continue;
    candidates.push({ id: a.id, x: p.x, y: p.y, r, text: truncate(a.name), priority: r, forced: isForced });
  }
  const withLabels = (labels: readonly PlacedLabel[]): Box | null => {
    let box = nodeBox;
    for (const l of labels) box = union(box, l.box);
    return box;
  };
  // Fit the nodes, place the labels at that scale, fit nodes and labels, place again; draw at the final fit (the
  // label font is scaled with it, so the placement stays free of overlaps).
  let labelScale = nodeBox ? fitScale(nodeBox) : 1;
  let labels = placeLabels(candidates, obstacles, { scale: labelScale, fontSize: LABEL_FONT });
  labelScale = fitScale(withLabels(labels) ?? { x0: 0, y0: 0, x1: 1, y1: 1 });
  labels = placeLabels(candidates, obstacles, { scale: labelScale, fontSize: LABEL_FONT });
  const box = withLabels(labels);
  const k = box ? fitScale(box) : 1;
  const labelFont = (LABEL_FONT * k) / labelScale;

  // Header.
  const { svg, background } = createFigureRoot(doc, opts.title);
  const nameOf = (id: string): string => index.actorsById.get(id)?.name ?? id;
  const selection: string[] = [];
  if (selectedEvent) {
    selection.push(`Selected event: ${selectedEvent.title} (its actors highlighted)`);
  } else if (selectedEdge) {
    selection.push(`Selected link: ${nameOf(selectedEdge.source)} – ${nameOf(selectedEdge.target)}`);
  } else if (selectedActorId !== null) {
    const neighbours = highlighted ? highlighted.size - 1 : 0;
    selection.push(`Selected: ${nameOf(selectedActorId)} and ${plural(neighbours, 'neighbour')} highlighted`);
  }
  selection.push(
    ...filterPhrases(state, { actorKinds: true, relationTypes: true, polarities: true, docIds: true, search: true }),
  );
  let countLine = `${plural(subset.actors.length, 'actor')}, ${plural(subset.edges.length, 'link')}`;
  if (subset.hiddenActors > 0) {
    countLine += ` (the ${formatCount(MAX_GRAPH_NODES)} best-connected of ${plural(
      subset.actors.length + subset.hiddenActors,
      'actor',
    )})`;
  } else if (subset.hiddenEdges > 0) {
    countLine += ` (of ${plural(subset.edges.length + subset.hiddenEdges, 'link')}, those with the most evidence)`;
  }
  const relationCount = selectVisibleRelations(state).length;
  countLine += `; ${plural(relationCount, 'relation')} in the view.`;
  const headerLines = [
    windowLabel(state.timeWindow, relationExtent(state, subset.edges)),
    selection.length > 0 ? selection.join('; ') : 'No filters',
    countLine,
  ];
  let y = drawHeader(doc, svg, opts, headerLines, width);
  addDescription(doc, svg, `Network of ${countLine} ${headerLines[1]}.`);

  const plotH = box ? (box.y1 - box.y0) * k : 80;
  const ox = box ? PAD + (plotW - (box.x1 - box.x0) * k) / 2 : PAD;
  const oy = y + 4;
  const sx = (gx: number): number => ox + (gx - (box?.x0 ?? 0)) * k;
  const sy = (gy: number): number => oy + (gy - (box?.y0 ?? 0)) * k;

  // Arrow markers, one per colour (a fixed size in px, like the panel's at zoom 1).
  const defs = svgEl(doc, 'defs', {}, svg);
  const markerColours = [...new Set([...Object.values(RELATION_COLOUR), NEGATED_COLOUR])];
  const markerSize = Math.min(12, Math.max(6, 9 * k));
  markerColours.forEach((colour, i) => {
    const marker = svgEl(
      doc,
      'marker',
      {
        id: `${prefix}-arrow-${i}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: markerSize,
        markerHeight: markerSize,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      defs,
    );
    svgEl(doc, 'path', { d: 'M0,0L10,5L0,10Z', fill: colour }, marker);
  });

  const used = {
    kinds: new Set<ActorKind>(),
    types: new Set<RelationType>(),
    polarities: new Set<Polarity>(),
    negated: false,
    arrow: false,
  };

  // Edges: dimmed ones first, then the selected link's halo, then the lit ones.
  const edgeLayer = svgEl(doc, 'g', { class: 'edges' }, svg);
  const lineWidth = (s: EdgeSummary): number => s.width * Math.min(1.5, Math.max(0.6, k));
  const drawn: { e: Edge; s: EdgeSummary; lit: boolean }[] = [];
  for (const e of subset.edges) {
    if (!positionOf(e.source) || !positionOf(e.target)) continue;
    const s = summariseEdge(e.relations);
    const lit = highlighted === null || edgeIsLit(e, highlighted, eventActive, selectedEdgeKey, selectedActorId);
    drawn.push({ e, s, lit });
  }
  const order = [...drawn.filter((d) => !d.lit), ...drawn.filter((d) => d.lit)];
  for (const { e, s, lit } of order) {
    const dir = s.direction;
    const flip = dir !== null && dir.from !== e.source;
    const from = flip ? e.target : e.source;
    const to = flip ? e.source : e.target;
    const a = positionOf(from) as Point;
    const b = positionOf(to) as Point;
    const p1 = { x: sx(a.x), y: sy(a.y) };
    const p2 = { x: sx(b.x), y: sy(b.y) };
    const arrow = dir !== null && lit;
    const end = shorten(p1, p2, arrow ? (radius(to) * 1.3 + 2) * k : 0);
    if (s.negatedOnly) used.negated = true;
    else {
      used.types.add(s.type);
      used.polarities.add(s.polarity);
    }
    if (arrow) used.arrow = true;
    const g = svgEl(
      doc,
      'g',
      {
        class: `edge${lit && highlighted !== null ? ' is-lit' : ''}${lit ? '' : ' is-dimmed'}${e.key === selectedEdgeKey ? ' is-selected' : ''}`,
        'data-source': from,
        'data-target': to,
        'data-directed': dir ? 'true' : 'false',
      },
      edgeLayer,
    );
    svgTitle(
      doc,
      g,
      `${nameOf(from)} ${dir ? '→' : '↔'} ${nameOf(to)}: ${plural(e.relations.length, 'relation')} (${describeRelations(e.relations)})`,
    );
    if (e.key === selectedEdgeKey) {
      svgEl(
        doc,
        'line',
        {
          class: 'edge-halo',
          x1: p1.x,
          y1: p1.y,
          x2: p2.x,
          y2: p2.y,
          stroke: HALO,
          'stroke-width': lineWidth(s) + 6,
          'stroke-linecap': 'round',
          opacity: 0.9,
        },
        g,
      );
    }
    svgEl(
      doc,
      'line',
      {
        class: 'edge-line',
        x1: p1.x,
        y1: p1.y,
        x2: end.x,
        y2: end.y,
        stroke: s.colour,
        'stroke-width': lineWidth(s),
        'stroke-linecap': 'round',
        'stroke-dasharray': s.dash || undefined,
        'stroke-opacity': lit ? undefined : DIM_EDGE_OPACITY,
        'marker-end': arrow ? `url(#${prefix}-arrow-${markerColours.indexOf(s.colour)})` : undefined,
      },
      g,
    );
  }

  // The selected actor's ring, under the nodes.
  const nodeLayer = svgEl(doc, 'g', { class: 'nodes' }, svg);
  const selectedPoint =
    selectedActorId !== null && actors.some((a) => a.id === selectedActorId) ? positionOf(selectedActorId) : undefined;
  if (selectedPoint && selectedActorId !== null) {
    svgEl(
      doc,
      'circle',
      {
        class: 'node-ring',
        cx: sx(selectedPoint.x),
        cy: sy(selectedPoint.y),
        r: (radius(selectedActorId) * 1.45 + 3) * k,
        fill: 'none',
        stroke: INK,
        'stroke-width': 2.5,
      },
      nodeLayer,
    );
  }
  for (const a of actors) {
    const p = positionOf(a.id) as Point;
    const lit = highlighted === null || highlighted.has(a.id);
    used.kinds.add(a.kind);
    const mentions = counts.get(a.id) ?? 0;
    const g = svgEl(
      doc,
      'g',
      {
        class: `node kind-${a.kind}${highlighted !== null && lit ? ' is-lit' : ''}${lit ? '' : ' is-dimmed'}${a.id === selectedActorId ? ' is-selected' : ''}`,
        'data-actor-id': a.id,
        transform: `translate(${num(sx(p.x))},${num(sy(p.y))})`,
      },
      nodeLayer,
    );
    svgTitle(doc, g, `${a.name}, ${a.kind}, ${plural(mentions, 'mention')}`);
    svgEl(
      doc,
      'path',
      {
        class: 'node-shape',
        d: shapePath(KIND_SHAPE[a.kind], Math.max(1.5, radius(a.id) * k)),
        fill: KIND_FILL[a.kind],
        stroke: NODE_STROKE,
        'stroke-width': 1.2,
        'fill-opacity': lit ? undefined : DIM_FILL_OPACITY,
        'stroke-opacity': lit ? undefined : DIM_STROKE_OPACITY,
      },
      g,
    );
  }

  // Leader lines of labels placed away from their node (as in the app), under the labels.
  for (const l of labels) {
    if (!l.leader) continue;
    svgEl(
      doc,
      'line',
      {
        class: 'label-leader',
        'data-leader-for': l.id,
        x1: sx(l.leader.x1),
        y1: sy(l.leader.y1),
        x2: sx(l.leader.x2),
        y2: sy(l.leader.y2),
        stroke: '#6b7280', // as .label-leader in the app
        'stroke-width': 1,
      },
      svg,
    );
  }

  // Labels (white halo under the text).
  const labelLayer = svgEl(
    doc,
    'g',
    {
      class: 'labels',
      'font-size': labelFont,
      fill: INK,
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    svg,
  );
  for (const l of labels) {
    svgText(doc, labelLayer, l.text, {
      class: l.id === selectedActorId ? 'label is-selected' : 'label',
      'data-label-for': l.id,
      x: sx(l.x),
      y: sy(l.y) + labelFont * 0.35,
      'text-anchor': l.anchor,
      'font-weight': l.id === selectedActorId ? 700 : undefined,
    });
  }

  if (actors.length === 0) {
    svgText(doc, svg, 'No actors match the current filters.', {
      x: width / 2,
      y: oy + 40,
      'font-size': 13,
      'text-anchor': 'middle',
      fill: INK_MUTED,
    });
  }
  y = oy + plotH + 12;

  const legendHeight = drawLegend(
    doc,
    svg,
    PAD,
    y,
    width - 2 * PAD,
    legendSections(doc, used, {
      dimmed: highlighted !== null,
      ring: selectedPoint !== undefined,
      halo: selectedEdgeKey !== null,
    }),
  );
  finishFigure(svg, background, width, y + legendHeight + PAD / 2);
  return svg;
}

function legendSections(
  doc: Document,
  used: {
    kinds: Set<ActorKind>;
    types: Set<RelationType>;
    polarities: Set<Polarity>;
    negated: boolean;
    arrow: boolean;
  },
  selection: { dimmed: boolean; ring: boolean; halo: boolean },
): LegendSection[] {
  const mid = SWATCH_H / 2;
  const kinds: LegendItem[] = ACTOR_KINDS.filter((kind) => used.kinds.has(kind)).map((kind) => ({
    label: `${KIND_LABEL[kind]} (${KIND_SHAPE[kind]})`,
    swatchWidth: 16,
    swatch: (g) =>
      svgEl(
        doc,
        'path',
        {
          d: shapePath(KIND_SHAPE[kind], 5.5),
          transform: `translate(8,${mid})`,
          fill: KIND_FILL[kind],
          stroke: NODE_STROKE,
          'stroke-width': 1,
        },
        g,
      ),
  }));
  const types: LegendItem[] = RELATION_TYPES.filter((t) => used.types.has(t)).map((t) => ({
    label: t,
    swatch: (g) => lineSwatch(doc, g, RELATION_COLOUR[t], '', 3),
  }));
  const lines: LegendItem[] = POLARITIES.filter((p) => used.polarities.has(p)).map((p) => ({
    label: POLARITY_LABEL[p],
    swatch: (g) => lineSwatch(doc, g, NODE_STROKE, POLARITY_DASH[p], 2.5),
  }));
  if (used.negated) {
    lines.push({
      label: 'negated (grey, dotted)',
      swatch: (g) => lineSwatch(doc, g, NEGATED_COLOUR, NEGATED_DASH, 2.5),
    });
  }
  if (used.arrow) {
    lines.push({
      label: 'arrow: all relations run one way',
      swatch: (g) => {
        svgEl(doc, 'line', { x1: 2, y1: mid, x2: SWATCH_W - 7, y2: mid, stroke: NODE_STROKE, 'stroke-width': 2 }, g);
        svgEl(
          doc,
          'path',
          { d: `M${SWATCH_W - 9},${mid - 5}L${SWATCH_W - 1},${mid}L${SWATCH_W - 9},${mid + 5}Z`, fill: NODE_STROKE },
          g,
        );
      },
    });
  }
  const sel: LegendItem[] = [];
  if (selection.ring) {
    sel.push({
      label: 'selected actor (dark ring)',
      swatchWidth: 16,
      swatch: (g) => svgEl(doc, 'circle', { cx: 8, cy: mid, r: 6, fill: 'none', stroke: INK, 'stroke-width': 2 }, g),
    });
  }
  if (selection.halo) {
    sel.push({
      label: 'selected link (yellow halo)',
      swatch: (g) => {
        lineSwatch(doc, g, HALO, '', 8);
        lineSwatch(doc, g, NODE_STROKE, '', 2);
      },
    });
  }
  if (selection.dimmed) {
    sel.push({
      label: 'faded: not part of the selection',
      swatchWidth: 16,
      swatch: (g) =>
        svgEl(
          doc,
          'path',
          {
            d: shapePath('circle', 5.5),
            transform: `translate(8,${mid})`,
            fill: KIND_FILL.person,
            stroke: NODE_STROKE,
            'fill-opacity': DIM_FILL_OPACITY,
            'stroke-opacity': DIM_STROKE_OPACITY,
          },
          g,
        ),
    });
  }
  return [
    {
      title: 'Actor kind (shape and colour)',
      items: kinds,
      note: kinds.length > 0 ? 'Node size: number of mentions.' : undefined,
    },
    {
      title: 'Relation type (colour)',
      items: types,
      note:
        types.length > 0
          ? 'A link with several types takes the most frequent one; line width: number of relations.'
          : undefined,
    },
    { title: 'Line style', items: lines },
    { title: 'Selection', items: sel },
  ];
}
