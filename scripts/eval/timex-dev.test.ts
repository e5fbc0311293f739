import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ANNOTATED_SENTENCES, evaluateTimexDev, parseMeantimeTimexes } from './timex-dev';

const xml = `<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en">
<token number="0" sentence="0" t_id="1">Title</token>
<token number="0" sentence="1" t_id="2">March</token>
<token number="1" sentence="1" t_id="3">01</token>
<token number="2" sentence="1" t_id="4">,</token>
<token number="3" sentence="1" t_id="5">2008</token>
<token number="0" sentence="2" t_id="6">Sales</token>
<token number="1" sentence="2" t_id="7">rose</token>
<token number="2" sentence="2" t_id="8">for</token>
<token number="3" sentence="2" t_id="9">two</token>
<token number="4" sentence="2" t_id="10">years</token>
<token number="5" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2008-03-01">
<token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="21" type="DURATION" value="P2Y">
<token_anchor t_id="9"/><token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2058" functionInDocument="NONE" m_id="22" type="DATE" value="2058"/>
</Markables></Document>`;

describe('MEANTIME timex reader', () => {
  const doc = parseMeantimeTimexes(xml, 'x');
  test('rebuilt text, sentence starts and DCT', () => {
    expect(doc.text).toBe('Title\nMarch 01, 2008\nSales rose for two years.');
    expect(doc.sentenceStarts).toEqual([0, 6, 21]);
    expect(doc.published).toBe('2008-03-01');
  });
  test('token-anchored timexes only, with offsets into the rebuilt text', () => {
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value, t.creationTime])).toEqual([
      ['March 01, 2008', 'DATE', '2008-03-01', true],
      ['two years', 'DURATION', 'P2Y', false],
    ]);
  });
  test('without a CREATION_TIME the dateline gives the publication date', () => {
    const noDct = xml.replace('functionInDocument="CREATION_TIME"', 'functionInDocument="NONE"');
    expect(parseMeantimeTimexes(noDct).published).toBe('2008-03-01');
  });
  test('annotated window', () => {
    expect(ANNOTATED_SENTENCES).toBe(6);
  });
});

const BENCH = '/work/shared/benchmarks/meantime-airbus';

describe.skipIf(!existsSync(BENCH))('MEANTIME airbus dev set', () => {
  test('scores the 30 documents with the TempEval-3 scorer', async () => {
    const s = await evaluateTimexDev(BENCH);
    expect(s.documents).toBe(30);
    expect(s.counts.gold).toBe(92);
    expect(s.relaxed.f1).toBeGreaterThan(0.9);
    expect(s.value.f1).toBeGreaterThan(0.85);
    const body = await evaluateTimexDev(BENCH, { excludeCreationTime: true });
    expect(body.counts.gold).toBe(64);
    expect(body.value.f1).toBeGreaterThan(0.8);
  });
});
