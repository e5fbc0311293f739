import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { extractTimexes, findDateline, type FoundTimex } from './dates';
import { MONTH_NAMES } from '../../src/model/calendar';

const PUB = '2022-03-29'; // a Tuesday

function one(text: string, published: string | null = PUB): FoundTimex {
  const found = extractTimexes(text, { published });
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0] as FoundTimex;
}

function expectTimex(text: string, span: string, expected: Partial<FoundTimex>, published: string | null = PUB): void {
  const t = one(text, published);
  expect(t.text).toBe(span);
  expect(text.slice(t.start, t.end)).toBe(span);
  expect(t).toMatchObject(expected);
  if (!('date' in expected)) return;
  expect(t.date).toEqual(expected.date);
}

describe('absolute and partial dates', () => {
  test('month day, year', () => {
    expectTimex('He was born on January 9, 1953 in Kampong Cham.', 'January 9, 1953', {
      type: 'DATE',
      value: '1953-01-09',
      date: { start: '1953-01-09', precision: 'day' },
      anchored: 'absolute',
    });
  });
  test('"December of 2013" is month precision', () => {
    expectTimex('They became partners in December of 2013.', 'December of 2013', {
      value: '2013-12',
      date: { start: '2013-12', precision: 'month' },
    });
  });
  test('"April 2020" is month precision', () => {
    expectTimex('The plan was adopted in April 2020.', 'April 2020', {
      value: '2020-04',
      date: { start: '2020-04', precision: 'month' },
    });
  });
  test('day month year', () => {
    expectTimex('Signed on 9 January 1953.', '9 January 1953', { value: '1953-01-09' });
  });
  test('weekday with full date', () => {
    expectTimex('The call of Wednesday, December 1, 2021 was short.', 'Wednesday, December 1, 2021', {
      value: '2021-12-01',
    });
  });
  test('clock time with a date is a TIME', () => {
    expectTimex('The meeting on April 8, 2020 at 9 a.m. ended early.', 'April 8, 2020 at 9 a.m.', {
      type: 'TIME',
      value: '2020-04-08T09:00',
      date: { start: '2020-04-08', precision: 'day' },
    });
  });
  test('"morning of" a date', () => {
    expectTimex('On the morning of February 13, 2020, he left.', 'the morning of February 13, 2020', {
      type: 'TIME',
      value: '2020-02-13TMO',
    });
  });
});

describe('year-less dates', () => {
  test('the latest such day on or before publication', () => {
    expectTimex('The ministry on January 24 dismissed the label.', 'January 24', {
      value: '2022-01-24',
      date: { start: '2022-01-24', precision: 'day' },
      anchored: 'publication',
    });
  });
  test('a day after publication reads as last year', () => {
    expectTimex('The summit on November 1 was a success.', 'November 1', { value: '2021-11-01' });
  });
  test('a forward cue reads as the next one', () => {
    expectTimex('The summit will open on November 1.', 'November 1', { value: '2022-11-01' });
    expectTimex('The minister is due to arrive on March 3.', 'March 3', { value: '2023-03-03' });
  });
  test('month-precision publication: latest on or before the end of that month', () => {
    expectTimex('since the invasion on February 24.', 'February 24', { value: '2022-02-24' }, '2022-11');
    expectTimex('It happened on December 5.', 'December 5', { value: '2021-12-05' }, '2022-11');
  });
  test('no publication date: unresolved, no date', () => {
    const t = one('The ministry on January 24 dismissed it.', null);
    expect(t.value).toBe('XXXX-01-24');
    expect(t.date).toBeUndefined();
  });
  test('a month alone', () => {
    expectTimex('The report came out in March.', 'March', {
      value: '2022-03',
      date: { start: '2022-03', precision: 'month' },
    });
  });
});

describe('weekdays', () => {
  test('"on Wednesday" is the latest Wednesday on or before publication', () => {
    expectTimex('He held talks on Wednesday.', 'Wednesday', { value: '2022-03-23', anchored: 'publication' });
    expectTimex('He held talks on Tuesday.', 'Tuesday', { value: '2022-03-29' });
  });
  test('forward cue and "next"', () => {
    expectTimex('He will hold talks on Friday.', 'Friday', { value: '2022-04-01' });
    expectTimex('They meet next Monday.', 'next Monday', { value: '2022-04-04' });
    expectTimex('They met last Friday.', 'last Friday', { value: '2022-03-25' });
  });
  test('a weekday needs a day-precision publication date', () => {
    expect(one('He held talks on Wednesday.', '2022-03').value).toBe('XXXX-WXX-3');
  });
});

