/**
 * The network as SVG: React renders nodes, edges and labels from the (cached, deterministic) layout; only pan and
 * zoom are imperative (use-graph-zoom). Highlighting is a selector. A node drag moves the node, its links and its
 * label directly on the DOM while the pointer moves (no React render per move) and commits the final position to
 * local state when it ends (never to the store). Nodes and edges are roving-tabindex buttons (arrow keys move, Enter selects, Escape clears).
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { pairKey } from '../../model/graph';
import type { ActorKind } from '../../model/schema';
import { selectHighlightedActorIds, selectIndex, type Edge } from '../../store/selectors';
import { MAX_GRAPH_NODES, selectGraphSubset, selectLayoutInput, selectNodeRadii } from '../../store/selectors-network';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import {
  KIND_FILL,
  KIND_SHAPE,
  NEGATED_COLOUR,
  RELATION_COLOUR,
  describeRelations,
  shapePath,
  summariseEdge,
  truncate,
  edgeIsLit,
  type EdgeSummary,
} from './graph-style';
import { placeLabels, type LabelCandidate, type PlacedLabel } from './labels';
import { SHAPE_EXTENT, boundsOf, type Point, type Positions } from './layout';
import { createEdgeCanvas, type CanvasEdge, type EdgeCanvas } from './edge-canvas';
import { useGraphZoom } from './use-graph-zoom';
import { useLayout } from './use-layout';
import { formatCount } from '../../ui/format-count';

const selectSelectedActorId = (s: { selectedActorId: string | null }) => s.selectedActorId;
const selectSelectedEdge = (s: { selectedEdge: { source: string; target: string } | null }) => s.selectedEdge;
const selectSelectedEventId = (s: { selectedEventId: string | null }) => s.selectedEventId;
const selectHoveredActorId = (s: { hoveredActorId: string | null }) => s.hoveredActorId;
const selectShownStep = (s: { shownStep: { storyId: string; stepIndex: number } | null }) => s.shownStep;

/** From this many drawn links on, their lines are painted on a <canvas> (the SVG keeps invisible hit lines). */
export const CANVAS_EDGES_FROM = 300;

/** Colours that get an arrow marker (one marker per colour). */
const MARKER_COLOURS = [...new Set([...Object.values(RELATION_COLOUR), NEGATED_COLOUR])];

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true,
  );
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!query) return;
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

interface NodeProps {
  id: string;
  x: number;
  y: number;
  r: number;
  kind: ActorKind;
  name: string;
  mentions: number;
  handlers: NodeHandlers;
}

interface NodeHandlers {
  onClick: (e: MouseEvent<SVGGElement>) => void;
  onKeyDown: (e: KeyboardEvent<SVGGElement>) => void;
  onPointerDown: (e: PointerEvent<SVGGElement>) => void;
  onPointerMove: (e: PointerEvent<SVGGElement>) => void;
  onPointerUp: (e: PointerEvent<SVGGElement>) => void;
  onPointerEnter: (e: PointerEvent<SVGGElement>) => void;
  onPointerLeave: (e: PointerEvent<SVGGElement>) => void;
  onFocus: (e: FocusEvent<SVGGElement>) => void;
  onBlur: (e: FocusEvent<SVGGElement>) => void;
}

const GraphNode = memo(function GraphNode({ id, x, y, r, kind, name, mentions, handlers }: NodeProps) {
  const shape = KIND_SHAPE[kind];
  // Selection state (is-lit, is-selected, aria-pressed, the roving tabindex) is set on the DOM by GraphView's
  // useSelectionClasses, so a selection does not re-render the nodes. React never changes these props afterwards.
  return (
    <g
      className="node"
      transform={`translate(${x},${y})`}
      data-actor-id={id}
      role="button"
      tabIndex={-1}
      aria-label={`${name}, ${kind}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`}
      aria-pressed="false"
      {...handlers}
    >
      <title>{name}</title>
      <circle className="node-focus" r={r * 1.45 + 6} />
      <path className={`node-shape kind-${kind}`} d={shapePath(shape, r)} fill={KIND_FILL[kind]} />
    </g>
  );
});

