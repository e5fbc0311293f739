/**
 * CSV exports of the current view (events, actors, relations), safe to open in a spreadsheet.
 *
 * Formula injection (threat model B5, §5.4): a text cell any of whose lines starts, after leading whitespace, with
 * `= + - @`, TAB, CR or NUL (or their full-width forms ＝ ＋ － ＠, which some spreadsheets and IMEs fold to ASCII)
 * gets a `'` inserted at the start of that line, so no spreadsheet evaluates it. This changes the data: a reader that
 * wants the original text removes a `'` at the start of a line. Numbers are written as numbers and never prefixed.
 * Files are UTF-8 with a byte order mark (Excel and LibreOffice then read UTF-8) and CRLF line ends (RFC 4180).
 */
import Papa from 'papaparse';
import { compareCalendar } from '../model/calendar';
import type { DatasetEvent, EventDate, Relation } from '../model/schema';
import { overlaps } from '../model/time';
import {
  selectIndex,
  selectVisibleActors,
  selectVisibleEvents,
  selectVisibleRelations,
  type DatasetIndex,
} from '../store/selectors';
import { selectActorRelationCounts } from '../store/selectors-network';
import type { AppState } from '../store/types';

/** One cell: text, a number (written as is), a boolean (`true`/`false`) or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null;

/** A table ready for CSV: a header and rows of the same width. */
export interface CsvTable {
  columns: readonly string[];
  rows: CsvCell[][];
}

/** The UTF-8 byte order mark every export starts with. */
export const BOM = '\ufeff';

// Whitespace that is not itself a trigger (TAB, CR) nor a line break (LF, CR). `[^\S\t\n\r]` is JS `\s` (which
// includes NBSP, U+FEFF and the Unicode spaces) minus those; keeping the sets disjoint keeps the patterns linear.
const LEAD = String.raw`[^\S\t\n\r]*`;
const TRIGGER = String.raw`[=+\-@\t\r\0\uff1d\uff0b\uff0d\uff20]`;

/**
 * True for a text cell a spreadsheet could read as a formula: the cell, or any line in it (after LF or CR), starts with
 * a trigger after leading whitespace. Linear time (no overlapping quantifiers); no `g` flag, so `test` is stateless.
 */
export const FORMULA_TRIGGER = new RegExp(String.raw`^${LEAD}${TRIGGER}|[\n\r]${LEAD}${TRIGGER}`);

const START_TRIGGER = new RegExp(`^${LEAD}${TRIGGER}`);
const LINE_TRIGGER = new RegExp(String.raw`([\n\r])(?=${LEAD}${TRIGGER})`, 'g');

/** Inserts `'` at the start of the cell and of every line in it that a spreadsheet could read as a formula. */
export function escapeFormulaCell(value: string): string {
  const lines = value.replace(LINE_TRIGGER, "$1'");
  return START_TRIGGER.test(lines) ? `'${lines}` : lines;
}

/** A cell as `toCsv` writes it (text escaped, other values unchanged): what a CSV reader gets back as text. */
export function escapeCsvCell(cell: CsvCell): CsvCell {
  return typeof cell === 'string' ? escapeFormulaCell(cell) : cell;
}

/** Writes a table as CSV text: BOM, header row, CRLF line ends, quotes only where needed, formulas escaped. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // The header as the first row (Papa's `{ fields, data: [] }` writes a spurious empty row).
  const data = [columns.map(escapeFormulaCell), ...rows.map((row) => row.map(escapeCsvCell))];
  // The RegExp is a backstop: escaped cells never match it.
  const text = Papa.unparse(data, { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n', quotes: false, delimiter: ',' });
  return BOM + text;
}

/** Code-unit order (the same in every locale), case folded first so "anna" sorts next to "Anna". */
function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A date as stored: `start`, or `start/end` for a range (ISO 8601 interval notation). */
function formatDate(date: EventDate | undefined): string {
  if (!date) return '';
  return date.end !== undefined ? `${date.start}/${date.end}` : date.start;
}

/** Orders dates by first day, then last day; undated last. */
function compareDates(a: EventDate | undefined, b: EventDate | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareCalendar(a.start, b.start) || compareCalendar(a.end ?? a.start, b.end ?? b.start);
}

function docTitle(index: DatasetIndex, docId: string): string {
  const doc = index.docsById.get(docId);
  return doc ? doc.title || doc.file : '';
}

function evidenceText(index: DatasetIndex, docId: string, span: { start: number; end: number }): string {
  return index.docsById.get(docId)?.text.slice(span.start, span.end) ?? '';
}

const nameOf = (index: DatasetIndex, actorId: string): string => index.actorsById.get(actorId)?.name ?? actorId;