describe('relative expressions', () => {
  test('"last week" is the previous ISO week', () => {
    expectTimex('He met officials last week.', 'last week', {
      value: '2022-W12',
      date: { start: '2022-03-21', end: '2022-03-27', precision: 'day' },
    });
  });
  test('"this month", "Early this month"', () => {
    expectTimex('Prices rose this month.', 'this month', {
      value: '2022-03',
      date: { start: '2022-03', precision: 'month' },
    });
    expectTimex('Early this month, he spoke.', 'Early this month', { value: '2022-03', mod: 'START' });
  });
  test('"next year" is year precision', () => {
    expectTimex('They will meet next year in person.', 'next year', {
      value: '2023',
      date: { start: '2023', precision: 'year' },
    });
    expectTimex('Trade grew this year.', 'this year', { value: '2022', date: { start: '2022', precision: 'year' } });
  });
  test('"28 years ago" at year granularity', () => {
    expectTimex('28 years ago Cambodia was poor.', '28 years ago', {
      value: '1994',
      date: { start: '1994', precision: 'year' },
      anchored: 'publication',
    });
    expectTimex('It closed three months ago.', 'three months ago', { value: '2021-12' });
    expectTimex('It closed two days ago.', 'two days ago', { value: '2022-03-27' });
  });
  test('yesterday, today, tonight, this morning', () => {
    expectTimex('He said yesterday.', 'yesterday', {
      value: '2022-03-28',
      date: { start: '2022-03-28', precision: 'day' },
    });
    expectTimex('He said today.', 'today', { value: '2022-03-29' });
    expectTimex('He speaks tonight.', 'tonight', { type: 'TIME', value: '2022-03-29TNI' });
    expectTimex('He spoke this morning.', 'this morning', { type: 'TIME', value: '2022-03-29TMO' });
  });
  test('vague references have no date', () => {
    for (const [text, span, value] of [
      ['It is now over.', 'now', 'PRESENT_REF'],
      ['He recently left.', 'recently', 'PAST_REF'],
      ['We look to the future.', 'the future', 'FUTURE_REF'],
      ['They are currently here.', 'currently', 'PRESENT_REF'],
    ] as const) {
      const t = one(text);
      expect([t.text, t.value, t.date]).toEqual([span, value, undefined]);
    }
  });
  test('"last week" without a publication date stays unresolved', () => {
    expect(one('He met officials last week.', null)).toMatchObject({ value: 'XXXX-WXX' });
    expect(one('He met officials last week.', null).date).toBeUndefined();
  });
});

describe('anaphoric expressions', () => {
  test('"four days later" is anchored on the previous date', () => {
    const found = extractTimexes('The meeting was on April 23, 2020. Four days later, he flew home.', {
      published: '2020-04-29',
    });
    expect(found[1]).toMatchObject({
      text: 'Four days later',
      value: '2020-04-27',
      anchored: 'previous',
      date: { start: '2020-04-27', precision: 'day' },
    });
  });
  test('"the next day" and "two weeks after"', () => {
    const found = extractTimexes(
      'They met on March 3, 2019. The next day, talks resumed. Talks ended two weeks after.',
      { published: PUB },
    );
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['March 3, 2019', '2019-03-03'],
      ['The next day', '2019-03-04'],
      ['two weeks after', '2019-03-18'],
    ]);
  });
  test('"the following year" is a period', () => {
    const found = extractTimexes('The war began in 1979. The following year, aid arrived.', { published: PUB });
    expect(found[1]).toMatchObject({ text: 'The following year', value: '1980', anchored: 'previous' });
  });
  test('without a previous date it falls back to the publication date', () => {
    const t = one('Four days later, he flew home.');
    expect(t).toMatchObject({ value: '2022-04-02', anchored: 'publication' });
    expect(t.date).toEqual({ start: '2022-04-02', precision: 'day' });
    expect(one('The next day, he flew home.')).toMatchObject({ value: '2022-03-30', anchored: 'publication' });
    expect(one('The following week, he flew home.')).toMatchObject({ value: '2022-W14', anchored: 'publication' });
  });
  test('without a previous date nor a publication date it stays unresolved', () => {
    const t = one('Four days later, he flew home.', null);
    expect(t.value).toBe('XXXX-XX-XX');
    expect(t.date).toBeUndefined();
    expect(t.anchored).toBeUndefined();
  });
});

