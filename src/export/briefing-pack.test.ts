// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Citation, Story } from '../story/types';
import {
  BRIEFING_PACK_CSP,
  BRIEFING_PACK_CSS,
  buildBriefingPack,
  buildBriefingPackDocument,
  noteParagraphs,
  type BriefingPackInput,
  type BriefingPackStep,
} from './briefing-pack';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function svgEl(name: string, attrs: Record<string, string> = {}, parent?: Element): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent?.append(node);
  return node;
}

/** A figure like the renderers make: a title, a gradient and a marker referenced by id, text labels. */
function figure(label: string): SVGSVGElement {
  const svg = svgEl('svg', { width: '800', height: '400', role: 'img', 'aria-labelledby': 'fig-title' });
  const title = svgEl('title', { id: 'fig-title' }, svg);
  title.textContent = label;
  const defs = svgEl('defs', {}, svg);
  svgEl('linearGradient', { id: 'grad' }, defs);
  svgEl('marker', { id: 'arrow' }, defs);
  svgEl('rect', { width: '800', height: '400', fill: 'url(#grad)' }, svg);
  svgEl('line', { x1: '0', y1: '0', x2: '10', y2: '10', 'marker-end': 'url(#arrow)' }, svg);
  const text = svgEl('text', { x: '10', y: '20' }, svg);
  text.textContent = `${label} <b>&amp;</b>`;
  return svg as SVGSVGElement;
}

/** A figure carrying everything a cleaned SVG must not keep. */
function hostileFigure(): SVGSVGElement {
  const svg = figure('Hostile');
  svg.setAttribute('onload', 'window.__xss = 1');
  svgEl('script', {}, svg).textContent = 'window.__xss = 2';
  svgEl('foreignObject', {}, svg).append(document.createElement('iframe'));
  svgEl('image', { href: 'https://evil.example/beacon.png', width: '1', height: '1' }, svg);
  const image = svgEl('image', { width: '1', height: '1' }, svg);
  image.setAttributeNS(XLINK_NS, 'xlink:href', 'http://evil.example/x.png');
  svgEl('image', { href: 'data:image/png;base64,iVBORw0KGgo=', width: '1', height: '1' }, svg);
  svgEl('use', { href: 'https://evil.example/sprite.svg#icon' }, svg);
  svgEl('use', { href: '#arrow' }, svg);
  const a = svgEl('a', { href: 'javascript:alert(1)' }, svg);
  svgEl('rect', { width: '1', height: '1' }, a);
  svgEl('rect', { width: '1', height: '1', style: 'fill: url(https://evil.example/f.svg#p)' }, svg);
  svgEl('circle', { r: '3', onclick: 'alert(1)', onmouseover: 'alert(2)' }, svg);
  svgEl('rect', { width: '1', height: '1', fill: '\\75 rl(https://evil.example/p)', 'data-keep': 'yes' }, svg);
  svgEl('rect', { width: '1', height: '1', style: 'fill: red', 'aria-label': 'Back\\slash' }, svg);
  svgEl('style', {}, svg).textContent = '@import url(https://evil.example/x.css);';
  svgEl('style', {}, svg).textContent = 'svg { background: image-set("https://evil.example/i.png" 1x); }';
  svgEl('style', {}, svg).textContent = 'text { font-weight: bold; }';
  svgEl('animate', { attributeName: 'href', to: 'javascript:alert(1)' }, svg);
  return svg;
}

const citation = (over: Partial<Citation> = {}): Citation => ({
  docId: 'doc-a',
  docTitle: 'Talks in Geneva',
  source: 'Fixture Times',
  author: 'A. Writer',
  published: '2022-04-03',
  quote: 'On 28 March 2022 Anna Berg met Omar Haddad in Geneva to discuss a ceasefire.',
  start: 17,
  end: 94,
  ...over,
});

