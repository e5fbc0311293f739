/**
 * The only bridge between React and zoom-controller.ts. Effect A creates/destroys the controller (empty deps,
 * StrictMode-safe); effect B pushes options with a full dependency list. Controls read the ref at call time.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { createZoomController, type ZoomBounds, type ZoomController } from './zoom-controller';

export interface GraphZoom {
  zoomIn: () => void;
  zoomOut: () => void;
  fit: (bounds: ZoomBounds | null) => void;
  ensureVisible: (bounds: ZoomBounds | null) => void;
  /** Current transform (identity before the controller exists). */
  getTransform: () => { x: number; y: number; k: number };
}

export function useGraphZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layerRef: RefObject<SVGGElement | null>,
  {
    onZoomEnd,
    onZoom,
    reducedMotion,
  }: {
    onZoomEnd: (t: { x: number; y: number; k: number }) => void;
    onZoom?: (t: { x: number; y: number; k: number }) => void;
    reducedMotion: boolean;
  },
): GraphZoom {
  const controllerRef = useRef<ZoomController | null>(null);

  // Effect A: create once per mount, destroy on unmount.
  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer) return;
    const controller = createZoomController(svg, layer, { ignore: '[data-actor-id]' });
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      controllerRef.current = null;
    };
  }, [svgRef, layerRef]);

  // Effect B: options from props.
  useEffect(() => {
    controllerRef.current?.update({ onZoomEnd, onZoom, animate: !reducedMotion });
  }, [onZoomEnd, onZoom, reducedMotion]);

  const zoomIn = useCallback(() => controllerRef.current?.zoomBy(1.4), []);
  const zoomOut = useCallback(() => controllerRef.current?.zoomBy(1 / 1.4), []);
  const fit = useCallback((bounds: ZoomBounds | null) => {
    if (bounds) controllerRef.current?.fit(bounds);
  }, []);
  const ensureVisible = useCallback((bounds: ZoomBounds | null) => {
    if (bounds) controllerRef.current?.ensureVisible(bounds);
  }, []);
  const getTransform = useCallback(() => controllerRef.current?.getTransform() ?? { x: 0, y: 0, k: 1 }, []);
  return { zoomIn, zoomOut, fit, ensureVisible, getTransform };
}