describe('TimeML span and value conventions', () => {
  test.each([
    ['He served more than two years in prison.', 'more than two years', 'DURATION', 'P2Y', 'MORE_THAN'],
    ['The talks lasted about 40 minutes.', 'about 40 minutes', 'DURATION', 'PT40M', 'APPROX'],
    ['It was almost two and a half years late.', 'almost two and a half years', 'DURATION', 'P2.5Y', 'LESS_THAN'],
    ['It opened some 40 years ago.', 'some 40 years ago', 'DATE', '1982', 'APPROX'],
    ['It took at least three weeks.', 'at least three weeks', 'DURATION', 'P3W', 'EQUAL_OR_MORE'],
  ])('quantity modifiers are inside the span: %s', (text, span, type, value, mod) => {
    expectTimex(text, span, { type, value, mod } as Partial<FoundTimex>);
  });
  test.each([
    ['It will not end anytime soon.', 'soon', 'FUTURE_REF'],
    ['Ties grew in recent years.', 'recent years', 'PAST_REF'],
    ['Cases will rise in coming days.', 'coming days', 'FUTURE_REF'],
    ['Cases will rise in the coming weeks.', 'the coming weeks', 'FUTURE_REF'],
    ['the friendship that exists today.', 'today', 'PRESENT_REF'],
    ['Today is a good day for talks.', 'Today', 'PRESENT_REF'],
  ])('vague references: %s', (text, span, value) => {
    expectTimex(text, span, { type: 'DATE', value });
  });
  test('"today" in a report is the publication day', () => {
    expectTimex('He said today that talks would resume.', 'today', { value: '2022-03-29', anchored: 'publication' });
  });
  test('times of day', () => {
    expectTimex('He arrived Monday morning.', 'Monday morning', { type: 'TIME', value: '2022-03-28TMO' });
    expectTimex('The vote is at 3 p.m.', '3 p.m.', { type: 'TIME', value: '2022-03-29T15:00' });
    expectTimex('The launch at 08:30 UTC was normal.', '08:30 UTC', { type: 'TIME', value: '2022-03-29T08:30Z' });
  });
  test('a clock time takes the day of the previous date in its sentence', () => {
    const found = extractTimexes('The plane flew Tuesday in Everett at 18:00 UTC. It landed at 20:00.', {
      published: '2009-12-16',
    });
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['Tuesday', '2009-12-15'],
      ['18:00 UTC', '2009-12-15T18:00Z'],
      ['20:00', '2009-12-16T20:00'],
    ]);
  });
});