interface EdgeProps {
  edgeKey: string;
  source: string;
  target: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Space to leave at the target end for the arrow head (the target node's radius). */
  targetGap: number;
  summary: EdgeSummary;
  label: string;
  markerId: string | null;
  /** The visible line is painted on the canvas (edge-canvas.ts); only the hit line is rendered. */
  lineless: boolean;
  handlers: EdgeHandlers;
}

interface EdgeHandlers {
  onClick: (e: MouseEvent<SVGGElement>) => void;
  onKeyDown: (e: KeyboardEvent<SVGGElement>) => void;
}

const GraphEdge = memo(function GraphEdge({
  edgeKey,
  source,
  target,
  x1,
  y1,
  x2,
  y2,
  targetGap,
  summary,
  label,
  markerId,
  lineless,
  handlers,
}: EdgeProps) {
  const { x: ex, y: ey } = shorten({ x: x1, y: y1 }, { x: x2, y: y2 }, markerId ? targetGap : 0);
  return (
    <g
      className={`edge${summary.negatedOnly ? ' is-negated' : ''}`}
      data-edge-key={edgeKey}
      data-source={source}
      data-target={target}
      role="button"
      tabIndex={-1}
      aria-label={label}
      aria-pressed="false"
      {...handlers}
    >
      <line className="edge-hit" x1={x1} y1={y1} x2={x2} y2={y2} />
      {!lineless && (
        <line
          className="edge-line"
          x1={x1}
          y1={y1}
          x2={ex}
          y2={ey}
          stroke={summary.colour}
          strokeWidth={summary.width}
          strokeDasharray={summary.dash || undefined}
          markerEnd={markerId ? `url(#${markerId})` : undefined}
        />
      )}
    </g>
  );
});

interface DragState {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  moved: boolean;
  /** The latest pointer position in graph units. */
  point?: Point;
  /** The elements the drag moves directly (collected when the drag starts moving). */
  dom?: DragTargets;
}

/** What a node drag moves on the DOM: the node, its label, its links (and their halo / the selection ring). */
interface DragTargets {
  node: Element | null;
  ring: Element | null;
  label: { el: Element; dx: number; dy: number } | null;
  /** The label's leader line, its two ends relative to the node. */
  leader: { el: Element; ends: [number, number, number, number] } | null;
  origin: Point;
  links: {
    hit: Element | null;
    line: Element | null;
    halo: Element | null;
    other: Point;
    draggedIsFrom: boolean;
    gap: number;
  }[];
}

interface EdgeGeometryInfo {
  from: string;
  to: string;
  /** Arrow gap at the `to` end (0 without an arrow). */
  gap: number;
}

function collectDragTargets(
  layer: SVGGElement,
  id: string,
  positionOf: (id: string) => Point | undefined,
  geometry: Map<string, EdgeGeometryInfo>,
): DragTargets {
  const origin = positionOf(id) ?? { x: 0, y: 0 };
  const node = [...layer.querySelectorAll('[data-actor-id]')].find((n) => n.getAttribute('data-actor-id') === id);
  const ring = layer.querySelector(`.node-ring[data-for]`);
  const labelEl = [...layer.querySelectorAll('[data-label-for]')].find((n) => n.getAttribute('data-label-for') === id);
  const label = labelEl
    ? {
        el: labelEl,
        dx: Number(labelEl.getAttribute('x') ?? 0) - origin.x,
        dy: Number(labelEl.getAttribute('y') ?? 0) - origin.y,
      }
    : null;
  const leaderEl = [...layer.querySelectorAll('[data-leader-for]')].find(
    (n) => n.getAttribute('data-leader-for') === id,
  );
  const at = (el: Element, name: string, o: number): number => Number(el.getAttribute(name) ?? 0) - o;
  const leader = leaderEl
    ? {
        el: leaderEl,
        ends: [
          at(leaderEl, 'x1', origin.x),
          at(leaderEl, 'y1', origin.y),
          at(leaderEl, 'x2', origin.x),
          at(leaderEl, 'y2', origin.y),
        ] as [number, number, number, number],
      }
    : null;
  const halo = layer.querySelector('.edge-halo');
  const haloKey = halo?.getAttribute('data-for') ?? null;
  const links: DragTargets['links'] = [];
  for (const el of layer.querySelectorAll('[data-edge-key]')) {
    const source = el.getAttribute('data-source');
    const target = el.getAttribute('data-target');
    if (source !== id && target !== id) continue;
    const key = el.getAttribute('data-edge-key') ?? '';
    const g = geometry.get(key);
    if (!g) continue;
    const draggedIsFrom = g.from === id;
    const other = positionOf(draggedIsFrom ? g.to : g.from);
    if (!other) continue;
    links.push({
      hit: el.querySelector('.edge-hit'),
      line: el.querySelector('.edge-line'),
      halo: haloKey === key ? halo : null,
      other,
      draggedIsFrom,
      gap: g.gap,
    });
  }
  return {
    node: node ?? null,
    ring: ring?.getAttribute('data-for') === id ? ring : null,
    label,
    leader,
    origin,
    links,
  };
}

function moveDragTargets(t: DragTargets, p: Point): void {
  t.node?.setAttribute('transform', `translate(${p.x},${p.y})`);
  if (t.ring) {
    t.ring.setAttribute('cx', String(p.x));
    t.ring.setAttribute('cy', String(p.y));
  }
  if (t.label) {
    t.label.el.setAttribute('x', String(p.x + t.label.dx));
    t.label.el.setAttribute('y', String(p.y + t.label.dy));
  }
  if (t.leader) {
    const [x1, y1, x2, y2] = t.leader.ends;
    t.leader.el.setAttribute('x1', String(p.x + x1));
    t.leader.el.setAttribute('y1', String(p.y + y1));
    t.leader.el.setAttribute('x2', String(p.x + x2));
    t.leader.el.setAttribute('y2', String(p.y + y2));
  }
  for (const l of t.links) {
    const a = l.draggedIsFrom ? p : l.other;
    const b = l.draggedIsFrom ? l.other : p;
    const end = shorten(a, b, l.gap);
    for (const [el, e] of [
      [l.hit, b],
      [l.halo, b],
      [l.line, end],
    ] as const) {
      if (!el) continue;
      el.setAttribute('x1', String(a.x));
      el.setAttribute('y1', String(a.y));
      el.setAttribute('x2', String(e.x));
      el.setAttribute('y2', String(e.y));
    }
  }
}

/** The end of a line from a to b that stops `gap` short of b (for the arrow head). */
function shorten(a: Point, b: Point, gap: number): Point {
  if (gap <= 0) return b;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len <= gap + 1) return b;
  return { x: b.x - ((b.x - a.x) / len) * gap, y: b.y - ((b.y - a.y) / len) * gap };
}

