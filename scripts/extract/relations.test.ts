import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  CLAUSE_PUNCT_RE,
  POSSESSIVE_RE,
  TOKEN_RE,
  gapBreaks,
  isSortedByOffsets,
  isSpaceUnit,
  mergeByOffsets,
  possessiveAfter,
  tokenize,
  tokensBetween,
} from './relations-analysis';
import { runFixture, triples } from './relations-fixtures';
import { predicationPairs } from './relations';
import type { Predication, ResolvedMention } from './relations-analysis';

describe('relations: types and direction', () => {
  it('reads a consultation with the object after "with", past titles and person qualifiers', () => {
    const { relations, events } = runFixture(
      'Prime Minister Hun Sen spoke with Ukrainian President Volodymyr Zelensky on the phone.',
    );
    expect(triples(relations)).toContain('hun-sen consult zelensky');
    expect(events[0]!.title).toBe('Hun Sen spoke with Volodymyr Zelensky');
  });

  it('reads support (thanks, praise) and keeps the government-of phrase in the title', () => {
    const { relations, events } = runFixture('Hun Sen also thanked the government and people of Japan for their help.');
    expect(triples(relations)).toEqual(['hun-sen support jpn']);
    expect(events[0]!.title).toBe('Hun Sen thanked the government and people of Japan');
  });

  it('reads aid with the recipient after "to", demonyms standing for their country', () => {
    const { relations, events } = runFixture('Cambodia provided training in demining to Ukrainian officers.');
    expect(triples(relations)).toEqual(['khm aid ukr']);
    expect(events[0]!.title).toBe('Cambodia provided training in demining to Ukraine');
  });

  it('reads a request to a person named after a qualifier', () => {
    const { relations } = runFixture(
      'Prime Minister Hun Sen has requested that his Japanese counterpart Fumio Kishida increase cooperation.',
    );
    expect(triples(relations)).toEqual(['hun-sen request kishida', 'kishida affiliation jpn']);
  });

  it('reads criticism, with "voted against" as one cue', () => {
    expect(triples(runFixture('Cambodia has twice voted against Russia in the assembly.').relations)).toEqual([
      'khm criticize rus',
    ]);
    expect(triples(runFixture('France condemned Russia on Monday.').relations)).toEqual(['fra criticize rus']);
  });

  it('reads an attack and a nominal invasion ("Russia\'s invasion of Ukraine")', () => {
    expect(triples(runFixture('Russia invaded Ukraine.').relations)).toEqual(['rus attack ukr']);
    const { relations, events } = runFixture('The war began with Russia’s invasion of Ukraine.');
    expect(triples(relations)).toEqual(['rus attack ukr']);
    expect(events[0]!.title).toBe('Russia attacked Ukraine');
  });

  it('reads cooperation from coordinated subjects as one symmetric relation', () => {
    const { relations, events } = runFixture('Hun Sen and Kishida agreed that they would find a way to mark the date.');
    expect(triples(relations)).toEqual(['hun-sen cooperate kishida']);
    expect(events[0]!.actorIds).toEqual(['hun-sen', 'kishida']);
    expect(events[0]!.title.startsWith('Hun Sen and Fumio Kishida agreed')).toBe(true);
  });

  it('reads a nominal visit ("X\'s visit to Y")', () => {
    const { relations } = runFixture('The two became partners following Hun Sen’s visit to Japan.');
    expect(triples(relations)).toEqual(['hun-sen consult jpn']);
  });

  it('reads an agent after "by" on an event noun', () => {
    const { relations } = runFixture('Hun Sen accepted the call by Mike Pompeo on Monday.');
    expect(triples(relations)).toContain('pompeo consult hun-sen');
  });

  it('resolves "he" to the last salient person, not to the last-named one', () => {
    const { relations } = runFixture('Hun Sen met France on Monday. He later spoke with Zelensky about the war.');
    expect(triples(relations)).toContain('hun-sen consult zelensky');
  });

  it('resolves a definite title ("the Prime Minister") to the last person with that title', () => {
    const { relations } = runFixture(
      'Prime Minister Hun Sen arrived on Monday. The Prime Minister praised Japan for its help.',
    );
    expect(triples(relations)).toContain('hun-sen support jpn');
  });

  it("gives each relation the event of its sentence and that event's date", () => {
    const { relations, events } = runFixture('Japan sent peacekeeping forces to Cambodia.');
    expect(relations[0]!.eventId).toBe(events[0]!.id);
    expect(relations[0]!.date).toEqual(events[0]!.date);
    expect(relations[0]!.polarity).toBe('cooperation');
    expect(relations[0]!.evidence).toEqual(events[0]!.evidence);
  });
});

