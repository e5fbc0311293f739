import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/schema';
import { dateRange } from '../model/time';
import { smallDataset } from '../test/fixtures/small-dataset';
import { buildIndex } from './selectors';

describe('buildIndex', () => {
  it('gives each event and dated relation the range of its own date, however many dates repeat', () => {
    // Dates that share a start but differ in end or precision must not share a cached range.
    const events = [
      ...smallDataset.events,
      ...smallDataset.events.map((e) => ({ ...e, id: `${e.id}-again` })),
      {
        ...smallDataset.events[0]!,
        id: 'e-year',
        date: { start: '2022', precision: 'year', text: '2022', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-years',
        date: { start: '2022', end: '2023', precision: 'year', text: '2022-23', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-decade',
        date: { start: '2020', precision: 'decade', text: 'the 2020s', source: 'text' },
      },
      {
        ...smallDataset.events[0]!,
        id: 'e-bad',
        date: { start: '2022-02-30', precision: 'day', text: '', source: 'text' },
      },
    ] as Dataset['events'];
    const dataset: Dataset = { ...smallDataset, events };
    const index = buildIndex(dataset);
    for (const e of events) expect(index.eventRanges.get(e.id), e.id).toEqual(dateRange(e.date));
    expect(index.eventRanges.has('e-bad')).toBe(false);
    const year = index.eventRanges.get('e-year')!;
    expect(index.eventRanges.get('e-years')!.end).toBeGreaterThan(year.end);
    for (const r of dataset.relations) if (r.date) expect(index.relationRanges.get(r.id)).toEqual(dateRange(r.date));
  });
});
