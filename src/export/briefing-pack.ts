/**
 * The briefing pack: one self-contained HTML file of a story that opens offline from disk and prints to PDF.
 *
 * Built as a DOM (createElement + textContent, the figures imported with importNode) and serialised with
 * XMLSerializer, so every piece of data is escaped text; no markup string is ever assembled from data. The file has
 * no script, loads nothing (a meta CSP forbids every fetch; styles are inline, images only `data:`), and each imported
 * SVG is cleaned again (no script, foreignObject, event handler or outside reference) with its ids made unique.
 * Print: one step per page (`break-before: page`), figures and quotes never split, black on white.
 */
import { formatCalendarText } from '../model/calendar';
import type { Citation, Story } from '../story/types';

/** One step of the pack, with its figures already rendered. */
export interface BriefingPackStep {
  title: string;
  note: string;
  figures: { label: string; svg: SVGSVGElement }[];
  citation: Citation | null;
  /** Said above the step, e.g. which parts of the saved view no longer fit the dataset. */
  notice?: string;
}

/** What the pack is built from. */
export interface BriefingPackInput {
  story: Story;
  datasetName: string;
  steps: BriefingPackStep[];
  /** Printed on the cover as given (no clock is read here, so the same input gives the same bytes). */
  generatedOn?: string;
}

/** The pack's Content-Security-Policy: nothing may be fetched, no script may run. */
export const BRIEFING_PACK_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The pack's stylesheet. It must not contain `<`, `>` or `&`: XMLSerializer escapes them in text, and an HTML
 * parser does not unescape the content of `<style>` (a test checks this).
 */
