import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, POLARITIES, RELATION_TYPES } from '../model/schema';
import { smallDataset } from '../test/fixtures/small-dataset';
import { defaultViewState } from './initial-state';
import type { ViewState } from './types';
import {
  MAX_FRAGMENT_LENGTH,
  datasetKey,
  decodeView,
  encodeView,
  formatInstant,
  isEncodableWindow,
  parseInstant,
} from './url-state';

const ds = smallDataset;
const KEY = datasetKey(ds);
const DEFAULT = defaultViewState(ds);
const DAY = 86_400_000;

const actorIds = ds.actors.map((a) => a.id);
const eventIds = ds.events.map((e) => e.id);
const docs = ds.documents;

const subset = <T>(values: readonly T[]) => fc.subarray([...values]).map((xs) => xs);

/** Any view that is valid for the fixture. */
const validView: fc.Arbitrary<ViewState> = fc
  .record({
    selectedActorId: fc.option(fc.constantFrom(...actorIds), { nil: null }),
    selectedEventId: fc.option(fc.constantFrom(...eventIds), { nil: null }),
    edge: fc.option(
      fc
        .tuple(fc.constantFrom(...actorIds), fc.constantFrom(...actorIds))
        .filter(([a, b]) => a !== b)
        .map(([source, target]) => ({ source, target })),
      { nil: null },
    ),
    timeWindow: fc.option(
      fc
        .tuple(
          fc.integer({ min: -700_000 * DAY, max: 2_900_000 * DAY }),
          fc.integer({ min: 1, max: 400_000 * DAY }),
          fc.boolean(),
        )
        .map(([start, len, midnight]) =>
          midnight
            ? { start: Math.floor(start / DAY) * DAY, end: Math.floor(start / DAY) * DAY + Math.ceil(len / DAY) * DAY }
            : { start, end: start + len },
        )
        .filter(isEncodableWindow),
      { nil: null },
    ),
    actorKinds: subset(ACTOR_KINDS),
    relationTypes: subset(RELATION_TYPES),
    polarities: subset(POLARITIES),
    docIds: subset(docs.map((d) => d.id)),
    search: fc.string({ unit: 'grapheme', maxLength: 60 }),
    docIndex: fc.nat(docs.length - 1),
    emphasis: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
    laneMode: fc.constantFrom('kind' as const, 'document' as const, 'selected' as const),
    networkView: fc.constantFrom('graph' as const, 'table' as const),
  })
  .map((r) => {
    const doc = docs[r.docIndex]!;
    let emphasis = null;
    if (r.emphasis) {
      const a = r.emphasis[0] % doc.text.length;
      const b = r.emphasis[1] % doc.text.length;
      if (a !== b) emphasis = { start: Math.min(a, b), end: Math.max(a, b) };
    }
    return {
      selectedActorId: r.selectedActorId,
      selectedEventId: r.selectedEventId,
      selectedEdge: r.edge,
      timeWindow: r.timeWindow,
      filters: {
        actorKinds: r.actorKinds,
        relationTypes: r.relationTypes,
        polarities: r.polarities,
        docIds: r.docIds,
        search: r.search,
      },
      openDocId: doc.id,
      emphasis,
      laneMode: r.laneMode,
      networkView: r.networkView,
    };
  });

