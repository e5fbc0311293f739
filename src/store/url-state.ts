/**
 * The view in the URL fragment, so a reload or a shared link restores it. Pure: no window, no Date parsing.
 *
 *   #v=1&ds=1a2b3c4d&actor=a-berg&win=2022-03-01..2022-07-01&kinds=person,country&open=doc-a&em=96-160
 *
 * - versioned (`v`), and tagged with the dataset it was made for (`ds`, a short hash of the dataset's name and ids);
 * - only ids, enum values, integers and calendar dates: never dataset content;
 * - default values are left out, so the default view encodes to the empty string;
 * - decoding never throws: a malformed, outdated, oversized or foreign link falls back to the default view, or drops
 *   only the part that does not fit this dataset, and says what it ignored in `notice`.
 * Keys are read from an allow-list into a Map; nothing from the URL is ever used as an object key.
 * Time windows are epoch ms; they print as `YYYY-MM-DD` (UTC midnight) or `YYYY-MM-DDTHH:MM:SS.mmm`, end exclusive.
 */
import { fromEpochDay, parseCalendar, toEpochDay } from '../model/calendar';
import type { Dataset } from '../model/schema';
import { ACTOR_KINDS, POLARITIES, RELATION_TYPES } from '../model/schema-constants';
import type { TimeRange } from '../model/time';
import { EMPTY_FILTERS, defaultViewState, pickViewState } from './initial-state';
import type { AppState, Filters, LaneMode, NetworkView, ViewState } from './types';

export const URL_STATE_VERSION = 1;
/** Fragments longer than this are not read at all. */
export const MAX_FRAGMENT_LENGTH = 4000;
/** Longest search text kept from a link. */
export const MAX_SEARCH_LENGTH = 200;

const LANE_MODES: readonly LaneMode[] = ['kind', 'document', 'selected'];
const NETWORK_VIEWS: readonly NetworkView[] = ['graph', 'table'];
const KEYS = [
  'v',
  'ds',
  'actor',
  'event',
  'from',
  'to',
  'win',
  'kinds',
  'rels',
  'pol',
  'docs',
  'q',
  'open',
  'em',
  'lanes',
  'net',
] as const;
const KEY_SET = new Set<string>(KEYS);

const DAY = 86_400_000;
/** Years a window may span (calendar strings are 4-digit years). */
const MIN_MS = toEpochDay(1, 1, 1) * DAY;
const MAX_MS = toEpochDay(9999, 12, 31) * DAY;

/** FNV-1a 32-bit over a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Keys computed so far, per dataset object (datasets are never changed in place). */
const datasetKeys = new WeakMap<Dataset, string>();

/**
 * A short key naming a dataset (its name, document ids and counts), so a link can tell it was made elsewhere.
 * Computed once per dataset: every view fragment written (each selection) names its dataset.
 */
export function datasetKey(dataset: Dataset): string {
  const cached = datasetKeys.get(dataset);
  if (cached !== undefined) return cached;
  const parts = [
    dataset.name,
    String(dataset.documents.length),
    String(dataset.actors.length),
    String(dataset.events.length),
    ...dataset.documents.map((d) => d.id),
  ];
  const key = fnv1a(parts.join('\u0000'));
  datasetKeys.set(dataset, key);
  return key;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Formats epoch ms (UTC) as a calendar date, with the time of day only when it is not midnight. */
export function formatInstant(ms: number): string {
  const day = Math.floor(ms / DAY);
  const rest = ms - day * DAY;
  const { year, month, day: d } = fromEpochDay(day);
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
  if (rest === 0) return date;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const milli = rest % 1000;
  return `${date}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(milli, 3)}`;
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})\.(\d{3}))?$/;

/** Parses what formatInstant prints; undefined for anything else (impossible days, hours past 23 ...). */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT_RE.exec(text);
  if (!m?.[1]) return undefined;
  const parts = parseCalendar(m[1]);
  if (parts?.month === undefined || parts.day === undefined) return undefined;
  let ms = toEpochDay(parts.year, parts.month, parts.day) * DAY;
  if (m[2] !== undefined) {
    const h = Number(m[2]);
    const min = Number(m[3]);
    const s = Number(m[4]);
    const milli = Number(m[5]);
    if (h > 23 || min > 59 || s > 59) return undefined;
    ms += h * 3_600_000 + min * 60_000 + s * 1000 + milli;
  }
  return ms;
}

/** True for a window a link can carry: integer ms, start < end, years 0001-9999. */
export function isEncodableWindow(w: TimeRange): boolean {
  return (
    Number.isInteger(w.start) && Number.isInteger(w.end) && w.start < w.end && w.start >= MIN_MS && w.end <= MAX_MS
  );
}