/** Options of the event export. */
export interface EventsCsvOptions {
  /**
   * Keep only events whose dates overlap the time window, when one is set (default true). The timeline draws every
   * visible event and shades the window; the export takes the window as part of the view, like the network does.
   */
  withinTimeWindow?: boolean;
}

/** Columns of the event export. */
export const EVENT_COLUMNS = [
  'id',
  'date',
  'precision',
  'date_source',
  'date_text',
  'title',
  'actors',
  'document',
  'evidence',
  'doc_id',
  'start',
  'end',
] as const;

/** The events the current view shows (filters, selected actor, time window), by date then id. */
export function visibleEventsForExport(state: AppState, options: EventsCsvOptions = {}): DatasetEvent[] {
  const index = selectIndex(state);
  const window = options.withinTimeWindow === false ? null : state.timeWindow;
  const events = selectVisibleEvents(state).filter((e) => {
    if (!window) return true;
    const range = index.eventRanges.get(e.id);
    return range !== undefined && overlaps(range, window);
  });
  return events.sort((a, b) => compareDates(a.date, b.date) || compareIds(a.id, b.id));
}

/** The event table of the current view (rows not yet escaped). */
export function eventsTable(state: AppState, options: EventsCsvOptions = {}): CsvTable {
  const index = selectIndex(state);
  const rows = visibleEventsForExport(state, options).map((e): CsvCell[] => [
    e.id,
    formatDate(e.date),
    e.date.precision,
    e.date.source,
    e.date.text,
    e.title,
    e.actorIds.map((a) => nameOf(index, a)).join('; '),
    docTitle(index, e.docId),
    evidenceText(index, e.docId, e.evidence),
    e.docId,
    e.evidence.start,
    e.evidence.end,
  ]);
  return { columns: EVENT_COLUMNS, rows };
}

/** Columns of the actor export. */
export const ACTOR_COLUMNS = ['id', 'name', 'kind', 'aliases', 'mentions', 'documents', 'relations'] as const;

/**
 * The actor table of the current view: the actors the network table lists (kind, document and search filters; a
 * selected actor does not narrow it), by name then id. `mentions` and `documents` count the whole dataset, like the
 * table; `relations` counts the visible relations.
 */
export function actorsTable(state: AppState): CsvTable {
  const index = selectIndex(state);
  const relationCounts = selectActorRelationCounts(state);
  const actors = [...selectVisibleActors(state)].sort((a, b) => compareText(a.name, b.name) || compareIds(a.id, b.id));
  const rows = actors.map((a): CsvCell[] => {
    const mentions = index.mentionsByActor.get(a.id) ?? [];
    return [
      a.id,
      a.name,
      a.kind,
      a.aliases.join('; '),
      mentions.length,
      new Set(mentions.map((m) => m.docId)).size,
      relationCounts.get(a.id) ?? 0,
    ];
  });
  return { columns: ACTOR_COLUMNS, rows };
}

/** Columns of the relation export. */
export const RELATION_COLUMNS = [
  'id',
  'date',
  'type',
  'polarity',
  'negated',
  'source',
  'target',
  'evidence',
  'document',
  'doc_id',
  'start',
  'end',
  'source_id',
  'target_id',
  'event_id',
] as const;

/** The relation's own date, else its event's. */
function relationDate(index: DatasetIndex, r: Relation): EventDate | undefined {
  return r.date ?? (r.eventId !== undefined ? index.eventsById.get(r.eventId)?.date : undefined);
}

/**
 * The relation table of the current view: the relations the network shows (type, polarity, document, actor filters
 * and the time window), by id. `negated` is `yes`/`no`; every relation reads source → target.
 */
export function relationsTable(state: AppState): CsvTable {
  const index = selectIndex(state);
  const relations = [...selectVisibleRelations(state)].sort((a, b) => compareIds(a.id, b.id));
  const rows = relations.map((r): CsvCell[] => [
    r.id,
    formatDate(relationDate(index, r)),
    r.type,
    r.polarity,
    r.negated ? 'yes' : 'no',
    nameOf(index, r.source),
    nameOf(index, r.target),
    evidenceText(index, r.docId, r.evidence),
    docTitle(index, r.docId),
    r.docId,
    r.evidence.start,
    r.evidence.end,
    r.source,
    r.target,
    r.eventId ?? '',
  ]);
  return { columns: RELATION_COLUMNS, rows };
}

/** The events of the current view as CSV text. */
export function eventsCsv(state: AppState, options: EventsCsvOptions = {}): string {
  const t = eventsTable(state, options);
  return toCsv(t.columns, t.rows);
}

/** The actors of the current view as CSV text. */
export function actorsCsv(state: AppState): string {
  const t = actorsTable(state);
  return toCsv(t.columns, t.rows);
}

/** The relations of the current view as CSV text. */
export function relationsCsv(state: AppState): string {
  const t = relationsTable(state);
  return toCsv(t.columns, t.rows);
}