describe('relations: negation', () => {
  it('flags "does not" and "nor does it" as negated', () => {
    const { relations } = runFixture(
      'Cambodia does not allow foreign troops, nor does it send military personnel to Ukraine.',
    );
    expect(triples(relations)).toEqual(['khm !aid ukr']);
  });

  it('flags "never" and "refused to"', () => {
    expect(triples(runFixture('Japan never criticised Cambodia.').relations)).toEqual(['jpn !criticize khm']);
    expect(triples(runFixture('China refused to condemn Russia.').relations)).toEqual(['chn !criticize rus']);
  });

  it('does not negate a presupposed nominal event ("does not turn a blind eye to Russia\'s aggression in Ukraine")', () => {
    const { relations } = runFixture('Cambodia does not turn a blind eye to Russia’s aggression in Ukraine.');
    // The negated idiom itself is asserted criticism (see relations-anaphora.test.ts).
    expect(triples(relations)).toEqual(['khm criticize rus', 'rus attack ukr']);
  });
});

describe('relations: affiliation', () => {
  it('links a person to the country that qualifies them', () => {
    expect(triples(runFixture('Cambodia’s Prime Minister Hun Sen arrived.').relations)).toEqual([
      'hun-sen affiliation khm',
    ]);
    expect(triples(runFixture('Ukrainian President Volodymyr Zelensky arrived.').relations)).toEqual([
      'zelensky affiliation ukr',
    ]);
    expect(triples(runFixture('Chinese State Counsellor and Foreign Minister Wang Yi arrived.').relations)).toEqual([
      'wang-yi affiliation chn',
    ]);
  });

  it('links a person to the organisation of an apposition', () => {
    const { relations, events } = runFixture(
      'Rim Sokvy, co-founder of The Thinker Cambodia, said the training was aid.',
    );
    expect(triples(relations)).toEqual(['rim-sokvy affiliation thinker']);
    expect(events[0]!.title).toBe('Rim Sokvy said the training was aid');
  });
});

describe('relations: tokens', () => {
  const PIECES = ['a', 'S', 's', "'", '\u2019', '-', ' ', '\u00e9', 'e\u0301', '\u0301', '1', '\u0663', '\u{1D400}',
    '\u{1F600}', '\ud800', '\udc00', "'s", '\u2019s', 'Hun', 'Sen', ',', '.']; // prettier-ignore
  const text = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 24 })
    .map((parts) => parts.join(''));
  test.prop([text, text, text], { numRuns: 2000 })('are the matches of TOKEN_RE in the span', (before, span, after) => {
    const all = before + span + after;
    const got = tokenize(all, before.length, before.length + span.length).map((t) => [t.start, t.end]);
    const want = [...span.matchAll(TOKEN_RE)].map((m) => [
      before.length + m.index,
      before.length + m.index + m[0].length,
    ]);
    expect(got).toEqual(want);
  });
  it('lower-cases and drops a possessive ending (not from a two-letter token)', () => {
    expect(tokenize("Hun Sen's KINGDOM\u2019 x's I'", 0, 30).map((t) => [t.lower, t.capital])).toEqual([
      ['hun', true],
      ['sen', true],
      ['kingdom', true],
      ['x', false],
      ["i'", true],
    ]);
  });
});

