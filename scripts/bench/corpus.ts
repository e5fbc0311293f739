/**
 * A benchmark corpus of N articles made from the seed articles with deterministic, seeded variation: person and
 * country names swapped for others from general lists, years and days shifted, paragraphs after the first
 * shuffled, file names numbered. The results are for timing only: the variations need not be realistic.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeArticle, isArticleFile, METADATA_FILE, parseMetadataCsv, type DocumentMetadata } from '../extract/input';
import type { ArticleInput } from '../extract/pipeline';
import { mulberry32 } from './generate-dataset';

export const COUNTRIES = [
  'Cambodia', 'Russia', 'Ukraine', 'Japan', 'China', 'Thailand', 'Vietnam', 'Laos', 'Myanmar', 'Malaysia',
  'Indonesia', 'Philippines', 'Singapore', 'India', 'France', 'Germany', 'Poland', 'Norway', 'Kenya', 'Ghana',
  'Brazil', 'Chile', 'Peru', 'Mexico', 'Canada', 'Egypt', 'Turkey', 'Spain', 'Italy', 'Australia',
]; // prettier-ignore
export const FIRST_NAMES = [
  'Maria', 'James', 'Sokha', 'Li', 'Ahmed', 'Olga', 'Kenji', 'Amara', 'Pierre', 'Ingrid', 'Rahul', 'Lucia',
  'Tomasz', 'Nia', 'Diego', 'Mei', 'Yusuf', 'Hanna', 'Kofi', 'Elif',
]; // prettier-ignore
export const LAST_NAMES = [
  'Lopez', 'Smith', 'Chea', 'Wang', 'Hassan', 'Petrova', 'Sato', 'Okafor', 'Martin', 'Larsen', 'Sharma',
  'Rossi', 'Nowak', 'Mensah', 'Silva', 'Tan', 'Demir', 'Berg', 'Kim', 'Novak',
]; // prettier-ignore
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December',
]; // prettier-ignore
/** Capitalised words that are not names (titles, institutions, places, calendar words). */
const NOT_NAMES = new Set([
  ...MONTHS, ...COUNTRIES,
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'A', 'An', 'In', 'On',
  'At', 'When', 'Under', 'But', 'And', 'Prime', 'Minister', 'Ministers', 'Ministry', 'Deputy', 'Foreign',
  'Affairs', 'International', 'Cooperation', 'United', 'Nations', 'States', 'Kingdom', 'King', 'Father', 'Post',
  'Soviet', 'Union', 'Southeast', 'South', 'North', 'East', 'West', 'Middle', 'Asian', 'Asia', 'Russian',
  'Federation', 'Royal', 'Government', 'Khmer', 'Rouge', 'Federal', 'Reserve', 'Cambodian', 'Institute', 'Mine',
  'World', 'War', 'Health', 'Point', 'State', 'President', 'Ukrainian', 'Summit', 'Centre', 'Center', 'Peace',
  'Corps', 'New', 'York', 'Member', 'Military', 'Academy', 'Special', 'Senior', 'Dialogue', 'Plus', 'Three',
  'Phnom', 'Penh', 'Masters', 'Degree', 'Strategic', 'Studies', 'Tourism', 'Port', 'Victim', 'Assistance',
  'Standing', 'Vice', 'Spokesperson', 'Unit', 'Foundation', 'Council', 'Security', 'General', 'Assembly',
  'National', 'Party', 'People', 'Army', 'Force', 'Forces', 'Defence', 'Defense', 'Office', 'Press', 'News',
]); // prettier-ignore

const YEAR_RE = /\b(?:19[5-9]\d|20[0-4]\d)\b/g;
const MONTH_DAY_RE = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})\\b`, 'g');
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')})\\b`, 'g');
const COUNTRY_RE = new RegExp(`\\b(?:${COUNTRIES.join('|')})\\b`, 'g');
const BIGRAM_RE = /\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g;