export interface GraphViewHandle {
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
}

export function GraphView({ onReady }: { onReady?: (handle: GraphViewHandle | null) => void }) {
  const storeApi = useAppStoreApi();
  const layoutInput = useAppStore(selectLayoutInput);
  const basePositions = useLayout(layoutInput);
  const subset = useAppStore(selectGraphSubset);
  const radii = useAppStore(selectNodeRadii);
  const index = useAppStore(selectIndex);
  const highlighted = useAppStore(selectHighlightedActorIds);
  const selectedActorId = useAppStore(selectSelectedActorId);
  const selectedEdge = useAppStore(selectSelectedEdge);
  const selectedEventId = useAppStore(selectSelectedEventId);
  const hoveredActorId = useAppStore(selectHoveredActorId);
  const shownStep = useAppStore(selectShownStep);
  const reducedMotion = useReducedMotion();
  const uid = useId().replace(/:/g, '');

  const svgRef = useRef<SVGSVGElement | null>(null);
  const layerRef = useRef<SVGGElement | null>(null);
  // The transform after the last zoom, pan or fit, and the drawing's size: labels are placed to stay in view.
  const [transform, setTransform] = useState<{ x: number; y: number; k: number } | null>(null);
  const scale = transform?.k ?? 1;
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const edgeCanvas = useRef<EdgeCanvas | null>(null);
  const onZoom = useCallback((t: { x: number; y: number; k: number }) => edgeCanvas.current?.setTransform(t), []);
  const zoom = useGraphZoom(svgRef, layerRef, { onZoomEnd: setTransform, onZoom, reducedMotion });

  // Dragged positions, local to this component and reset with the layout.
  const [dragged, setDragged] = useState<{ base: Positions | null; moved: Map<string, Point> }>({
    base: null,
    moved: new Map(),
  });
  const moved = dragged.base === basePositions ? dragged.moved : EMPTY_MOVES;
  const positionOf = useCallback(
    (id: string): Point | undefined => moved.get(id) ?? basePositions?.get(id),
    [moved, basePositions],
  );

  // Keyboard order = DOM order: largest (most mentioned) first, so small nodes are drawn on top. Ties go by name in
  // code-point order: the same in every locale, and no ICU collator to initialise during load (localeCompare's first
  // call is).
  const orderedActors = useMemo(() => {
    const counts = index.mentionCounts;
    return [...subset.actors].sort(
      (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  }, [subset.actors, index]);
  const orderedIds = useMemo(() => orderedActors.map((a) => a.id), [orderedActors]);
  const edgeKeys = useMemo(() => subset.edges.map((e) => e.key), [subset.edges]);

  const [rovingNode, setRovingNode] = useState<string | null>(null);
  const [rovingEdge, setRovingEdge] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const activeNode =
    rovingNode !== null && orderedIds.includes(rovingNode)
      ? rovingNode
      : selectedActorId !== null && orderedIds.includes(selectedActorId)
        ? selectedActorId
        : (orderedIds[0] ?? null);
  const activeEdge = rovingEdge !== null && edgeKeys.includes(rovingEdge) ? rovingEdge : (edgeKeys[0] ?? null);

  // Latest values for handlers that are created once (they read refs and the store at call time).
  const latest = useRef({
    orderedIds,
    edgeKeys,
    subset,
    zoom,
    positionOf,
    edgeGeometryByKey: new Map<string, EdgeGeometryInfo>(),
    labels: [] as PlacedLabel[],
  });

  const fit = useCallback(() => {
    const { positionOf: pos, subset: sub, labels: shown } = latest.current;
    const pts = new Map<string, Point>();
    for (const a of sub.actors) {
      const p = pos(a.id);
      if (p) pts.set(a.id, p);
    }
    // The drawn labels too (their boxes are in graph units at the scale they were placed for), so none is cut off.
    for (const l of shown) {
      pts.set(`label-0:${l.id}`, { x: l.box.x0, y: l.box.y0 });
      pts.set(`label-1:${l.id}`, { x: l.box.x1, y: l.box.y1 });
    }
    latest.current.zoom.fit(boundsOf(pts.keys(), pts, 24));
  }, []);

  const showSelectedEdge = useCallback(() => {
    const edge = storeApi.getState().selectedEdge;
    if (!edge) return;
    const { positionOf: pos } = latest.current;
    const pts = new Map<string, Point>();
    for (const id of [edge.source, edge.target]) {
      const p = pos(id);
      if (p) pts.set(id, p);
    }
    latest.current.zoom.ensureVisible(boundsOf(pts.keys(), pts, 40));
  }, [storeApi]);

  // Fit once per layout, when it arrives.
  const fittedFor = useRef<Positions | null>(null);
  useEffect(() => {
    if (!basePositions || fittedFor.current === basePositions) return;
    fittedFor.current = basePositions;
    fit();
  }, [basePositions, fit]);

  // What a resize re-frames: everything (null), or the actors of the story step last shown.
  const framing = useRef<(() => void) | null>(null);

  // Re-fit when the panel settles or is resized, until the user pans or zooms themselves.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    let touched = false;
    // A pan or a wheel zoom; a click on a node or a link is not.
    const touch = (e: Event) => {
      const target = e.target as Element | null;
      if (e.type === 'pointerdown' && target?.closest?.('[data-actor-id], [data-edge-key]')) return;
      touched = true;
    };
    svg.addEventListener('pointerdown', touch);
    svg.addEventListener('wheel', touch, { passive: true });
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box)
        setSize((was) =>
          was?.width === box.width && was.height === box.height ? was : { width: box.width, height: box.height },
        );
      if (!fittedFor.current) return;
      // While presenting, a resize keeps the step's framing; otherwise it shows everything again.
      if (!touched) ((storeApi.getState().presenting && framing.current) || fit)();
      else showSelectedEdge();
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      svg.removeEventListener('pointerdown', touch);
      svg.removeEventListener('wheel', touch);
    };
  }, [fit, showSelectedEdge, storeApi]);

  // A story step is shown: frame what it highlights (the selected actors and their neighbours), else everything.
  // The zoom controller animates this unless the user prefers reduced motion.
  // The framing is kept, so a resize (the evidence list opening beside the graph) frames the same actors again.
  useEffect(() => {
    if (!shownStep || !basePositions) return;
    const state = storeApi.getState();
    const ids = state.selectedEdge
      ? [state.selectedEdge.source, state.selectedEdge.target]
      : [...(selectHighlightedActorIds(state) ?? [])];
    const { positionOf: pos } = latest.current;
    const pts = new Map<string, Point>();
    for (const id of ids) {
      const p = pos(id);
      if (p) pts.set(id, p);
    }
    framing.current = pts.size > 0 ? () => latest.current.zoom.fit(boundsOf(pts.keys(), pts, 60)) : null;
    (framing.current ?? fit)();
  }, [shownStep, basePositions, fit, storeApi]);

  // A selected link's two actors stay in view (the evidence list narrows the graph when it opens).
  useEffect(() => {
    if (selectedEdge) showSelectedEdge();
  }, [selectedEdge, showSelectedEdge]);

  useEffect(() => {
    onReady?.({ zoomIn: zoom.zoomIn, zoomOut: zoom.zoomOut, fit });
    return () => onReady?.(null);
  }, [onReady, zoom.zoomIn, zoom.zoomOut, fit]);

  // Tell the benchmark the graph (with its layout) or a selection on it has been painted.
  const drawn = basePositions !== null;
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined' || !drawn) return;
    const frame = requestAnimationFrame(() => performance.mark('network:updated'));
    return () => cancelAnimationFrame(frame);
  }, [selectedActorId, selectedEdge, selectedEventId, highlighted, drawn]);

  const focusElement = useCallback((selector: string, attr: string, value: string) => {
    const el = [...(layerRef.current?.querySelectorAll<SVGGElement>(selector) ?? [])].find(
      (node) => node.getAttribute(attr) === value,
    );
    el?.focus({ preventScroll: true });
  }, []);

  const commonKeys = useCallback(
    (e: KeyboardEvent<SVGGElement>): boolean => {
      const z = latest.current.zoom;
      if (e.key === '+' || e.key === '=') z.zoomIn();
      else if (e.key === '-' || e.key === '_') z.zoomOut();
      else if (e.key === '0') fit();
      else if (e.key === 'Escape') {
        const s = storeApi.getState();
        if (s.selectedEdge) s.selectActor(s.selectedActorId);
        else s.selectActor(null);
      } else return false;
      e.preventDefault();
      return true;
    },
    [storeApi, fit],
  );

  const moveInList = (list: string[], current: string, key: string): string | undefined => {
    const i = list.indexOf(current);
    if (key === 'ArrowRight' || key === 'ArrowDown') return list[Math.min(list.length - 1, i + 1)];
    if (key === 'ArrowLeft' || key === 'ArrowUp') return list[Math.max(0, i - 1)];
    if (key === 'Home') return list[0];
    if (key === 'End') return list[list.length - 1];
    return undefined;
  };

  const basePositionsRef = useRef<Positions | null>(null);
  useEffect(() => {
    basePositionsRef.current = basePositions;
  }, [basePositions]);
  const drag = useRef<DragState | null>(null);
  const suppressClick = useRef(false);
  /**
   * Focus moved (blur, focus) during a pointer press on a node: the focus state is applied with the click that
   * follows (one render for focus and selection, instead of one per focus event and another for the click).
   */
  const pendingFocus = useRef(false);
  const flushFocus = useCallback(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    const layer = layerRef.current;
    const active = layer?.ownerDocument.activeElement;
    const id = active && layer?.contains(active) ? active.getAttribute('data-actor-id') : null;
    setFocusedId(id);
    if (id !== null) setRovingNode(id);
  }, []);
  const frame = useRef<number | null>(null);

  const nodeHandlers = useMemo<NodeHandlers>(() => {
    const idOf = (e: { currentTarget: Element }): string => e.currentTarget.getAttribute('data-actor-id') ?? '';
    const toggle = (id: string) => {
      const s = storeApi.getState();
      s.selectActor(s.selectedActorId === id && s.selectedEdge === null ? null : id);
    };
    return {
      onClick: (e) => {
        flushFocus();
        if (suppressClick.current) {
          suppressClick.current = false;
          return;
        }
        toggle(idOf(e));
      },
      onKeyDown: (e) => {
        const id = idOf(e);
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle(id);
          return;
        }
        if (commonKeys(e)) return;
        const next = moveInList(latest.current.orderedIds, id, e.key);
        if (next !== undefined) {
          e.preventDefault();
          setRovingNode(next);
          focusElement('[data-actor-id]', 'data-actor-id', next);
        }
      },
      onPointerDown: (e) => {
        if (e.button !== 0) return;
        drag.current = { id: idOf(e), pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, moved: false };
        e.currentTarget.setPointerCapture?.(e.pointerId);
      },
      onPointerMove: (e) => {
        const d = drag.current;
        if (!d || d.pointerId !== e.pointerId) return;
        if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < 4) return;
        const svg = svgRef.current;
        const layer = layerRef.current;
        if (!svg || !layer) return;
        if (!d.moved) {
          d.moved = true;
          d.dom = collectDragTargets(layer, d.id, latest.current.positionOf, latest.current.edgeGeometryByKey);
        }
        const rect = svg.getBoundingClientRect();
        const t = latest.current.zoom.getTransform();
        d.point = { x: (e.clientX - rect.left - t.x) / t.k, y: (e.clientY - rect.top - t.y) / t.k };
        if (frame.current !== null) return;
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          if (d.dom && d.point) moveDragTargets(d.dom, d.point);
          if (d.point) edgeCanvas.current?.moveNode(d.id, d.point);
        });
      },
      onPointerUp: (e) => {
        const d = drag.current;
        if (!d || d.pointerId !== e.pointerId) return;
        drag.current = null;
        // Applied by the click when there is one (it comes in the same task), else here.
        if (pendingFocus.current) setTimeout(flushFocus, 0);
        e.currentTarget.releasePointerCapture?.(e.pointerId);
        if (frame.current !== null) {
          cancelAnimationFrame(frame.current);
          frame.current = null;
        }
        if (!d.moved) return;
        suppressClick.current = true;
        const point = d.point;
        if (!point) return;
        if (d.dom) moveDragTargets(d.dom, point);
        edgeCanvas.current?.moveNode(d.id, point);
        // One React render per drag: the final position.
        setDragged((prev) => {
          const base = basePositionsRef.current;
          const next = new Map(prev.base === base ? prev.moved : []);
          next.set(d.id, point);
          return { base, moved: next };
        });
      },
      onPointerEnter: (e) => {
        if (drag.current) return;
        storeApi.getState().hoverActor(idOf(e));
      },
      onPointerLeave: (e) => {
        const s = storeApi.getState();
        if (s.hoveredActorId === idOf(e)) s.hoverActor(null);
      },
      onFocus: (e) => {
        if (drag.current) {
          pendingFocus.current = true;
          return;
        }
        const id = idOf(e);
        setFocusedId(id);
        setRovingNode(id);
      },
      onBlur: () => {
        if (drag.current) {
          pendingFocus.current = true;
          return;
        }
        setFocusedId(null);
      },
    };
  }, [storeApi, commonKeys, focusElement, flushFocus]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const edgeHandlers = useMemo<EdgeHandlers>(() => {
    const pairOf = (e: { currentTarget: Element }) => ({
      source: e.currentTarget.getAttribute('data-source') ?? '',
      target: e.currentTarget.getAttribute('data-target') ?? '',
    });
    const toggle = (source: string, target: string) => {
      const s = storeApi.getState();
      const current = s.selectedEdge;
      if (current && pairKey(current.source, current.target) === pairKey(source, target)) {
        s.selectActor(s.selectedActorId);
      } else {
        s.selectEdge(source, target);
      }
    };
    return {
      onClick: (e) => {
        const { source, target } = pairOf(e);
        toggle(source, target);
      },
      onKeyDown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          const { source, target } = pairOf(e);
          toggle(source, target);
          return;
        }
        if (commonKeys(e)) return;
        const key = e.currentTarget.getAttribute('data-edge-key') ?? '';
        const next = moveInList(latest.current.edgeKeys, key, e.key);
        if (next !== undefined) {
          e.preventDefault();
          setRovingEdge(next);
          focusElement('[data-edge-key]', 'data-edge-key', next);
        }
      },
    };
  }, [storeApi, commonKeys, focusElement]);

  const selectedEdgeKey = selectedEdge ? pairKey(selectedEdge.source, selectedEdge.target) : null;
  const eventActive = selectedEventId !== null && index.eventsById.has(selectedEventId);

  const summaries = useMemo(() => new Map(subset.edges.map((e) => [e.key, summaryOf(e)])), [subset.edges]);

  // Labels: selected, hovered and focused always; then the highlighted ones; then the largest that fit.
  const labels = useMemo(() => {
    if (!basePositions) return [];
    const forced = new Set<string>();
    if (selectedActorId !== null) forced.add(selectedActorId);
    if (hoveredActorId !== null) forced.add(hoveredActorId);
    if (focusedId !== null) forced.add(focusedId);
    if (selectedEdge) {
      forced.add(selectedEdge.source);
      forced.add(selectedEdge.target);
    }
    const candidates: LabelCandidate[] = [];
    const obstacles: { id: string; x: number; y: number; r: number }[] = [];
    for (const a of subset.actors) {
      const p = positionOf(a.id);
      if (!p) continue;
      // The box of the drawn shape (up to 1.4 r), or of the selection ring around the selected node.
      const base = radii.get(a.id) ?? 6;
      const r = a.id === selectedActorId ? base * 1.45 + 4.5 : base * SHAPE_EXTENT + 1;
      obstacles.push({ id: a.id, x: p.x, y: p.y, r });
      const isForced = forced.has(a.id);
      if (!isForced && highlighted !== null && !highlighted.has(a.id)) continue;
      candidates.push({ id: a.id, x: p.x, y: p.y, r, text: truncate(a.name), priority: r, forced: isForced });
    }
    // What is in view, once a zoom or fit has said (before the first fit the transform is not yet the picture's).
    const view =
      transform && size
        ? {
            x0: -transform.x / transform.k,
            y0: -transform.y / transform.k,
            x1: (size.width - transform.x) / transform.k,
            y1: (size.height - transform.y) / transform.k,
          }
        : undefined;
    return placeLabels(candidates, obstacles, { scale, view });
  }, [
    basePositions,
    positionOf,
    subset.actors,
    radii,
    highlighted,
    selectedActorId,
    hoveredActorId,
    focusedId,
    selectedEdge,
    scale,
    transform,
    size,
  ]);

  // Per-edge geometry and text: recomputed when edges or positions change, not on selection or hover.
  // Accessible names of the links: they do not depend on positions, so a drag or a new layout does not describe
  // every link's relations again (22 ms at 100k events after each drag).
  const edgeLabels = useMemo(() => {
    const nameOf = (id: string): string => index.actorsById.get(id)?.name ?? id;
    const out = new Map<string, string>();
    for (const e of subset.edges) {
      const dir = summaries.get(e.key)?.direction ?? null;
      out.set(
        e.key,
        `${nameOf(dir ? dir.from : e.source)} ${dir ? '→' : '↔'} ${nameOf(dir ? dir.to : e.target)}: ` +
          `${e.relations.length} ${e.relations.length === 1 ? 'relation' : 'relations'} ` +
          `(${describeRelations(e.relations)})`,
      );
    }
    return out;
  }, [subset.edges, summaries, index]);
  const markerIds = useMemo(() => MARKER_COLOURS.map((_, i) => `${uid}-arrow-${i}`), [uid]);
  const edgeGeometry = useMemo(() => {
    const out = [];
    for (const e of subset.edges) {
      const a = positionOf(e.source);
      const b = positionOf(e.target);
      const summary = summaries.get(e.key);
      if (!a || !b || !summary) continue;
      const dir = summary.direction;
      const flip = dir !== null && dir.from !== e.source;
      const [p1, p2] = flip ? [b, a] : [a, b];
      const to = dir ? dir.to : e.target;
      const label = edgeLabels.get(e.key) ?? '';
      out.push({
        edge: e,
        from: flip ? e.target : e.source,
        to: flip ? e.source : e.target,
        x1: p1.x,
        y1: p1.y,
        x2: p2.x,
        y2: p2.y,
        targetGap: (radii.get(to) ?? 6) * 1.3 + 2,
        summary,
        label,
        markerId: dir ? (markerIds[MARKER_COLOURS.indexOf(summary.colour)] ?? null) : null,
      });
    }
    return out;
  }, [subset.edges, positionOf, summaries, edgeLabels, radii, markerIds]);
  const edgeGeometryByKey = useMemo(
    () =>
      new Map<string, EdgeGeometryInfo>(
        edgeGeometry.map((g) => [g.edge.key, { from: g.from, to: g.to, gap: g.markerId ? g.targetGap : 0 }]),
      ),
    [edgeGeometry],
  );
  const useCanvas = edgeGeometry.length >= CANVAS_EDGES_FROM;
  // The canvas painter: created with the canvas, fed the links, the transform and the highlight.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!useCanvas || !canvas) return;
    const painter = createEdgeCanvas(canvas);
    edgeCanvas.current = painter;
    painter.setTransform(latest.current.zoom.getTransform());
    return () => {
      painter.destroy();
      edgeCanvas.current = null;
    };
  }, [useCanvas]);
  useEffect(() => {
    if (!useCanvas) return;
    const list: CanvasEdge[] = edgeGeometry.map((g) => ({
      key: g.edge.key,
      from: g.from,
      to: g.to,
      colour: g.summary.colour,
      width: g.summary.width,
      dash: g.summary.dash,
      arrow: g.markerId !== null,
      gap: g.targetGap,
    }));
    edgeCanvas.current?.setEdges(list, positionOf);
  }, [useCanvas, edgeGeometry, positionOf]);
  useEffect(() => {
    if (!useCanvas) return;
    let lit: Set<string> | null = null;
    if (highlighted !== null) {
      lit = new Set();
      for (const e of subset.edges) {
        if (edgeIsLit(e, highlighted, eventActive, selectedEdgeKey, selectedActorId)) lit.add(e.key);
      }
    }
    edgeCanvas.current?.setHighlight(lit, selectedEdgeKey);
  }, [useCanvas, subset.edges, highlighted, eventActive, selectedEdgeKey, selectedActorId, edgeGeometry]);

  // Before any passive effect (fit, drags) reads them.
  useLayoutEffect(() => {
    latest.current = { orderedIds, edgeKeys, subset, zoom, positionOf, edgeGeometryByKey, labels };
  });

  // The node and edge layers depend on the layout and the subset only: a selection reuses the same elements, so
  // React skips both layers and useSelectionClasses updates the few DOM nodes whose state changed.
  const edgeElements = useMemo(
    () =>
      edgeGeometry.map((g) => (
        <GraphEdge
          key={g.edge.key}
          edgeKey={g.edge.key}
          source={g.edge.source}
          target={g.edge.target}
          x1={g.x1}
          y1={g.y1}
          x2={g.x2}
          y2={g.y2}
          targetGap={g.targetGap}
          summary={g.summary}
          label={g.label}
          markerId={g.markerId}
          lineless={useCanvas}
          handlers={edgeHandlers}
        />
      )),
    [edgeGeometry, edgeHandlers, useCanvas],
  );
  const nodeElements = useMemo(
    () =>
      orderedActors.map((a) => {
        const p = positionOf(a.id);
        if (!p) return null;
        return (
          <GraphNode
            key={a.id}
            id={a.id}
            x={p.x}
            y={p.y}
            r={radii.get(a.id) ?? 6}
            kind={a.kind}
            name={a.name}
            mentions={index.mentionCounts.get(a.id) ?? 0}
            handlers={nodeHandlers}
          />
        );
      }),
    [orderedActors, positionOf, radii, index, nodeHandlers],
  );

  // The layer elements themselves are memoised too: React skips an element only when it is the very same object,
  // so a fresh <g> around the same children still had React walk all of them (900 at 10k events) on every click.
  const edgeLayer = useMemo(
    () => (
      <g className="edges" role="group" aria-label="Links">
        {edgeElements}
      </g>
    ),
    [edgeElements],
  );
  const nodeLayer = useMemo(
    () => (
      <g className="nodes" role="group" aria-label="Actors">
        {nodeElements}
      </g>
    ),
    [nodeElements],
  );

  useSelectionClasses(layerRef, {
    nodeElements,
    edgeElements,
    edges: subset.edges,
    highlighted,
    selectedActorId,
    selectedEdgeKey,
    eventActive,
    activeNode,
    activeEdge,
    // With the lines on the canvas, the SVG links are invisible hit lines: the canvas shows what is lit.
    edgesLit: !useCanvas,
  });

  const selectedPoint = selectedActorId !== null ? positionOf(selectedActorId) : undefined;
  const selectedGeometry =
    selectedEdgeKey !== null ? edgeGeometry.find((g) => g.edge.key === selectedEdgeKey) : undefined;

  return (
    <div className="graph-wrap">
      {/* A strip above the drawing, not over it: fitting and label placement see only the area left below it. */}
      {(subset.hiddenActors > 0 || subset.hiddenEdges > 0) && (
        <p className="graph-notice" role="note">
          {subset.hiddenActors > 0
            ? `Showing the ${formatCount(MAX_GRAPH_NODES)} best-connected of ${formatCount(subset.actors.length + subset.hiddenActors)} actors`
            : `Showing ${formatCount(subset.edges.length)} of ${formatCount(subset.edges.length + subset.hiddenEdges)} links`}
          ; the table lists all of them.
        </p>
      )}
      <div className="graph-stage">
        {useCanvas && <canvas ref={canvasRef} className="graph-edges-canvas" aria-hidden="true" />}
        <svg
          ref={svgRef}
          className={`graph${highlighted !== null ? ' has-highlight' : ''}`}
          data-testid="graph"
          aria-labelledby={`${uid}-desc`}
        >
          <desc id={`${uid}-desc`}>
            Network of {subset.actors.length} actors and {subset.edges.length} links. Tab to the actors, then use the
            arrow keys; Enter selects, Escape clears, plus and minus zoom.
          </desc>
          <defs>
            {MARKER_COLOURS.map((colour, i) => (
              <marker
                key={colour}
                id={markerIds[i]}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="9"
                markerHeight="9"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0L10,5L0,10Z" fill={colour} />
              </marker>
            ))}
          </defs>
          <g ref={layerRef} className="graph-layer">
            {basePositions && (
              <>
                {selectedGeometry && !useCanvas && (
                  <line
                    className="edge-halo"
                    data-for={selectedEdgeKey ?? undefined}
                    aria-hidden="true"
                    x1={selectedGeometry.x1}
                    y1={selectedGeometry.y1}
                    x2={selectedGeometry.x2}
                    y2={selectedGeometry.y2}
                    strokeWidth={selectedGeometry.summary.width + 6}
                  />
                )}
                {edgeLayer}
                {selectedPoint && (
                  <circle
                    className="node-ring"
                    data-for={selectedActorId ?? undefined}
                    aria-hidden="true"
                    cx={selectedPoint.x}
                    cy={selectedPoint.y}
                    r={(radii.get(selectedActorId ?? '') ?? 6) * 1.45 + 3}
                  />
                )}
                {nodeLayer}
                <g className="labels" aria-hidden="true" fontSize={11 / scale} strokeWidth={3 / scale}>
                  {labels.map(
                    (l) =>
                      l.leader && (
                        <line
                          key={`leader:${l.id}`}
                          data-leader-for={l.id}
                          className="label-leader"
                          x1={l.leader.x1}
                          y1={l.leader.y1}
                          x2={l.leader.x2}
                          y2={l.leader.y2}
                          strokeWidth={1 / scale}
                        />
                      ),
                  )}
                  {labels.map((l) => (
                    <text
                      key={l.id}
                      data-label-for={l.id}
                      className={`label${l.id === selectedActorId ? ' is-selected' : ''}`}
                      x={l.x}
                      y={l.y}
                      textAnchor={l.anchor}
                      dominantBaseline="central"
                    >
                      {l.text}
                    </text>
                  ))}
                </g>
              </>
            )}
          </g>
        </svg>
        {!basePositions && (
          <p className="graph-status" role="status">
            Laying out {formatCount(layoutInput.nodes.length)} actors…
          </p>
        )}
        {basePositions && subset.actors.length === 0 && (
          <p className="graph-status" role="status">
            No actors match the current filters.
          </p>
        )}
      </div>
    </div>
  );
}

