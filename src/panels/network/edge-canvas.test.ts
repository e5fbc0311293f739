import { describe, expect, it } from 'vitest';
import { createEdgeCanvas, type CanvasEdge } from './edge-canvas';

/** A canvas whose 2D context records the strokes (colour and alpha) it is asked to draw. */
function fakeCanvas() {
  const strokes: { colour: string; alpha: number; to: [number, number] }[] = [];
  let to: [number, number] = [0, 0];
  const ctx = {
    globalAlpha: 1,
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    setTransform: () => undefined,
    clearRect: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: (x: number, y: number) => {
      to = [x, y];
    },
    closePath: () => undefined,
    setLineDash: () => undefined,
    stroke: () => strokes.push({ colour: String(ctx.strokeStyle), alpha: ctx.globalAlpha, to }),
    fill: () => undefined,
  };
  const canvas = { clientWidth: 100, clientHeight: 100, width: 0, height: 0, getContext: () => ctx };
  return { canvas: canvas as unknown as HTMLCanvasElement, strokes };
}

const edges: CanvasEdge[] = [
  { key: 'a|b', from: 'a', to: 'b', colour: '#111111', width: 1, dash: '', arrow: false, gap: 0 },
  { key: 'b|c', from: 'b', to: 'c', colour: '#222222', width: 2, dash: '8 4', arrow: true, gap: 5 },
];
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 50, y: 0 }],
  ['c', { x: 50, y: 50 }],
]);

/** Waits for the painter's frame (it paints at once where there is no requestAnimationFrame). */
const flush = (): Promise<void> =>
  typeof requestAnimationFrame === 'undefined'
    ? Promise.resolve()
    : new Promise((resolve) => requestAnimationFrame(() => resolve()));

describe('createEdgeCanvas', () => {
  it('paints every link, dims the unlit ones under a highlight, and follows a dragged node', async () => {
    const { canvas, strokes } = fakeCanvas();
    const painter = createEdgeCanvas(canvas);
    painter.setEdges(edges, (id) => positions.get(id));
    await flush();
    expect(strokes.map((s) => [s.colour, s.alpha])).toEqual([
      ['#111111', 1],
      ['#222222', 1],
    ]);
    // The arrowed link stops short of its target.
    expect(strokes[1]?.to).toEqual([50, 45]);

    strokes.length = 0;
    painter.setHighlight(new Set(['b|c']), null);
    await flush();
    expect(strokes.map((s) => [s.colour, s.alpha])).toEqual([
      ['#111111', 0.1],
      ['#222222', 1],
    ]);

    painter.setHighlight(null, null);
    await flush();
    strokes.length = 0;
    painter.moveNode('b', { x: 0, y: 80 });
    await flush();
    expect(strokes[0]?.to).toEqual([0, 80]);
    painter.destroy();
  });
});
