/** Parses untrusted dataset JSON text: prototype-safe JSON parsing, then the schema. Never throws. */
import secureJsonParse from 'secure-json-parse';
import { validateDataset, type ValidationResult } from './schema';
import { MAX_DATASET_BYTES } from './schema-constants';

export { MAX_DATASET_BYTES };

/** Parses and validates a dataset from JSON text. */
export function parseDatasetJson(text: string): ValidationResult {
  if (text.length > MAX_DATASET_BYTES) {
    return {
      ok: false,
      issues: [{ pointer: '', message: `file is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MB` }],
    };
  }
  let value: unknown;
  try {
    value = secureJsonParse.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ pointer: '', message: `not valid JSON: ${message}` }] };
  }
  return validateDataset(value);
}
