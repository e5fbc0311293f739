/**
 * The dataset contract: one zod schema shared by the extraction script and the app.
 * `validateDataset(value)` never throws: it returns the dataset or every problem with a JSON pointer.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { compareCalendar, isCalendarString } from './calendar';

import {
  ACTOR_KINDS,
  DATE_SOURCES,
  FURNITURE_KINDS,
  POLARITIES,
  PRECISIONS,
  RELATION_TYPES,
  SCHEMA_VERSION,
  TIMEX_TYPES,
} from './schema-constants';

export {
  ACTOR_KINDS,
  DATE_SOURCES,
  FURNITURE_KINDS,
  POLARITIES,
  PRECISIONS,
  RELATION_TYPES,
  SCHEMA_VERSION,
  TIMEX_TYPES,
};

const CALENDAR_MESSAGE = 'expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)';
z.config(en());

const calendar = z.string().check(z.refine(isCalendarString, { message: CALENDAR_MESSAGE }));
const offset = z.int().check(z.gte(0));
const id = z.string().check(z.minLength(1), z.maxLength(200));
const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));

export const spanSchema = z.strictObject({ start: offset, end: offset });

export const documentSchema = z.strictObject({
  id,
  file: text(500, 1),
  title: text(2000),
  source: z.optional(text(500)),
  author: z.optional(text(500)),
  published: z.nullable(calendar),
  /** Where `published` came from: the metadata CSV, a dateline in the text, or nowhere. */
  publishedFrom: z.optional(z.enum(['metadata', 'dateline', 'none'])),
  text: text(50_000_000),
  /** Page furniture (logos, captions, bylines, bios, teasers) that extraction ignored. */
  furniture: z.optional(z.array(z.extend(spanSchema, { kind: z.enum(FURNITURE_KINDS) }))),
  /** Problems a reader should know about, e.g. "no publication date: relative dates left unresolved". */
  warnings: z.optional(z.array(text(1000))),
});

export const actorSchema = z.strictObject({
  id,
  name: text(500, 1),
  kind: z.enum(ACTOR_KINDS),
  aliases: z.array(text(500)),
});

export const mentionSchema = z.strictObject({ actorId: id, docId: id, start: offset, end: offset });

export const timexSchema = z.strictObject({
  docId: id,
  start: offset,
  end: offset,
  text: text(1000),
  type: z.enum(TIMEX_TYPES),
  /** TIMEX3 value: 2022-03-28, 2022-03, 2022-W12, 197, P4D, PRESENT_REF, XXXX-XX-XX ... */
  value: text(100, 1),
});

export const eventDateSchema = z.strictObject({
  start: calendar,
  end: z.optional(calendar),
  precision: z.enum(PRECISIONS),
  /** The expression as written (empty when the date is the publication date). */
  text: text(1000),
  source: z.enum(DATE_SOURCES),
});

export const eventSchema = z.strictObject({
  id,
  docId: id,
  title: text(1000, 1),
  date: eventDateSchema,
  actorIds: z.array(id),
  evidence: spanSchema,
});

export const relationSchema = z.strictObject({
  id,
  source: id,
  target: id,
  type: z.enum(RELATION_TYPES),
  polarity: z.enum(POLARITIES),
  negated: z.boolean(),
  docId: id,
  eventId: z.optional(id),
  date: z.optional(eventDateSchema),
  evidence: spanSchema,
});

/** Layout units: far beyond any drawn graph, small enough that no renderer overflows. */
const coordinate = z.number().check(z.gte(-1e7), z.lte(1e7));

/**
 * The network layout, precomputed by `npm run extract` so the app draws the network without running the force
 * layout (optional: without it, or when its version is not the app's, the app lays the network out itself).
 */
export const layoutSchema = z.strictObject({
  version: z.int().check(z.gte(1)),
  positions: z.array(z.strictObject({ id, x: coordinate, y: coordinate })),
});

export const datasetSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: text(500),
  documents: z.array(documentSchema),
  actors: z.array(actorSchema),
  mentions: z.array(mentionSchema),
  timexes: z.array(timexSchema),
  events: z.array(eventSchema),
  relations: z.array(relationSchema),
  layout: z.optional(layoutSchema),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
export type Mention = z.infer<typeof mentionSchema>;
export type Timex = z.infer<typeof timexSchema>;
export type TimexType = Timex['type'];
export type EventDate = z.infer<typeof eventDateSchema>;
export type DatasetEvent = z.infer<typeof eventSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type RelationType = Relation['type'];
export type Polarity = Relation['polarity'];
export type Span = z.infer<typeof spanSchema>;
export type DatasetLayout = z.infer<typeof layoutSchema>;
export type Furniture = NonNullable<DocumentRecord['furniture']>[number];

/** One problem found in a dataset, located by a JSON pointer (RFC 6901). */
export interface DatasetIssue {
  pointer: string;
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; issues: DatasetIssue[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Escapes one reference token of a JSON pointer. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from a path. */
export function toPointer(path: readonly (string | number | symbol)[]): string {
  return path.map((p) => '/' + escapePointerToken(typeof p === 'symbol' ? String(p) : p)).join('');
}

/** Appends an issue for each forbidden key under `value`; `path` is where `value` is (restored on return). */
function findForbiddenKeys(value: unknown, path: (string | number)[], out: DatasetIssue[], depth = 0): void {
  if (out.length >= 20) return;
  if (depth > 64) {
    out.push({ pointer: toPointer(path), message: 'nesting deeper than 64 levels' });
    return;
  }
  // One path, extended and restored in place: a copy per node made a large dataset's check mostly garbage.
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      path.push(i);
      findForbiddenKeys(v, path, out, depth + 1);
      path.pop();
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        out.push({ pointer: toPointer(path), message: `forbidden key "${key}"` });
      } else {
        findForbiddenKeys((value as Record<string, unknown>)[key], path, out, depth + 1);
      }
      path.pop();
    }
  }
}

