import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractActors } from './actors';
import { findFurniture } from './clean';
import { splitSentences } from './sentences';

const run = (t: string) => extractActors(t, splitSentences(t, findFurniture(t)));
const names = (t: string): string[] => run(t).actors.map((a) => a.name);

describe('junk that must not become actors', () => {
  it.each([
    ['headline-case phrases', 'Justification for Cambodia\u2019s Unyielding Position', ['Cambodia']],
    ['an OPINION kicker and headline words', 'OPINION: A Silent Observer of Diplomacy', []],
    ['capitalised common-word phrases', 'It follows a Foreign Policy of peace.', []],
    ['degrees', 'She holds a Masters Degree in International Relations.', []],
    ['months and weekdays', 'On Wednesday, January 9, they met.', []],
    ['sentence-initial capitalised words', 'Recently, talks resumed. Early this month, rain fell.', []],
    ['bare titles', 'The Prime Minister said the Deputy Prime Minister agreed.', []],
    [
      'event names',
      // "the UN Charter" is a document: the UN inside its name is not a mention (seed gold guide).
      'He attended the Special ASEAN Summit and the UN Charter talks.',
      ['Association of Southeast Asian Nations'],
    ],
    ['diseases', 'COVID-19 and Coronavirus spread.', []],
  ])('%s', (_label, text, expected) => {
    expect(names(text).sort()).toEqual([...expected].sort());
  });
  it('finds no actors in page furniture (logo, caption, teasers)', () => {
    const t =
      'Logo of Metro Times newspaper\nContent image - Metro Times\nBody text.\n\n  \u2022 Brooklyn sisters open shop\n\n    Ann Lee said so.\n\n  \u2022 Another\n\n    Text';
    expect(names(t)).toEqual([]);
  });
  it('no junk persons on the seeds', () => {
    const dir = new URL('../../seeds/', import.meta.url);
    const junk = /Policy|Position|Observer|Degree|Relations|OPINION|Logo|Content|January|Early|Recently/u;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const a of run(readFileSync(new URL(f, dir), 'utf8')).actors) expect(a.name).not.toMatch(junk);
    }
  });
});
