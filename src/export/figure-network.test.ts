// @vitest-environment jsdom
/** The network figure: the panel's nodes and links for a state, encodings, highlight and dimming, safety. */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/schema';
import { layoutGraph } from '../panels/network/layout';
import { layoutOptionsFor } from '../panels/network/layout';
import { createAppStore } from '../store/create-app-store';
import { selectGraphSubset, selectLayoutInput } from '../store/selectors-network';
import type { ViewState } from '../store/types';
import { EMPTY_FILTERS } from '../store/initial-state';
import { smallDataset } from '../test/fixtures/small-dataset';
import { computeFigureLayout, renderNetworkFigure } from './figure-network';
import { serializeSvg } from './svg-serialize';

/** Attribute names in a serialised SVG, tag by tag (XMLSerializer escapes '<', '>' and '"' inside values). */
function attributeNames(text: string): string[] {
  return text
    .split('<')
    .slice(1)
    .flatMap((chunk) =>
      [...chunk.slice(0, chunk.indexOf('>')).matchAll(/\s([^\s="]+)="[^"]*"/g)].map((m) => m[1] ?? ''),
    );
}

function render(view: Partial<ViewState> = {}, dataset: Dataset = smallDataset) {
  const state = createAppStore(dataset, view).getState();
  return { state, svg: renderNetworkFigure(state, document, { title: 'Network' }) };
}

const nodes = (svg: SVGSVGElement): Element[] => [...svg.querySelectorAll('g.node')];
const edges = (svg: SVGSVGElement): Element[] => [...svg.querySelectorAll('g.edge')];
const texts = (svg: SVGSVGElement): string => [...svg.querySelectorAll('text')].map((t) => t.textContent).join('\n');

describe('renderNetworkFigure', () => {
  it('draws one node per shown actor and one line per shown link', () => {
    const { state, svg } = render();
    const subset = selectGraphSubset(state);
    expect(
      nodes(svg)
        .map((n) => n.getAttribute('data-actor-id'))
        .sort(),
    ).toEqual(subset.actors.map((a) => a.id).sort());
    expect(edges(svg)).toHaveLength(subset.edges.length);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Network');
    expect(texts(svg)).toContain(`${subset.actors.length} actors, ${subset.edges.length} links`);
  });

  it('follows the filters', () => {
    const { state, svg } = render({ filters: { ...EMPTY_FILTERS, relationTypes: ['aid'] } });
    expect(edges(svg)).toHaveLength(selectGraphSubset(state).edges.length);
    expect(edges(svg).length).toBeLessThan(render().state.dataset.relations.length);
    expect(texts(svg)).toContain('Relation types: aid');
  });

  it('encodes kind by shape and colour, type by colour, polarity by dash, direction by arrows', () => {
    const { svg } = render();
    const node = svg.querySelector('g.node[data-actor-id="a-northland"] path');
    expect(node?.getAttribute('fill')).toBe('#8fc1f5');
    // Berg → Red Harbour Coalition (affiliation): one relation, one direction, so an arrow.
    const directed = edges(svg).filter((e) => e.getAttribute('data-directed') === 'true');
    expect(directed.length).toBeGreaterThan(0);
    for (const e of directed) {
      const marker = e.querySelector('line.edge-line')?.getAttribute('marker-end') ?? '';
      const id = /^url\(#(.+)\)$/.exec(marker)?.[1];
      expect(id).toBeDefined();
      expect(svg.querySelector(`marker[id="${id}"]`)).not.toBeNull();
    }
    // Northland–Southland: consult, attack, cooperate in both directions? The links without one direction have no arrow.
    const undirected = edges(svg).filter((e) => e.getAttribute('data-directed') === 'false');
    for (const e of undirected) expect(e.querySelector('line.edge-line')?.hasAttribute('marker-end')).toBe(false);
    // Criticize is a conflict: dashed.
    const criticize = edges(svg).find(
      (e) => e.getAttribute('data-source') === 'a-rhc' && e.getAttribute('data-target') === 'a-northland',
    );
    expect(criticize?.querySelector('line.edge-line')?.getAttribute('stroke-dasharray')).toBe('8 4');
    const legend = [...svg.querySelectorAll('.figure-legend text')].map((t) => t.textContent).join('\n');
    for (const word of [
      'person (circle)',
      'country (square)',
      'criticize',
      'conflict (dashed)',
      'arrow: all relations run one way',
      'negated (grey, dotted)',
    ]) {
      expect(legend).toContain(word);
    }
  });

  it('highlights the selected actor and its neighbours and dims the rest', () => {
    const { svg } = render({ selectedActorId: 'a-berg' });
    const lit = nodes(svg).filter((n) => !n.getAttribute('class')?.includes('is-dimmed'));
    expect(lit.map((n) => n.getAttribute('data-actor-id')).sort()).toEqual(['a-berg', 'a-haddad', 'a-rhc']);
    const dimmed = nodes(svg).filter((n) => n.getAttribute('class')?.includes('is-dimmed'));
    expect(dimmed.length).toBe(nodes(svg).length - 3);
    for (const n of dimmed) expect(n.querySelector('path')?.getAttribute('fill-opacity')).toBe('0.16');
    expect(svg.querySelector('circle.node-ring')).not.toBeNull();
    const dimmedEdges = edges(svg).filter((e) => e.getAttribute('class')?.includes('is-dimmed'));
    expect(dimmedEdges.length).toBeGreaterThan(0);
    for (const e of dimmedEdges) {
      const line = e.querySelector('line.edge-line');
      expect(line?.getAttribute('stroke-opacity')).toBe('0.1');
      expect(line?.hasAttribute('marker-end')).toBe(false);
    }
    expect(texts(svg)).toContain('Selected: Anna Berg and 2 neighbours highlighted');
    expect(svg.querySelector('text[data-label-for="a-berg"]')?.getAttribute('font-weight')).toBe('700');
    const legend = [...svg.querySelectorAll('.figure-legend text')].map((t) => t.textContent).join('\n');
    expect(legend).toContain('selected actor (dark ring)');
    expect(legend).toContain('faded: not part of the selection');
  });

  it('places labels without overlapping each other', () => {
    const { svg } = render();
    const labels = [...svg.querySelectorAll('text.label')];
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels.map((l) => l.getAttribute('data-label-for'))).size).toBe(labels.length);
  });

  it('ties a label placed away from its node to it with a leader line, as the app does', () => {
    const state = createAppStore(smallDataset).getState();
    // Every actor packed in a tight ring around the first one: some labels cannot sit next to their node.
    const [first, ...rest] = smallDataset.actors;
    const positions = new Map([
      [first!.id, { x: 0, y: 0 }],
      ...rest.map((a, i) => [a.id, { x: Math.cos(i) * 14, y: Math.sin(i) * 14 }] as const),
    ]);
    const svg = renderNetworkFigure(state, document, { title: 'Packed', positions });
    const leaders = [...svg.querySelectorAll('line.label-leader')];
    expect(leaders.length).toBeGreaterThan(0);
    const labelled = new Set([...svg.querySelectorAll('text.label')].map((t) => t.getAttribute('data-label-for')));
    for (const line of leaders) expect(labelled.has(line.getAttribute('data-leader-for'))).toBe(true);
  });

  it('uses the given positions, else the panel layout', () => {
    const state = createAppStore(smallDataset).getState();
    const input = selectLayoutInput(state);
    const linked = new Set(input.links.flatMap((l) => [l.source, l.target]));
    const connected = input.nodes.filter((n) => linked.has(n.id)).length;
    expect([...computeFigureLayout(input)]).toEqual([
      ...layoutGraph(input.nodes, input.links, layoutOptionsFor(connected), input.rest),
    ]);
    // Given positions: a row of nodes, drawn left to right in that order.
    const positions = new Map(smallDataset.actors.map((a, i) => [a.id, { x: i * 100, y: 0 }]));
    const svg = renderNetworkFigure(state, document, { title: 'Row', positions });
    const xs = smallDataset.actors.map((a) => {
      const t = svg.querySelector(`g.node[data-actor-id="${a.id}"]`)?.getAttribute('transform') ?? '';
      return Number(/translate\(([-\d.]+),/.exec(t)?.[1]);
    });
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('keeps hostile names as text', () => {
    const hostile: Dataset = structuredClone(smallDataset);
    const [berg, haddad] = hostile.actors;
    if (!berg || !haddad) throw new Error('fixture');
    berg.name = '<script>alert(1)</script>';
    haddad.name = '" onload="x';
    const state = createAppStore(hostile, { selectedActorId: berg.id }).getState();
    const svg = renderNetworkFigure(state, document, { title: 'x" onclick="y' });
    const text = serializeSvg(svg);
    expect(text).not.toMatch(/<script/i);
    expect(attributeNames(text).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(attributeNames(text)).toContain('aria-label');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelector('g.node[data-actor-id="a-haddad"] title')?.textContent).toContain('" onload="x');
  });

  it('is deterministic', () => {
    const view: Partial<ViewState> = { selectedEdge: { source: 'a-northland', target: 'a-southland' } };
    expect(serializeSvg(render(view).svg)).toBe(serializeSvg(render(view).svg));
    expect(render(view).svg.querySelector('.edge-halo')).not.toBeNull();
  });

  it('shows an empty state', () => {
    const { svg } = render({ filters: { ...EMPTY_FILTERS, search: 'zzzz-nothing' } });
    expect(nodes(svg)).toHaveLength(0);
    expect(texts(svg)).toContain('No actors match the current filters.');
  });
});