function checkSpan(span: Span, textLength: number | undefined, pointer: string, issues: DatasetIssue[]): void {
  if (span.start >= span.end) {
    issues.push({ pointer, message: `start (${span.start}) must be less than end (${span.end})` });
  } else if (textLength !== undefined && span.end > textLength) {
    issues.push({ pointer, message: `end (${span.end}) is past the end of the document text (${textLength})` });
  }
}

function checkUnique(items: readonly { id: string }[], collection: string, issues: DatasetIssue[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ pointer: `/${collection}/${i}/id`, message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return seen;
}

function checkDateOrder(date: EventDate | undefined, pointer: string, issues: DatasetIssue[]): void {
  if (date?.end !== undefined && compareCalendar(date.end, date.start) < 0) {
    issues.push({ pointer: `${pointer}/end`, message: `end (${date.end}) is before start (${date.start})` });
  }
}

/** Referential integrity: unique ids, every reference resolves, every span lies inside its document. */
export function checkIntegrity(d: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  checkUnique(d.documents, 'documents', issues);
  const actorIds = checkUnique(d.actors, 'actors', issues);
  const eventIds = checkUnique(d.events, 'events', issues);
  checkUnique(d.relations, 'relations', issues);
  const textLength = new Map(d.documents.map((doc) => [doc.id, doc.text.length]));

  const docRef = (docId: string, pointer: string): number | undefined => {
    const len = textLength.get(docId);
    if (len === undefined) issues.push({ pointer, message: `unknown document "${docId}"` });
    return len;
  };
  const actorRef = (actorId: string, pointer: string): void => {
    if (!actorIds.has(actorId)) issues.push({ pointer, message: `unknown actor "${actorId}"` });
  };

  d.documents.forEach((doc, i) =>
    doc.furniture?.forEach((f, j) => checkSpan(f, doc.text.length, `/documents/${i}/furniture/${j}`, issues)),
  );
  d.mentions.forEach((m, i) => {
    actorRef(m.actorId, `/mentions/${i}/actorId`);
    checkSpan(m, docRef(m.docId, `/mentions/${i}/docId`), `/mentions/${i}`, issues);
  });
  d.timexes.forEach((t, i) => {
    const len = docRef(t.docId, `/timexes/${i}/docId`);
    checkSpan(t, len, `/timexes/${i}`, issues);
  });
  d.events.forEach((e, i) => {
    const len = docRef(e.docId, `/events/${i}/docId`);
    checkSpan(e.evidence, len, `/events/${i}/evidence`, issues);
    e.actorIds.forEach((a, j) => actorRef(a, `/events/${i}/actorIds/${j}`));
    checkDateOrder(e.date, `/events/${i}/date`, issues);
  });
  d.relations.forEach((r, i) => {
    actorRef(r.source, `/relations/${i}/source`);
    actorRef(r.target, `/relations/${i}/target`);
    const len = docRef(r.docId, `/relations/${i}/docId`);
    checkSpan(r.evidence, len, `/relations/${i}/evidence`, issues);
    if (r.eventId !== undefined && !eventIds.has(r.eventId)) {
      issues.push({ pointer: `/relations/${i}/eventId`, message: `unknown event "${r.eventId}"` });
    }
    checkDateOrder(r.date, `/relations/${i}/date`, issues);
  });
  if (d.layout) {
    checkUnique(d.layout.positions, 'layout/positions', issues);
    d.layout.positions.forEach((p, i) => actorRef(p.id, `/layout/positions/${i}/id`));
  }
  return issues;
}

/** Validates any JSON value as a dataset. Never throws. */
export function validateDataset(value: unknown): ValidationResult {
  try {
    const forbidden: DatasetIssue[] = [];
    findForbiddenKeys(value, [], forbidden);
    if (forbidden.length > 0) return { ok: false, issues: forbidden };
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const version = (value as Record<string, unknown>).schemaVersion;
      if (typeof version === 'number' && version !== SCHEMA_VERSION) {
        return {
          ok: false,
          issues: [
            {
              pointer: '/schemaVersion',
              message: `schema version ${version} is not supported (this build reads version ${SCHEMA_VERSION}); re-run npm run extract`,
            },
          ],
        };
      }
    }
    const parsed = datasetSchema.safeParse(value);
    if (!parsed.success) {
      return {
        ok: false,
        issues: parsed.error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message })),
      };
    }
    const integrity = checkIntegrity(parsed.data);
    return integrity.length > 0 ? { ok: false, issues: integrity } : { ok: true, dataset: parsed.data };
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not validate: ${String(error)}` }] };
  }
}

/** Formats issues for a terminal or an error screen, at most `limit` of them. */
export function formatIssues(issues: readonly DatasetIssue[], limit = 20): string {
  const lines = issues.slice(0, limit).map((i) => `${i.pointer || '/'}: ${i.message}`);
  if (issues.length > limit) lines.push(`... and ${issues.length - limit} more`);
  return lines.join('\n');
}
