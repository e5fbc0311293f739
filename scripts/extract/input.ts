/**
 * Pure helpers for the extraction CLI's input: decoding article bytes, reading the metadata CSV, parsing
 * arguments. No file system here: the CLI reads bytes and hands them in.
 */
import Papa from 'papaparse';
import { isCalendarString } from '../../src/model/calendar';

/** Article file extensions the extractor reads as plain text. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.text'] as const;
/** Name of the optional metadata file in the input folder. */
export const METADATA_FILE = 'documents.csv';
/** Largest article accepted (characters are counted after decoding). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const MAGIC: readonly [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or DOCX/ODT)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes an article as UTF-8 (a UTF-8 BOM is dropped). Empty, binary, UTF-16 and invalid UTF-8 input is refused
 * with a reason a user can act on. Line ends are kept as they are: offsets refer to exactly this string.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty (0 bytes)' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, reason: `the file is larger than the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit` };
  }
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic)) return { ok: false, reason: `the file is ${what}, not text; save it as UTF-8 text` };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, reason: 'the file is UTF-16 (it has a UTF-16 byte order mark); re-save it as UTF-8' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8 (Latin-1 or Windows-1252?); re-save it as UTF-8' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'the file contains NUL bytes: it looks binary, not text' };
  if (text.trim().length === 0) return { ok: false, reason: 'the file holds only whitespace' };
  return { ok: true, text };
}

/** One row of documents.csv, with empty cells left out. */
export interface DocumentMetadata {
  file: string;
  title?: string;
  source?: string;
  author?: string;
  published?: string;
}

export type MetadataResult = { ok: true; rows: DocumentMetadata[] } | { ok: false; errors: string[] };

const KNOWN_COLUMNS = new Set(['file', 'title', 'source', 'author', 'published', 'notes', 'url']);

/** Parses documents.csv strictly: pinned comma delimiter, no type guessing, any problem is an error with its row. */
export function parseMetadataCsv(text: string, fileName = METADATA_FILE): MetadataResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim().length === 0) return { ok: false, errors: [`${fileName}: the file is empty; expected a header row`] };
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter: ',',
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
  });
  const errors: string[] = [];
  const line = (row: number | undefined): string => (row === undefined ? '' : ` row ${row + 1} (line ${row + 2})`);
  // Papa's row index is unreliable for quote errors; its character index gives the exact line.
  const lineAt = (index: number): string => {
    const n = body.slice(0, index).split('\n').length;
    return ` row ${n - 1} (line ${n})`;
  };
  for (const e of parsed.errors) {
    const where = typeof e.index === 'number' ? lineAt(e.index) : line(e.row);
    errors.push(`${fileName}:${where}: ${e.message} [${e.code}]`);
  }
  const fields = parsed.meta.fields ?? [];
  const renamed = (parsed.meta as { renamedHeaders?: Record<string, string> }).renamedHeaders;
  if (renamed && Object.keys(renamed).length > 0) {
    errors.push(`${fileName}: duplicate column names in the header (${Object.values(renamed).join(', ')})`);
  }
  for (const f of fields) {
    if (!KNOWN_COLUMNS.has(f)) {
      errors.push(`${fileName}: unknown column "${f}"; expected ${[...KNOWN_COLUMNS].join(', ')}`);
    }
  }
  if (!fields.includes('file')) errors.push(`${fileName}: the header has no "file" column`);
  if (errors.length > 0) return { ok: false, errors };

  const rows: DocumentMetadata[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, i) => {
    const cell = (k: string): string | undefined => {
      const v = Object.prototype.hasOwnProperty.call(raw, k) ? raw[k]?.trim() : undefined;
      return v ? v : undefined;
    };
    const where = `${fileName}:${line(i)}`;
    const file = cell('file');
    if (!file) {
      errors.push(`${where}: the "file" cell is empty`);
      return;
    }
    if (file.includes('/') || file.includes('\\'))
      errors.push(`${where}: "file" must be a bare file name, got "${file}"`);
    if (seen.has(file)) errors.push(`${where}: "${file}" is listed twice`);
    seen.add(file);
    const published = cell('published');
    if (published !== undefined && !isCalendarString(published)) {
      errors.push(`${where}: published "${published}" is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const row: DocumentMetadata = { file };
    for (const key of ['title', 'source', 'author', 'published'] as const) {
      const v = cell(key);
      if (v !== undefined) row[key] = v;
    }
    rows.push(row);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export interface CliOptions {
  input: string;
  output: string;
  name?: string;
  strict: boolean;
  workers?: number;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; error: string } | { ok: 'help' };

export const USAGE = `Usage: npm run extract -- [--input <folder>] [--output <file>] [--name <text>] [--strict] [--workers <n>]
  --input    folder of .txt/.md articles, with an optional documents.csv (default: seeds)
  --output   dataset JSON to write (default: data/dataset.json); must not be inside the input folder
  --name     dataset name shown in the app (default: "<n> articles, <first year>-<last year>")
  --strict   stop on any skipped article instead of warning
  --workers  threads for extraction (default: 1 below 4,000 articles, where helper threads cost more than they
             save in a one-shot run; else one per core, at most 4)`;

/** Parses CLI arguments. */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const options: CliOptions = { input: 'seeds', output: 'data/dataset.json', strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string | undefined => {
      const v = argv[i + 1];
      i++;
      return v === undefined || v.startsWith('--') ? undefined : v;
    };
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (arg === '--strict') {
      options.strict = true;
      continue;
    }
    if (arg === '--input' || arg === '--output' || arg === '--name' || arg === '--workers') {
      const v = value();
      if (v === undefined) return { ok: false, error: `${arg} needs a value` };
      if (arg === '--workers') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) return { ok: false, error: `--workers must be 1..64, got "${v}"` };
        options.workers = n;
      } else {
        options[arg.slice(2) as 'input' | 'output' | 'name'] = v;
      }
      continue;
    }
    return { ok: false, error: `unknown argument "${arg}"` };
  }
  return { ok: true, options };
}

/** Code-unit string comparison: the same order in every locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when a file name is an article by its extension. */
export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
