// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createZoomController } from './zoom-controller';

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
});
