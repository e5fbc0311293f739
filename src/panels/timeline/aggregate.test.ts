import { describe, expect, it } from 'vitest';
import { BIN_UNITS, aggregate, binStart, chooseBinUnit, initialWindow, nextBinStart, type AggEntry } from './aggregate';

const DAY = 86_400_000;
const utc = (y: number, m = 1, d = 1): number => Date.UTC(y, m - 1, d);
const unit = (name: string) => BIN_UNITS.find((u) => u.name === name)!;

/** `n` one-day entries on one lane, one per day from `from`. */
const daily = (n: number, from: number, lane = 'l'): AggEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${lane}${i}`, start: from + i * DAY, end: from + (i + 1) * DAY, lane }));

describe('chooseBinUnit', () => {
  it('picks finer bins for narrower windows', () => {
    expect(chooseBinUnit(10 * DAY).name).toBe('day');
    expect(chooseBinUnit(100 * DAY).name).toBe('week');
    expect(chooseBinUnit(365 * DAY).name).toBe('month');
    expect(chooseBinUnit(20 * 365 * DAY).name).toBe('year');
    expect(chooseBinUnit(200 * 365 * DAY).name).toBe('decade');
    expect(chooseBinUnit(1e6 * 365 * DAY).name).toBe('century');
  });
});

describe('binStart / nextBinStart', () => {
  it('aligns to the UTC calendar', () => {
    const t = utc(2022, 5, 17) + 5 * 3_600_000;
    expect(binStart(t, unit('day'))).toBe(utc(2022, 5, 17));
    expect(binStart(t, unit('week'))).toBe(utc(2022, 5, 16)); // a Monday
    expect(binStart(t, unit('month'))).toBe(utc(2022, 5, 1));
    expect(binStart(t, unit('quarter'))).toBe(utc(2022, 4, 1));
    expect(binStart(t, unit('year'))).toBe(utc(2022));
    expect(binStart(t, unit('decade'))).toBe(utc(2020));
    expect(binStart(t, unit('century'))).toBe(utc(2000));
  });

  it('steps one bin forward, across year ends and leap days', () => {
    expect(nextBinStart(utc(2022, 12, 1), unit('month'))).toBe(utc(2023, 1, 1));
    expect(nextBinStart(utc(2024, 2, 1), unit('month'))).toBe(utc(2024, 3, 1));
    expect(nextBinStart(utc(2022, 10, 1), unit('quarter'))).toBe(utc(2023, 1, 1));
    expect(nextBinStart(utc(2024, 2, 28), unit('day'))).toBe(utc(2024, 2, 29));
  });
});

describe('aggregate', () => {
  it('shows everything when the window holds few entries', () => {
    const entries = daily(10, utc(2022));
    const r = aggregate(entries, { window: { start: utc(2021), end: utc(2023) }, showAllBelow: 20 });
    expect(r.items).toHaveLength(10);
    expect(r.bins).toEqual([]);
  });

  it('leaves out entries outside the window', () => {
    const entries = [...daily(5, utc(2010)), ...daily(5, utc(2022))];
    const r = aggregate(entries, { window: { start: utc(2021), end: utc(2023) } });
    expect(r.items.map((e) => e.id)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4'].map((id) => id));
    expect(r.total).toBe(5);
  });

  it('replaces dense lane/bin cells by blocks at a year scale', () => {
    const entries = [
      ...daily(200, utc(2022)),
      { id: 'lonely', start: utc(2019, 6, 1), end: utc(2019, 6, 2), lane: 'l' },
    ];
    const r = aggregate(entries, {
      window: { start: utc(2015), end: utc(2025) },
      unit: unit('year'),
      showAllBelow: 50,
      maxPerBin: 3,
    });
    expect(r.items.map((e) => e.id)).toEqual(['lonely']);
    expect(r.bins).toHaveLength(1);
    expect(r.bins[0]).toMatchObject({ lane: 'l', start: utc(2022), end: utc(2023), count: 200 });
  });

  it('uses smaller bins when zoomed in, and keeps lanes apart', () => {
    const entries = [...daily(200, utc(2022)), ...daily(200, utc(2022), 'm')];
    const r = aggregate(entries, {
      window: { start: utc(2022), end: utc(2023) },
      unit: unit('month'),
      showAllBelow: 50,
    });
    expect(r.items).toEqual([]);
    // 200 days = Jan..Jul 19: 7 monthly bins per lane.
    expect(r.bins.filter((b) => b.lane === 'l')).toHaveLength(7);
    expect(r.bins.filter((b) => b.lane === 'm')).toHaveLength(7);
    expect(r.bins[0]).toMatchObject({ lane: 'l', start: utc(2022, 1, 1), end: utc(2022, 2, 1), count: 31 });
    expect(r.bins.reduce((n, b) => n + b.count, 0)).toBe(400);
  });

  it('never bins a kept id', () => {
    const entries = daily(100, utc(2022));
    const r = aggregate(entries, {
      window: { start: utc(2022), end: utc(2023) },
      unit: unit('year'),
      showAllBelow: 10,
      keep: new Set(['l42']),
    });
    expect(r.items.map((e) => e.id)).toEqual(['l42']);
    expect(r.bins[0]?.count).toBe(99);
  });

  it('is deterministic', () => {
    const entries = daily(500, utc(2020));
    const opts = { window: { start: utc(2019), end: utc(2023) }, showAllBelow: 10 };
    expect(aggregate(entries, opts)).toEqual(aggregate([...entries], opts));
  });
});

describe('initialWindow', () => {
  it('fits everything when there are few entries', () => {
    const w = initialWindow(daily(10, utc(2022)))!;
    expect(w.start).toBeLessThan(utc(2022));
    expect(w.end).toBeGreaterThan(utc(2022, 1, 11));
  });

  it('opens on the latest entries when there are many', () => {
    const entries = daily(1000, utc(2020));
    const w = initialWindow(entries, { fitBelow: 300, latest: 60 })!;
    const inside = entries.filter((e) => e.start < w.end && e.end > w.start).length;
    expect(inside).toBeGreaterThanOrEqual(60);
    expect(inside).toBeLessThanOrEqual(80);
    expect(w.end).toBeGreaterThan(utc(2020) + 999 * DAY);
  });

  it('is undefined without entries', () => {
    expect(initialWindow([])).toBeUndefined();
  });
});
