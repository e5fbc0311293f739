/**
 * Validates dataset JSON text off the main thread (secure parse, schema, integrity) and answers only the verdict:
 * { ok: true } or the issues. The main thread parses the same text itself meanwhile, which is cheaper than
 * structured-cloning the validated object back (the schema has no transforms, so both parses are the same data).
 */
import { parseDatasetJson } from './load';
import type { DatasetIssue } from './schema';

export type ValidationVerdict = { ok: true } | { ok: false; issues: DatasetIssue[] };

self.onmessage = (event: MessageEvent<string>) => {
  const result = parseDatasetJson(event.data);
  const verdict: ValidationVerdict = result.ok ? { ok: true } : { ok: false, issues: result.issues };
  self.postMessage(verdict);
};
