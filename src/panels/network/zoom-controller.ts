/**
 * Framework-free pan and zoom for the network <svg>: d3-zoom writes the transform onto one <g>, never into React
 * or the store. Pointer-downs on nodes are left to the node drag (the `ignore` selector). destroy() unbinds '.zoom'.
 */
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface ZoomBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ZoomOptions {
  /** Called after a zoom or pan gesture ends (and after programmatic zooms) with the new transform. */
  onZoomEnd?: (t: { x: number; y: number; k: number }) => void;
  /** Called on every transform change (pan, zoom, fit), with the new transform. */
  onZoom?: (t: { x: number; y: number; k: number }) => void;
  /** Pointer-downs on elements matching this selector do not start a pan. */
  ignore?: string;
  /** Animate programmatic zooms (false under prefers-reduced-motion). */
  animate?: boolean;
}

export interface ZoomController {
  update: (options: ZoomOptions) => void;
  /** Multiplies the scale around the centre of the view. */
  zoomBy: (factor: number) => void;
  /** Fits the box (graph units) into the view with some padding (never zooming in beyond MAX_FIT_SCALE). */
  fit: (bounds: ZoomBounds) => void;
  /** Pans (and zooms out if needed) so the box is in view; does nothing when it already is. */
  ensureVisible: (bounds: ZoomBounds) => void;
  getTransform: () => { x: number; y: number; k: number };
  destroy: () => void;
}

const SCALE_EXTENT: [number, number] = [0.05, 8];
/** Fitting a tiny graph never zooms in further than this (nodes would become huge). */
export const MAX_FIT_SCALE = 2;
const PAD = 24;

export function createZoomController(
  svg: SVGSVGElement,
  layer: SVGGElement,
  initial: ZoomOptions = {},
): ZoomController {
  let options: ZoomOptions = { ...initial };
  let transform: ZoomTransform = zoomIdentity;
  const svgSel = select<SVGSVGElement, unknown>(svg);

  const apply = (t: ZoomTransform): void => {
    transform = t;
    layer.setAttribute('transform', t.toString());
    options.onZoom?.({ x: t.x, y: t.y, k: t.k });
  };

  const size = (): { width: number; height: number } => {
    const rect = svg.getBoundingClientRect();
    return { width: rect.width || svg.clientWidth || 1, height: rect.height || svg.clientHeight || 1 };
  };

  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent(SCALE_EXTENT)
    .extent(() => {
      const { width, height } = size();
      return [
        [0, 0],
        [width, height],
      ];
    })
    .filter((event: Event & { button?: number; ctrlKey?: boolean }) => {
      if (event.type === 'wheel') return true;
      if ((event.ctrlKey ?? false) || (event.button ?? 0) !== 0) return false;
      const target = event.target as Element | null;
      return !(options.ignore && target?.closest?.(options.ignore));
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => apply(event.transform))
    .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      const { x, y, k } = event.transform;
      options.onZoomEnd?.({ x, y, k });
    });

  svgSel.call(behaviour).on('dblclick.zoom', null);

  const run = (fn: (target: typeof svgSel) => void): void => {
    if (options.animate) fn(svgSel.transition().duration(200) as unknown as typeof svgSel);
    else fn(svgSel);
  };

  const fit = (bounds: ZoomBounds): void => {
    const { width, height } = size();
    const w = Math.max(bounds.x1 - bounds.x0, 1);
    const h = Math.max(bounds.y1 - bounds.y0, 1);
    const k = Math.min(
      Math.max(Math.min((width - 2 * PAD) / w, (height - 2 * PAD) / h), SCALE_EXTENT[0]),
      MAX_FIT_SCALE,
    );
    run((target) => behaviour.transform(target, centred(bounds, k, width, height)));
  };

  return {
    update(next) {
      options = { ...options, ...next };
    },
    zoomBy(factor) {
      run((target) => behaviour.scaleBy(target, factor));
    },
    fit,
    ensureVisible(bounds) {
      const { width, height } = size();
      const { x, y, k } = transform;
      const inside =
        bounds.x0 * k + x >= PAD &&
        bounds.y0 * k + y >= PAD &&
        bounds.x1 * k + x <= width - PAD &&
        bounds.y1 * k + y <= height - PAD;
      if (inside) return;
      const fits = (bounds.x1 - bounds.x0) * k <= width - 2 * PAD && (bounds.y1 - bounds.y0) * k <= height - 2 * PAD;
      if (!fits) {
        fit(bounds);
        return;
      }
      run((target) => behaviour.transform(target, centred(bounds, k, width, height)));
    },
    getTransform() {
      return { x: transform.x, y: transform.y, k: transform.k };
    },
    destroy() {
      svgSel.interrupt();
      svgSel.on('.zoom', null);
    },
  };
}

/** The transform that shows the centre of `bounds` in the middle of a width × height view at scale k. */
function centred(bounds: ZoomBounds, k: number, width: number, height: number): ZoomTransform {
  return zoomIdentity
    .translate(width / 2, height / 2)
    .scale(k)
    .translate(-(bounds.x0 + bounds.x1) / 2, -(bounds.y0 + bounds.y1) / 2);
}
