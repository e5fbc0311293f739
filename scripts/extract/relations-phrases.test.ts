import { describe, expect, it } from 'vitest';
import { runFixture, triples, WORLD, type FixtureActor } from './relations-fixtures';

const WORLD_PLUS: FixtureActor[] = [
  ...WORLD,
  { id: 'eu', name: 'European Union', kind: 'organization', surfaces: ['EU'] },
  { id: 'deu', name: 'Germany', kind: 'country' },
  { id: 'ita', name: 'Italy', kind: 'country' },
  { id: 'nato', name: 'NATO', kind: 'organization' },
  { id: 'uni', name: 'Lisbon University', kind: 'organization' },
  { id: 'lab', name: 'Policy Lab', kind: 'organization' },
  { id: 'agency', name: 'Relief Agency', kind: 'organization', surfaces: ['RA'] },
  { id: 'bureau', name: 'Mine Bureau', kind: 'organization', surfaces: ['MB'] },
];

describe('relations: memberships and meeting names', () => {
  it('reads "the bloc X, namely A, B and C" as memberships of X', () => {
    const { relations } = runFixture('France worked with the bloc of the EU namely Germany, Italy and France.', {
      world: WORLD_PLUS,
    });
    expect(triples(relations)).toEqual(
      expect.arrayContaining(['deu affiliation eu', 'ita affiliation eu', 'fra affiliation eu']),
    );
  });

  it('reads "A and B, members of X" as memberships', () => {
    const { relations } = runFixture('Germany and Italy, members of NATO, sent observers.', { world: WORLD_PLUS });
    expect(triples(relations)).toEqual(expect.arrayContaining(['deu affiliation nato', 'ita affiliation nato']));
  });

  it('reads "X, as the chair of Y" and "its chairmanship of Y" as affiliation', () => {
    expect(
      triples(runFixture('France, as the current chair of NATO, praised Italy.', { world: WORLD_PLUS }).relations),
    ).toEqual(expect.arrayContaining(['fra affiliation nato', 'fra support ita']));
    expect(
      triples(runFixture('Italy took its chairmanship of NATO seriously.', { world: WORLD_PLUS }).relations),
    ).toEqual(['ita affiliation nato']);
  });

  it('reads "X Plus Three (A, B, C)" as consultations of X with each', () => {
    const { relations } = runFixture('The ASEAN Plus Three (China, Japan, France) meeting ended.');
    expect(triples(relations)).toEqual(['asean consult chn', 'asean consult jpn', 'asean consult fra']);
  });

  it('reads an "X-Y summit" as a consultation, and its attendee as consulting X', () => {
    const { relations } = runFixture('Hun Sen attended the Special ASEAN-China Leaders Summit by video.');
    expect(triples(relations)).toEqual(expect.arrayContaining(['asean consult chn', 'hun-sen consult asean']));
  });

  it('does not make the person of a sentence consult a summit another actor hosted', () => {
    const { relations } = runFixture('Before Cambodia hosted the ASEAN Summit, Hun Sen spoke with Zelensky.');
    expect(triples(relations)).not.toContain('hun-sen consult asean');
  });

  it('does not read a hyphenated pair without a meeting word as a consultation', () => {
    expect(triples(runFixture('The ASEAN-China trade volume grew.').relations)).toEqual([]);
  });
});

describe('relations: appositions and organisations', () => {
  it('links a parent organisation\'s unit and a person to both ("a fellow at the X\'s Y")', () => {
    const world: FixtureActor[] = [...WORLD_PLUS, { id: 'maria-lopez', name: 'Maria Lopez', kind: 'person' }];
    const { relations } = runFixture(
      'Maria Lopez, a fellow at the Lisbon University’s Policy Lab, said it was wrong.',
      {
        world,
      },
    );
    expect(triples(relations)).toEqual(
      expect.arrayContaining(['maria-lopez affiliation uni', 'maria-lopez affiliation lab', 'lab affiliation uni']),
    );
  });

  it('links a person to a second organisation of the apposition ("a student at X and fellow at Y")', () => {
    const { relations } = runFixture(
      'Maria Lopez, a student at the Lisbon University and visiting fellow at the Policy Lab, said it was right.',
      { world: WORLD_PLUS },
    );
    expect(triples(relations)).toEqual(
      expect.arrayContaining(['maria-lopez affiliation uni', 'maria-lopez affiliation lab']),
    );
  });

  it('links a person resolved from "the Japanese prime minister" to Japan', () => {
    const { relations } = runFixture(
      'Hun Sen met his Japanese counterpart Fumio Kishida. Hun Sen praised the Japanese prime minister.',
    );
    expect(triples(relations).slice(2)).toEqual(['hun-sen support kishida', 'kishida affiliation jpn']);
  });
});

