import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { groupRuns, splitByMentions } from './split-by-mentions';

const joined = (r: ReturnType<typeof splitByMentions>) => r.segments.map((s) => s.text).join('');

describe('splitByMentions', () => {
  it('returns one plain segment when there is nothing to mark', () => {
    const r = splitByMentions('Hello world', []);
    expect(r.segments).toEqual([{ start: 0, end: 11, text: 'Hello world', emphasis: false }]);
  });

  it('returns no segments for empty text', () => {
    expect(splitByMentions('', [{ actorId: 'a', start: 0, end: 3 }]).segments).toEqual([]);
  });

  it('cuts at mention boundaries and tags the mention', () => {
    const text = 'Anna Berg met Omar Haddad.';
    const r = splitByMentions(text, [
      { actorId: 'haddad', start: 14, end: 25 },
      { actorId: 'berg', start: 0, end: 9 },
    ]);
    expect(r.mentions.map((m) => m.actorId)).toEqual(['berg', 'haddad']);
    expect(r.segments.map((s) => [s.text, s.mention])).toEqual([
      ['Anna Berg', 0],
      [' met ', undefined],
      ['Omar Haddad', 1],
      ['.', undefined],
    ]);
    expect(joined(r)).toBe(text);
  });

  it('resolves overlapping mentions deterministically (earliest, then longest, then actor id)', () => {
    const text = 'the Red Harbour Coalition said';
    const spans = [
      { actorId: 'harbour', start: 8, end: 15 },
      { actorId: 'rhc', start: 4, end: 25 },
      { actorId: 'red', start: 4, end: 7 },
      { actorId: 'aaa', start: 4, end: 25 },
    ];
    const a = splitByMentions(text, spans);
    const b = splitByMentions(text, [...spans].reverse());
    expect(a.mentions).toEqual([{ actorId: 'aaa', start: 4, end: 25 }]);
    expect(b).toEqual(a);
  });

  it('lets a timex overlap a mention and nests them by segment', () => {
    const text = 'On Monday Paris decided.';
    const r = splitByMentions(
      text,
      [{ actorId: 'paris', start: 10, end: 15 }],
      [{ start: 3, end: 15, value: 'XXXX-WXX-1' }],
    );
    expect(r.segments.map((s) => [s.text, s.mention, s.timex])).toEqual([
      ['On ', undefined, undefined],
      ['Monday ', undefined, 0],
      ['Paris', 0, 0],
      [' decided.', undefined, undefined],
    ]);
  });

  it('marks furniture (merged when overlapping) and the emphasis', () => {
    const text = 'LOGO Byline. The sentence. Rest.';
    const r = splitByMentions(
      text,
      [],
      [],
      [
        { start: 5, end: 12, kind: 'byline' },
        { start: 0, end: 7, kind: 'logo' },
      ],
      { start: 13, end: 26 },
    );
    expect(r.furniture).toEqual([{ start: 0, end: 12, kind: 'logo' }]);
    expect(r.segments.map((s) => [s.text, s.furniture, s.emphasis])).toEqual([
      ['LOGO Byline.', 0, false],
      [' ', undefined, false],
      ['The sentence.', undefined, true],
      [' Rest.', undefined, false],
    ]);
  });

  it('handles emoji and astral characters with UTF-16 offsets', () => {
    const text = '😀 Zoë met 𝒜lice 👩‍👩‍👧 in Köln.';
    const start = text.indexOf('𝒜lice');
    const r = splitByMentions(text, [{ actorId: 'alice', start, end: start + '𝒜lice'.length }]);
    expect(r.segments.find((s) => s.mention === 0)?.text).toBe('𝒜lice');
    expect(joined(r)).toBe(text);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a😀b';
    // 1..2 would split the emoji (code units 1 and 2).
    const r = splitByMentions(text, [{ actorId: 'x', start: 2, end: 4 }]);
    for (const s of r.segments) {
      expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(joined(r)).toBe(text);
  });

  it('keeps CRLF and blank lines intact', () => {
    const text = 'First para.\r\n\r\nSecond para with Berg.\r\n';
    const start = text.indexOf('Berg');
    const r = splitByMentions(text, [{ actorId: 'berg', start, end: start + 4 }], [], [], {
      start: text.indexOf('Second'),
      end: text.indexOf('Berg.') + 5,
    });
    expect(joined(r)).toBe(text);
    expect(r.segments.find((s) => s.mention === 0)?.text).toBe('Berg');
    expect(r.segments.filter((s) => s.emphasis).map((s) => s.text)).toEqual(['Second para with ', 'Berg', '.']);
  });

  it('clamps and drops spans outside the text or empty', () => {
    const r = splitByMentions(
      'short',
      [
        { actorId: 'a', start: 3, end: 100 },
        { actorId: 'b', start: 4, end: 4 },
        { actorId: 'c', start: 50, end: 60 },
      ],
      [],
      [],
      { start: 90, end: 95 },
    );
    expect(r.mentions).toEqual([{ actorId: 'a', start: 3, end: 5 }]);
    expect(r.emphasis).toBeNull();
    expect(joined(r)).toBe('short');
  });

  it('is fast enough for a 100k-character document with 5k mentions', () => {
    const text = 'Anna Berg met Omar Haddad. '.repeat(4000);
    const mentions = [];
    for (let i = 0; i < 4000; i += 1) {
      mentions.push({ actorId: 'berg', start: i * 27, end: i * 27 + 9 });
      if (i % 3 === 0) mentions.push({ actorId: 'haddad', start: i * 27 + 14, end: i * 27 + 25 });
    }
    const t0 = performance.now();
    const r = splitByMentions(text, mentions);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(joined(r)).toBe(text);
  });

  test.prop([
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.array(fc.record({ actorId: fc.constantFrom('a', 'b', 'c'), start: fc.nat(80), end: fc.nat(80) }), {
      maxLength: 12,
    }),
    fc.array(fc.record({ start: fc.nat(80), end: fc.nat(80), value: fc.constantFrom('2020', 'P1D') }), {
      maxLength: 4,
    }),
    fc.option(fc.record({ start: fc.nat(80), end: fc.nat(80) }), { nil: null }),
  ])('segments tile the text, in order, and each mention is contiguous', (text, mentions, timexes, emphasis) => {
    const r = splitByMentions(text, mentions, timexes, [], emphasis);
    expect(joined(r)).toBe(text);
    let at = 0;
    for (const s of r.segments) {
      expect(s.start).toBe(at);
      expect(s.end).toBeGreaterThan(s.start);
      at = s.end;
      if (s.mention !== undefined) {
        const m = r.mentions[s.mention];
        expect(m && m.start <= s.start && s.end <= m.end).toBe(true);
      }
    }
    for (let i = 1; i < r.mentions.length; i++) {
      expect(r.mentions[i]!.start).toBeGreaterThanOrEqual(r.mentions[i - 1]!.end);
    }
    // Every kept mention's text is exactly the concatenation of its segments.
    r.mentions.forEach((m, i) => {
      expect(
        r.segments
          .filter((s) => s.mention === i)
          .map((s) => s.text)
          .join(''),
      ).toBe(text.slice(m.start, m.end));
    });
  });
});

describe('groupRuns', () => {
  it('groups consecutive segments by key', () => {
    const r = splitByMentions('ab cd', [{ actorId: 'x', start: 0, end: 5 }], [{ start: 3, end: 5, value: 'v' }]);
    const runs = groupRuns(r.segments, (s) => s.mention);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.segments.map((s) => s.text)).toEqual(['ab ', 'cd']);
  });
});
