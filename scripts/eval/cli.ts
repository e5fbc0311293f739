/**
 * `npm run eval`: scores the extractor on TempEval-3 platinum (dates), MEANTIME airbus (entities, actor pairs) and
 * the hand-annotated gold of the seed articles. Benchmarks are read from ../shared/benchmarks (or --bench <dir>) at
 * run time and never copied into the repository.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readSeedArticles } from './read-seeds';
import { evaluateMeantime, type Prf } from './meantime';
import { loadSeedGold } from './seed-gold';
import { formatSeedTable, scoreSeeds } from './seed-score';
import { SCORE_TABLE_HEADER, evaluateTempEval, formatScoreRow } from './tempeval';
import { extract } from '../extract/pipeline';

const pct = (x: number): string => (100 * x).toFixed(1);

function benchDir(argv: readonly string[]): string {
  const i = argv.indexOf('--bench');
  const given = i >= 0 ? argv[i + 1] : undefined;
  return path.resolve(given ?? '../shared/benchmarks');
}

function prfRow(name: string, p: Prf, target = ''): string {
  return `| ${name} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ${target} |`;
}

async function main(argv: readonly string[]): Promise<number> {
  const bench = benchDir(argv);
  const only = new Set(argv.filter((a) => ['tempeval', 'meantime', 'seeds'].includes(a)));
  const want = (name: string) => only.size === 0 || only.has(name);
  let missing = false;

  if (want('tempeval')) {
    const dir = path.join(bench, 'tempeval3-platinum');
    if (!existsSync(dir)) {
      console.error(`eval: ${dir} not found; pass --bench <folder with tempeval3-platinum/>`);
      missing = true;
    } else {
      const s = await evaluateTempEval(dir);
      console.log(
        `\n## TempEval-3 platinum (${s.documents} documents, ${s.counts.gold} gold timexes; target value F1 > 80)\n`,
      );
      console.log(SCORE_TABLE_HEADER);
      console.log(formatScoreRow('Threadline', s));
      console.log(
        '| HeidelTime, best TE3 system (value F1 as published; other columns not quoted) | | | | | | | 77.6 | |',
      );
    }
  }

  if (want('meantime')) {
    const dir = path.join(bench, 'meantime-airbus');
    if (!existsSync(dir)) {
      console.error(`eval: ${dir} not found`);
      missing = true;
    } else {
      const m = await evaluateMeantime(dir);
      console.log(
        `\n## MEANTIME airbus (${m.documents} documents; entity level; target F1 >= 80 for persons and places)\n`,
      );
      console.log('| measure | P | R | F1 | note |\n|---|---|---|---|---|');
      console.log(prfRow('persons (strict)', m.entity.PER));
      console.log(prfRow('persons (judged)', m.entityJudged.PER, 'only entities MEANTIME annotated count'));
      console.log(prfRow('organisations (strict)', m.entity.ORG));
      console.log(prfRow('organisations (judged)', m.entityJudged.ORG));
      console.log(prfRow('places (strict)', m.entity.LOC));
      console.log(prfRow('places (judged)', m.entityJudged.LOC));
      console.log(prfRow('actor pairs sharing an event', m.pairs, 'pairs of actors in one sentence'));
    }
  }

  if (want('seeds')) {
    const gold = await loadSeedGold();
    const dataset = extract(readSeedArticles('seeds'));
    const scores = scoreSeeds(dataset, gold);
    console.log('\n## Seed articles (hand-annotated gold in scripts/eval/gold, see GUIDE.md)\n');
    console.log(formatSeedTable(scores));
    if (argv.includes('--debug')) console.log(JSON.stringify(scores.perDocument, null, 2));
  }
  return missing ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('eval: failed', error);
    process.exitCode = 1;
  },
);
