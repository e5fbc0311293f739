/**
 * What must NOT come out. Decision on hypotheticals: "might visit", "could send", "if X invades" produce no
 * relation (the schema has no modality flag, and an analyst reading a graph edge takes it as something that
 * happened); the sentence still yields an event when another, asserted predicate names it.
 */
import { describe, expect, it } from 'vitest';
import { runFixture, triples } from './relations-fixtures';

describe('relations: negative cases', () => {
  it('"visiting senior research fellow" is a position, not a visit', () => {
    const { relations } = runFixture(
      'Maria Lopez, a visiting senior research fellow at the Cambodia Development Centre, told reporters that Japan mattered.',
    );
    expect(relations.filter((r) => r.type === 'consult')).toEqual([]);
    expect(triples(relations)).toEqual(['maria-lopez affiliation cdc']);
  });

  it('"might visit" is kept out of the relations but the sentence keeps its asserted event', () => {
    const { relations, events } = runFixture('Hun Sen spoke with Zelensky and said that he might visit Ukraine.');
    expect(triples(relations)).toEqual(['hun-sen consult zelensky']);
    expect(events).toHaveLength(1);
    expect(events[0]!.title).toBe('Hun Sen spoke with Volodymyr Zelensky');
  });

  it('a request\'s complement is not asserted ("asked Japan to send troops" is no aid)', () => {
    const { relations } = runFixture('Hun Sen asked Japan to send trainers to Cambodia.');
    expect(triples(relations)).toEqual(['hun-sen request jpn']);
  });

  it('"thanks to" is not thanks', () => {
    expect(runFixture('Cambodia managed well thanks to Japan.').relations).toEqual([]);
  });

  it('an object inside a prepositional phrase is not a direct object ("dismissed the classification of Cambodia")', () => {
    const { relations } = runFixture('France dismissed the classification of Cambodia as a supporter.');
    expect(relations).toEqual([]);
  });

  it('a quotation with no speaker makes no event and no relation', () => {
    const { relations, events } = runFixture('“Japan helped Cambodia through many hard years and we remember it.”');
    expect(relations).toEqual([]);
    expect(events).toEqual([]);
  });

  it('a sentence without an actor, or without a predicate, makes no event', () => {
    expect(runFixture('The weather was fine and the talks went on.').events).toEqual([]);
    expect(runFixture('Cambodia is a beautiful country with a long history.').events).toEqual([]);
  });

  it('a passive without an agent has no subject ("has been called into doubt")', () => {
    const { relations } = runFixture('The stance of Cambodia has been called into doubt by many.');
    expect(relations).toEqual([]);
  });

  it('an unresolved "it" between an actor and a verb blocks the actor as subject', () => {
    const { relations } = runFixture('The request went to Japan and it will help Cambodia.');
    expect(relations).toEqual([]);
  });
  it('an actor past a subordinator is not the direct object ("signed the treaty when Cambodia offered")', () => {
    const { relations, events } = runFixture('Ukraine signed the treaty when Cambodia offered its help.');
    expect(triples(relations)).not.toContain('ukr cooperate khm');
    expect(events[0]!.title).toBe('Ukraine signed the treaty');
  });
});