describe('years, decades and ranges', () => {
  test('bare years in date-like context', () => {
    expectTimex('In 1979, the regime fell.', '1979', { value: '1979', date: { start: '1979', precision: 'year' } });
    expectTimex('He joined the UN in 1992.', '1992', { value: '1992' });
    expectTimex('Cambodia, as 2022 ASEAN Chair, will host.', '2022', { value: '2022' });
    expectTimex('the 2020 budget was cut', '2020', { value: '2020' });
  });
  test('decades', () => {
    expectTimex('a relationship since the 1950s', 'the 1950s', {
      value: '195',
      date: { start: '1950', end: '2022-03-29', precision: 'decade' },
    });
    expectTimex('In the 1970s, the country suffered.', 'the 1970s', {
      value: '197',
      date: { start: '1970', end: '1979', precision: 'decade' },
    });
    expectTimex('the early 1990s', 'the early 1990s', {
      value: '199',
      mod: 'START',
      date: { start: '1990', end: '1993', precision: 'year' },
    });
  });
  test.each([
    ['The years between 1956 and 1970 were good.', '1956', '1970', '1956 and 1970'],
    ['The regime ruled from 1975-1979.', '1975', '1979', '1975-1979'],
    ['It ran from 1975 to 1979.', '1975', '1979', '1975 to 1979'],
    ['The pandemic of 2009-10 ended.', '2009', '2010', '2009-10'],
  ])('a year range is two timexes sharing the range: %s', (text, first, last, whole) => {
    const found = extractTimexes(text, { published: PUB });
    expect(found.map((t) => [t.type, t.value])).toEqual([
      ['DATE', first],
      ['DATE', last],
    ]);
    const date = { start: first, end: last, precision: 'year' };
    const range = { start: text.indexOf(whole), end: text.indexOf(whole) + whole.length };
    for (const t of found) {
      expect(t.date).toEqual(date);
      expect(t.range).toEqual(range);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(found[0]?.text).toBe(first);
    expect(found[1]?.start).toBeGreaterThan(found[0]?.end ?? 0);
  });
  test('a month range is two timexes; the first endpoint takes the year of the last', () => {
    const text = 'Talks ran from January to March 2020 and from May 2009 to June 2010.';
    const found = extractTimexes(text, { published: PUB });
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['January', '2020-01'],
      ['March 2020', '2020-03'],
      ['May 2009', '2009-05'],
      ['June 2010', '2010-06'],
    ]);
    expect(found[0]?.date).toEqual({ start: '2020-01', end: '2020-03', precision: 'month' });
    expect(found[1]?.range).toEqual({ start: text.indexOf('January'), end: text.indexOf(' and') });
    expect(found[2]?.date).toEqual({ start: '2009-05', end: '2010-06', precision: 'month' });
  });
  test('single dates carry no range', () => {
    expect(one('It ended in 1979.').range).toBeUndefined();
  });
  test('"since 1993" runs to publication', () => {
    expectTimex('Ties grew since 1993.', '1993', {
      value: '1993',
      date: { start: '1993', end: '2022-03-29', precision: 'year' },
    });
  });
  test('early, mid, late', () => {
    expectTimex('They returned in early 1979.', 'early 1979', {
      value: '1979',
      mod: 'START',
      date: { start: '1979-01', end: '1979-04', precision: 'month' },
    });
    expectTimex('It peaked in late 2013.', 'late 2013', {
      mod: 'END',
      date: { start: '2013-09', end: '2013-12', precision: 'month' },
    });
    expectTimex('Growth returns by mid-2020.', 'mid-2020', {
      mod: 'MID',
      date: { start: '2020-05', end: '2020-08', precision: 'month' },
    });
    expectTimex('Prices fell in late March.', 'late March', { value: '2022-03', mod: 'END' });
  });
  test('seasons with a year', () => {
    expectTimex('in the summer of 2013', 'the summer of 2013', {
      value: '2013-SU',
      date: { start: '2013-06', end: '2013-08', precision: 'month' },
    });
  });
});

describe('durations and sets', () => {
  test('durations have a value and no date', () => {
    for (const [text, span, value] of [
      ['relations for 65 years', '65 years', 'P65Y'],
      ['Four days passed.', 'Four days', 'P4D'],
      ['over the past year', 'the past year', 'P1Y'],
      ['a decade of growth', 'a decade', 'P1DE'],
      ['for decades', 'decades', 'PXDE'],
      ['a 65-year-old man', '65-year-old', 'P65Y'],
      ['within 24 hours', '24 hours', 'PT24H'],
    ] as const) {
      const t = one(text);
      expect([t.text, t.type, t.value, t.date]).toEqual([span, 'DURATION', value, undefined]);
    }
  });
  test('sets', () => {
    for (const [text, span, value] of [
      ['They meet every year.', 'every year', 'P1Y'],
      ['They meet annually.', 'annually', 'P1Y'],
      ['twice a week', 'twice a week', 'P1W'],
      ['every Monday', 'every Monday', 'XXXX-WXX-1'],
    ] as const) {
      const t = one(text);
      expect([t.text, t.type, t.value]).toEqual([span, 'SET', value]);
    }
  });
});

