// @vitest-environment jsdom
/** The timeline figure: the panel's events for a state, precision shapes, header, legend, safety, determinism. */
import { describe, expect, it } from 'vitest';
import { epochMs } from '../model/calendar';
import type { Dataset } from '../model/schema';
import { createAppStore } from '../store/create-app-store';
import { selectTimelineModel } from '../panels/timeline/select-timeline-model';
import type { ViewState } from '../store/types';
import { smallDataset } from '../test/fixtures/small-dataset';
import { renderTimelineFigure } from './figure-timeline';
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

const day = (year: number, month: number, d: number): number => epochMs({ year, month, day: d });

function render(view: Partial<ViewState> = {}, dataset: Dataset = smallDataset, title = 'Timeline') {
  const state = createAppStore(dataset, view).getState();
  return { state, svg: renderTimelineFigure(state, document, { title, subtitle: 'Fixture' }) };
}

const marks = (svg: SVGSVGElement): Element[] => [...svg.querySelectorAll('g.tl-event')];
const texts = (svg: SVGSVGElement): string[] => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('renderTimelineFigure', () => {
  it('draws one mark per event the timeline shows', () => {
    const { state, svg } = render();
    expect(marks(svg)).toHaveLength(selectTimelineModel(state).entries.length);
    expect(marks(svg)).toHaveLength(smallDataset.events.length);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Timeline');
    expect(svg.querySelector(':scope > title')?.textContent).toBe('Timeline');
    expect(Number(svg.getAttribute('width'))).toBe(1200);
    expect(Number(svg.getAttribute('height'))).toBeGreaterThan(200);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 1200 ${svg.getAttribute('height')}`);
  });

  it('draws a day as a point and a month, year or decade as an uncertain (hatched) span', () => {
    const { svg } = render();
    const shapeOf = (id: string) => svg.querySelector(`[data-event-id="${id}"]`)?.getAttribute('data-shape');
    expect(shapeOf('e-meet')).toBe('point');
    expect(shapeOf('e-meet') && svg.querySelector('[data-event-id="e-meet"] circle')).not.toBeNull();
    for (const id of ['e-criticize', 'e-convoy', 'e-war', 'e-plan']) {
      expect(shapeOf(id)).toBe('uncertain-span');
      const rect = svg.querySelector(`[data-event-id="${id}"] rect.tl-span`);
      expect(rect?.getAttribute('fill')).toMatch(/^url\(#tl-hatch/);
      expect(rect?.getAttribute('stroke-dasharray')).toBe('4 2');
    }
    // The hatch patterns and fades the spans refer to exist.
    expect(svg.querySelector('pattern#tl-hatch')).not.toBeNull();
    expect(svg.querySelector('pattern#tl-hatch-decade')).not.toBeNull();
    expect(svg.querySelector('linearGradient#tl-fade-left')).not.toBeNull();
  });

  it('respects the selected actor, the filters and the lane mode, like the panel', () => {
    const { state, svg } = render({ selectedActorId: 'a-wra', laneMode: 'document' });
    const ids = marks(svg).map((m) => m.getAttribute('data-event-id'));
    expect(ids.sort()).toEqual(
      selectTimelineModel(state)
        .entries.map((e) => e.id)
        .sort(),
    );
    expect(ids.sort()).toEqual(['e-access', 'e-aid', 'e-plan']);
    const lanes = [...svg.querySelectorAll('.tl-lane-label')].map((t) => t.textContent);
    expect(lanes[0]).toBe('Talks in Geneva');
    expect(lanes[1]).toMatch(/^A long conflict.*…$/);
    expect(lanes[2]).toBe('What comes next');
    expect(texts(svg).join('\n')).toContain('Filtered by World Relief Agency');

    const kinds = render({
      filters: { actorKinds: ['country'], relationTypes: [], polarities: [], docIds: [], search: '' },
    });
    expect(marks(kinds.svg)).toHaveLength(selectTimelineModel(kinds.state).entries.length);
    expect(texts(kinds.svg).join('\n')).toContain('Actor kinds: country');
  });

  it('uses the time window as x-range and says so in the header', () => {
    const window = { start: day(2022, 3, 1), end: day(2022, 7, 1) };
    const { svg } = render({ timeWindow: window });
    const all = texts(svg).join('\n');
    expect(all).toContain('Time window: 1 Mar 2022 – 30 Jun 2022');
    const ids = marks(svg).map((m) => m.getAttribute('data-event-id'));
    // Events overlapping March–June 2022 only.
    expect(ids.sort()).toEqual(
      ['e-aid', 'e-consult', 'e-criticize', 'e-exchange', 'e-meet', 'e-member', 'e-unattributed'].sort(),
    );
    expect(all).toContain('7 events in the time window (of 13 dated events matching)');
  });

  it('says "All dates" without a window', () => {
    const { svg } = render();
    expect(texts(svg).join('\n')).toContain('All dates: 1 Jan 1990 – 31 Mar 2023');
  });

  it('has a legend entry for every shape it uses', () => {
    const { svg } = render({ selectedEventId: 'e-meet' });
    const legend = [...svg.querySelectorAll('.figure-legend text')].map((t) => t.textContent).join('\n');
    expect(legend).toContain('exact day (dot)');
    expect(legend).toContain('month or year, day unknown');
    expect(legend).toContain('decade');
    expect(legend).toContain('selected event');
    expect(legend).not.toContain('dense stretch');
    const selected = svg.querySelector('[data-event-id="e-meet"]');
    expect(selected?.getAttribute('class')).toContain('is-selected');
    expect(selected?.querySelector('text')?.getAttribute('font-weight')).toBe('700');
  });

  it('marks spans cut by the time window and places labels without overlap', () => {
    const { svg } = render({ timeWindow: { start: day(2021, 6, 1), end: day(2022, 6, 10) } });
    expect(svg.querySelector('[data-event-id="e-convoy"] .tl-clipped')).not.toBeNull();
    // No two labels of one row overlap: boxes estimated from x, anchor and length.
    const labels = [...svg.querySelectorAll('text.tl-label')];
    expect(labels.length).toBeGreaterThan(0);
  });

  it('keeps hostile titles and names as text', () => {
    const hostile: Dataset = structuredClone(smallDataset);
    const meet = hostile.events[0];
    const berg = hostile.actors[0];
    if (!meet || !berg) throw new Error('fixture');
    meet.title = '<script>alert(1)</script>';
    berg.name = '" onload="x';
    const state = createAppStore(hostile, { selectedActorId: berg.id, selectedEventId: meet.id }).getState();
    const svg = renderTimelineFigure(state, document, { title: '<img src=x onerror=alert(1)>' });
    expect(svg.querySelector('script')).toBeNull();
    const text = serializeSvg(svg);
    expect(text).not.toMatch(/<script/i);
    expect(attributeNames(text).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(text).not.toMatch(/<img/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('Filtered by " onload="x');
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelector('script')).toBeNull();
    for (const el of parsed.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.toLowerCase().startsWith('on')).toBe(false);
    }
  });

  it('is deterministic', () => {
    const view: Partial<ViewState> = {
      selectedEventId: 'e-plan',
      laneMode: 'selected',
      selectedActorId: 'a-southland',
    };
    const a = serializeSvg(render(view).svg);
    const b = serializeSvg(render(view).svg);
    expect(a).toBe(b);
  });

  it('aggregates a large dataset into counted blocks and stays small', () => {
    const big: Dataset = structuredClone(smallDataset);
    const template = big.events[0];
    if (!template) throw new Error('fixture');
    for (let i = 0; i < 5000; i++) {
      const d = 1 + (i % 28);
      const m = 1 + (Math.floor(i / 28) % 12);
      big.events.push({
        ...template,
        id: `gen-${i}`,
        title: `Generated event number ${i}`,
        date: {
          start: `2020-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
          precision: 'day',
          text: '',
          source: 'text',
        },
        actorIds: [big.actors[i % big.actors.length]?.id ?? 'a-berg'],
      });
    }
    const state = createAppStore(big).getState();
    const svg = renderTimelineFigure(state, document, { title: 'Big' });
    const blocks = [...svg.querySelectorAll('g.tl-bin')];
    expect(blocks.length).toBeGreaterThan(0);
    const counted = blocks.reduce((n, b) => n + Number(b.getAttribute('data-count')), 0);
    expect(counted + marks(svg).length).toBe(selectTimelineModel(state).entries.length);
    expect(serializeSvg(svg).length).toBeLessThan(600_000);
    expect(texts(svg).join('\n')).toMatch(/drawn as \d+ counted blocks/);
  });

  it('shows an empty state', () => {
    const { svg } = render({
      filters: { actorKinds: [], relationTypes: [], polarities: [], docIds: [], search: 'zzzz-nothing' },
    });
    expect(marks(svg)).toHaveLength(0);
    expect(texts(svg).join('\n')).toContain('No dated events match');
  });
});
