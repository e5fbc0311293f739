import { describe, expect, test } from 'vitest';
import { formatScoreRow, scoreDocument, scoresFromCounts, type SpanValue } from './tempeval';
import { decodeEntities, parseTimeml } from './timeml';

const span = (text: string, piece: string, type: string, value: string, from = 0): SpanValue => {
  const start = text.indexOf(piece, from);
  if (start < 0) throw new Error(piece);
  return { start, end: start + piece.length, type, value };
};

describe('TimeML reader', () => {
  const xml = `<?xml version="1.0" ?>
<TimeML><DOCID>DOC_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>Title &amp; more</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that &lt;prices&gt; rose for <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3>&#33;
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>`;
  const doc = parseTimeml(xml);
  test('DCT, id and stripped text with decoded entities', () => {
    expect(doc.docId).toBe('DOC_1');
    expect(doc.dct).toBe('2013-03-22');
    expect(doc.text).toBe('\nAT&T said Friday that <prices> rose for a month!\n');
  });
  test('timex offsets refer to the stripped text and exclude the DCT', () => {
    expect(doc.timexes.map((t) => [t.tid, t.type, t.value, doc.text.slice(t.start, t.end)])).toEqual([
      ['t1', 'DATE', '2013-03-22', 'Friday'],
      ['t2', 'DURATION', 'P1M', 'a month'],
    ]);
  });
  test('entity decoding', () => {
    expect(decodeEntities('&amp;lt; &#x41;&#66; &unknown;')).toBe('&lt; AB &unknown;');
  });
});

describe('TempEval-3 scorer', () => {
  const text = 'He said Friday that sales rose last week and in the 1990s for two years.';
  const gold = [
    span(text, 'Friday', 'DATE', '2013-03-22'),
    span(text, 'last week', 'DATE', '2013-W11'),
    span(text, 'the 1990s', 'DATE', '199'),
    span(text, 'two years', 'DURATION', 'P2Y'),
  ];
  test('perfect system', () => {
    const c = scoreDocument(text, gold, gold);
    const s = scoresFromCounts(c);
    expect([s.strict.f1, s.relaxed.f1, s.value.f1, s.type.f1]).toEqual([1, 1, 1, 1]);
  });
  test('strict vs relaxed spans, value F1 = value accuracy x relaxed F1', () => {
    const system = [
      span(text, 'said Friday', 'DATE', '2013-03-22'), // overlaps: relaxed only
      span(text, 'last week', 'DATE', '2013-W12'), // strict, wrong value
      span(text, '1990s', 'DATE', '199'), // relaxed, right value
      span(text, 'sales', 'DATE', 'PRESENT_REF'), // spurious
    ];
    const c = scoreDocument(text, gold, system);
    expect(c).toMatchObject({
      gold: 4,
      system: 4,
      strictMatches: 1,
      relaxedMatches: 3,
      valueMatches: 2,
      typeMatches: 3,
    });
    const s = scoresFromCounts(c);
    expect(s.strict).toEqual({ precision: 0.25, recall: 0.25, f1: 0.25 });
    expect(s.relaxed.f1).toBeCloseTo(0.75);
    expect(s.valueAccuracy).toBeCloseTo(2 / 3);
    expect(s.value.f1).toBeCloseTo(s.valueAccuracy * s.relaxed.f1);
    expect(s.value.f1).toBeCloseTo(0.5);
  });
  test('matching is one-to-one: one system span over two gold spans matches once', () => {
    const t = 'the pandemic of 2009-2010';
    const g = [span(t, '2009', 'DATE', '2009'), span(t, '2010', 'DATE', '2010')];
    const c = scoreDocument(t, g, [span(t, '2009-2010', 'DATE', '2009')]);
    expect(c).toMatchObject({ relaxedMatches: 1, strictMatches: 0, valueMatches: 1 });
    const s = scoresFromCounts(c);
    expect(s.relaxed.precision).toBe(1);
    expect(s.relaxed.recall).toBe(0.5);
  });
  test('empty system scores zero without dividing by zero', () => {
    const s = scoresFromCounts(scoreDocument(text, gold, []));
    expect([s.relaxed.precision, s.relaxed.recall, s.relaxed.f1, s.value.f1]).toEqual([0, 0, 0, 0]);
  });
  test('whitespace at span edges is ignored for strict matching', () => {
    const g = [span(text, 'Friday', 'DATE', 'x')];
    const sys = [{ ...span(text, 'Friday', 'DATE', 'x'), end: text.indexOf('Friday') + 7 }];
    expect(scoreDocument(text, g, sys).strictMatches).toBe(1);
  });
  test('table row', () => {
    const s = scoresFromCounts(scoreDocument(text, gold, gold));
    expect(formatScoreRow('x', s)).toBe('| x | 100.0 | 100.0 | 100.0 | 100.0 | 100.0 | 100.0 | 100.0 | 100.0 |');
  });
});
