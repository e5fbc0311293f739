import { describe, expect, test } from 'vitest';
import { extractTimexes } from './dates';

const PUB = '2022-03-29';

describe('things that are not dates', () => {
  test.each([
    'COVID-19 cases rose sharply.',
    'The virus, COVID-19. Cases rose.',
    'About 200,000 people attended.',
    'It was the 40th anniversary.',
    'the 41st ASEAN Summit opened',
    'May I ask a question?',
    'They march on the capital.',
    'the fall of the empire',
    'one of them said',
    'Article 5 of the treaty',
    'Call 012 345 678 or +855 23 123 456.',
    'He scored 2019 points.',
    'The G20 summit and the F-16 jets and H5N1.',
    'It costs $2020.',
    'A rise of 2020%.',
    'Resolution 1973 was adopted.',
    'In 2000 people died.',
    'February 30, 2021',
    'the second reading',
    'Page 3/4 of the report',
  ])('%s', (text) => {
    const found = extractTimexes(text, { published: PUB });
    expect(found.filter((t) => t.type === 'DATE' || t.type === 'TIME')).toEqual([]);
  });
  test.each([
    'It will not end now that it has begun.',
    'Reply as soon as possible.',
    'He left soon after the vote.',
    'A second plane landed.',
  ])('no timex at all: %s', (text) => {
    expect(extractTimexes(text, { published: PUB })).toEqual([]);
  });
  test('"about" and "over" stay out of spans that are not counted', () => {
    const found = extractTimexes('He talked about the 2020 budget over the years.', { published: PUB });
    expect(found.map((t) => t.text)).toEqual(['2020', 'years']);
    expect(found.every((t) => t.mod === undefined)).toBe(true);
  });
  test('a date followed by a dash and a duration is two timexes, not a range', () => {
    const found = extractTimexes('It flew on 11 December -- four years behind schedule.', { published: '2009-12-16' });
    expect(found.map((t) => [t.text, t.type, t.value])).toEqual([
      ['11 December', 'DATE', '2009-12-11'],
      ['four years', 'DURATION', 'P4Y'],
    ]);
    expect(found.every((t) => t.range === undefined)).toBe(true);
  });
  test('an unbalanced closing bracket is not part of a time', () => {
    const found = extractTimexes('It landed at 12:30 EST (16:30 UTC).', { published: PUB });
    expect(found.map((t) => t.text)).toEqual(['12:30 EST', '16:30 UTC']);
  });
  test('impossible day gives no date even with a year', () => {
    const found = extractTimexes('It was signed on February 30, 2021.', { published: PUB });
    expect(found.every((t) => t.date === undefined)).toBe(true);
  });
  test('"for 65 years" is not a date in 2087', () => {
    const found = extractTimexes('They have had relations for 65 years.', { published: PUB });
    expect(found.map((t) => [t.text, t.type, t.value])).toEqual([['65 years', 'DURATION', 'P65Y']]);
  });
  test('null publication date: nothing relative is guessed', () => {
    const found = extractTimexes('Last week, on Wednesday, next year and 28 years ago, today.', { published: null });
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(t.date).toBeUndefined();
      expect(t.value).not.toMatch(/^\d/);
    }
  });
});