const EMPTY_MOVES = new Map<string, Point>();

/** How each selection flag shows on a node or edge element. */
const FLAG_WRITERS: [string, (node: Element, on: boolean) => void][] = [
  ['lit', (node, on) => node.classList.toggle('is-lit', on)],
  [
    'selected',
    (node, on) => {
      node.classList.toggle('is-selected', on);
      node.setAttribute('aria-pressed', on ? 'true' : 'false');
    },
  ],
  ['active', (node, on) => node.setAttribute('tabindex', on ? '0' : '-1')],
];

interface SelectionState {
  nodeElements: unknown;
  edgeElements: unknown;
  edges: Edge[];
  highlighted: Set<string> | null;
  selectedActorId: string | null;
  selectedEdgeKey: string | null;
  eventActive: boolean;
  activeNode: string | null;
  activeEdge: string | null;
  /** Whether links carry `is-lit` (not when the canvas paints them). */
  edgesLit: boolean;
}

/**
 * Applies the selection to the rendered nodes and edges on the DOM: `is-lit` (the rest is dimmed by CSS under
 * .has-highlight), `is-selected`, `aria-pressed` and the roving tabindex. Only elements whose state changes are
 * touched, so selecting costs O(highlighted + edges scan), not a React render of every node and edge.
 */
