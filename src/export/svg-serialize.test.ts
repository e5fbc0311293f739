// @vitest-environment jsdom
/** serializeSvg: prolog, size, well-formed XML; scripts, handlers, foreignObject and hrefs removed; defs kept. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/create-app-store';
import { smallDataset } from '../test/fixtures/small-dataset';
import { SVG_NS } from './figure-common';
import { renderNetworkFigure } from './figure-network';
import { renderTimelineFigure } from './figure-timeline';
import { figureSize, serializeSvg } from './svg-serialize';

function el(name: string, attrs: Record<string, string> = {}, parent?: Element): Element {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent?.appendChild(node);
  return node;
}

const parse = (text: string): Document => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('serializeSvg', () => {
  it('writes an XML prolog and a sized, well-formed svg', () => {
    const svg = el('svg', { width: '300', height: '200' }) as SVGSVGElement;
    el('rect', { x: '0', y: '0', width: '10', height: '10', fill: '#fff' }, svg);
    const text = serializeSvg(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<svg')).toBe(true);
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('300');
    expect(root.getAttribute('height')).toBe('200');
    expect(root.getAttribute('viewBox')).toBe('0 0 300 200');
    expect(figureSize(svg)).toEqual({ width: 300, height: 200 });
  });

  it('removes scripts, handlers, foreignObject, links, styles and external hrefs, and leaves the input alone', () => {
    const svg = el('svg', { width: '100', height: '100', onload: 'alert(1)' }) as SVGSVGElement;
    el('script', {}, svg).textContent = 'alert(1)';
    const fo = el('foreignObject', { width: '10', height: '10' }, svg);
    fo.appendChild(document.createElement('div')).textContent = 'html';
    el('image', { href: 'https://example.com/x.png', width: '5', height: '5' }, svg);
    el('use', { href: 'https://example.com/a.svg#x' }, svg);
    const a = el('a', { href: 'javascript:alert(1)' }, svg);
    el('rect', { width: '1', height: '1' }, a);
    el('style', {}, svg).textContent = '@import url(https://example.com/x.css);';
    el('circle', { r: '3', onclick: 'alert(2)', onmouseover: 'x()', fill: 'url(https://example.com/p#q)' }, svg);
    el('animate', { attributeName: 'href', to: 'javascript:alert(1)' }, svg);
    const before = svg.querySelectorAll('*').length;
    const text = serializeSvg(svg);
    expect(svg.querySelectorAll('*').length).toBe(before);
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    for (const name of ['script', 'foreignObject', 'image', 'a', 'style', 'animate']) {
      expect(doc.getElementsByTagName(name)).toHaveLength(0);
    }
    for (const node of [doc.documentElement, ...doc.querySelectorAll('*')]) {
      for (const attr of node.attributes) {
        expect(attr.name.toLowerCase().startsWith('on')).toBe(false);
        expect(attr.name.toLowerCase()).not.toMatch(/href$/);
      }
    }
    expect(text).not.toMatch(/javascript:|example\.com\/(x|a)\.|<script/i);
  });

  it('keeps the figure: defs, patterns, gradients, markers, titles, role and aria-label', () => {
    const state = createAppStore(smallDataset, { selectedActorId: 'a-wra' }).getState();
    const timeline = parse(serializeSvg(renderTimelineFigure(state, document, { title: 'T' })));
    expect(timeline.querySelector('parsererror')).toBeNull();
    expect(timeline.querySelector('defs > pattern#tl-hatch')).not.toBeNull();
    expect(timeline.querySelector('linearGradient#tl-fade-left stop')).not.toBeNull();
    expect(timeline.documentElement.getAttribute('role')).toBe('img');
    expect(timeline.documentElement.getAttribute('aria-label')).toBe('T');
    expect(timeline.querySelector('svg > title')?.textContent).toBe('T');
    expect(timeline.querySelector('g.tl-event title')).not.toBeNull();
    expect(timeline.querySelector('g.tl-event rect.tl-span')?.getAttribute('fill')).toMatch(/^url\(#tl-/);

    const network = parse(serializeSvg(renderNetworkFigure(state, document, { title: 'N' })));
    expect(network.querySelector('marker#nw-arrow-0 path')).not.toBeNull();
    expect(network.querySelector('marker')?.getAttribute('viewBox')).toBe('0 0 10 10');
    expect(network.querySelector('line[marker-end]')).not.toBeNull();
    expect(network.querySelector('g.labels')?.getAttribute('paint-order')).toBe('stroke');
  });

  it('drops characters XML cannot hold from data', () => {
    const dataset = structuredClone(smallDataset);
    const first = dataset.events[0];
    if (!first) throw new Error('fixture');
    first.title = 'Bad\u0001char\uFFFF and lone \uD800 surrogate 😀';
    const svg = renderTimelineFigure(createAppStore(dataset).getState(), document, { title: 'T\u0000' });
    const text = serializeSvg(svg);
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(text).toContain('Badchar and lone  surrogate 😀');
  });
});