describe('datelines', () => {
  test('place, date and dash', () => {
    const text = 'OPINION: A title\n\nAKP Phnom Penh, April 29, 2020 —\n\nBody text.';
    const d = findDateline(text);
    expect(d?.published).toBe('2020-04-29');
    expect(text.slice(d?.start, d?.end)).toBe('AKP Phnom Penh, April 29, 2020 —');
  });
  test('published line and day-first dates', () => {
    expect(findDateline('Title\nPublished: 12 May 2021\nText')?.published).toBe('2021-05-12');
  });
  test('no dateline, impossible dateline', () => {
    expect(findDateline('Just a text about April 29, 2020 in the middle of a sentence that goes on.')).toBeUndefined();
    expect(findDateline('PHNOM PENH, February 30, 2021 — text')).toBeUndefined();
  });
});

describe('seed articles', () => {
  const seeds = join(import.meta.dirname, '../../seeds');
  const csv = readFileSync(join(seeds, 'documents.csv'), 'utf8');
  const published = new Map<string, string>();
  for (const line of csv.split('\n').slice(1)) {
    const file = line.split(',')[0];
    const date = /,(\d{4}(?:-\d{2}){0,2}),/.exec(line)?.[1];
    if (file && date) published.set(file.slice(0, 3), date);
  }
  const load = (prefix: string) => {
    const file = [
      '000_20644a8384d2315e',
      '001_441640a170b3a440',
      '002_8f6fdb70f5401a35',
      '003_cc330f91d3e3a3b7',
      '004_e1855cd80423222c',
    ].find((f) => f.startsWith(prefix));
    const text = readFileSync(join(seeds, `${file}.txt`), 'utf8');
    return extractTimexes(text, { published: published.get(prefix) ?? null });
  };
  const expectations: [string, string, string, string?][] = [
    ['000', 'January 24', '2023-01-24'],
    ['000', 'November 1', '2022-11-01'],
    ['001', 'March 28', '2022-03-28'],
    ['001', 'the 1950s', '195'],
    ['001', 'Early this month', '2022-03'],
    ['001', 'last week', '2022-W12'],
    ['002', 'February 24', '2022-02-24'],
    ['002', '65 years', 'P65Y'],
    ['002', '1956', '1956', '1970'],
    ['002', '1970', '1970', '1970'],
    ['002', '1993', '1993', '2022-11'],
    ['002', '1979', '1979'],
    ['002', 'this year', '2022'],
    ['002', '2022', '2022'],
    ['003', 'April 8, 2020', '2020-04-08'],
    ['003', 'April 23, 2020', '2020-04-23'],
    ['003', 'Four days later', '2020-04-27'],
    ['003', 'the 1970s', '197', '1979'],
    ['003', '1975', '1975', '1979'],
    ['003', '1979', '1979', '1979'],
    ['003', 'early 1979', '1979'],
    ['003', '27 years', 'P27Y'],
    ['003', 'the morning of February 13, 2020', '2020-02-13TMO'],
    ['004', 'Wednesday', '2021-12-01'],
    ['004', 'December 1', '2021-12-01'],
    ['004', '1992', '1992'],
    ['004', 'next year', '2022'],
    ['004', 'January 9, 1953', '1953-01-09'],
    ['004', 'December of 2013', '2013-12'],
    ['004', '28 years ago', '1993'],
  ];
  test.each(expectations)('%s: "%s" -> %s', (prefix, span, value, end) => {
    const found = load(prefix).filter((t) => t.text === span);
    expect(found.length, span).toBeGreaterThan(0);
    expect(found.some((t) => t.value === value && (end === undefined || t.date?.end === end))).toBe(true);
  });
  test('no COVID-19 hours and no chrono durations projected into the future', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      for (const t of load(prefix)) {
        expect(t.text).not.toMatch(/^19\b/);
        if (t.date) expect(t.date.start <= '2023-12').toBe(true);
      }
    }
  });
  test('five seeds extract fast', () => {
    const t0 = performance.now();
    for (const prefix of ['000', '001', '002', '003', '004']) load(prefix);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('properties', () => {
  fcTest.prop([fc.string({ maxLength: 300 }), fc.constantFrom(PUB, '2022-11', '2022', null)])(
    'offsets slice to the text, sorted and non-overlapping',
    (text, published) => {
      const found = extractTimexes(text, { published });
      let last = 0;
      for (const t of found) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.end).toBeGreaterThan(t.start);
        last = t.end;
      }
    },
  );
  const MONTHS = MONTH_NAMES;
  fcTest.prop([fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })])(
    'an impossible Y-M-D never gives a date, a real one gives exactly that day',
    (y, m, d) => {
      const found = extractTimexes(`It happened on ${MONTHS[m - 1]} ${d}, ${y} in the city.`, { published: PUB });
      const real = d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
      const dated = found.filter((t) => t.date?.precision === 'day');
      if (real)
        expect(dated.map((t) => t.date?.start)).toEqual([
          `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ]);
      else expect(dated).toEqual([]);
    },
  );
  fcTest.prop(
    [fc.string({ unit: fc.constantFrom(...'ABab019 \t,.:-'.split('')), minLength: 45_000, maxLength: 50_000 })],
    { numRuns: 5 },
  )('any 50,000-character string from [A-Za-z0-9 \\t,.:-] finishes under a budget', (text) => {
    const t0 = performance.now();
    extractTimexes(text, { published: PUB });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  test('emoji, combining characters and CRLF do not shift offsets', () => {
    const text = '👍🏽 Café\u0301\r\nOn January 9, 1953 👨‍👩‍👧 and in 1979.\r\n';
    const found = extractTimexes(text, { published: PUB });
    expect(found.map((t) => t.text)).toEqual(['January 9, 1953', '1979']);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  test('skip spans are ignored', () => {
    const text = 'Posted January 9, 2020. The vote was on March 3, 2020.';
    const found = extractTimexes(text, { published: PUB, skip: [{ start: 0, end: 23 }] });
    expect(found.map((t) => t.text)).toEqual(['March 3, 2020']);
  });
  test('deterministic: the same input gives the same output', () => {
    const text = 'Last week, on Wednesday, and next year, 28 years ago.';
    expect(extractTimexes(text, { published: PUB })).toEqual(extractTimexes(text, { published: PUB }));
  });
});

describe('tense of the clause for year-less dates and weekdays', () => {
  const P = '2005-11-05';
  test('a forward cue far back in a long sentence still counts', () => {
    const text =
      'The airliner will then bypass the planned stop in Malaysia, and fly directly to Sydney, then Melbourne and Brisbane as part of the celebrations on November 16.';
    expect(one(text, P).value).toBe('2005-11-16');
  });
  test('the nearest cue wins: a past verb after "will" points back', () => {
    expect(one('Officials will review the attack that happened on November 1.', P).value).toBe('2005-11-01');
    expect(one('He said the summit that was held on November 7 will be repeated.', P).value).toBe('2004-11-07');
  });
  test('modal verbs and present-tense schedules point forward', () => {
    expect(one('The first flight may take place as early as March.', '2005-01-18').value).toBe('2005-03');
    expect(one('The summit runs from November 8.', P).value).toBe('2005-11-08');
    expect(one('The deal is expected by mid-December.', P).value).toBe('2005-12');
  });
  test('a passive or a participle after "will" is no past tense', () => {
    expect(one('The meeting will be held on November 8.', P).value).toBe('2005-11-08');
    expect(one('Banks will stay closed until Tuesday.', P).value).toBe('2005-11-08');
  });
  test('"since" points back', () => {
    const found = extractTimexes('It will not end since the invasion on November 24.', { published: P });
    expect(found.map((t) => t.value)).toEqual(['2004-11-24']);
  });
});

describe('last/next/this with a month name, early/late with a weekday', () => {
  test('"last November", "next March", "this June"', () => {
    expectTimex('It was announced last November.', 'last November', { value: '2021-11' });
    expectTimex('It was announced last March.', 'last March', { value: '2021-03' });
    expectTimex('It opens next March.', 'next March', { value: '2023-03' });
    expectTimex('It opens this June.', 'this June', { value: '2022-06' });
  });
  test('"late Monday", "early Tuesday", "earlier Friday" keep the modifier in the span', () => {
    expectTimex('He spoke late Monday.', 'late Monday', { value: '2022-03-28', mod: 'END' });
    expectTimex('He spoke early Tuesday.', 'early Tuesday', { value: '2022-03-29', mod: 'START' });
    expectTimex('Earlier Friday, he met them.', 'Earlier Friday', { value: '2022-03-25', mod: 'START' });
  });
});

describe('bare years', () => {
  test.each([
    ['2012 was a good year for the company.', '2012'],
    ['Sales rose 5 percent compared with 2011.', '2011'],
    ['The report (2012) was widely read.', '2012'],
    ["The company's 2012 results were weak.", '2012'],
    ['Growth is forecast at 2 percent for 2013.', '2013'],
    ['Euro 2012 was held in Poland.', '2012'],
  ])('a plausible year that reads as no count: %s', (text, year) => {
    expectTimex(text, year, { type: 'DATE', value: year });
  });
  test.each([
    'The index fell to 1950 points.',
    'About 1500 troops were deployed.',
    'Some 2000 people attended.',
    'Room 1204 and flight 2013 were empty.',
    'Resolution 1973 was adopted.',
    'He scored 2013 points.',
  ])('counts and labels are not years: %s', (text) => {
    expect(extractTimexes(text, { published: PUB })).toEqual([]);
  });
});

describe('durations and rates', () => {
  test('decades and centuries use the TimeML units DE and CE', () => {
    expectTimex('It was the worst in two decades.', 'two decades', { type: 'DURATION', value: 'P2DE' });
    expectTimex('The firm has existed for a century.', 'a century', { type: 'DURATION', value: 'P1CE' });
    expectTimex('The deficit will shrink over the next decade.', 'the next decade', {
      type: 'DURATION',
      value: 'P1DE',
    });
  });
  test('"over the next year" is a stretch of time', () => {
    expectTimex('The firm will hire 500 people over the next year.', 'the next year', {
      type: 'DURATION',
      value: 'P1Y',
    });
  });
  test('bare plural units after verbs of duration and before signals', () => {
    expectTimex('He spent weeks in hospital.', 'weeks', { type: 'DURATION', value: 'PXW' });
    expectTimex('The review may last months.', 'months', { type: 'DURATION', value: 'PXM' });
    expectTimex('After years of talks, they agreed.', 'years', { type: 'DURATION', value: 'PXY' });
    expectTimex('He resigned hours after the report was published.', 'hours', { type: 'DURATION', value: 'PTXH' });
  });
  test('an age keeps "old" in the span', () => {
    expectTimex('He was 45 years old.', '45 years old', { type: 'DURATION', value: 'P45Y' });
  });
  test('"over several years" is a preposition, not "more than"', () => {
    const t = one('The rules will be phased in over several years.');
    expect([t.text, t.mod]).toEqual(['several years', undefined]);
  });
  test('a quantity per unit is a SET', () => {
    expectTimex('It builds tankers at a rate of 15 a year.', 'a year', { type: 'SET', value: 'P1Y' });
    expectTimex('It will save $300 million in fuel a year, officials said.', 'a year', {
      type: 'SET',
      value: 'P1Y',
    });
    expectTimex('Output is 10 per month.', 'per month', { type: 'SET', value: 'P1M' });
  });
  test('a rate needs a count; durations, offsets and speeds are no rate', () => {
    expect(one('The process could take a year or more.').type).toBe('DURATION');
    expect(one('He spent a year in jail.').type).toBe('DURATION');
    expect(one('Sales rose 4 percent from a year earlier.').type).toBe('DATE');
    expect(extractTimexes('The train runs at 300 km per hour.', { published: PUB })).toEqual([]);
    expect(extractTimexes('A quarter of the budget went to schools.', { published: PUB })).toEqual([]);
  });
  test('a capitalised adverb inside a name is no SET', () => {
    expect(extractTimexes('The China Daily newspaper reported it.', { published: PUB })).toEqual([]);
    expectTimex('Daily, the paper reported it.', 'Daily', { type: 'SET', value: 'P1D' });
  });
});

describe('delays and approximate points', () => {
  test('"three days later than planned" re-describes the date before it', () => {
    const found = extractTimexes('It will arrive on November 11, three days later than originally planned.', {
      published: '2005-11-05',
    });
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['November 11', '2005-11-11'],
      ['three days later than originally planned', '2005-11-11'],
    ]);
  });
  test('"around" and "roughly" before a date stay in the span', () => {
    expectTimex('Delivery is expected around 2020.', 'around 2020', { value: '2020', mod: 'APPROX' });
    expect(extractTimexes('He wrote about March 2012.', { published: PUB }).map((t) => t.text)).toEqual(['March 2012']);
  });
});
