/**
 * Framework-free <canvas> painter for the visible lines of a large graph's links (performance.md: canvas beyond a
 * few thousand elements). The links stay in the SVG as transparent, focusable hit lines (role=button, names,
 * aria-pressed); only their pixels move here, so a drag or a selection repaints one bitmap instead of restyling and
 * rasterising hundreds of SVG lines. Draws in graph units under the zoom transform, at most once per frame.
 */
import type { Point } from './layout';

export interface CanvasEdge {
  key: string;
  from: string;
  to: string;
  colour: string;
  width: number;
  /** SVG-style dash list ('' = solid). */
  dash: string;
  arrow: boolean;
  /** Space left at the `to` end for the arrow head. */
  gap: number;
}

export interface EdgeCanvas {
  setEdges: (edges: readonly CanvasEdge[], positionOf: (id: string) => Point | undefined) => void;
  setTransform: (t: { x: number; y: number; k: number }) => void;
  /** Lit link keys (the others are dimmed), or null when nothing is highlighted; the selected link gets a halo. */
  setHighlight: (lit: ReadonlySet<string> | null, selectedKey: string | null) => void;
  /** Moves one node while it is dragged (cleared by the next setEdges). */
  moveNode: (id: string, p: Point) => void;
  destroy: () => void;
}

const HALO = '#ffd166';

export function createEdgeCanvas(canvas: HTMLCanvasElement): EdgeCanvas {
  let edges: readonly CanvasEdge[] = [];
  let positionOf: (id: string) => Point | undefined = () => undefined;
  const moved = new Map<string, Point>();
  let transform = { x: 0, y: 0, k: 1 };
  let lit: ReadonlySet<string> | null = null;
  let selectedKey: string | null = null;
  let frame: number | null = null;
  const dashes = new Map<string, number[]>();

  const dashOf = (d: string): number[] => {
    let list = dashes.get(d);
    if (!list) {
      list =
        d.trim() === ''
          ? []
          : d
              .trim()
              .split(/[\s,]+/)
              .map(Number);
      dashes.set(d, list);
    }
    return list;
  };
  const pos = (id: string): Point | undefined => moved.get(id) ?? positionOf(id);
  let observer: ResizeObserver | null = null;

  const draw = (): void => {
    frame = null;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const { x, y, k } = transform;
    ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
    ctx.lineCap = 'round';
    const line = (e: CanvasEdge, alpha: number, withArrow: boolean, halo: boolean): void => {
      const a = pos(e.from);
      const b = pos(e.to);
      if (!a || !b) return;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const gap = e.arrow && len > e.gap + 1 ? e.gap : 0;
      const ux = len > 0 ? (b.x - a.x) / len : 0;
      const uy = len > 0 ? (b.y - a.y) / len : 0;
      const ex = b.x - ux * gap;
      const ey = b.y - uy * gap;
      ctx.globalAlpha = alpha;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      if (halo) {
        ctx.lineTo(b.x, b.y);
        ctx.strokeStyle = HALO;
        ctx.lineWidth = e.width + 6;
        ctx.setLineDash([]);
        ctx.globalAlpha = 0.9;
        ctx.stroke();
        return;
      }
      ctx.lineTo(ex, ey);
      ctx.strokeStyle = e.colour;
      ctx.lineWidth = e.width;
      ctx.setLineDash(dashOf(e.dash));
      ctx.stroke();
      if (withArrow && e.arrow && len > 0) {
        // The SVG marker: 9 units long, tip 0.9 units past the line's end.
        const tx = ex + ux * 0.9;
        const ty = ey + uy * 0.9;
        ctx.beginPath();
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - ux * 9 - uy * 4.5, ty - uy * 9 + ux * 4.5);
        ctx.lineTo(tx - ux * 9 + uy * 4.5, ty - uy * 9 - ux * 4.5);
        ctx.closePath();
        ctx.fillStyle = e.colour;
        ctx.fill();
      }
    };
    if (lit === null) {
      for (const e of edges) line(e, 1, true, false);
    } else {
      for (const e of edges) if (!lit.has(e.key)) line(e, 0.1, false, false);
      for (const e of edges) if (e.key === selectedKey) line(e, 1, false, true);
      for (const e of edges) if (lit.has(e.key)) line(e, 1, true, false);
    }
    if (lit === null && selectedKey !== null) {
      for (const e of edges) if (e.key === selectedKey) line(e, 1, false, true);
      for (const e of edges) if (e.key === selectedKey) line(e, 1, true, false);
    }
    ctx.globalAlpha = 1;
  };

  const schedule = (): void => {
    if (frame !== null) return;
    if (typeof requestAnimationFrame === 'undefined') draw();
    else frame = requestAnimationFrame(draw);
  };

  if (typeof ResizeObserver !== 'undefined') {
    observer = new ResizeObserver(() => schedule());
    observer.observe(canvas);
  }

  return {
    setEdges(next, accessor) {
      edges = next;
      positionOf = accessor;
      moved.clear();
      schedule();
    },
    setTransform(t) {
      transform = t;
      schedule();
    },
    setHighlight(nextLit, nextSelected) {
      lit = nextLit;
      selectedKey = nextSelected;
      schedule();
    },
    moveNode(id, p) {
      moved.set(id, p);
      schedule();
    },
    destroy() {
      if (frame !== null && typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(frame);
      frame = null;
      edges = [];
      observer?.disconnect();
      observer = null;
    },
  };
}
