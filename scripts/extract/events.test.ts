import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { clip, collapse, MAX_TITLE, precisionOf } from './events';
import { runFixture, timexOf } from './relations-fixtures';

describe('events: one per reportable sentence', () => {
  it('titles name who did what to whom, in the past tense, never the whole sentence', () => {
    const text =
      'He recalled the history, which included Japan sending peacekeeping forces to Cambodia in the old days.';
    const { events } = runFixture(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.title).toBe('Japan sent peacekeeping forces to Cambodia');
    expect(events[0]!.actorIds).toEqual(['jpn', 'khm']);
  });

  it('a reporting verb after a quotation is titled with what was said', () => {
    const { events } = runFixture('“Cambodia is proud to be a loyal friend to Japan,” Hun Sen said.');
    expect(events[0]!.title).toBe('Hun Sen said: “Cambodia is proud to be a loyal friend…”');
  });

  it('a quotation leaves out an opening connective ("So, ...") and starts with a capital', () => {
    const { events } = runFixture(
      'Hun Sen spoke. “So, the information was baseless and meant to slander us,” he added.',
    );
    expect(events.at(-1)!.title).toBe('Hun Sen added: “The information was baseless and meant to slander…”');
  });

  it('a quotation right after the reporting verb is shown as one, whole or with an ellipsis', () => {
    const whole = runFixture('Hun Sen said “Such an act of aggression is unacceptable.”');
    expect(whole.events[0]!.title).toBe('Hun Sen said: “Such an act of aggression is unacceptable”');
    const part = runFixture('Hun Sen said that, “to sustain growth, support from Japan is of utmost importance.”');
    expect(part.events[0]!.title).toBe('Hun Sen said: “To sustain growth…”');
  });

  it('what was said goes on after a relative clause set off by commas', () => {
    const { events } = runFixture(
      'Hun Sen said the critics, who he did not name, had raised the question of Cambodia and Russia.',
    );
    expect(events[0]!.title).toBe('Hun Sen said the critics had raised the question of Cambodia…');
  });

  it('event ids follow offset order and evidence is the sentence span', () => {
    const text = 'Japan helped Cambodia. France praised Japan.';
    const { events } = runFixture(text);
    expect(events.map((e) => e.id)).toEqual(['d:e0', 'd:e1']);
    expect(text.slice(events[1]!.evidence.start, events[1]!.evidence.end)).toBe('France praised Japan.');
  });

  it('a request says what was asked, with the object as written when it qualifies a noun', () => {
    const asked = runFixture('Hun Sen requested that his counterpart Kishida increase training for peacekeepers.');
    expect(asked.events[0]!.title).toBe('Hun Sen requested that Kishida increase training for peacekeepers');
    const told = runFixture('Hun Sen told Cambodian diplomats to take a stand against the invasion.');
    expect(told.events[0]!.title).toMatch(/^Hun Sen told Cambodian diplomats to take a stand against/u);
  });

  it('a reporting clause inside what was said joins both halves, only when the first names an actor', () => {
    const { events } = runFixture('Rim Sokvy spoke. Cambodia, he added, does not send soldiers abroad.');
    expect(events.at(-1)!.title).toBe('Rim Sokvy added Cambodia does not send soldiers abroad');
    const now = runFixture('Rim Sokvy spoke. Now, he added, Cambodia has come a long way.');
    expect(now.events.at(-1)!.title).toBe('Rim Sokvy added Cambodia has come a long way');
  });

  it('a period inside an abbreviation does not end the title ("ASEAN-U.S.")', () => {
    const { events } = runFixture('Hun Sen attended the ASEAN-U.S. summit with France.');
    expect(events[0]!.title).toContain('ASEAN-U.S.');
  });

  it('a passive verb names what it acted on: the noun phrase before it, without its dates and parentheses', () => {
    const relative = runFixture(
      'That was followed by the Special ASEAN Plus Three (China, Japan, South Korea) meeting on April 14, 2020 by ' +
        'video conference, attended by PM Hun Sen.',
    );
    expect(relative.events[0]!.title).toBe('Hun Sen attended the Special ASEAN Plus Three meeting');
    const was = runFixture('The summit in Phnom Penh was attended by Hun Sen.');
    expect(was.events[0]!.title).toBe('Hun Sen attended the summit');
    // Nothing opens a noun phrase close enough: the verb stands alone rather than take a wrong object.
    const bare = runFixture('Summits were attended by Hun Sen.');
    expect(bare.events[0]!.title).toBe('Hun Sen attended');
  });

  it('keeps titles under the length limit at a word boundary', () => {
    expect(clip('word '.repeat(40).trim()).length).toBeLessThanOrEqual(MAX_TITLE);
    expect(clip('short')).toBe('short');
  });
});