export const BRIEFING_PACK_CSS = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { background: #fff; color: #111; }
body {
  margin: 0 auto;
  max-width: 52rem;
  padding: 2rem 1.25rem 4rem;
  font: 1rem/1.55 system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif;
}
h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 1.25rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.75rem; }
.kicker, .step-count { margin: 0 0 0.4rem; font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; color: #444; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 2rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.toc ol { padding-left: 1.5rem; }
.step, .sources { margin-top: 3rem; padding-top: 2rem; border-top: 1px solid #bbb; }
.note p { margin: 0 0 0.75rem; white-space: pre-line; }
.notice { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border: 1px solid #777; }
.figure { margin: 1.5rem 0; }
.figure svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.4rem; font-size: 0.875rem; color: #333; }
.citation { margin: 1.5rem 0; }
blockquote { margin: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid #555; font-size: 1.05rem; }
blockquote p { margin: 0; white-space: pre-line; }
.no-source { font-style: italic; color: #444; }
.ref { font-weight: 600; }
a { color: #0b4f9c; }
.sources ol { list-style: none; padding-left: 0; }
.sources li { margin-bottom: 0.9rem; }
.sources q { white-space: pre-line; }
@page { margin: 16mm 15mm; }
@media print {
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: #000; text-decoration: none; }
  .kicker, .step-count, figcaption, .no-source { color: #000; }
  .step, .sources { break-before: page; page-break-before: always; margin-top: 0; padding-top: 0; border-top: 0; }
  figure, blockquote, .notice { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, .step-count { break-after: avoid; page-break-after: avoid; }
  .figure, .citation { margin: 0.75rem 0; }
  /* Two figures, a note and a quote fit on one A4 or Letter page. */
  .figure svg { max-height: 75mm; }
}
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** SVG elements dropped from imported figures: script, HTML islands, links and animations that can set attributes. */
const DROPPED_SVG = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'audio',
  'video',
  'canvas',
  'a',
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'discard',
  'handler',
  'listener',
]);

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** Paragraphs of a note: split on blank lines, single line breaks kept (shown by `white-space: pre-line`). */
export function noteParagraphs(note: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of note.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (current.length > 0) out.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

/** True when every `url(` in a CSS value points inside the document (`url(#id)`). */
function onlyLocalUrls(value: string): boolean {
  const lower = value.toLowerCase();
  for (let at = lower.indexOf('url('); at >= 0; at = lower.indexOf('url(', at + 4)) {
    let i = at + 4;
    while (i < lower.length && (lower[i] === ' ' || lower[i] === '"' || lower[i] === "'")) i++;
    if (lower[i] !== '#') return false;
  }
  return true;
}

/** Attributes read as CSS, where a `url()` (or an escaped one) could fetch something. */
const CSS_ATTRIBUTES = new Set([
  'style',
  'fill',
  'stroke',
  'filter',
  'clip-path',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
]);

/** True for CSS that could load something: a non-local url(), @import, @font-face, image-set(), or any escape. */
function fetchingCss(css: string): boolean {
  return /@import|@font-face|image-set|\\/i.test(css) || !onlyLocalUrls(css);
}

const isLocalRef = (value: string): boolean => value.trim().startsWith('#');
const isDataImage = (value: string): boolean => /^data:image\/(?:png|jpeg|gif|webp);/i.test(value.trim());

/** Elements that only make sense with a reference: dropped whole when it points outside (or is missing). */
const REFERENCING_SVG = new Set(['image', 'use', 'feimage']);

/** True when the element's href (plain or xlink) is a local `#id`, or a raster data URL for an image. */
function hasOnlyAllowedRefs(node: Element): boolean {
  const refs = [node.getAttribute('href'), node.getAttributeNS(XLINK_NS, 'href')].filter((v) => v !== null);
  if (refs.length === 0) return false;
  const image = node.localName.toLowerCase() === 'image';
  return refs.every((v) => isLocalRef(v) || (image && isDataImage(v)));
}

/** Rewrites `#id` references (in url(), href and CSS text) to the renamed ids. */
function renameRefs(value: string, ids: Map<string, string>): string {
  return value.replace(/#([\w-]+)/g, (m: string, id: string) => {
    const renamed = ids.get(id);
    return renamed === undefined ? m : `#${renamed}`;
  });
}

const ID_LIST_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns']);

/**
 * Makes an imported SVG safe and unique in the page: drops dangerous elements and attributes (event handlers, outside
 * references, non-local url()), and prefixes every id (and every reference to one) with `prefix`.
 */
export function cleanSvg(svg: SVGSVGElement, prefix: string): void {
  for (const node of [...svg.querySelectorAll('*')]) {
    const name = node.localName.toLowerCase();
    if (DROPPED_SVG.has(name) || node.namespaceURI !== SVG_NS) node.remove();
    else if (REFERENCING_SVG.has(name) && !hasOnlyAllowedRefs(node)) node.remove();
  }
  const all = [svg, ...svg.querySelectorAll('*')];
  const ids = new Map<string, string>();
  for (const node of all) {
    const id = node.getAttribute('id');
    if (id !== null && id !== '') ids.set(id, `${prefix}${id}`);
  }
  for (const node of all) {
    const name = node.localName.toLowerCase();
    if (name === 'style') {
      const css = node.textContent ?? '';
      if (fetchingCss(css)) {
        node.remove();
        continue;
      }
      node.textContent = renameRefs(css, ids);
    }
    for (const attr of [...node.attributes]) {
      const attrName = attr.localName.toLowerCase();
      const value = attr.value;
      let keep = true;
      if (attrName.startsWith('on')) keep = false;
      else if (attrName === 'href' || attrName === 'src') {
        keep = isLocalRef(value) || (name === 'image' && isDataImage(value));
      } else if (CSS_ATTRIBUTES.has(attrName)) keep = !fetchingCss(value);
      else if (/url\(/i.test(value)) keep = onlyLocalUrls(value);
      if (!keep) {
        node.removeAttributeNode(attr);
        continue;
      }
      let next = value;
      if (attrName === 'id' && ids.has(value)) next = ids.get(value) ?? value;
      else if (ID_LIST_ATTRIBUTES.has(attrName)) {
        next = value
          .split(/\s+/)
          .filter((t) => t !== '')
          .map((t) => ids.get(t) ?? t)
          .join(' ');
      } else if (attrName === 'href' || /url\(/i.test(value)) next = renameRefs(value, ids);
      if (next !== value) {
        if (attr.namespaceURI === XLINK_NS) node.setAttributeNS(XLINK_NS, attr.name, next);
        else node.setAttribute(attr.name, next);
      }
    }
  }
  // Scales with the page only with a viewBox: add one from a numeric width and height.
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (!svg.hasAttribute('viewBox') && width > 0 && height > 0) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

/** A citation's source line: source, author, date in words (each only when known). */
function citationDetails(c: Citation): string {
  const parts = [c.source, c.author, c.published === null ? null : formatCalendarText(c.published)];
  return parts.filter((p): p is string => p !== null && p.trim() !== '').join(', ');
}

const citationKey = (c: Citation): string => `${c.docId}\u0000${c.start}\u0000${c.end}`;
const titleOf = (c: Citation): string => (c.docTitle.trim() === '' ? `Document ${c.docId}` : c.docTitle);

interface Source {
  number: number;
  citation: Citation;
  steps: number[];
}

/** Numbers the citations in order of first use; the same sentence cited twice keeps its number. */
function numberSources(steps: readonly BriefingPackStep[]): { sources: Source[]; numberOf: (i: number) => number } {
  const byKey = new Map<string, Source>();
  const perStep: number[] = [];
  steps.forEach((step, i) => {
    if (!step.citation) {
      perStep.push(0);
      return;
    }
    const key = citationKey(step.citation);
    let source = byKey.get(key);
    if (!source) {
      source = { number: byKey.size + 1, citation: step.citation, steps: [] };
      byKey.set(key, source);
    }
    source.steps.push(i + 1);
    perStep.push(source.number);
  });
  return { sources: [...byKey.values()], numberOf: (i) => perStep[i] ?? 0 };
}

function buildCover(doc: Document, input: BriefingPackInput, storyTitle: string): HTMLElement {
  const n = input.steps.length;
  const facts = el(
    doc,
    'dl',
    { class: 'facts' },
    el(doc, 'dt', {}, 'Dataset'),
    el(doc, 'dd', {}, input.datasetName || 'Untitled dataset'),
    el(doc, 'dt', {}, 'Steps'),
    el(doc, 'dd', {}, String(n)),
  );
  if (input.generatedOn !== undefined && input.generatedOn !== '') {
    facts.append(el(doc, 'dt', {}, 'Generated'), el(doc, 'dd', {}, input.generatedOn));
  }
  const toc = el(doc, 'ol', {});
  input.steps.forEach((step, i) => {
    toc.append(el(doc, 'li', {}, el(doc, 'a', { href: `#step-${i + 1}` }, stepTitle(step))));
  });
  toc.append(el(doc, 'li', {}, el(doc, 'a', { href: '#sources' }, 'Sources')));
  return el(
    doc,
    'header',
    { class: 'cover' },
    el(doc, 'p', { class: 'kicker' }, 'Threadline briefing'),
    el(doc, 'h1', {}, storyTitle),
    facts,
    el(
      doc,
      'nav',
      { class: 'toc', 'aria-labelledby': 'toc-title' },
      el(doc, 'h2', { id: 'toc-title' }, 'Contents'),
      n === 0 ? el(doc, 'p', {}, 'This briefing has no steps.') : toc,
    ),
  );
}

const stepTitle = (step: BriefingPackStep): string => (step.title.trim() === '' ? 'Untitled step' : step.title);

function buildStep(doc: Document, step: BriefingPackStep, i: number, total: number, ref: number): HTMLElement {
  const n = i + 1;
  const section = el(
    doc,
    'section',
    { class: 'step', id: `step-${n}`, 'aria-labelledby': `step-${n}-title` },
    el(doc, 'p', { class: 'step-count' }, `Step ${n} of ${total}`),
    el(doc, 'h2', { id: `step-${n}-title` }, stepTitle(step)),
  );
  if (step.notice !== undefined && step.notice !== '') {
    section.append(el(doc, 'p', { class: 'notice', role: 'note' }, step.notice));
  }
  const paragraphs = noteParagraphs(step.note);
  if (paragraphs.length > 0) {
    section.append(el(doc, 'div', { class: 'note' }, ...paragraphs.map((p) => el(doc, 'p', {}, p))));
  }
  step.figures.forEach((figure, j) => {
    const svg = doc.importNode(figure.svg, true);
    cleanSvg(svg, `s${n}f${j + 1}-`);
    section.append(
      el(doc, 'figure', { class: 'figure' }, svg, el(doc, 'figcaption', {}, `Figure ${n}.${j + 1}: ${figure.label}`)),
    );
  });
  const c = step.citation;
  if (c) {
    const details = citationDetails(c);
    section.append(
      el(
        doc,
        'figure',
        { class: 'citation' },
        el(doc, 'blockquote', {}, el(doc, 'p', {}, c.quote)),
        el(
          doc,
          'figcaption',
          {},
          el(doc, 'a', { class: 'ref', href: `#source-${ref}` }, `[${ref}]`),
          ' ',
          el(doc, 'cite', {}, titleOf(c)),
          details ? `, ${details}` : '',
        ),
      ),
    );
  } else {
    section.append(el(doc, 'p', { class: 'no-source' }, 'No source sentence for this step.'));
  }
  return section;
}

function buildSources(doc: Document, sources: readonly Source[]): HTMLElement {
  const section = el(
    doc,
    'section',
    { class: 'sources', id: 'sources', 'aria-labelledby': 'sources-title' },
    el(doc, 'h2', { id: 'sources-title' }, 'Sources'),
  );
  if (sources.length === 0) {
    section.append(el(doc, 'p', {}, 'No step of this briefing cites a source.'));
    return section;
  }
  const list = el(doc, 'ol', {});
  for (const { number, citation: c, steps } of sources) {
    const details = citationDetails(c);
    list.append(
      el(
        doc,
        'li',
        { id: `source-${number}`, value: String(number) },
        el(doc, 'span', { class: 'ref' }, `[${number}]`),
        ' ',
        el(doc, 'cite', {}, titleOf(c)),
        details ? `. ${details}.` : '.',
        ' ',
        el(doc, 'q', {}, c.quote),
        ` (document ${c.docId}, characters ${c.start}–${c.end}; cited in ${steps.length > 1 ? 'steps' : 'step'} ${steps.join(', ')}.)`,
      ),
    );
  }
  section.append(list);
  return section;
}

/** Builds the pack's document (exported for tests; use buildBriefingPack for the file). */
export function buildBriefingPackDocument(
  input: BriefingPackInput,
  impl: DOMImplementation = document.implementation,
): Document {
  const storyTitle = input.story.title.trim() === '' ? 'Untitled briefing' : input.story.title;
  const doc = impl.createHTMLDocument(`${storyTitle} · Briefing`);
  doc.documentElement.setAttribute('lang', 'en');
  const head = doc.head;
  head.prepend(
    el(doc, 'meta', { charset: 'utf-8' }),
    el(doc, 'meta', { 'http-equiv': 'Content-Security-Policy', content: BRIEFING_PACK_CSP }),
    el(doc, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el(doc, 'meta', { name: 'referrer', content: 'no-referrer' }),
    el(doc, 'meta', { name: 'generator', content: 'Threadline' }),
  );
  head.append(el(doc, 'style', {}, BRIEFING_PACK_CSS));

  const { sources, numberOf } = numberSources(input.steps);
  const main = el(doc, 'main', {});
  input.steps.forEach((step, i) => main.append(buildStep(doc, step, i, input.steps.length, numberOf(i))));
  doc.body.append(buildCover(doc, input, storyTitle), main, buildSources(doc, sources));
  return doc;
}

/** Builds the briefing pack: one complete HTML document as text (no script, no outside resource). */
export function buildBriefingPack(input: BriefingPackInput, impl: DOMImplementation = document.implementation): string {
  const doc = buildBriefingPackDocument(input, impl);
  return `<!doctype html>\n${new XMLSerializer().serializeToString(doc.documentElement)}\n`;
}
