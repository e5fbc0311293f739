/**
 * anchoredMatches must find exactly what `text.matchAll(re)` finds, for every date rule that uses it: the same
 * matches, at the same offsets, with the same groups. Texts are drawn from the words of the rules' own patterns (so
 * anchors, their optional lead words and near misses all occur), numbers, years and punctuation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANCHORED_SCANS as PERIOD_SCANS } from './dates-periods';
import { ANCHORED_SCANS as RULE_SCANS } from './dates-rules';
import { anchored, anchoredMatches, type AnchoredRegex } from './dates-scan';

const SCANS: readonly AnchoredRegex[] = [...RULE_SCANS, ...PERIOD_SCANS];

const VOCABULARY = [
  ...new Set(SCANS.flatMap((s) => s.re.source.match(/[a-z]{2,}/gi) ?? []).filter((w) => !/^[bdswDSW]$/.test(w))),
  ...['1', '3', '12', '24', '90', "'90s", '1990', '1990s', '2020', '2021-22', 'FY2020', 'A', 'The', 'Last', 'Q3'],
  ...['Q1', 'q4', 'H1', 'H5', "Q2'12", 'Q3’20', 'Q4_', 'xQ1', 'year-end', 'Year end'],
];
/** Words that make up most date phrases, drawn as often as all the rest together so phrases actually form. */
const CORE = [
  ...['day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'decade', 'decades'],
  ...['quarter', 'half', 'century', 'spring', 'winter', 'fall', 'fiscal', 'FY'],
  ...['a', 'an', 'the', 'this', 'that', 'next', 'last', 'past', 'every', 'per', 'each', 'of', 'and', 'few'],
  ...['several', 'twelve', 'seventeen', 'one', 'two', 'first', 'second', 'early', 'late', 'mid', 'end'],
  ...['ago', 'later', 'earlier', 'before', 'after', 'from', 'now', 'since', 'between', 'to', 'in', 'on', 'for'],
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', '–', ' (', ') ', '’s ', ''];

const text = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...CORE), fc.constantFrom(...VOCABULARY)),
      fc.constantFrom(...SEPARATORS),
      fc.constantFrom<(w: string) => string>(
        (w) => w,
        (w) => w.toUpperCase(),
        (w) => w[0]!.toUpperCase() + w.slice(1),
      ),
    ),
    { minLength: 1, maxLength: 16 },
  )
  .map((parts) => parts.map(([w, sep, cased]) => cased(w) + sep).join(''));

const shape = (ms: Iterable<RegExpExecArray>): (string | number | undefined)[][] => [...ms].map((m) => [m.index, ...m]);

describe('anchoredMatches', () => {
  it('finds what matchAll finds, for every anchored date rule', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const scan of SCANS)
          expect(shape(anchoredMatches(t, scan)), scan.re.source).toEqual(shape(t.matchAll(scan.re)));
      }),
      { numRuns: 1500 },
    );
  });

  it('misses matches when a lead is set too short (the property above can fail)', () => {
    const re = /\b(?:the\s+)?(?:past|next)\s+(\d+)\s+years\b/gi;
    const tooShort = anchored(re, 'years', 2, true);
    const t = 'in the past 12 years and the next 3 years';
    expect(shape(anchoredMatches(t, anchored(re, 'years', 12, true)))).toEqual(shape(t.matchAll(re)));
    expect(shape(anchoredMatches(t, tooShort))).not.toEqual(shape(t.matchAll(re)));
  });
});