describe('relations: more cues and arguments', () => {
  it('reads every coordinated object, skipping bracketed acronyms', () => {
    const { relations } = runFixture(
      'France trained the staff with the participation of the Relief Agency (RA), the Mine Bureau (MB) and NATO.',
      { world: WORLD_PLUS },
    );
    expect(triples(relations)).toEqual(
      expect.arrayContaining(['fra cooperate agency', 'fra cooperate bureau', 'fra cooperate nato']),
    );
  });

  it('reads "with X\'s assistance" as X aiding the clause subject', () => {
    const { relations } = runFixture('France trained Ukrainian officers with Japan’s assistance.');
    expect(triples(relations)).toEqual(expect.arrayContaining(['fra aid ukr', 'jpn aid fra']));
  });

  it('reads "voted ... against X" across a short gap, not across "for"', () => {
    expect(triples(runFixture('France voted twice in the council against Russia.').relations)).toEqual([
      'fra criticize rus',
    ]);
    expect(triples(runFixture('France voted for the plan against Russia.').relations)).toEqual([]);
  });

  it('reads "the X-Y war" and "the war between X and Y" as an attack', () => {
    expect(triples(runFixture('France discussed the Russia-Ukraine war.').relations)).toContain('rus attack ukr');
    const { relations, events } = runFixture('The war between Russia and Ukraine goes on.');
    expect(triples(relations)).toEqual(['rus attack ukr']);
    expect(events[0]!.title).toBe('Russia attacked Ukraine');
  });

  it('keeps a nominal attack with its agent under a modal ("whether X would back Russia\'s invasion")', () => {
    const { relations } = runFixture('Critics asked whether France would back Russian military action in Ukraine.');
    expect(triples(relations)).toEqual(['rus attack ukr']);
  });

  it('reads a copular friendship or partnership ("X is a loyal friend to Y")', () => {
    expect(triples(runFixture('France is proud to be a loyal friend to Japan.').relations)).toEqual([
      'fra cooperate jpn',
    ]);
    expect(triples(runFixture('The loyal friend of Japan arrived.').relations)).toEqual([]);
  });

  it('reads "agreed to X\'s proposal" as cooperation with X', () => {
    expect(triples(runFixture('Hun Sen agreed to Zelensky’s proposal.').relations)).toEqual([
      'hun-sen cooperate zelensky',
    ]);
  });

  it('reads "thanked X for sending": X sends; an actor between the cues blocks inheritance', () => {
    expect(triples(runFixture('France thanked Japan for sending aid to Ukraine.').relations)).toEqual(
      expect.arrayContaining(['fra support jpn', 'jpn aid ukr']),
    );
    expect(
      triples(
        runFixture('Hun Sen requested that Japan continue to provide scholarships to Cambodian students.').relations,
      ),
    ).not.toContain('hun-sen aid khm');
  });

  it('reads a co-sponsored resolution of an organisation as support', () => {
    const world: FixtureActor[] = [...WORLD_PLUS, { id: 'unga', name: 'UN General Assembly', kind: 'organization' }];
    expect(triples(runFixture('France co-sponsored a UN General Assembly resolution.', { world }).relations)).toEqual([
      'fra support unga',
    ]);
  });

  it('resolves a title opening a clause after an introductory phrase', () => {
    const { relations } = runFixture(
      'Prime Minister Hun Sen spoke. Days later, Prime Minister had a telephone conversation with Chinese State Counsellor and Foreign Minister Wang Yi.',
    );
    expect(triples(relations)).toContain('hun-sen consult wang-yi');
  });
});

describe('relations: support and alliance as prepositional phrases', () => {
  it('reads "in favour of X" and "in solidarity with X" as support', () => {
    expect(triples(runFixture('France has been vocal in favour of Ukraine.').relations)).toEqual(['fra support ukr']);
    expect(triples(runFixture('Japan acted in solidarity with Ukraine.').relations)).toEqual(['jpn support ukr']);
  });

  it('reads "stand united with X" as an undirected cooperation', () => {
    const { relations } = runFixture('France stands united with Japan against the pandemic.');
    expect(relations.map((r) => [r.type, r.source, r.target])).toEqual([['cooperate', 'fra', 'jpn']]);
  });
});
