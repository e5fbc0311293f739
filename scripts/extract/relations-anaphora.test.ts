import { describe, expect, it } from 'vitest';
import { runFixture, triples, WORLD } from './relations-fixtures';

const rel = (text: string): string[] => triples(runFixture(text).relations);

describe('relations: "it", "its", "their" refer to countries and organisations', () => {
  it('resolves a subject "it" to the only country of the previous sentence', () => {
    expect(rel('Russia massed troops near the border. Weeks later it invaded Ukraine.')).toEqual(['rus attack ukr']);
  });

  it('resolves "it" to the subject-like country earlier in the same sentence', () => {
    expect(rel('The French government said on Friday that it condemned Russia.')).toEqual(['fra criticize rus']);
  });

  it('resolves a possessive "their" to the nearest country as the agent of an event noun', () => {
    expect(rel('Officials praised the people of Japan for their generous aid to Cambodia.')).toContain('jpn aid khm');
  });

  it('does not resolve "it" to a country that only sits in a prepositional phrase', () => {
    expect(rel('The proposal was sent to Japan and it may yet help Cambodia.')).toEqual([]);
  });

  it('leaves a dummy or non-actor "it" alone', () => {
    expect(rel('The decision surprised Japan. It was purely humanitarian and it helped nobody.')).toEqual([]);
    expect(rel('Japan made it clear that the training was civilian.')).toEqual([]);
  });

  it('does not carry "it" across a sentence that names two countries without a subject', () => {
    expect(rel('The report mentions France and China. It later condemned Russia.')).toEqual([]);
  });
});

describe('relations: quoted "we", "our", "us" stand for the speaker\'s country', () => {
  it('resolves quoted "us" to the country of the speaking leader', () => {
    const text = 'Cambodian Prime Minister Hun Sen spoke at the ceremony. “Japan has always helped us,” he said.';
    expect(rel(text)).toContain('jpn aid khm');
  });

  it('reads "X, who is our friend" as cooperation between the speaker\'s country and X', () => {
    const text = 'Cambodia hosted the forum. “France, who is our friend, came early,” Hun Sen said.';
    expect(rel(text)).toContain('khm cooperate fra');
  });

  it('does not resolve "we" outside quotations', () => {
    expect(rel('Cambodia hosted the forum. We know that Japan helped us.')).toEqual([]);
  });
});

describe('relations: "the two countries", "both sides", "the country"', () => {
  it('reads "the two premiers" as the two people named before', () => {
    const text = 'Hun Sen spoke with Kishida on Monday. A meeting between the two premiers followed in Tokyo.';
    const { relations } = runFixture(text);
    expect(triples(relations)).toEqual(['hun-sen consult kishida', 'hun-sen consult kishida']);
  });

  it('reads "cooperation between the two countries" as the two latest countries', () => {
    expect(rel('Japan opened an embassy in France. He praised cooperation between the two countries.')).toContain(
      'jpn cooperate fra',
    );
  });

  it('reads "both sides" as the two people of the sentence when there are two', () => {
    expect(rel('Hun Sen accepted the call by Mike Pompeo, during which both sides exchanged views.')).toEqual([
      'pompeo consult hun-sen',
    ]);
  });

  it('does nothing for "the two" without two prior actors of that kind', () => {
    expect(rel('A meeting between the two premiers followed.')).toEqual([]);
    expect(rel('Japan praised cooperation between the two countries.')).toEqual([]);
  });

  it('resolves "the country" to the latest country that is not its own clause subject', () => {
    expect(rel('After the war in Cambodia ended, Japan assisted the country.')).toEqual(['jpn aid khm']);
    expect(rel('Japan assisted the country.')).toEqual([]);
  });
});

describe('relations: quoted requests, idioms, historical names and context types', () => {
  it('reads "X should ..." in an attributed quotation as the speaker asking X', () => {
    expect(rel('“Japan and France should help Ukraine,” Hun Sen said.')).toEqual([
      'hun-sen request fra',
      'hun-sen request jpn',
    ]);
    expect(rel('“It is essential that Cambodia engage Japan,” Lopez said.')).toContain('maria-lopez request khm');
  });

  it('does not read a request from an unattributed quotation', () => {
    expect(rel('“Japan and France should help Ukraine,” the report said.')).toEqual([]);
  });

  it('reads a negated "turn a blind eye to" as criticism and the plain idiom as nothing', () => {
    expect(rel('France does not turn a blind eye to Russia.')).toEqual(['fra criticize rus']);
    expect(rel('France turned a blind eye to Russia.')).toEqual([]);
  });

  it('treats "X, now Y" as one party under two names, never as partners', () => {
    const world = [...WORLD, { id: 'sov', name: 'Soviet Union', kind: 'country' as const }];
    const { relations } = runFixture('Cambodia and the Soviet Union, now Russia, maintained diplomatic relations.', {
      world,
    });
    expect(triples(relations).sort()).toEqual(['khm cooperate rus', 'khm cooperate sov']);
  });

  it('reads supporting a country in its development as aid, praise as support', () => {
    expect(rel('China will support Cambodia to further its development.')).toEqual(['chn aid khm']);
    expect(rel('China praised Cambodia for its development.')).toEqual(['chn support khm']);
  });

  it('reads a country referred to as "her" at the head of its own sentence', () => {
    expect(rel('Cambodia cannot deny her gratitude to China.')).toEqual(['khm support chn']);
  });

  it('reads opposing "the actions of X" as criticising X', () => {
    expect(rel('France opposed the actions of Russia.')).toEqual(['fra criticize rus']);
  });
});

describe('event titles keep the noun an object actor qualifies', () => {
  it('keeps a possessive object\'s head noun ("agreed to X\'s proposal")', () => {
    const { events } = runFixture('Hun Sen agreed to Zelensky’s proposal to open embassies.');
    expect(events[0]!.title).toBe('Hun Sen agreed to Volodymyr Zelensky’s proposal');
  });

  it('keeps the head of an indefinite noun phrase ("co-sponsored an ASEAN resolution")', () => {
    const { events } = runFixture('France co-sponsored an ASEAN resolution on Ukraine.');
    expect(events[0]!.title).toBe('France co-sponsored an ASEAN resolution');
  });

  it('names a party with a historical and a current name once', () => {
    const world = [...WORLD, { id: 'sov', name: 'Soviet Union', kind: 'country' as const }];
    const { events } = runFixture('Cambodia and the Soviet Union, now Russia, maintained diplomatic relations.', {
      world,
    });
    expect(events[0]!.title).toBe('Cambodia and Soviet Union had ties');
  });

  it('reads a support noun without an object as "expressed", not as a bare transitive verb', () => {
    const { events } = runFixture('Japan showed its gratitude on Monday.');
    expect(events[0]!.title).toBe('Japan expressed gratitude');
  });

  it('adds nothing when the object is not a modifier', () => {
    const { events } = runFixture('Hun Sen visited Japan on Monday.');
    expect(events[0]!.title).toBe('Hun Sen visited Japan');
  });
});
