import { describe, expect, test } from 'vitest';
import { extractTimexes, type FoundTimex } from './dates';
import { easterSunday, pickYear } from './dates-periods';

const PUB = '2013-03-22'; // a Friday

function found(text: string, published: string | null = PUB): [string, string, string][] {
  return extractTimexes(text, { published }).map((t) => [t.text, t.type, t.value]);
}

function one(text: string, published: string | null = PUB): FoundTimex {
  const all = extractTimexes(text, { published });
  expect(all, JSON.stringify(all)).toHaveLength(1);
  return all[0] as FoundTimex;
}

describe('pickYear', () => {
  const ref = { year: 2013, month: 3, day: 22 };
  const q = (n: number) => ({
    start: (y: number) => ({ year: y, month: n * 3 - 2, day: 1 }),
    end: (y: number) => ({ year: y, month: n * 3, day: 28 }),
  });
  test('the latest period that started on or before publication', () => {
    expect(pickYear(ref, false, q(1).start, q(1).end)).toBe(2013);
    expect(pickYear(ref, false, q(4).start, q(4).end)).toBe(2012);
  });
  test('looking forward: the first period that has not ended by publication', () => {
    expect(pickYear(ref, true, q(1).start, q(1).end)).toBe(2013);
    expect(pickYear(ref, true, q(4).start, q(4).end)).toBe(2013);
  });
});

describe('quarters and halves', () => {
  test.each([
    ['The company reported first-quarter profit.', 'first-quarter', '2013-Q1'],
    ['Fourth-quarter earnings rose 5 percent.', 'Fourth-quarter', '2012-Q4'],
    ['Sales fell in the third quarter of 2011.', 'the third quarter of 2011', '2011-Q3'],
    ['Output grew in the fourth quarter of last year.', 'the fourth quarter of last year', '2012-Q4'],
    ['The 2012 fourth quarter was weak.', 'The 2012 fourth quarter', '2012-Q4'],
    ['Sales rose in Q4 2012.', 'Q4 2012', '2012-Q4'],
    ["Sales rose in Q3'12.", "Q3'12", '2012-Q3'],
    ['Sales in the first half of 2012 fell.', 'the first half of 2012', '2012-H1'],
    ['In the second half of the year, sales rose.', 'the second half of the year', '2013-H2'],
    ['First-half sales fell.', 'First-half', '2013-H1'],
  ])('%s', (text, span, value) => {
    const t = one(text);
    expect([t.text, t.type, t.value]).toEqual([span, 'DATE', value]);
  });
  test('a quarter carries its months as the date', () => {
    expect(one('Sales fell in the third quarter of 2011.').date).toEqual({
      start: '2011-07',
      end: '2011-09',
      precision: 'month',
    });
  });
  test('a forward cue picks the coming quarter', () => {
    expect(one('The plant will open in the fourth quarter.').value).toBe('2013-Q4');
  });
  test('parts of other things are not quarters or halves of a year', () => {
    expect(found('The team scored in the first half of the game.')).toEqual([]);
    expect(found('He scored in the first half.')).toEqual([]);
    expect(found('The first quarter of the century was calm.')).toEqual([]);
    expect(found('A quarter of the budget went to H1 and Q7 projects.')).toEqual([]);
  });
  test('no publication date: unresolved year', () => {
    expect(one('Profit rose in the first quarter.', null).value).toBe('XXXX-Q1');
  });
});

describe('fiscal years', () => {
  test.each([
    ['Revenue for fiscal 2013 is expected to rise.', 'fiscal 2013', 'FY2013'],
    ['The budget for fiscal year 2014 was cut.', 'fiscal year 2014', 'FY2014'],
    ['FY2012 results were strong.', 'FY2012', 'FY2012'],
    ["Spending in fiscal '14 will fall.", "fiscal '14", 'FY2014'],
    ['Next fiscal year, spending will fall.', 'Next fiscal year', 'FY2014'],
    ['The current fiscal year ends in June.', 'The current fiscal year', 'FY2013'],
  ])('%s', (text, span, value) => {
    const t = found(text).find((x) => x[2].startsWith('FY'));
    expect(t).toEqual([span, 'DATE', value]);
  });
});

describe('centuries and decades', () => {
  test.each([
    ['He was born in the 20th century.', 'the 20th century', '19'],
    ['The twenty-first century will be different.', 'The twenty-first century', '20'],
    ['20th-century art is popular.', '20th-century', '19'],
    ['It was built in the early 19th century.', 'the early 19th century', '18'],
    ["It happened in the '90s.", "the '90s", '199'],
    ["It happened in the mid-'80s.", "the mid-'80s", '198'],
    ['It was popular in the sixties.', 'the sixties', '196'],
  ])('%s', (text, span, value) => {
    const t = one(text);
    expect([t.text, t.type, t.value]).toEqual([span, 'DATE', value]);
  });
  test('an age in decade words and a century BC are not dates', () => {
    expect(found('He was in his forties.')).toEqual([]);
    expect(found('It was built in the 5th century BC.')).toEqual([]);
  });
});