export interface Variation {
  yearShift: number;
  dayShift: number;
  countries: Map<string, string>;
  persons: Map<string, string>;
  rng: () => number;
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Applies one article's name, year and day substitutions to a text. */
export function varyText(text: string, v: Variation): string {
  return text
    .replace(COUNTRY_RE, (c: string) => {
      let to = v.countries.get(c);
      if (!to) {
        to = pick(COUNTRIES, v.rng);
        v.countries.set(c, to);
      }
      return to;
    })
    .replace(BIGRAM_RE, (whole: string, first: string, last: string) => {
      if (NOT_NAMES.has(first) || NOT_NAMES.has(last)) return whole;
      let to = v.persons.get(whole);
      if (!to) {
        to = `${pick(FIRST_NAMES, v.rng)} ${pick(LAST_NAMES, v.rng)}`;
        v.persons.set(whole, to);
      }
      return to;
    })
    .replace(YEAR_RE, (y: string) => String(Number(y) + v.yearShift))
    .replace(MONTH_DAY_RE, (_: string, m: string, d: string) => `${m} ${shiftDay(Number(d), v.dayShift)}`)
    .replace(DAY_MONTH_RE, (_: string, d: string, m: string) => `${shiftDay(Number(d), v.dayShift)} ${m}`);
}

function shiftDay(day: number, shift: number): number {
  if (day < 1 || day > 31) return day;
  return ((day - 1 + shift + 28 * 4) % 28) + 1;
}

/** Shifts a calendar string (YYYY, YYYY-MM, YYYY-MM-DD) by whole years and, for days, within 1–28. */
export function shiftPublished(published: string | undefined, v: Variation): string | undefined {
  const m = /^(\d{4})(-\d{2})?(?:-(\d{2}))?$/.exec(published ?? '');
  if (!m) return published;
  const year = String(Number(m[1]) + v.yearShift).padStart(4, '0');
  const day = m[3] === undefined ? '' : `-${String(shiftDay(Number(m[3]), v.dayShift)).padStart(2, '0')}`;
  return `${year}${m[2] ?? ''}${day}`;
}

function shuffleParagraphs(text: string, rng: () => number): string {
  const paragraphs = text.split(/\n[ \t]*\n/);
  const rest = paragraphs.slice(1);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
  }
  return [paragraphs[0] ?? '', ...rest].join('\n\n');
}

export interface SeedArticle {
  file: string;
  text: string;
  meta?: DocumentMetadata;
}

/** Reads the seed articles and their metadata from a folder (seeds/ by default). */
export function readSeeds(dir = 'seeds'): SeedArticle[] {
  const names = readdirSync(dir).sort();
  let metadata = new Map<string, DocumentMetadata>();
  if (names.includes(METADATA_FILE)) {
    const decoded = decodeArticle(readFileSync(path.join(dir, METADATA_FILE)));
    const parsed = decoded.ok ? parseMetadataCsv(decoded.text) : undefined;
    if (parsed?.ok) metadata = new Map(parsed.rows.map((r) => [r.file, r]));
  }
  const seeds: SeedArticle[] = [];
  for (const file of names) {
    if (file === METADATA_FILE || !isArticleFile(file)) continue;
    const decoded = decodeArticle(readFileSync(path.join(dir, file)));
    if (!decoded.ok) continue;
    const meta = metadata.get(file);
    seeds.push(meta ? { file, text: decoded.text, meta } : { file, text: decoded.text });
  }
  return seeds;
}

/** Builds `count` varied articles from the seeds. Deterministic in (seeds, count, seed). */
export function buildCorpus(seeds: readonly SeedArticle[], count: number, seed = 1): ArticleInput[] {
  if (seeds.length === 0) throw new Error('no seed articles');
  const width = String(Math.max(0, count - 1)).length;
  const articles: ArticleInput[] = [];
  for (let i = 0; i < count; i++) {
    const source = seeds[i % seeds.length] as SeedArticle;
    const rng = mulberry32((seed * 0x9e3779b1 + i) >>> 0);
    const v: Variation = {
      yearShift: Math.floor(rng() * 21) - 15,
      dayShift: Math.floor(rng() * 27) + 1,
      countries: new Map(),
      persons: new Map(),
      rng,
    };
    const text = shuffleParagraphs(varyText(source.text, v), rng);
    const file = `bench-${String(i).padStart(width, '0')}-${source.file}`;
    const article: ArticleInput = { file, text };
    if (source.meta) {
      const meta: DocumentMetadata = { ...source.meta, file };
      if (meta.title !== undefined) meta.title = varyText(meta.title, v);
      const published = shiftPublished(meta.published, v);
      if (published !== undefined) meta.published = published;
      article.meta = meta;
    }
    articles.push(article);
  }
  return articles;
}

/** Reference date for chrono: the article's (possibly partial) publication date at UTC noon, else 2022-01-01. */
export function referenceDate(article: ArticleInput): Date {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(article.meta?.published ?? '');
  if (!m) return new Date(Date.UTC(2022, 0, 1, 12));
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'), 12));
}
