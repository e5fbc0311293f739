/**
 * Shared pieces of the exported figures (timeline and network): options, the SVG element helpers (createElementNS +
 * setAttribute + textContent only, never markup strings), the header (title, time window, filters in words), the
 * legend layout and UTC date labels computed with the calendar module (no Date parsing, no time zone).
 */
import { MONTH_NAMES, fromEpochDay } from '../model/calendar';
import type { TimeRange } from '../model/time';
import { textWidth } from '../panels/network/labels';
import { selectIndex, selectSelectedActor } from '../store/selectors';
import type { AppState } from '../store/types';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** What every figure takes: its title (also the SVG's accessible name), an optional subtitle and width in px. */
export interface FigureOptions {
  title: string;
  subtitle?: string;
  /** Width of the figure in CSS px (default 1200); the height follows from the content. */
  width?: number;
  /** Prefix of the ids inside the SVG (patterns, markers), so several figures can share one HTML page. */
  idPrefix?: string;
}

export const DEFAULT_WIDTH = 1200;
export const MIN_WIDTH = 480;
/** System sans-serif stack: the PNG is rasterised with the reader's fonts, the SVG names the same ones. */
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const INK = '#1b1f24';
export const INK_MUTED = '#555d66';
export const LINE = '#d4d7dc';
export const ACCENT = '#1f5fa8';
export const PAD = 24;

const DAY = 86_400_000;

/** The width a figure is drawn at: opts.width (at least MIN_WIDTH), else DEFAULT_WIDTH. */
export function figureWidth(opts: FigureOptions): number {
  const w = opts.width;
  return w !== undefined && Number.isFinite(w) ? Math.max(MIN_WIDTH, Math.round(w)) : DEFAULT_WIDTH;
}

/** Rounds a coordinate to 2 decimals and prints it (short, deterministic attribute values). */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

type Attrs = Record<string, string | number | undefined>;

/**
 * Drops what XML 1.0 cannot hold even escaped (C0 controls other than tab, newline and return; U+FFFE/U+FFFF; lone
 * surrogates), so a title with a stray control character still gives a well-formed SVG file.
 */
export function xmlSafe(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let keep = true;
    if (c < 0x20) keep = c === 0x09 || c === 0x0a || c === 0x0d;
    else if (c === 0xfffe || c === 0xffff) keep = false;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (changed) out += text.slice(i, i + 2);
        i++;
        continue;
      }
      keep = false;
    } else if (c >= 0xdc00 && c <= 0xdfff) keep = false;
    if (!keep && !changed) {
      out = text.slice(0, i);
      changed = true;
    } else if (keep && changed) out += text[i];
  }
  return changed ? out : text;
}

/** Creates an SVG element with attributes (numbers rounded; undefined skipped), appended to `parent` if given. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  name: K,
  attrs: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    el.setAttribute(key, typeof value === 'number' ? num(value) : xmlSafe(value));
  }
  parent?.appendChild(el);
  return el;
}

/** A <text> element whose content is set with textContent (data never becomes markup). */
export function svgText(doc: Document, parent: Element, text: string, attrs: Attrs = {}): SVGTextElement {
  const el = svgEl(doc, 'text', attrs, parent);
  el.textContent = xmlSafe(text);
  return el;
}

/** A <title> child (tooltip and accessible name of an SVG shape), set with textContent. */
export function svgTitle(doc: Document, parent: Element, text: string): SVGTitleElement {
  const el = svgEl(doc, 'title', {}, parent);
  el.textContent = xmlSafe(text);
  return el;
}

const MONTH_SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

/** A UTC day as people write it: "1 Mar 2020" (epoch ms; the time of day is ignored). */
export function formatDay(ms: number): string {
  const { year, month, day } = fromEpochDay(Math.floor(ms / DAY));
  return `${day} ${MONTH_SHORT[month - 1] ?? ''} ${year}`;
}

/** A month: "Mar 2020". */
export function formatMonth(ms: number): string {
  const { year, month } = fromEpochDay(Math.floor(ms / DAY));
  return `${MONTH_SHORT[month - 1] ?? ''} ${year}`;
}

/** A range with an exclusive end, as its first and last day: "1 Mar 2020 – 30 Jun 2020" (or one day). */
export function formatRangeLabel(range: TimeRange): string {
  const first = formatDay(range.start);
  const last = formatDay(Math.max(range.start, range.end - 1));
  return first === last ? first : `${first} – ${last}`;
}

