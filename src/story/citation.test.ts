import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../store/initial-state';
import type { ViewState } from '../store/types';
import { smallDataset } from '../test/fixtures/small-dataset';
import { formatCitation, stepCitation } from './citation';
import type { Citation } from './types';

const ds = smallDataset;
const base: ViewState = { ...defaultViewState(ds), openDocId: null };
const textOf = (docId: string) => ds.documents.find((d) => d.id === docId)?.text ?? '';
const YEAR_2022 = { start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) };

describe('stepCitation', () => {
  it('quotes the emphasised sentence of the open document first', () => {
    const c = stepCitation(ds, {
      ...base,
      openDocId: 'doc-a',
      emphasis: { start: 0, end: 16 },
      selectedEventId: 'e-war',
    });
    expect(c).toEqual({
      docId: 'doc-a',
      docTitle: 'Talks in Geneva',
      source: 'Fixture Times',
      author: 'A. Writer',
      published: '2022-04-03',
      quote: 'Talks in Geneva.',
      start: 0,
      end: 16,
    });
  });

  it("else the selected event's evidence", () => {
    const c = stepCitation(ds, { ...base, selectedEventId: 'e-refuse', selectedActorId: 'a-berg' });
    expect(c?.docId).toBe('doc-b');
    expect(c?.quote).toBe('Omar Haddad said on 5 May 2021 that Southland would not support the plan.');
    expect(c?.quote).toBe(textOf('doc-b').slice(c?.start, c?.end));
    expect(c).toMatchObject({ source: 'Fixture Post', author: null, published: '2021-05-06' });
  });

  it('ignores an emphasis that does not fit its document and falls through', () => {
    const c = stepCitation(ds, {
      ...base,
      openDocId: 'doc-a',
      emphasis: { start: 5, end: 99_999 },
      selectedEventId: 'e-meet',
    });
    expect(c?.quote).toContain('Anna Berg met Omar Haddad');
  });

  it('else the first relation of the selected edge by date, preferring those in the time window', () => {
    const edge = { source: 'a-southland', target: 'a-northland' };
    const any = stepCitation(ds, { ...base, selectedEdge: edge });
    expect(any?.quote).toBe('In the 1990s Northland and Southland fought over the river.');
    const in2022 = stepCitation(ds, { ...base, selectedEdge: edge, timeWindow: YEAR_2022 });
    expect(in2022?.quote).toBe('Northland and Southland agreed to consult each other weekly.');
    // A window with none of the pair's relations still cites the pair.
    const in2030 = stepCitation(ds, {
      ...base,
      selectedEdge: edge,
      timeWindow: { start: Date.UTC(2030, 0, 1), end: Date.UTC(2031, 0, 1) },
    });
    expect(in2030?.quote).toBe(any?.quote);
  });

  it("else the selected actor's first event inside the time window", () => {
    expect(stepCitation(ds, { ...base, selectedActorId: 'a-wra' })?.quote).toBe(
      'In 2019 the World Relief Agency requested access.',
    );
    expect(stepCitation(ds, { ...base, selectedActorId: 'a-wra', timeWindow: YEAR_2022 })?.quote).toBe(
      'The World Relief Agency sent aid to Southland on 2 April 2022.',
    );
    expect(
      stepCitation(ds, {
        ...base,
        selectedActorId: 'a-wra',
        timeWindow: { start: Date.UTC(2030, 0, 1), end: Date.UTC(2031, 0, 1) },
      }),
    ).toBeNull();
  });

  it('else null', () => {
    expect(stepCitation(ds, base)).toBeNull();
    expect(stepCitation(ds, defaultViewState(ds))).toBeNull();
    expect(stepCitation(ds, { ...base, selectedEventId: 'e-missing' })).toBeNull();
  });
});

describe('formatCitation', () => {
  const c: Citation = {
    docId: 'd',
    docTitle: 'Title',
    source: 'Source',
    author: null,
    published: '2020-04-14',
    quote: ' The quote. ',
    start: 0,
    end: 12,
  };
  it('prints quote, title, source and the date in words', () => {
    expect(formatCitation(c)).toBe('“The quote.” — Title, Source, 14 April 2020');
    expect(formatCitation({ ...c, published: '2020-04' })).toBe('“The quote.” — Title, Source, April 2020');
    expect(formatCitation({ ...c, published: '2020' })).toBe('“The quote.” — Title, Source, 2020');
  });
  it('leaves out missing parts', () => {
    expect(formatCitation({ ...c, source: null, published: null })).toBe('“The quote.” — Title');
    expect(formatCitation({ ...c, docTitle: '', source: null, published: null })).toBe('“The quote.”');
  });
});