describe('the weekend', () => {
  test('the weekend before publication, or the coming one looking forward', () => {
    expect(one('The talks resumed over the weekend.')).toMatchObject({
      text: 'the weekend',
      value: '2013-W11-WE',
      date: { start: '2013-03-16', end: '2013-03-17', precision: 'day' },
    });
    expect(one('The talks will resume over the weekend.').value).toBe('2013-W12-WE');
    expect(one('The talks resumed over the weekend.', '2013-03-24').value).toBe('2013-W12-WE');
  });
  test('"this past weekend" is the one before publication', () => {
    expect(one('This past weekend, talks resumed.').value).toBe('2013-W11-WE');
  });
});

describe('holidays', () => {
  test('Easter Sunday', () => {
    expect(easterSunday(2013)).toEqual({ year: 2013, month: 3, day: 31 });
    expect(easterSunday(2012)).toEqual({ year: 2012, month: 4, day: 8 });
    expect(easterSunday(2000)).toEqual({ year: 2000, month: 4, day: 23 });
  });
  test.each([
    ['Stores will be closed on Christmas Day.', 'Christmas Day', '2013-12-25'],
    ['Sales rose before Christmas.', 'Christmas', '2012-12-25'],
    ['He arrived on New Year’s Eve.', 'New Year’s Eve', '2012-12-31'],
    ['The attack happened on Easter Sunday.', 'Easter Sunday', '2012-04-08'],
    ['Sales rose over Thanksgiving.', 'Thanksgiving', '2012-11-22'],
    ['It snowed on Christmas Eve 2010.', 'Christmas Eve 2010', '2010-12-24'],
    ['They met on Good Friday.', 'Good Friday', '2012-04-06'],
  ])('%s', (text, span, value) => {
    const t = one(text);
    expect([t.text, t.type, t.value]).toEqual([span, 'DATE', value]);
  });
  test('a bare holiday name needs a temporal preposition', () => {
    expect(found('Christmas shopping is popular.')).toEqual([]);
    expect(found('The Easter Rising is remembered.')).toEqual([]);
  });
});

describe('24-hour clock times', () => {
  test('four digits with a zone are a time of the publication day, not a year', () => {
    expect(found('Polls close at 1900 GMT.')).toEqual([['1900 GMT', 'TIME', '2013-03-22T19:00Z']]);
    expect(found('Troops moved in at 0530 hours.')).toEqual([['0530 hours', 'TIME', '2013-03-22T05:30']]);
  });
  test('they take the day of the previous date in the sentence', () => {
    expect(found('On Tuesday, the blast happened at 0930 GMT.')).toEqual([
      ['Tuesday', 'DATE', '2013-03-19'],
      ['0930 GMT', 'TIME', '2013-03-19T09:30Z'],
    ]);
  });
  test('a four-digit count is no time', () => {
    expect(found('He scored 1900 points in 2400 minutes.')).toEqual([['2400 minutes', 'DURATION', 'PT2400M']]);
  });
});

describe('a month with a relative year', () => {
  test.each([
    ['The first flight is expected in September of this year.', 'September of this year', '2013-09'],
    ['The terminal will open in January next year.', 'January next year', '2014-01'],
    ['He left on 3 March last year.', '3 March last year', '2012-03-03'],
    ['He left on March 3 last year.', 'March 3 last year', '2012-03-03'],
  ])('%s', (text, span, value) => {
    const t = one(text);
    expect([t.text, t.value]).toEqual([span, value]);
  });
});

describe('parts of the current period', () => {
  test('looking forward: the current period', () => {
    expect(one('The deal is expected by the end of the year.')).toMatchObject({
      text: 'the end of the year',
      value: '2013',
      mod: 'END',
    });
    expect(one('A decision will come by the end of the month.')).toMatchObject({ value: '2013-03', mod: 'END' });
  });
  test('in a narrative: the period of the previous date', () => {
    const t = extractTimexes('Sales fell in 2010. By the end of the year, the firm was bankrupt.', {
      published: PUB,
    });
    expect(t.map((x) => [x.text, x.value, x.mod])).toEqual([
      ['2010', '2010', undefined],
      ['the end of the year', '2010', 'END'],
    ]);
  });
  test('"later in the week", "the beginning of the month"', () => {
    expect(one('Later in the week, he resigned.')).toMatchObject({ text: 'Later in the week', value: '2013-W12' });
    expect(one('The firm was founded at the start of the month.')).toMatchObject({ value: '2013-03', mod: 'START' });
  });
  test('year-end is December', () => {
    expect(one('The deal should close by year-end.')).toMatchObject({ text: 'year-end', value: '2013-12' });
    expect(one('Debt rose at year-end 2012.')).toMatchObject({ text: 'year-end 2012', value: '2012-12' });
    expect(one('Around year end, prices fell.')).toMatchObject({ text: 'Around year end', mod: 'APPROX' });
  });
});

describe('seasons without a year', () => {
  test.each([
    ['The plant closed in the summer.', 'the summer', '2012-SU'],
    ['The plant will reopen in the spring.', 'the spring', '2013-SP'],
    ['The harvest comes in the fall, when prices drop.', 'the fall', '2012-FA'],
  ])('%s', (text, span, value) => {
    const t = one(text);
    expect([t.text, t.type, t.value]).toEqual([span, 'DATE', value]);
  });
  test('"early spring" keeps its modifier', () => {
    expect(one('Prices rose in early spring.')).toMatchObject({ text: 'early spring', value: '2013-SP', mod: 'START' });
  });
  test('a season that names something else is no date', () => {
    expect(found('The fall of the empire was quick.')).toEqual([]);
    expect(found('He competed in the winter Olympics.')).toEqual([]);
  });
});