/** Encodes a view as a fragment (without '#'); the default view is the empty string. */
export function encodeView(view: ViewState, key: string, defaults?: Pick<ViewState, 'openDocId'>): string {
  const p = new URLSearchParams();
  const body = new URLSearchParams();
  if (view.selectedActorId !== null) body.set('actor', view.selectedActorId);
  if (view.selectedEventId !== null) body.set('event', view.selectedEventId);
  if (view.selectedEdge) {
    body.set('from', view.selectedEdge.source);
    body.set('to', view.selectedEdge.target);
  }
  if (view.timeWindow && isEncodableWindow(view.timeWindow)) {
    body.set('win', `${formatInstant(view.timeWindow.start)}..${formatInstant(view.timeWindow.end)}`);
  }
  const f = view.filters;
  if (f.actorKinds.length > 0) body.set('kinds', f.actorKinds.join(','));
  if (f.relationTypes.length > 0) body.set('rels', f.relationTypes.join(','));
  if (f.polarities.length > 0) body.set('pol', f.polarities.join(','));
  for (const d of f.docIds) body.append('docs', d);
  if (f.search !== '') body.set('q', f.search.slice(0, MAX_SEARCH_LENGTH));
  if (view.openDocId !== null && view.openDocId !== defaults?.openDocId) body.set('open', view.openDocId);
  if (view.emphasis && view.openDocId !== null) body.set('em', `${view.emphasis.start}-${view.emphasis.end}`);
  if (view.laneMode !== 'kind') body.set('lanes', view.laneMode);
  if (view.networkView !== 'graph') body.set('net', view.networkView);
  if ([...body.keys()].length === 0) return '';
  p.set('v', String(URL_STATE_VERSION));
  p.set('ds', key);
  return `${p.toString()}&${body.toString()}`;
}

export interface DecodeResult {
  view: ViewState;
  /** What was ignored, in words, for the header's notice. */
  notice?: string;
}

const quote = (s: string): string => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

function pickEnum<T extends string>(raw: string, allowed: readonly T[], what: string, problems: string[]): T[] {
  const out: T[] = [];
  const bad: string[] = [];
  for (const v of raw.split(',')) {
    if (v === '') continue;
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) bad.push(v);
    else if (!out.includes(hit)) out.push(hit);
  }
  if (bad.length > 0) problems.push(`unknown ${what} ${bad.slice(0, 3).map(quote).join(', ')}`);
  return out;
}

function parseWindow(raw: string): TimeRange | undefined {
  const at = raw.indexOf('..');
  if (at < 0) return undefined;
  const start = parseInstant(raw.slice(0, at));
  const end = parseInstant(raw.slice(at + 2));
  if (start === undefined || end === undefined) return undefined;
  const w = { start, end };
  return isEncodableWindow(w) ? w : undefined;
}

