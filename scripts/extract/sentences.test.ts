import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { segmentCuts, splitSentences, splitSentencesByLine } from './sentences';

/** segmentCuts by the iterator protocol (its definition), with the same segmenter settings. */
function segmentCutsIterated(s: string, offset: number): number[] {
  const cuts: number[] = [];
  for (const seg of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(s))
    if (seg.index > 0) cuts.push(offset + seg.index);
  return cuts;
}

const texts = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops and keeps exact trimmed offsets', () => {
    expect(texts('  One here.  Two there. ')).toEqual(['One here.', 'Two there.']);
  });
  it('does not split after U.S. before a capitalised name', () => {
    expect(texts('He accepted the call by U.S. Secretary of State Mike Pompeo on April 8.')).toHaveLength(1);
  });
  it('does not split after titles and month abbreviations', () => {
    expect(texts('Dr. Smith met Mr. Jones on Jan. 5. They talked.')).toEqual([
      'Dr. Smith met Mr. Jones on Jan. 5.',
      'They talked.',
    ]);
  });
  it('keeps a split after U.S. when a pronoun starts the next sentence', () => {
    expect(texts('Aid came from the U.S. He thanked them.')).toHaveLength(2);
  });
  it('never crosses a line break and numbers paragraphs by non-empty line', () => {
    const s = splitSentences('Title line\r\n\r\nFirst para. Second.\nThird para');
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1, 2]);
  });
  it('drops sentences inside skip spans', () => {
    const t = 'Logo of X\nBody text here.';
    expect(splitSentences(t, [{ start: 0, end: 9 }]).map((s) => t.slice(s.start, s.end))).toEqual(['Body text here.']);
  });
  it('handles a long single line in linear time', () => {
    const t = 'Cambodia said the talks went well. '.repeat(30_000);
    const t0 = performance.now();
    expect(splitSentences(t).length).toBe(30_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
  test.prop([fc.string({ maxLength: 300 })])('sentences are trimmed, ordered and inside the text', (t) => {
    let last = 0;
    for (const s of splitSentences(t)) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(s.end).toBeGreaterThan(s.start);
      expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
      last = s.end;
    }
  });
  // ICU runs once over the whole text; segmenting each line on its own (the definition) must give the same result.
  const pieces = [
    'He', 'the', 'Dr.', 'U.S.', 'Jan.', 'J.', 'a.m.', 'e.g.', 'etc.', 'word', 'Word', '5', '1.5', '.', '. ', '!', '?',
    '?!', '…', '"', '”', ')', '(', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', ' \n', '\u2028', '\u2029',
    '\u0085', '\u00a0', '。', 'é', ',', ';', '-',
  ]; // prettier-ignore
  test.prop([fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((p) => p.join(''))], { numRuns: 2000 })(
    'whole-text segmentation equals line-by-line segmentation',
    (t) => {
      expect(splitSentences(t)).toEqual(splitSentencesByLine(t));
      const skip = [{ start: 3, end: 20 }];
      expect(splitSentences(t, skip)).toEqual(splitSentencesByLine(t, skip));
    },
  );
  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])('the same on arbitrary strings', (t) => {
    expect(splitSentences(t)).toEqual(splitSentencesByLine(t));
  });
  test.prop([fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((p) => p.join('')), fc.nat(1000)])(
    "walking segments with containing() gives the iterator's boundaries",
    (t, offset) => {
      expect(segmentCuts(t, offset)).toEqual(segmentCutsIterated(t, offset));
    },
  );
  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])('the same boundaries on arbitrary strings', (t) => {
    expect(segmentCuts(t, 0)).toEqual(segmentCutsIterated(t, 0));
  });
});
