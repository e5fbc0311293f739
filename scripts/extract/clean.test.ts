import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { findFurniture, headlineTitle } from './clean';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
const spans = (t: string): string[] => findFurniture(t).map((f) => `${f.kind}:${t.slice(f.start, f.end)}`);

describe('findFurniture', () => {
  it('finds logo and content-image lines', () => {
    const t =
      'Logo of Daily Star newspaper Daily Star - Talks resume\nContent image - Daily Star\nTalks resumed today.';
    expect(spans(t)).toEqual([
      'logo:Logo of Daily Star newspaper Daily Star - Talks resume',
      'caption:Content image - Daily Star',
    ]);
  });
  it('finds a photo caption ending with an agency credit', () => {
    expect(spans('Body one.\nThe minister speaks in Hanoi on Monday. AFP\nBody two.')).toEqual([
      'caption:The minister speaks in Hanoi on Monday. AFP',
    ]);
  });
  it('finds a repeated headline line', () => {
    expect(spans('Talks resume in Geneva\n\nTalks resume in Geneva\n\nThe talks resumed.')).toEqual([
      'headline:Talks resume in Geneva',
    ]);
  });
  it('finds a byline and the role lines after it at the end', () => {
    const t = 'Body.\n\nBy Jane Roe\n\nSpokesman of the Council\n';
    expect(findFurniture(t)).toEqual([{ start: 7, end: t.length - 1, kind: 'byline' }]);
  });
  it('finds a trailing author bio', () => {
    const t = 'Body text.\nJane Roe is a doctoral student at the University of Oslo.';
    expect(spans(t)).toEqual(['bio:Jane Roe is a doctoral student at the University of Oslo.']);
  });
  it('finds a trailing block of bullet teasers with indented text', () => {
    const t = 'Body.\n\n  • First teaser\n\n    Some text\n\n  • Second teaser\n\n    More text';
    expect(findFurniture(t).map((f) => f.kind)).toEqual(['teaser']);
    expect(t.slice(findFurniture(t)[0]!.start)).toBe(
      '• First teaser\n\n    Some text\n\n  • Second teaser\n\n    More text',
    );
  });
  it('does not mark ordinary body lines', () => {
    expect(findFurniture('Cambodia said on Monday it would attend.\nThe talks went well.')).toEqual([]);
  });
  it('on seed 004: header lines and the trailing teaser block', () => {
    const t = seed('004_e1855cd80423222c.txt');
    const kinds = findFurniture(t).map((f) => f.kind);
    expect(kinds).toEqual(['logo', 'caption', 'caption', 'headline', 'teaser']);
    const teaser = findFurniture(t).at(-1)!;
    expect(t.slice(teaser.start, teaser.start + 10)).toBe('• NY siste');
    expect(teaser.end).toBe(t.trimEnd().length);
  });
  it('on seed 002: author name lines and bio', () => {
    const t = seed('002_8f6fdb70f5401a35.txt');
    const f = findFurniture(t);
    expect(f.map((x) => x.kind)).toEqual(['byline', 'bio']);
    expect(t.slice(f[1]!.start, f[1]!.start + 21)).toBe('Anuj Dhyani is curren');
  });
  it('on seed 003: the byline block', () => {
    const t = seed('003_cc330f91d3e3a3b7.txt');
    const f = findFurniture(t);
    expect(f).toHaveLength(1);
    expect(t.slice(f[0]!.start, f[0]!.start + 9)).toBe('By Ek Tha');
    expect(t.slice(f[0]!.start, f[0]!.end)).toContain('Spokesperson Unit.');
  });
  test.prop([fc.string({ maxLength: 400 })])('spans are exact, ordered and never throw', (t) => {
    let last = 0;
    for (const f of findFurniture(t)) {
      expect(f.start).toBeGreaterThanOrEqual(last);
      expect(f.end).toBeLessThanOrEqual(t.length);
      last = f.end;
    }
  });
});

describe('headlineTitle', () => {
  it('takes the first headline-like line', () => {
    expect(headlineTitle('Talks resume\n\nBody.')).toBe('Talks resume');
  });
  it('skips logo lines and strips an OPINION kicker', () => {
    expect(headlineTitle('Logo of X\nOPINION: A view\nBody.')).toBe('A view');
  });
  it('is undefined when the text starts with body prose', () => {
    expect(headlineTitle('The ministry said so on Monday.\nMore.')).toBeUndefined();
  });
});