const story = (title: string, n: number): Story => ({
  id: 'story-1',
  title,
  datasetKey: 'key',
  datasetName: 'Small fixture',
  steps: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: `Step ${i}`, note: '', view: '' })),
  updated: 0,
});

function input(steps: BriefingPackStep[], title = 'Geneva talks'): BriefingPackInput {
  return { story: story(title, steps.length), datasetName: 'Small fixture', steps, generatedOn: '2024-05-01' };
}

const STEPS: BriefingPackStep[] = [
  {
    title: 'The meeting',
    note: 'Berg and Haddad met.\n\nThey talked\nfor hours.',
    figures: [
      { label: 'Timeline', svg: figure('Timeline') },
      { label: 'Network', svg: figure('Network') },
    ],
    citation: citation(),
  },
  {
    title: 'Context',
    note: '',
    figures: [],
    citation: null,
    notice: 'The selected actor is no longer in the dataset.',
  },
  {
    title: 'Aid',
    note: 'Aid arrived.',
    figures: [{ label: 'Network', svg: figure('Network') }],
    citation: citation({
      docId: 'doc-c',
      docTitle: '',
      source: null,
      author: null,
      published: null,
      quote: 'Later.',
      start: 1,
      end: 7,
    }),
  },
  { title: '', note: 'Back to the meeting.', figures: [], citation: citation() },
];

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const headings = (doc: Document): string[] =>
  [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName}: ${h.textContent}`);

describe('buildBriefingPack', () => {
  const html = buildBriefingPack(input(STEPS));
  const doc = parse(html);

  it('is a complete HTML document in English with charset and CSP first', () => {
    expect(html.startsWith('<!doctype html>\n<html')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    const metas = [...doc.head.children].slice(0, 2);
    expect(metas[0]?.getAttribute('charset')).toBe('utf-8');
    expect(metas[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(metas[1]?.getAttribute('content')).toBe(BRIEFING_PACK_CSP);
    expect(BRIEFING_PACK_CSP).toContain("default-src 'none'");
    expect(doc.title).toBe('Geneva talks · Briefing');
  });

  it('has a cover, one section per step with "Step n of N", and the sources at the end', () => {
    expect(doc.querySelector('h1')?.textContent).toBe('Geneva talks');
    const facts = [...doc.querySelectorAll('.facts dd')].map((d) => d.textContent);
    expect(facts).toEqual(['Small fixture', '4', '2024-05-01']);
    const sections = doc.querySelectorAll('main > section.step');
    expect(sections).toHaveLength(4);
    expect([...sections].map((s) => s.querySelector('.step-count')?.textContent)).toEqual([
      'Step 1 of 4',
      'Step 2 of 4',
      'Step 3 of 4',
      'Step 4 of 4',
    ]);
    expect(headings(doc)).toEqual([
      'h1: Geneva talks',
      'h2: Contents',
      'h2: The meeting',
      'h2: Context',
      'h2: Aid',
      'h2: Untitled step',
      'h2: Sources',
    ]);
    expect(doc.body.lastElementChild?.id).toBe('sources');
  });

  it('keeps the note paragraphs and shows notices', () => {
    const first = doc.querySelector('#step-1 .note');
    expect([...(first?.querySelectorAll('p') ?? [])].map((p) => p.textContent)).toEqual([
      'Berg and Haddad met.',
      'They talked\nfor hours.',
    ]);
    expect(doc.querySelector('#step-2 .notice')?.textContent).toBe('The selected actor is no longer in the dataset.');
    expect(doc.querySelector('#step-2 .note')).toBeNull();
  });

  it('numbers citations across the pack; a repeated sentence keeps its number', () => {
    const refs = [...doc.querySelectorAll('main .citation .ref')].map((r) => r.textContent);
    expect(refs).toEqual(['[1]', '[2]', '[1]']);
    expect(doc.querySelector('#step-2 .no-source')?.textContent).toBe('No source sentence for this step.');
    const caption = doc.querySelector('#step-1 .citation figcaption')?.textContent;
    expect(caption).toBe('[1] Talks in Geneva, Fixture Times, A. Writer, 3 April 2022');
    expect(doc.querySelector('#step-1 blockquote')?.textContent).toBe(citation().quote);
    const sources = [...doc.querySelectorAll('#sources li')];
    expect(sources.map((li) => li.id)).toEqual(['source-1', 'source-2']);
    expect(sources[0]?.textContent).toContain('cited in steps 1, 4');
    expect(sources[0]?.querySelector('q')?.textContent).toBe(citation().quote);
    expect(sources[1]?.textContent).toContain('Document doc-c');
    expect(sources[1]?.textContent).toContain('cited in step 3.');
  });

  it('puts every figure in a <figure> with a caption, scaled to the page', () => {
    const figures = doc.querySelectorAll('main figure.figure');
    expect(figures).toHaveLength(3);
    for (const f of figures) {
      const svg = f.querySelector('svg');
      expect(svg?.namespaceURI).toBe(SVG_NS);
      expect(svg?.getAttribute('viewBox')).toBe('0 0 800 400');
      expect(f.querySelector('figcaption')?.textContent).toMatch(/^Figure \d\.\d: (Timeline|Network)$/);
    }
    expect(figures[0]?.querySelector('text')?.textContent).toBe('Timeline <b>&amp;</b>');
    expect(BRIEFING_PACK_CSS).toMatch(/\.figure svg \{[^}]*max-width: 100%;[^}]*height: auto;/);
  });

  it('makes ids unique across figures and keeps the references pointing at them', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const node of doc.querySelectorAll('svg *, svg')) {
      for (const attr of node.attributes) {
        for (const m of attr.value.matchAll(/url\(#([^)]+)\)/g)) {
          const target = doc.getElementById(m[1] ?? '');
          expect(target?.closest('svg')).toBe(node.closest('svg'));
        }
      }
      const labelledBy = node.getAttribute('aria-labelledby');
      if (labelledBy) expect(doc.getElementById(labelledBy)?.closest('svg')).toBe(node.closest('svg'));
    }
    // The caller's elements are not changed.
    expect(STEPS[0]?.figures[0]?.svg.querySelector('title')?.id).toBe('fig-title');
  });

  it('has print rules: page margins, one step per page, figures and quotes unbroken, black on white', () => {
    expect(doc.querySelector('style')?.textContent).toBe(BRIEFING_PACK_CSS);
    expect(BRIEFING_PACK_CSS).toMatch(/@page \{[^}]*margin/);
    const print = BRIEFING_PACK_CSS.slice(BRIEFING_PACK_CSS.indexOf('@media print'));
    expect(print).toMatch(/\.step, \.sources \{[^}]*break-before: page/);
    expect(print).toMatch(/figure, blockquote, \.notice \{[^}]*break-inside: avoid/);
    expect(print).toMatch(/color: #000/);
    // XMLSerializer would escape these inside <style>, and HTML does not unescape them there.
    expect(BRIEFING_PACK_CSS).not.toMatch(/[<>&]/);
  });

  it('is deterministic', () => {
    expect(buildBriefingPack(input(STEPS))).toBe(html);
  });

  it('re-parses to the same document', () => {
    const built = buildBriefingPackDocument(input(STEPS));
    expect(headings(doc)).toEqual(headings(built));
    // The file's final newline lands in the body as white space.
    expect(doc.body.textContent?.trimEnd()).toBe(built.body.textContent);
    expect(doc.querySelectorAll('*').length).toBe(built.querySelectorAll('*').length);
  });
});

describe('buildBriefingPack with hostile input', () => {
  const evil = '<script>window.__xss=1</script></style></title><img src=x onerror="window.__xss=2">';
  const steps: BriefingPackStep[] = [
    {
      title: `Title ${evil}`,
      note: `Note ${evil}\n\n<svg onload=alert(1)>`,
      figures: [{ label: `Label ${evil}`, svg: hostileFigure() }],
      citation: citation({ docTitle: evil, quote: `Quote ${evil}`, source: evil, author: '<b>A</b>' }),
      notice: evil,
    },
  ];
  const html = buildBriefingPack({ ...input(steps, evil), datasetName: evil });
  const doc = parse(html);

  it('has no script, no event handler and no outside reference', () => {
    expect(html).not.toMatch(/<script/i);
    expect(
      doc.querySelectorAll('script, img, iframe, object, embed, link, base, foreignObject, a[href^="j"]'),
    ).toHaveLength(0);
    for (const node of doc.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        expect(attr.name.toLowerCase().startsWith('on'), `${node.localName} ${attr.name}`).toBe(false);
        if (['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'data'].includes(attr.name)) {
          expect(attr.value.startsWith('#') || attr.value.startsWith('data:image/png;'), attr.value).toBe(true);
        }
        if (/url\(/i.test(attr.value)) expect(attr.value).toMatch(/^(?:[^u]|u(?!rl\())*url\(#/);
      }
    }
    expect(doc.querySelectorAll('image')).toHaveLength(1);
    expect([...doc.querySelectorAll('use')].map((u) => u.getAttribute('href'))).toEqual(['#s1f1-arrow']);
    expect([...doc.querySelectorAll('svg style')].map((s) => s.textContent)).toEqual(['text { font-weight: bold; }']);
    expect(doc.querySelectorAll('animate')).toHaveLength(0);
    // An escaped url() is dropped; harmless attributes stay.
    const kept = doc.querySelector('rect[data-keep]');
    expect(kept?.hasAttribute('fill')).toBe(false);
    expect(doc.querySelector('rect[style="fill: red"]')?.getAttribute('aria-label')).toBe('Back\\slash');
  });

  it('shows every hostile string as text', () => {
    expect(doc.title).toBe(`${evil} · Briefing`);
    expect(doc.querySelector('h1')?.textContent).toBe(evil);
    expect(doc.querySelector('#step-1 h2')?.textContent).toBe(`Title ${evil}`);
    expect([...doc.querySelectorAll('#step-1 .note p')].map((p) => p.textContent)).toEqual([
      `Note ${evil}`,
      '<svg onload=alert(1)>',
    ]);
    expect(doc.querySelector('#step-1 blockquote')?.textContent).toBe(`Quote ${evil}`);
    expect(doc.querySelector('#step-1 .notice')?.textContent).toBe(evil);
    expect(doc.querySelector('#step-1 figcaption')?.textContent).toBe(`Figure 1.1: Label ${evil}`);
    expect(doc.querySelector('.facts dd')?.textContent).toBe(evil);
    expect(doc.querySelector('style')?.textContent).toBe(BRIEFING_PACK_CSS);
    expect(doc.querySelectorAll('style')).toHaveLength(2);
  });
});

describe('buildBriefingPack edge cases', () => {
  it('handles a story without steps', () => {
    const doc = parse(buildBriefingPack({ ...input([], ''), generatedOn: undefined }));
    expect(doc.querySelector('h1')?.textContent).toBe('Untitled briefing');
    expect(doc.querySelector('.toc p')?.textContent).toBe('This briefing has no steps.');
    expect(doc.querySelectorAll('section.step')).toHaveLength(0);
    expect(doc.querySelector('#sources p')?.textContent).toBe('No step of this briefing cites a source.');
    expect([...doc.querySelectorAll('.facts dt')].map((d) => d.textContent)).toEqual(['Dataset', 'Steps']);
  });

  it('splits notes on blank lines only', () => {
    expect(noteParagraphs('')).toEqual([]);
    expect(noteParagraphs('\n \n')).toEqual([]);
    expect(noteParagraphs('a\nb\r\n\r\n  \nc\rd\n\n')).toEqual(['a\nb', 'c\nd']);
  });
});
