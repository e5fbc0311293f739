// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_FIT_SCALE, createZoomController } from './zoom-controller';

const listeners = (el: Element): { type: string; name: string }[] =>
  ((el as unknown as { __on?: { type: string; name: string }[] }).__on ?? []).filter(Boolean);

describe('createZoomController', () => {
  it('binds d3-zoom listeners and unbinds every ".zoom" listener on destroy', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    svg.appendChild(layer);
    document.body.appendChild(svg);
    const controller = createZoomController(svg, layer);
    expect(listeners(svg).some((l) => l.name === 'zoom')).toBe(true);
    controller.fit({ x0: 0, y0: 0, x1: 100, y1: 50 });
    expect(layer.getAttribute('transform')).toMatch(/translate\(.*\) scale\(/);
    expect(controller.getTransform().k).toBeGreaterThan(0);
    controller.destroy();
    expect(listeners(svg).filter((l) => l.name === 'zoom')).toHaveLength(0);
    svg.remove();
  });

  it('caps the fit scale for tiny graphs and pans to show a box that is out of view', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    svg.appendChild(layer);
    document.body.appendChild(svg);
    svg.getBoundingClientRect = () => ({ width: 800, height: 600 }) as DOMRect;
    const controller = createZoomController(svg, layer);
    controller.fit({ x0: 0, y0: 0, x1: 10, y1: 10 });
    expect(controller.getTransform().k).toBe(MAX_FIT_SCALE);
    const before = controller.getTransform();
    controller.ensureVisible({ x0: 0, y0: 0, x1: 10, y1: 10 });
    expect(controller.getTransform()).toEqual(before);
    controller.ensureVisible({ x0: 1000, y0: 1000, x1: 1010, y1: 1010 });
    const t = controller.getTransform();
    expect(t.k).toBe(MAX_FIT_SCALE);
    expect(1005 * t.k + t.x).toBeCloseTo(400);
    controller.destroy();
    svg.remove();
  });
});
