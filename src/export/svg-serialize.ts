/**
 * Serialises a figure to the text of a standalone .svg file: an XML prolog, then the figure as XML, after
 * DOMPurify (SVG profile) has removed anything that could run or fetch: scripts, event-handler attributes,
 * foreignObject, links and hrefs, style elements, animations. The figure's own defs, patterns, gradients, markers
 * and titles pass through. The figure is sanitised as a clone, in place, and serialised with XMLSerializer, so the
 * output is well-formed XML (not the HTML serialisation of a string round trip).
 */
import DOMPurify from 'dompurify';

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

/** DOMPurify's SVG profiles, plus the figure's `role`; no href of any kind, no style, links or animations. */
const PURIFY_CONFIG = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_ATTR: ['role'],
  FORBID_TAGS: ['a', 'style', 'image', 'foreignobject', 'animate', 'animatemotion', 'animatetransform', 'set'],
  FORBID_ATTR: ['href', 'xlink:href', 'src', 'style'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  IN_PLACE: true,
};

type View = Window & typeof globalThis;

const purifiers = new WeakMap<View, ReturnType<typeof DOMPurify>>();

/** One DOMPurify instance per window (the figure's document may not be the page's). */
function purifierFor(view: View): ReturnType<typeof DOMPurify> {
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = DOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/** The figure's size in px, from its width/height attributes (else its viewBox). */
export function figureSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const vw = box[2] ?? 0;
  const vh = box[3] ?? 0;
  if (vw > 0 && vh > 0) return { width: vw, height: vh };
  throw new Error('The figure has no size (width/height or viewBox).');
}

/** The sanitised figure as the text of an .svg file (the figure passed in is not changed). */
export function serializeSvg(svg: SVGSVGElement): string {
  const doc = svg.ownerDocument;
  const view = doc.defaultView ?? (typeof window !== 'undefined' ? window : null);
  if (!view) throw new Error('serializeSvg needs a DOM (a window) to sanitise the figure.');
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = figureSize(svg);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  purifierFor(view).sanitize(clone, PURIFY_CONFIG);
  const text = new view.XMLSerializer().serializeToString(clone);
  return `${XML_PROLOG}${text}\n`;
}