function decodeUnsafe(fragment: string, dataset: Dataset): DecodeResult {
  const fallback = defaultViewState(dataset);
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (raw === '') return { view: fallback };
  if (raw.length > MAX_FRAGMENT_LENGTH) {
    return {
      view: fallback,
      notice: `The link's view was ignored: it is too long (${raw.length} characters, limit ${MAX_FRAGMENT_LENGTH}). Showing the default view.`,
    };
  }
  const params = new URLSearchParams(raw);
  // First value of each allowed key; repeated values only for `docs`.
  const first = new Map<string, string>();
  const docs: string[] = [];
  const unknown: string[] = [];
  for (const [k, v] of params) {
    if (!KEY_SET.has(k)) {
      if (!unknown.includes(k)) unknown.push(k);
    } else if (k === 'docs') docs.push(v);
    else if (!first.has(k)) first.set(k, v);
  }
  const version = first.get('v');
  if (version !== String(URL_STATE_VERSION)) {
    const why =
      version === undefined
        ? 'it is not a Threadline view link'
        : `it was made by a different version of Threadline (v=${quote(version)}, this build reads v=${URL_STATE_VERSION})`;
    return { view: fallback, notice: `The link's view was ignored: ${why}. Showing the default view.` };
  }

  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 3).map(quote).join(', ')}`);
  }
  const ds = first.get('ds');
  const foreign = ds !== undefined && ds !== datasetKey(dataset);

  const actorIds = new Set(dataset.actors.map((a) => a.id));
  const eventIds = new Set(dataset.events.map((e) => e.id));
  const docLengths = new Map(dataset.documents.map((d) => [d.id, d.text.length]));
  const view: ViewState = { ...fallback };

  const actor = first.get('actor');
  if (actor !== undefined) {
    if (actorIds.has(actor)) view.selectedActorId = actor;
    else problems.push(`actor ${quote(actor)} is not in this dataset`);
  }
  const event = first.get('event');
  if (event !== undefined) {
    if (eventIds.has(event)) view.selectedEventId = event;
    else problems.push(`event ${quote(event)} is not in this dataset`);
  }
  const from = first.get('from');
  const to = first.get('to');
  if (from !== undefined || to !== undefined) {
    if (from !== undefined && to !== undefined && from !== to && actorIds.has(from) && actorIds.has(to)) {
      view.selectedEdge = { source: from, target: to };
    } else problems.push('the selected link between actors is not in this dataset');
  }
  const win = first.get('win');
  if (win !== undefined) {
    const w = parseWindow(win);
    if (w) view.timeWindow = w;
    else problems.push(`time window ${quote(win)} is not a valid date range`);
  }
  // Fresh arrays: EMPTY_FILTERS is shared and must never be mutated.
  const filters: Filters = { actorKinds: [], relationTypes: [], polarities: [], docIds: [], search: '' };
  const kinds = first.get('kinds');
  if (kinds !== undefined) filters.actorKinds = pickEnum(kinds, ACTOR_KINDS, 'actor kind', problems);
  const rels = first.get('rels');
  if (rels !== undefined) filters.relationTypes = pickEnum(rels, RELATION_TYPES, 'relation type', problems);
  const pol = first.get('pol');
  if (pol !== undefined) filters.polarities = pickEnum(pol, POLARITIES, 'polarity', problems);
  const badDocs: string[] = [];
  for (const d of docs) {
    if (!docLengths.has(d)) badDocs.push(d);
    else if (!filters.docIds.includes(d)) filters.docIds.push(d);
  }
  if (badDocs.length > 0) problems.push(`document filter ${badDocs.slice(0, 3).map(quote).join(', ')} not found`);
  const q = first.get('q');
  if (q !== undefined) filters.search = q.slice(0, MAX_SEARCH_LENGTH);
  const anyFilter =
    filters.actorKinds.length + filters.relationTypes.length + filters.polarities.length + filters.docIds.length > 0 ||
    filters.search !== '';
  view.filters = anyFilter ? filters : EMPTY_FILTERS;

  const open = first.get('open');
  if (open !== undefined) {
    if (docLengths.has(open)) view.openDocId = open;
    else problems.push(`document ${quote(open)} is not in this dataset`);
  }
  const em = first.get('em');
  if (em !== undefined) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(em);
    const len = view.openDocId === null ? undefined : docLengths.get(view.openDocId);
    const start = m ? Number(m[1]) : NaN;
    const end = m ? Number(m[2]) : NaN;
    if (len !== undefined && start < end && end <= len) view.emphasis = { start, end };
    else problems.push(`highlighted passage ${quote(em)} does not fit the document`);
  }
  const lanes = first.get('lanes');
  if (lanes !== undefined) {
    const hit = LANE_MODES.find((l) => l === lanes);
    if (hit) view.laneMode = hit;
    else problems.push(`unknown lane mode ${quote(lanes)}`);
  }
  const net = first.get('net');
  if (net !== undefined) {
    const hit = NETWORK_VIEWS.find((n) => n === net);
    if (hit) view.networkView = hit;
    else problems.push(`unknown network view ${quote(net)}`);
  }

  const notes: string[] = [];
  if (foreign) notes.push('This link was made for another dataset (or another version of this one).');
  if (problems.length > 0) notes.push(`Part of the link was ignored: ${problems.slice(0, 5).join('; ')}.`);
  return notes.length > 0 ? { view, notice: notes.join(' ') } : { view };
}

/** Decodes a fragment (with or without '#') against a dataset. Never throws. */
export function decodeView(fragment: string, dataset: Dataset): DecodeResult {
  try {
    return decodeUnsafe(typeof fragment === 'string' ? fragment : '', dataset);
  } catch {
    return { view: defaultViewState(dataset), notice: "The link's view could not be read. Showing the default view." };
  }
}

/** True when two views are the same (as a link would store them). */
export function sameView(a: ViewState, b: ViewState, key = ''): boolean {
  return encodeView(a, key) === encodeView(b, key);
}

/** The fragment (without '#') of a store state's view, as the address bar and shared links hold it. */
export function fragmentFor(state: AppState): string {
  return encodeView(pickViewState(state), datasetKey(state.dataset), defaultViewState(state.dataset));
}

/** A full link to this page with a fragment ('' = no fragment). */
export function pageLink(location: Pick<Location, 'origin' | 'pathname' | 'search'>, fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}${fragment === '' ? '' : `#${fragment}`}`;
}
