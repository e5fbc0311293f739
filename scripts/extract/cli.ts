/**
 * `npm run extract -- --input <folder> --output <file>`: the only file of the extractor that touches the file
 * system. Reads articles and documents.csv, runs the pure pipeline, validates the dataset and writes it atomically.
 * Any fatal problem leaves the previous output untouched.
 */
import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringify from 'safe-stable-stringify';
import writeFileAtomic from 'write-file-atomic';
import { formatIssues, validateDataset, type Dataset } from '../../src/model/schema';
import {
  METADATA_FILE,
  USAGE,
  compareCodeUnits,
  decodeArticle,
  isArticleFile,
  parseArgs,
  parseMetadataCsv,
  type CliOptions,
  type DocumentMetadata,
} from './input';
import { extract, type ArticleInput } from './pipeline';
import { extractParallel, oneShotWorkers } from './parallel';
import { withLayout } from '../../src/panels/network/dataset-layout';

export class ExtractError extends Error {}

export interface RunReport {
  dataset: Dataset;
  warnings: string[];
  output: string;
}

/** Serialises a dataset canonically: sorted keys, two-space indent, trailing newline. */
export function serialiseDataset(dataset: Dataset): string {
  return `${stringify(dataset, null, 2)}\n`;
}

async function resolveOutput(input: string, output: string): Promise<string> {
  const parent = path.dirname(path.resolve(output));
  let realParent: string;
  try {
    realParent = await realpath(parent);
  } catch {
    throw new ExtractError(`output folder ${parent} does not exist; create it or choose another --output`);
  }
  const target = path.join(realParent, path.basename(output));
  const rel = path.relative(input, target);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new ExtractError(
      `refusing to write ${output} inside the input folder ${input}: the output would be read as input next time; choose an --output outside it`,
    );
  }
  return target;
}

/** Reads the input folder: articles (regular files only, symlinks skipped) and the metadata CSV. */
async function readInput(inputDir: string, warnings: string[]): Promise<ArticleInput[]> {
  let entries;
  try {
    entries = await readdir(inputDir, { withFileTypes: true });
  } catch {
    throw new ExtractError(`input folder ${inputDir} does not exist or cannot be read; pass --input <folder>`);
  }
  const names = entries.map((e) => e.name).sort(compareCodeUnits);
  let metadata = new Map<string, DocumentMetadata>();
  if (names.includes(METADATA_FILE)) {
    const csvPath = path.join(inputDir, METADATA_FILE);
    const decoded = decodeArticle(await readFile(csvPath));
    if (!decoded.ok) throw new ExtractError(`${csvPath}: ${decoded.reason}`);
    const parsed = parseMetadataCsv(decoded.text, csvPath);
    if (!parsed.ok) throw new ExtractError(`${csvPath} is malformed:\n  ${parsed.errors.join('\n  ')}`);
    metadata = new Map(parsed.rows.map((r) => [r.file, r]));
  }
  const articles: ArticleInput[] = [];
  for (const name of names) {
    if (name === METADATA_FILE || name.startsWith('.')) continue;
    const full = path.join(inputDir, name);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) {
      warnings.push(`${full}: skipped: symbolic links are not followed`);
      continue;
    }
    if (!stat.isFile()) continue;
    if (!isArticleFile(name)) {
      warnings.push(`${full}: skipped: not an article (.txt or .md)`);
      continue;
    }
    const decoded = decodeArticle(await readFile(full));
    if (!decoded.ok) {
      warnings.push(`${full}: skipped: ${decoded.reason}`);
      continue;
    }
    const meta = metadata.get(name);
    articles.push(meta ? { file: name, text: decoded.text, meta } : { file: name, text: decoded.text });
  }
  const present = new Set(articles.map((a) => a.file));
  for (const file of [...metadata.keys()].sort(compareCodeUnits)) {
    if (!present.has(file) && !names.includes(file)) {
      warnings.push(`${path.join(inputDir, METADATA_FILE)}: lists "${file}", which is not in the folder`);
    }
  }
  return articles;
}

/** Runs one extraction. Throws ExtractError (with a user-facing message) on any fatal problem. */
export async function run(options: CliOptions): Promise<RunReport> {
  let inputDir: string;
  try {
    inputDir = await realpath(options.input);
  } catch {
    throw new ExtractError(`input folder ${options.input} does not exist; pass --input <folder>`);
  }
  if (!(await lstat(inputDir)).isDirectory()) throw new ExtractError(`${options.input} is not a folder`);
  const output = await resolveOutput(inputDir, options.output);
  const warnings: string[] = [];
  const articles = await readInput(inputDir, warnings);
  if (articles.length === 0) {
    throw new ExtractError(
      `no readable articles in ${options.input}${warnings.length ? ` (${warnings.length} skipped)` : ''}; add .txt or .md files`,
    );
  }
  if (options.strict && warnings.length > 0) {
    throw new ExtractError(`stopped by --strict:\n  ${warnings.join('\n  ')}`);
  }
  const extractOptions = options.name ? { name: options.name } : {};
  const workers = oneShotWorkers(articles.length, options.workers);
  const extracted =
    workers === 1 ? extract(articles, extractOptions) : await extractParallel(articles, extractOptions, workers);
  // The network layout is stored with the data, so the app draws the network without laying it out first.
  const dataset = withLayout(extracted);
  const result = validateDataset(dataset);
  if (!result.ok) {
    throw new ExtractError(`internal error: the extracted dataset is invalid:\n${formatIssues(result.issues)}`);
  }
  for (const doc of dataset.documents) {
    for (const w of doc.warnings ?? []) warnings.push(`${path.join(options.input, doc.file)}: ${w}`);
  }
  await writeFileAtomic(output, serialiseDataset(dataset), { encoding: 'utf8' });
  return { dataset, warnings, output };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.ok === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!args.ok) {
    console.error(`extract: ${args.error}\n${USAGE}`);
    return 2;
  }
  try {
    const started = performance.now();
    const report = await run(args.options);
    for (const w of report.warnings) console.warn(`warning: ${w}`);
    const d = report.dataset;
    const ms = Math.round(performance.now() - started);
    console.log(
      `extract: wrote ${path.relative(process.cwd(), report.output) || report.output}: ${d.documents.length} documents, ${d.actors.length} actors, ${d.mentions.length} mentions, ${d.timexes.length} timexes, ${d.events.length} events, ${d.relations.length} relations in ${ms} ms`,
    );
    if (report.warnings.length > 0) {
      console.warn(`extract: ${report.warnings.length} warning(s), repeated here:\n  ${report.warnings.join('\n  ')}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ExtractError) {
      console.error(`extract: ${error.message}\nextract: nothing was written; ${args.options.output} is unchanged.`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('extract: unexpected failure; nothing was written.', error);
      process.exitCode = 1;
    },
  );
}
