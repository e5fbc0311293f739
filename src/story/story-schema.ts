/**
 * The story file contract: strict zod/mini schemas for a story and its JSON file, a parser for untrusted text
 * (prototype-safe JSON parsing, a size cap, then the schema; never throws) and a serializer that prints the same bytes
 * for the same story (fixed key order, 2-space indent, trailing newline).
 */
import secureJsonParse from 'secure-json-parse';
import * as z from 'zod/mini';
import { toPointer, type DatasetIssue } from '../model/schema';
import {
  STORY_FORMAT,
  STORY_FILE_VERSION,
  STORY_FILE_MAX_BYTES,
  MAX_ID,
  MAX_TITLE,
  MAX_DATASET_NAME,
  MAX_STEP_NOTE,
  MAX_STEP_VIEW,
  MAX_STEPS,
} from './story-format';
import type { Story } from './types';

export {
  STORY_FORMAT,
  STORY_FILE_VERSION,
  STORY_FILE_MAX_BYTES,
  MAX_ID,
  MAX_TITLE,
  MAX_DATASET_NAME,
  MAX_STEP_NOTE,
  MAX_STEP_VIEW,
  MAX_STEPS,
} from './story-format';
/** At most this many problems are reported for one file. */
const MAX_ISSUES = 50;

const ID_RE = /^[\w-]+$/;
const KEY_RE = /^[0-9a-f]{8}$/;

const idSchema = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_ID, `must be at most ${MAX_ID} characters`),
    z.regex(ID_RE, 'may hold only letters A-Z and a-z, digits, "_" and "-"'),
  );
const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

export const storyStepSchema = z.strictObject({
  id: idSchema,
  title: text(MAX_TITLE),
  note: text(MAX_STEP_NOTE),
  view: text(MAX_STEP_VIEW),
});

export const storySchema = z.strictObject({
  id: idSchema,
  title: text(MAX_TITLE),
  datasetKey: z.string().check(z.regex(KEY_RE, 'must be 8 lower-case hexadecimal digits')),
  datasetName: text(MAX_DATASET_NAME),
  steps: z.array(storyStepSchema).check(z.maxLength(MAX_STEPS, `a story has at most ${MAX_STEPS} steps`)),
  updated: z.int('must be a whole number of milliseconds').check(z.gte(0, 'must not be negative')),
});

export const storyFileSchema = z.strictObject({
  format: z.literal(STORY_FORMAT),
  version: z.literal(STORY_FILE_VERSION, `expected ${STORY_FILE_VERSION} (the story file version this build reads)`),
  story: storySchema,
});

export type StoryIssue = DatasetIssue;
export type StoryResult = { ok: true; story: Story } | { ok: false; issues: StoryIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function zodIssues(error: z.core.$ZodError, prefix: (string | number)[]): StoryIssue[] {
  const out: StoryIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ pointer: toPointer([...path, key]), message: 'unknown field' });
    } else if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      out.push({ pointer: toPointer(path), message: `missing (expected ${issue.expected})` });
    } else {
      out.push({ pointer: toPointer(path), message: issue.message });
    }
  }
  return out;
}

function duplicateStepIds(story: Story, prefix: (string | number)[]): StoryIssue[] {
  const out: StoryIssue[] = [];
  const seen = new Set<string>();
  story.steps.forEach((s, i) => {
    if (seen.has(s.id))
      out.push({ pointer: toPointer([...prefix, 'steps', i, 'id']), message: `duplicate step id "${s.id}"` });
    seen.add(s.id);
  });
  return out;
}

function checked(story: Story, issues: StoryIssue[], prefix: (string | number)[]): StoryResult {
  const all = [...issues, ...duplicateStepIds(story, prefix)];
  return all.length > 0 ? { ok: false, issues: all.slice(0, MAX_ISSUES) } : { ok: true, story };
}

/** Validates a stored story (the `story` object of a file, as browser storage keeps it). Never throws. */
export function validateStory(value: unknown): StoryResult {
  try {
    const parsed = storySchema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, []).slice(0, MAX_ISSUES) };
    return checked(parsed.data, [], []);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not validate: ${String(error)}` }] };
  }
}

/** Validates a parsed JSON value as a story file. Never throws. */
export function validateStoryFile(value: unknown): StoryResult {
  try {
    if (!isRecord(value) || value.format !== STORY_FORMAT) {
      const dataset = isRecord(value) && 'schemaVersion' in value && 'documents' in value;
      return {
        ok: false,
        issues: [
          {
            pointer: isRecord(value) && 'format' in value ? '/format' : '',
            message: dataset
              ? 'this is a Threadline dataset, not a story: load it as a dataset instead'
              : `this is not a Threadline story file (a story file has "format": "${STORY_FORMAT}")`,
          },
        ],
      };
    }
    if (typeof value.version === 'number' && value.version > STORY_FILE_VERSION) {
      return {
        ok: false,
        issues: [
          {
            pointer: '/version',
            message: `this story was saved by a newer version of Threadline (story file version ${value.version}; this build reads version ${STORY_FILE_VERSION}): update Threadline to open it`,
          },
        ],
      };
    }
    const parsed = storyFileSchema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, []).slice(0, MAX_ISSUES) };
    return checked(parsed.data.story, [], ['story']);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not validate: ${String(error)}` }] };
  }
}

/** Parses untrusted story file text (an import or a link): prototype-safe JSON, a size cap, the schema. Never throws. */
export function parseStoryFile(text: string): StoryResult {
  if (typeof text !== 'string') return { ok: false, issues: [{ pointer: '', message: 'not text' }] };
  if (text.length > STORY_FILE_MAX_BYTES) {
    return {
      ok: false,
      issues: [
        {
          pointer: '',
          message: `the file is too large for a story (${text.length} characters; the limit is ${STORY_FILE_MAX_BYTES}, 2 MB)`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = secureJsonParse.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const forbidden = /prototype property/i.test(message);
    return {
      ok: false,
      issues: [
        {
          pointer: '',
          message: forbidden
            ? 'the file contains a forbidden "__proto__" or "constructor.prototype" key'
            : `this is not a Threadline story file (not valid JSON: ${message})`,
        },
      ],
    };
  }
  return validateStoryFile(value);
}

export { plainStory, serializeStoryFile, storyFile } from './story-format';