describe('events: date attachment', () => {
  it("uses the sentence's own date (source text, with its expression)", () => {
    const text = 'He added that Cambodia and Japan first forged official diplomatic ties on January 9, 1953.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'January 9, 1953', '1953-01-09')] });
    expect(events[0]!.date).toEqual({ start: '1953-01-09', precision: 'day', text: 'January 9, 1953', source: 'text' });
    expect(events[0]!.title).toBe('Cambodia and Japan forged official diplomatic ties');
  });

  it('picks the date closest to the main verb when a sentence has two', () => {
    const text = 'On Tuesday, officials recalled that Japan sent peacekeeping forces to Cambodia in 1992.';
    const { events } = runFixture(text, {
      timexes: [timexOf(text, 'Tuesday', '2021-11-30'), timexOf(text, '1992', '1992', 'year')],
    });
    expect(events[0]!.date.start).toBe('1992');
    expect(events[0]!.date.precision).toBe('year');
  });

  it('does not take a date from a clause set against the event\'s own by "but" or "although"', () => {
    const text = 'Cambodia has had ties with Russia since the 1950s, but this will change as Russia invaded Ukraine.';
    const dated = { timexes: [timexOf(text, 'the 1950s', '1950', 'year')], published: '2022-04-02' };
    const { events } = runFixture(text, dated);
    expect(events[0]!.title).toBe('Russia invaded Ukraine');
    expect(events[0]!.date).toEqual({ start: '2022-04-02', precision: 'day', text: '', source: 'publication' });
    // Without the contrast the decade is the event's own date.
    const plain = 'Russia invaded Ukraine in the 1950s.';
    const own = runFixture(plain, { timexes: [timexOf(plain, 'the 1950s', '1950', 'year')] });
    expect(own.events[0]!.date.text).toBe('the 1950s');
    // A semicolon alone is no contrast: the next clause often goes on about the same time.
    const during = 'The years between 1956 and 1970 were the high point; during this time, Russia praised Cambodia.';
    const kept = runFixture(during, { timexes: [timexOf(during, 'between 1956 and 1970', '1956', 'year')] });
    expect(kept.events[0]!.date.text).toBe('between 1956 and 1970');
  });

  it('falls back to the nearest preceding date of the paragraph (source context)', () => {
    const text = 'Hun Sen arrived in Paris on March 28 and praised France. He said Cambodia opposed Russia.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 28', '2022-03-28')] });
    expect(events[1]!.title).toBe('Cambodia opposed Russia');
    expect(events[1]!.date).toEqual({ start: '2022-03-28', precision: 'day', text: 'March 28', source: 'context' });
  });

  it('uses a following date of the paragraph when none precedes', () => {
    const text = 'Hun Sen praised Japan. The call took place on March 28.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 28', '2022-03-28')] });
    expect(events[0]!.date.source).toBe('context');
  });

  it('does not borrow a date from another paragraph; falls back to the publication date', () => {
    const text = 'The call took place on March 28.\nHun Sen praised Japan.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 28', '2022-03-28')], published: '2022-04' });
    expect(events[0]!.date).toEqual({ start: '2022-04', precision: 'month', text: '', source: 'publication' });
  });

  it('makes no event when nothing dates it (no timex, no publication date)', () => {
    expect(runFixture('Hun Sen praised Japan.', { published: null }).events).toEqual([]);
  });

  it('reads the precision of a publication date from its shape', () => {
    expect(precisionOf('2022')).toBe('year');
    expect(precisionOf('2022-11')).toBe('month');
    expect(precisionOf('2022-11-12')).toBe('day');
  });
});

describe('events: news-occasion dating', () => {
  it('dates a later undated statement by the same speaker with the recent occasion he was dated at', () => {
    const text =
      'Hun Sen spoke with Zelensky on March 28.\nHe said Cambodia opposed Russia.\nMaria Lopez said it was right.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 28', '2022-03-28')] });
    expect(events[1]!.date).toMatchObject({ start: '2022-03-28', source: 'context' });
    expect(events[2]!.date).toMatchObject({ start: '2022-03-29', source: 'publication' });
  });

  it("dates a lead sentence by its actor's first news occasion further down", () => {
    const text = 'Hun Sen has praised Japan.\nThe talks took place on March 27, Hun Sen said.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 27', '2022-03-27')] });
    expect(events[0]!.date).toMatchObject({ start: '2022-03-27', source: 'context' });
  });

  it('does not treat a historical date as a news occasion', () => {
    const text = 'Hun Sen praised Japan on January 9, 1953.\nHe said Cambodia opposed Russia.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'January 9, 1953', '1953-01-09')] });
    expect(events[1]!.date.source).toBe('publication');
  });

  it('falls back to the date of the reporting verb when the event has none of its own', () => {
    const text = 'Hun Sen praised Japan as stated on March 20 in Tokyo.';
    const { events } = runFixture(text, { timexes: [timexOf(text, 'March 20', '2022-03-20')] });
    expect(events[0]!.date).toMatchObject({ start: '2022-03-20', source: 'text' });
  });

  it('makes no event of a relation requested of someone else, but of the request', () => {
    const { events } = runFixture(
      'Hun Sen requested that Japan continue to provide scholarships to Cambodian students.',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.title).toBe('Hun Sen requested that Japan continue to provide scholarships to Cambodian\u2026');
  });
});

describe('events: collapse', () => {
  const PIECES = [' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', 'a', 'Hun', ',', '-'];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2, unit: 'binary' })), { maxLength: 16 })
    .map((parts) => parts.join(''));
  test.prop([text], { numRuns: 3000 })('is a whitespace-run replace and a trim', (s) => {
    expect(collapse(s)).toBe(s.replace(/\s+/g, ' ').trim());
  });
});