describe('relations: in-place scans agree with their specifications', () => {
  const PIECES = [' ', '-', '\u2013', '\u2014', ',', ';', ':', '(', ')', '[', ']', '!', '?', '.', 'a', 'Hun', "'",
    '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', '\u180e']; // prettier-ignore
  const text = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2, unit: 'binary' })), { maxLength: 16 })
    .map((parts) => parts.join(''));
  test.prop([text, fc.nat(), fc.nat()], { numRuns: 3000 })('gapBreaks is CLAUSE_PUNCT_RE on the gap', (s, a, b) => {
    const from = a % (s.length + 1);
    const to = from + (b % (s.length - from + 1));
    expect(gapBreaks(s, from, to)).toBe(CLAUSE_PUNCT_RE.test(s.slice(from, to)));
  });
  it('isSpaceUnit is /\\s/ on every code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceUnit(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });
  test.prop([text, fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 40 })], { numRuns: 2000 })(
    'tokensBetween is the filter of the tokens inside the range',
    (s, from, to) => {
      const tokens = tokenize(s, 0, s.length);
      expect(tokensBetween(tokens, from, to)).toEqual(tokens.filter((t) => t.start >= from && t.end <= to));
    },
  );
  const possessiveText = fc
    .array(
      fc.oneof(
        fc.constantFrom("'", '\u2019', 's', 'S', 'a', '\u00e9', '\ud835\udc00', '\ud835', ' ', '1', '-'),
        fc.string({ maxLength: 2, unit: 'binary' }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  test.prop([possessiveText, fc.nat()], { numRuns: 3000 })(
    'possessiveAfter is POSSESSIVE_RE after the offset',
    (s, a) => {
      const end = a % (s.length + 1);
      expect(possessiveAfter(s, end)).toBe(POSSESSIVE_RE.test(s.slice(end, end + 3)));
    },
  );
});

describe('relations: ordering helpers agree with a stable sort', () => {
  const span = fc.record({ start: fc.integer({ min: 0, max: 6 }), end: fc.integer({ min: 0, max: 6 }) });
  const bySpan = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
    a.start - b.start || a.end - b.end;
  const tagged = (xs: { start: number; end: number }[], tag: string): { start: number; end: number; id: string }[] =>
    xs.map((x, i) => ({ ...x, id: `${tag}${i}` }));
  test.prop([fc.array(span, { maxLength: 8 }), fc.array(span, { maxLength: 8 })], { numRuns: 3000 })(
    'mergeByOffsets of a sorted list and any list is the stable sort of their concatenation',
    (a, b) => {
      const sorted = tagged(a, 'a').sort(bySpan);
      const more = tagged(b, 'b');
      expect(mergeByOffsets(sorted, more)).toEqual([...sorted, ...more].sort(bySpan));
    },
  );
  test.prop([fc.array(span, { maxLength: 8 })], { numRuns: 3000 })(
    'isSortedByOffsets holds exactly when sorting changes nothing',
    (a) => {
      const items = tagged(a, 'a');
      const sorted = [...items].sort(bySpan);
      expect(isSortedByOffsets(items)).toBe(sorted.every((x, i) => x === items[i]));
    },
  );
});

describe('relations: predicationPairs agrees with its former definition', () => {
  /** The former pairing: subjects deduplicated by a Set, "X, now Y" pairs as joined keys in a Set. */
  function formerPairs(p: Predication): { source: string; target: string; symmetric: boolean }[] {
    const subjects = [...new Set(p.subjects.map((s) => s.actorId))];
    const same = new Set<string>();
    const named = p.object ? [...p.subjects, p.object, ...(p.moreObjects ?? [])] : p.subjects;
    for (const m of named) {
      if (m.formerOf !== undefined) same.add(`${m.formerOf}\u0000${m.actorId}`).add(`${m.actorId}\u0000${m.formerOf}`);
    }
    const out: { source: string; target: string; symmetric: boolean }[] = [];
    if (p.object) {
      for (const s of subjects)
        for (const o of [p.object, ...(p.moreObjects ?? [])])
          if (s !== o.actorId && !same.has(`${s}\u0000${o.actorId}`))
            out.push({ source: s, target: o.actorId, symmetric: true });
    } else if (subjects.length >= 2) {
      for (let i = 0; i < subjects.length; i++)
        for (let j = i + 1; j < subjects.length; j++)
          if (!same.has(`${subjects[i]}\u0000${subjects[j]}`))
            out.push({ source: subjects[i]!, target: subjects[j]!, symmetric: true });
    }
    return out;
  }
  const id = fc.constantFrom('person:a', 'person:b', 'country:C', 'org:d', 'org:e');
  const mention: fc.Arbitrary<ResolvedMention> = fc
    .record({ actorId: id, formerOf: fc.option(id, { nil: undefined }) })
    .map(({ actorId, formerOf }) => ({
      actorId,
      start: 0,
      end: 1,
      resolved: false,
      possessive: false,
      modifier: false,
      group: undefined,
      formerOf,
    }));
  test.prop(
    [
      fc.array(mention, { maxLength: 4 }),
      fc.option(mention, { nil: undefined }),
      fc.option(fc.array(mention, { maxLength: 3 }), { nil: undefined }),
    ],
    { numRuns: 3000 },
  )('same pairs, in the same order', (subjects, object, moreObjects) => {
    const p: Predication = {
      cue: {
        entry: { lemma: 'meet', past: 'met', role: 'relation', type: 'consult', symmetric: true },
        start: 0,
        end: 1,
        first: 0,
        last: 1,
        noun: false,
        negated: false,
        hypothetical: false,
        requested: false,
        unattributedQuote: false,
        subordinate: false,
        passive: false,
        quoted: false,
      },
      subjects,
      agentive: false,
      ...(object ? { object } : {}),
      ...(object && moreObjects ? { moreObjects } : {}),
    };
    expect(predicationPairs(p).map(({ source, target, symmetric }) => ({ source, target, symmetric }))).toEqual(
      formerPairs(p),
    );
  });
});
