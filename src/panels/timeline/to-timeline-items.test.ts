// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DatasetEvent } from '../../model/schema';
import { buildIndex } from '../../store/selectors';
import { smallDataset } from '../../test/fixtures/small-dataset';
import {
  accessibleName,
  buildTimelineModel,
  formatRange,
  toBinItem,
  toTimelineItem,
  tooltipRows,
  truncate,
  type LaneContext,
  type TimelineEntry,
} from './to-timeline-items';

const index = buildIndex(smallDataset);
const ctx: LaneContext = {
  actorsById: index.actorsById,
  docsById: index.docsById,
  eventRanges: index.eventRanges,
  documents: smallDataset.documents,
  selectedActorId: null,
  selectedEdge: null,
};
const model = buildTimelineModel(smallDataset.events, 'kind', ctx);
const entry = (id: string): TimelineEntry => model.entries.find((e) => e.id === id)!;
const utc = (y: number, m = 1, d = 1): number => Date.UTC(y, m - 1, d);

describe('toTimelineItem', () => {
  it('draws an exact day as a point', () => {
    const item = toTimelineItem(entry('e-meet'));
    expect(item.type).toBe('point');
    expect(item.start.getTime()).toBe(utc(2022, 3, 28));
    expect(item.end).toBeUndefined();
    expect(item.className).toContain('tl-precision-day');
    expect(item.group).toBe('kind:person');
  });

  it('draws a month as an uncertain range over the whole month', () => {
    const item = toTimelineItem(entry('e-criticize'));
    expect(item.type).toBe('range');
    expect(item.className).toContain('tl-uncertain');
    expect(item.className).toContain('tl-precision-month');
    expect(item.start.getTime()).toBe(utc(2022, 3, 1));
    expect(item.end?.getTime()).toBe(utc(2022, 4, 1));
  });

  it('draws a year and a decade as uncertain ranges', () => {
    const year = toTimelineItem(entry('e-convoy'));
    expect([year.type, year.start.getTime(), year.end?.getTime()]).toEqual(['range', utc(2021), utc(2022)]);
    expect(year.className).toContain('tl-uncertain');
    const decade = toTimelineItem(entry('e-war'));
    expect([decade.start.getTime(), decade.end?.getTime()]).toEqual([utc(1990), utc(2000)]);
    expect(decade.className).toContain('tl-precision-decade');
  });

  it('spans a month range with an end', () => {
    const item = toTimelineItem(entry('e-plan'));
    expect([item.start.getTime(), item.end?.getTime()]).toEqual([utc(2023, 1, 1), utc(2023, 4, 1)]);
  });

  it('names each item by its title and date', () => {
    const item = toTimelineItem(entry('e-meet'));
    const content = item.content as HTMLElement;
    expect(content.getAttribute('aria-label')).toBe('Berg meets Haddad in Geneva, 28 March 2022, 2022-03-28 (day)');
    expect(content.tabIndex).toBe(0);
    expect(content.dataset.eventId).toBe('e-meet');
  });

  it('puts a hostile title in as text, never as markup', () => {
    const title = '<img src=x onerror=alert(1)>';
    const base = smallDataset.events[0] as DatasetEvent;
    const event: DatasetEvent = { ...base, title };
    const content = toTimelineItem({ ...entry(base.id), event }).content;
    expect(content).toBeInstanceOf(HTMLElement);
    const el = content as HTMLElement;
    expect(el.textContent).toBe(title);
    expect(el.children).toHaveLength(0);
    expect(el.querySelector('img')).toBeNull();
    expect(accessibleName(event).startsWith(title)).toBe(true);
  });

  it('labels a block with its count and span', () => {
    const bin = toBinItem({ id: 'bin:x', lane: 'kind:person', start: utc(2022), end: utc(2023), count: 12, ids: [] });
    const el = bin.content as HTMLElement;
    expect(el.textContent).toBe('12 events');
    expect(el.getAttribute('aria-label')).toBe('12 events, 2022-01-01 – 2022-12-31: zoom in');
    expect(bin.type).toBe('range');
  });
});

describe('buildTimelineModel', () => {
  it('puts events in the lane of their first actor kind, or "No actor"', () => {
    expect(entry('e-convoy').lane).toBe('kind:group');
    expect(entry('e-unattributed').lane).toBe('kind:none');
    expect(model.lanes.map((l) => l.id)).toEqual([
      'kind:person',
      'kind:country',
      'kind:organization',
      'kind:group',
      'kind:other',
      'kind:none',
    ]);
  });

  it('labels document lanes by truncated title with the full title kept', () => {
    const byDoc = buildTimelineModel(smallDataset.events, 'document', ctx);
    const lane = byDoc.lanes.find((l) => l.id === 'doc:doc-b')!;
    expect(lane.label.length).toBeLessThanOrEqual(28);
    expect(lane.label.endsWith('…')).toBe(true);
    expect(lane.fullLabel).toBe(smallDataset.documents[1]?.title);
  });

  it('in actor mode, groups the selected actor’s events by the other actor', () => {
    const events = smallDataset.events.filter((e) => e.actorIds.includes('a-southland'));
    const m = buildTimelineModel(events, 'selected', { ...ctx, selectedActorId: 'a-southland' });
    expect(m.lanes[0]?.id).toBe('actor:a-northland');
    expect(m.entries.find((e) => e.id === 'e-aid')?.lane).toBe('actor:a-wra');
  });

  it('in actor mode, uses the two actors of a selected edge', () => {
    const m = buildTimelineModel(smallDataset.events, 'selected', {
      ...ctx,
      selectedEdge: { source: 'a-berg', target: 'a-haddad' },
    });
    expect(m.lanes.map((l) => l.id)).toEqual(['actor:a-berg', 'actor:a-haddad', 'actor:other']);
  });
});

describe('formatting', () => {
  it('truncates with an ellipsis', () => {
    expect(truncate('short')).toBe('short');
    expect(truncate('a'.repeat(40), 10)).toBe(`${'a'.repeat(9)}…`);
  });
  it('formats an exclusive range as inclusive days', () => {
    expect(formatRange({ start: utc(2022, 3, 1), end: utc(2022, 4, 1) })).toBe('2022-03-01 – 2022-03-31');
    expect(formatRange({ start: utc(2022, 3, 1), end: utc(2022, 3, 2) })).toBe('2022-03-01');
  });

  it('gives the tooltip the written date, the resolved date with its days only when not a single day, and the source', () => {
    const rows = (id: string): Record<string, string> => Object.fromEntries(tooltipRows(entry(id)));
    expect(rows('e-meet')).toMatchObject({
      Written: '28 March 2022',
      Resolved: '2022-03-28 (day)',
      Source: 'the sentence',
    });
    expect(rows('e-criticize')).toMatchObject({
      Written: 'March 2022',
      Resolved: '2022-03 (month): 2022-03-01 – 2022-03-31',
    });
    const fromContext = smallDataset.events.find((e) => e.date.source === 'context' && e.date.text === '')!;
    expect(rows(fromContext.id)).toMatchObject({ Written: '(no date in the text)', Source: 'the context' });
    expect(rows('e-meet').Document).toBe(entry('e-meet').docTitle);
  });
});