function useSelectionClasses(layerRef: React.RefObject<SVGGElement | null>, state: SelectionState): void {
  const elements = useRef<{
    nodesFor: unknown;
    edgesFor: unknown;
    nodes: Map<string, Element>;
    edges: Map<string, Element>;
  }>({ nodesFor: null, edgesFor: null, nodes: new Map(), edges: new Map() });
  const touched = useRef(new Map<Element, string>());
  const {
    nodeElements,
    edgeElements,
    edges,
    highlighted,
    selectedActorId,
    selectedEdgeKey,
    eventActive,
    activeNode,
    activeEdge,
    edgesLit,
  } = state;

  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const el = elements.current;
    if (el.nodesFor !== nodeElements) {
      el.nodesFor = nodeElements;
      el.nodes = new Map(
        [...layer.querySelectorAll('[data-actor-id]')].map((n) => [n.getAttribute('data-actor-id') ?? '', n]),
      );
    }
    if (el.edgesFor !== edgeElements) {
      el.edgesFor = edgeElements;
      el.edges = new Map(
        [...layer.querySelectorAll('[data-edge-key]')].map((n) => [n.getAttribute('data-edge-key') ?? '', n]),
      );
    }
    // What each element should carry now: a space-separated state ("lit selected active").
    const wanted = new Map<Element, string>();
    const want = (node: Element | undefined, flag: string): void => {
      if (node) wanted.set(node, `${wanted.get(node) ?? ''} ${flag}`);
    };
    if (highlighted !== null) {
      for (const id of highlighted) want(el.nodes.get(id), 'lit');
      if (edgesLit) {
        for (const e of edges) {
          if (edgeIsLit(e, highlighted, eventActive, selectedEdgeKey, selectedActorId)) {
            want(el.edges.get(e.key), 'lit');
          }
        }
      }
    }
    if (selectedActorId !== null) want(el.nodes.get(selectedActorId), 'selected');
    if (selectedEdgeKey !== null) want(el.edges.get(selectedEdgeKey), 'selected');
    if (activeNode !== null) want(el.nodes.get(activeNode), 'active');
    if (activeEdge !== null) want(el.edges.get(activeEdge), 'active');

    // Touch only what changes (attribute writes on SVG nodes are not free: each invalidates style).
    const apply = (node: Element, before: string, after: string): void => {
      for (const [flag, write] of FLAG_WRITERS) {
        const on = after.includes(flag);
        if (before.includes(flag) !== on) write(node, on);
      }
    };
    for (const [node, flags] of touched.current) if (!wanted.has(node)) apply(node, flags, '');
    for (const [node, flags] of wanted) apply(node, touched.current.get(node) ?? '', flags);
    touched.current = wanted;
  }, [
    layerRef,
    nodeElements,
    edgeElements,
    edges,
    highlighted,
    selectedActorId,
    selectedEdgeKey,
    eventActive,
    activeNode,
    activeEdge,
    edgesLit,
  ]);
}

/** Edge summaries cached per edge object, so a new subset of the same edges keeps the same props. */
const summaryCache = new WeakMap<Edge, EdgeSummary>();
function summaryOf(edge: Edge): EdgeSummary {
  let s = summaryCache.get(edge);
  if (!s) {
    s = summariseEdge(edge.relations);
    summaryCache.set(edge, s);
  }
  return s;
}