/** "Time window: …" when a window is set, else "All dates: …" over the drawn extent (or just "All dates"). */
export function windowLabel(window: TimeRange | null, extent?: TimeRange | null): string {
  if (window) return `Time window: ${formatRangeLabel(window)}`;
  return extent ? `All dates: ${formatRangeLabel(extent)}` : 'All dates';
}

/** Which filters a figure is affected by (the timeline ignores relation types and polarities). */
export interface FilterKeys {
  actorKinds?: boolean;
  relationTypes?: boolean;
  polarities?: boolean;
  docIds?: boolean;
  search?: boolean;
}

const list = (values: readonly string[], max = 4): string =>
  values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} and ${values.length - max} more`;

/** The active filters in words ("Actor kinds: person, country", "Search: “geneva”"), only those in `keys`. */
export function filterPhrases(state: AppState, keys: FilterKeys): string[] {
  const f = state.filters;
  const out: string[] = [];
  if (keys.actorKinds && f.actorKinds.length > 0) out.push(`Actor kinds: ${list(f.actorKinds)}`);
  if (keys.relationTypes && f.relationTypes.length > 0) out.push(`Relation types: ${list(f.relationTypes)}`);
  if (keys.polarities && f.polarities.length > 0) out.push(`Polarity: ${list(f.polarities)}`);
  if (keys.docIds && f.docIds.length > 0) {
    const docs = selectIndex(state).docsById;
    const titles = f.docIds.map((id) => {
      const d = docs.get(id);
      return d ? d.title.trim() || d.file : id;
    });
    out.push(`Documents: ${list(titles, 3)}`);
  }
  if (keys.search && f.search.trim() !== '') out.push(`Search: “${f.search.trim()}”`);
  return out;
}

/** "Filtered by <actor>" when an actor is selected (it restricts the timeline to its events). */
export function selectedActorPhrase(state: AppState): string | null {
  const actor = selectSelectedActor(state);
  return actor ? `Filtered by ${actor.name}` : null;
}

/** Estimated width (px) of a text in the figure font. */
export function measure(text: string, fontSize: number): number {
  return textWidth(text, fontSize);
}

/** Shortens `text` with an ellipsis so it fits `maxWidth` px at `fontSize`. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (measure(clean, fontSize) <= maxWidth) return clean;
  const chars = Array.from(clean);
  let n = Math.max(1, Math.floor((maxWidth - 2) / (fontSize * 0.58)) - 1);
  while (n > 1 && measure(`${chars.slice(0, n).join('')}…`, fontSize) > maxWidth) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/** Word-wraps `text` into at most `maxLines` lines of `maxWidth` px (the last one ellipsised if cut). */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = line === '' ? word : `${line} ${word}`;
    if (measure(next, fontSize) <= maxWidth || line === '') {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fitText(`${line} ${words.slice(i).join(' ')}`, maxWidth, fontSize));
      return lines;
    }
    lines.push(line);
    line = word;
  }
  if (line !== '') lines.push(fitText(line, maxWidth, fontSize));
  return lines;
}

/** The root <svg>: accessible name and description, a white background; finishFigure sets its size. */
export function createFigureRoot(doc: Document, title: string): { svg: SVGSVGElement; background: SVGRectElement } {
  const svg = svgEl(doc, 'svg', {
    version: '1.1',
    role: 'img',
    'aria-label': title,
    'font-family': FONT_STACK,
  });
  svgTitle(doc, svg, title);
  const background = svgEl(doc, 'rect', { x: 0, y: 0, width: 0, height: 0, fill: '#ffffff' }, svg);
  return { svg, background };
}

/** Sets the size of the figure: width, height, viewBox and the background. */
export function finishFigure(svg: SVGSVGElement, background: SVGRectElement, width: number, height: number): void {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  background.setAttribute('width', String(w));
  background.setAttribute('height', String(h));
}

/** A <desc> with a plain-language summary, right after the root <title>. */
export function addDescription(doc: Document, svg: SVGSVGElement, text: string): void {
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = xmlSafe(text);
  const title = svg.querySelector('title');
  svg.insertBefore(desc, title ? title.nextSibling : svg.firstChild);
}

/**
 * Draws the header: title, subtitle, then info lines (time window, filters, counts) wrapped to the width.
 * Returns the y where the content below may start.
 */
export function drawHeader(
  doc: Document,
  parent: Element,
  opts: FigureOptions,
  lines: readonly string[],
  width: number,
): number {
  const g = svgEl(doc, 'g', { class: 'figure-header' }, parent);
  const max = width - 2 * PAD;
  let y = PAD + 18;
  for (const line of wrapText(opts.title, max, 20, 2)) {
    svgText(doc, g, line, { x: PAD, y, 'font-size': 20, 'font-weight': 700, fill: INK, class: 'figure-title' });
    y += 26;
  }
  const subtitle = opts.subtitle?.trim();
  if (subtitle) {
    for (const line of wrapText(subtitle, max, 14, 2)) {
      svgText(doc, g, line, { x: PAD, y: y - 4, 'font-size': 14, fill: INK, class: 'figure-subtitle' });
      y += 19;
    }
  }
  y += 2;
  for (const info of lines) {
    for (const line of wrapText(info, max, 12.5, 3)) {
      svgText(doc, g, line, { x: PAD, y: y - 4, 'font-size': 12.5, fill: INK_MUTED, class: 'figure-info' });
      y += 17;
    }
  }
  return y + 6;
}

/** One legend entry: a swatch drawn in a box of SWATCH_W x SWATCH_H at (0, 0), and its text. */
export interface LegendItem {
  label: string;
  swatch: (g: SVGGElement) => void;
  /** Swatch box width (default SWATCH_W). */
  swatchWidth?: number;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
  /** A line of text under the items (e.g. "Size: number of mentions"). */
  note?: string;
}

export const SWATCH_W = 30;
export const SWATCH_H = 14;
const LEGEND_FONT = 12;
const LEGEND_ROW = 20;
/** Widest title column of a legend (px); longer titles put their items on the next line. */
const LEGEND_TITLE_MAX = 260;

/** Draws legend sections one under the other, items flowing in rows; returns the height used. */
export function drawLegend(
  doc: Document,
  parent: Element,
  x: number,
  y: number,
  width: number,
  sections: readonly LegendSection[],
): number {
  const g = svgEl(doc, 'g', { class: 'figure-legend', transform: `translate(${num(x)},${num(y)})` }, parent);
  svgEl(doc, 'line', { x1: 0, y1: 0, x2: width, y2: 0, stroke: LINE, 'stroke-width': 1 }, g);
  const shown = sections.filter((s) => s.items.length > 0 || s.note);
  // One indent for all sections (their titles in a column), unless a title is too long for it.
  const indent = Math.min(
    LEGEND_TITLE_MAX,
    Math.max(0, ...shown.map((s) => measure(`${s.title}:`, LEGEND_FONT) * 1.06 + 12)),
  );
  let cy = 10;
  for (const section of shown) {
    const titleText = `${section.title}:`;
    const titleWidth = measure(titleText, LEGEND_FONT) * 1.06 + 12;
    cy += LEGEND_ROW;
    svgText(doc, g, titleText, {
      x: 0,
      y: cy - 5,
      'font-size': LEGEND_FONT,
      'font-weight': 700,
      fill: INK,
      class: 'legend-section',
    });
    if (titleWidth > indent && section.items.length > 0) cy += LEGEND_ROW;
    let cx = indent;
    for (const item of section.items) {
      const sw = item.swatchWidth ?? SWATCH_W;
      const label = fitText(item.label, width - indent - sw - 8, LEGEND_FONT);
      const itemWidth = sw + 6 + measure(label, LEGEND_FONT) + 16;
      if (cx + itemWidth > width && cx > indent) {
        cx = indent;
        cy += LEGEND_ROW;
      }
      const entry = svgEl(doc, 'g', { class: 'legend-item', transform: `translate(${num(cx)},${num(cy - 15)})` }, g);
      const swatch = svgEl(doc, 'g', { 'aria-hidden': 'true' }, entry);
      item.swatch(swatch);
      svgText(doc, entry, label, { x: sw + 6, y: 11, 'font-size': LEGEND_FONT, fill: INK });
      cx += itemWidth;
    }
    if (section.note) {
      const lines = wrapText(section.note, width - indent, 11.5, 2);
      lines.forEach((line, i) => {
        if (i > 0 || section.items.length > 0) cy += 17;
        svgText(doc, g, line, { x: indent, y: cy - 5, 'font-size': 11.5, fill: INK_MUTED, class: 'legend-note' });
      });
    }
    cy += 4;
  }
  return cy + 6;
}

/** A line sample for legends (optionally dashed), centred in the swatch box. */
export function lineSwatch(doc: Document, g: SVGGElement, colour: string, dash = '', width = 2.5): void {
  svgEl(
    doc,
    'line',
    {
      x1: 2,
      y1: SWATCH_H / 2,
      x2: SWATCH_W - 2,
      y2: SWATCH_H / 2,
      stroke: colour,
      'stroke-width': width,
      'stroke-dasharray': dash || undefined,
    },
    g,
  );
}
