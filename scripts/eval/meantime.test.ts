import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMeantime, parseMeantime, scorePairs, sentencePairs } from './meantime';

const XML = `<?xml version="1.0" ?><Document doc_id="1" doc_name="x">
<token number="0" sentence="0" t_id="1">Tom</token>
<token number="1" sentence="0" t_id="2">Enders</token>
<token number="2" sentence="0" t_id="3">visited</token>
<token number="3" sentence="0" t_id="4">Paris</token>
<token number="4" sentence="0" t_id="5">.</token>
<token number="5" sentence="1" t_id="6">He</token>
<token number="6" sentence="1" t_id="7">left</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="PRO"><token_anchor t_id="6"/></ENTITY_MENTION>
<EVENT_MENTION m_id="4" pred="visit"><token_anchor t_id="3"/></EVENT_MENTION>
<ENTITY m_id="10" ent_type="PER" instance_id="PER1"/>
<ENTITY m_id="11" ent_type="LOC" instance_id="LOC1"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="3"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="4"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg1"><source m_id="4"/><target m_id="2"/></HAS_PARTICIPANT>
</Relations></Document>`;

describe('parseMeantime', () => {
  it('rebuilds the text with token offsets, one line per sentence', () => {
    const doc = parseMeantime(XML);
    expect(doc.text).toBe('Tom Enders visited Paris.\nHe left');
    expect(doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}:${m.type}:${m.named}`)).toEqual([
      'Tom Enders:PER:true',
      'Paris:LOC:true',
      'He:PER:false',
    ]);
    expect([...doc.pairs]).toEqual(['LOC1|PER1']);
  });
  it('scores sentence co-occurrence pairs against gold pairs', () => {
    const doc = parseMeantime(XML);
    const mentions = [
      { actorId: 'person:tom-enders', start: 0, end: 10, surface: 'Tom Enders' },
      { actorId: 'place:paris', start: 19, end: 24, surface: 'Paris' },
    ];
    const pairs = sentencePairs([{ start: 0, end: 25 }], mentions);
    expect(pairs).toEqual([['person:tom-enders', 'place:paris']]);
    expect(scorePairs(doc, mentions, pairs)).toEqual([1, 0, 0]);
  });
});

const DIR = '/work/shared/benchmarks/meantime-airbus';
describe.runIf(existsSync(DIR))('evaluateMeantime on the airbus sub-corpus', () => {
  it('reaches the recall and judged F1 floors', async () => {
    const s = await evaluateMeantime(DIR);
    expect(s.documents).toBe(30);
    expect(s.entity.PER.recall).toBeGreaterThanOrEqual(0.85);
    expect(s.entity.LOC.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.entityJudged.LOC.f1).toBeGreaterThanOrEqual(0.75);
  });
});