describe('url state', () => {
  it('encodes the default view as the empty fragment, and decodes it back', () => {
    expect(encodeView(DEFAULT, KEY, DEFAULT)).toBe('');
    expect(decodeView('', ds)).toEqual({ view: DEFAULT });
    expect(decodeView('#', ds)).toEqual({ view: DEFAULT });
  });

  it('writes a compact, readable fragment', () => {
    const view: ViewState = {
      ...DEFAULT,
      selectedActorId: 'a-berg',
      timeWindow: { start: Date.UTC(2020, 0, 1), end: Date.UTC(2021, 2, 5) },
      filters: { ...DEFAULT.filters, actorKinds: ['person', 'country'], search: 'red harbour' },
      openDocId: 'doc-b',
    };
    const frag = encodeView(view, KEY, DEFAULT);
    expect(frag).toBe(
      `v=1&ds=${KEY}&actor=a-berg&win=2020-01-01..2021-03-05&kinds=person%2Ccountry&q=red+harbour&open=doc-b`,
    );
    expect(decodeView(`#${frag}`, ds)).toEqual({ view });
  });

  it('prints times of day only when a window edge is not midnight', () => {
    expect(formatInstant(Date.UTC(2022, 2, 28))).toBe('2022-03-28');
    expect(formatInstant(Date.UTC(2022, 2, 28, 13, 5, 9, 7))).toBe('2022-03-28T13:05:09.007');
    expect(parseInstant('2022-03-28T13:05:09.007')).toBe(Date.UTC(2022, 2, 28, 13, 5, 9, 7));
    expect(parseInstant('2021-02-30')).toBeUndefined();
    expect(parseInstant('2021-02-28T24:00:00.000')).toBeUndefined();
  });

  test.prop([validView])('decode(encode(view)) == view', (view) => {
    const frag = encodeView(view, KEY, DEFAULT);
    expect(decodeView(frag, ds)).toEqual({ view });
    // And encoding is stable (U04).
    expect(encodeView(decodeView(frag, ds).view, KEY, DEFAULT)).toBe(frag);
  });

  test.prop([fc.string({ maxLength: 300 })])('decode(any string) never throws', (s) => {
    const r = decodeView(s, ds);
    expect(r.view).toBeDefined();
  });

  test.prop([
    fc.array(
      fc.tuple(
        fc.constantFrom('v', 'ds', 'actor', 'event', 'from', 'to', 'win', 'kinds', 'docs', 'em', 'open', '__proto__'),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 8 },
    ),
  ])('decode(any key soup) never throws and returns only ids of this dataset', (pairs) => {
    const frag = 'v=1&' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const { view } = decodeView(frag, ds);
    if (view.selectedActorId !== null) expect(actorIds).toContain(view.selectedActorId);
    if (view.selectedEventId !== null) expect(eventIds).toContain(view.selectedEventId);
    if (view.timeWindow) expect(view.timeWindow.end).toBeGreaterThan(view.timeWindow.start);
  });

  it('falls back to the default view with a notice for an unknown version', () => {
    const r = decodeView('#v=999&actor=a-berg', ds);
    expect(r.view).toEqual(DEFAULT);
    expect(r.notice).toMatch(/different version/);
  });

  it('falls back for a link that is not a view link, and for an oversized one', () => {
    const foreign = decodeView('#foo=bar', ds);
    expect(foreign.view).toEqual(DEFAULT);
    expect(foreign.notice).toMatch(/not a Threadline/);
    const long = decodeView('#v=1&q=' + 'x'.repeat(MAX_FRAGMENT_LENGTH), ds);
    expect(long.view).toEqual(DEFAULT);
    expect(long.notice).toMatch(/too long/);
    const huge = decodeView('#' + 'a'.repeat(100_000), ds);
    expect(huge.view).toEqual(DEFAULT);
  });

  it('drops only the parts that do not fit, and says which', () => {
    const r = decodeView(`#v=1&ds=${KEY}&actor=nobody&event=e-meet&kinds=person,wizard&win=2021-02-30..2022-01-01`, ds);
    expect(r.view).toEqual({
      ...DEFAULT,
      selectedEventId: 'e-meet',
      filters: { ...DEFAULT.filters, actorKinds: ['person'] },
    });
    expect(r.notice).toMatch(/actor "nobody" is not in this dataset/);
    expect(r.notice).toMatch(/unknown actor kind "wizard"/);
    expect(r.notice).toMatch(/time window/);
  });

  it('ignores prototype-pollution probes and bad percent-encoding (U01, U03)', () => {
    const r = decodeView('#v=1&__proto__[polluted]=1&constructor[prototype][polluted]=1&q=%E0%A4%A', ds);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.notice).toMatch(/unknown parameters/);
    expect(r.view.filters.search).toBe('\uFFFD%A');
    expect(decodeView('#v=1&actor=%', ds).view).toEqual(DEFAULT);
  });

  it('treats markup in an id as an unknown id (U02)', () => {
    const r = decodeView('#v=1&actor=<img src=x onerror=window.__xss=1>', ds);
    expect(r.view).toEqual(DEFAULT);
    expect(r.notice).toContain('"<img src=x onerror=window.__xss=1>" is not in this dataset');
  });

  it('notes a link made for another dataset but keeps what still fits', () => {
    const r = decodeView('#v=1&ds=deadbeef&actor=a-berg', ds);
    expect(r.view.selectedActorId).toBe('a-berg');
    expect(r.notice).toMatch(/another dataset/);
  });

  it('rejects an emphasis that does not fit the open document', () => {
    const r = decodeView('#v=1&open=doc-a&em=5-999999', ds);
    expect(r.view.emphasis).toBeNull();
    expect(r.view.openDocId).toBe('doc-a');
    expect(r.notice).toMatch(/highlighted passage/);
  });
});
