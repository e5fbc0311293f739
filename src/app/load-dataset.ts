/** Fetching a dataset file: same-origin relative URLs only, size-capped, parsed and validated before use. */
import type { Dataset, DatasetIssue, ValidationResult } from '../model/schema';
import { MAX_DATASET_BYTES } from '../model/schema-constants';
import type { ValidationVerdict } from '../model/validate.worker';
import bundledDatasetUrl from '../../data/dataset.json?url';
import { DATASET_UNIQUE_KEYS, shareEqualStrings } from './share-strings';

export { bundledDatasetUrl };

/** Resolves the `?dataset=` parameter: only a relative URL on this origin is accepted. */
export function datasetUrlFromLocation(location: Pick<Location, 'search' | 'href' | 'origin'>): {
  url: string;
  issue?: DatasetIssue;
} {
  const requested = new URLSearchParams(location.search).get('dataset');
  if (requested === null || requested === '') return { url: bundledDatasetUrl };
  let resolved: URL;
  try {
    resolved = new URL(requested, location.href);
  } catch {
    return { url: bundledDatasetUrl, issue: { pointer: '', message: `"${requested}" is not a valid URL` } };
  }
  if (resolved.origin !== location.origin || /^[a-z][\w+.-]*:/i.test(requested) || requested.startsWith('//')) {
    return {
      url: bundledDatasetUrl,
      issue: { pointer: '', message: `?dataset= must be a relative URL on this site, got "${requested}"` },
    };
  }
  return { url: resolved.href };
}

/** Validates on the main thread (loads the schema code on demand). */
async function validateHere(text: string): Promise<ValidationResult> {
  const { parseDatasetJson } = await import('../model/load');
  return parseDatasetJson(text);
}

/**
 * Below this size the text is validated on this thread: starting a worker (its script and its own copy of the
 * schema code) takes longer than validating a small dataset here (≈ 40 ms per MB).
 */
export const VALIDATE_HERE_BELOW_BYTES = 1_500_000;

/** What the caller may do with the parsed text while the worker still validates it (see fetchDataset). */
export type OnParsed = (value: unknown) => void;

/**
 * Head-start hooks: `onText` gets the dataset text as soon as it has arrived; for a large dataset, while a worker
 * validates it, `beforeShare` gets the value as parsed and `afterShare` the same value once its equal strings are
 * shared.
 */
export interface ParsedHooks {
  onText?: (text: string) => void;
  beforeShare?: OnParsed;
  afterShare?: OnParsed;
}

/** Calls a head-start hook; what it throws is ignored (the value may still fail validation). */
function headStart<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value);
  } catch {
    // Only a head start: the value may still fail validation.
  }
}

/** A validation worker, started before the text it will check has arrived (its start-up overlaps the download). */
interface Validator {
  worker: Worker;
  /** Set when the worker failed (e.g. its script could not load) before it was given the text. */
  failed: boolean;
}

function startValidator(): Validator | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('../model/validate.worker.ts', import.meta.url), { type: 'module' });
    const validator: Validator = { worker, failed: false };
    worker.onerror = (event) => {
      event.preventDefault();
      validator.failed = true;
    };
    return validator;
  } catch {
    return null; // a worker that cannot start (CSP, old browser): validate here
  }
}

/** Ends a validation worker that is no longer needed once it has started (see fetchDataset). */
function dismiss(worker: Worker): void {
  worker.onmessage = () => worker.terminate();
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
  };
  worker.postMessage('');
}

/**
 * Resolves in a task of its own: what this thread does between the awaits runs as separate tasks, so the browser can
 * act in between. (A MessageChannel message, not setTimeout: no 1-4 ms clamp.)
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Validates in a worker while this thread parses the same text: the worker answers only the verdict, so the
 * validated object never has to be cloned across. While the worker works, this thread shares equal strings of its
 * parse and hands it to the head-start hooks. Rejects when the worker cannot run.
 *
 * This thread's part runs as a few tasks, not one: a message posted to a worker that is still loading its script
 * waits on this thread until the worker is up, and is handed over only between this thread's tasks. In one long task
 * (~150 ms at 10,000 events) the worker started validating only after it, and the page then waited for the verdict.
 */
async function validateInWorker(text: string, validator: Validator, hooks: ParsedHooks): Promise<ValidationResult> {
  const { worker } = validator;
  if (validator.failed) throw new Error('the validation worker failed to start');
  const verdict = new Promise<ValidationVerdict>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ValidationVerdict>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message));
    };
  });
  // Until awaited below, a rejection is handled there (this keeps it from being reported as unhandled meanwhile).
  verdict.catch(() => undefined);
  worker.postMessage(text);
  await nextTask();
  let parsed: { value: unknown } | null;
  try {
    parsed = { value: JSON.parse(text) as unknown };
  } catch {
    parsed = null; // the worker reports the syntax error with its message
  }
  if (parsed) {
    await nextTask();
    headStart(hooks.beforeShare, parsed.value);
    await nextTask();
    shareEqualStrings(parsed.value, DATASET_UNIQUE_KEYS);
    headStart(hooks.afterShare, parsed.value);
  }
  const answer = await verdict;
  if (!answer.ok) return answer;
  if (parsed) return { ok: true, dataset: parsed.value as Dataset };
  throw new Error('the worker accepted text this thread could not parse');
}

/** Shares equal strings of an accepted dataset (a large dataset repeats the same short strings thousands of times). */
function compact(result: ValidationResult): ValidationResult {
  if (result.ok) shareEqualStrings(result.dataset, DATASET_UNIQUE_KEYS);
  return result;
}

/** Validates in the worker (then terminated) when given, falling back to this thread. */
async function validateWith(
  text: string,
  validator: Validator | null,
  hooks: ParsedHooks = {},
): Promise<ValidationResult> {
  if (validator) {
    try {
      // The worker path has already shared the strings of its parse.
      return await validateInWorker(text, validator, hooks);
    } catch {
      validator.worker.terminate();
      // A worker that cannot start (CSP, old browser): validate here.
    }
  }
  return compact(await validateHere(text));
}

/**
 * Fetches and validates a dataset. Never throws. The hooks get the parsed (not yet validated) value of a large
 * dataset while a worker validates it, to start work that only pays off once it is accepted; they must not keep the
 * value anywhere that outlives a rejection.
 */
export async function fetchDataset(
  url: string,
  fetchImpl: typeof fetch = fetch,
  hooks: ParsedHooks = {},
): Promise<ValidationResult> {
  let validator: Validator | null = null;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) {
      return { ok: false, issues: [{ pointer: '', message: `could not load ${url}: HTTP ${response.status}` }] };
    }
    // A compressed body's Content-Length is its compressed size (a static host serving .json.gz): its text may be
    // many times larger, so its size counts as unknown.
    const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
    const compressed = encoding !== '' && encoding !== 'identity';
    const length = compressed ? 0 : Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_DATASET_BYTES) {
      return { ok: false, issues: [{ pointer: '', message: `${url} is larger than the 64 MB limit` }] };
    }
    const type = response.headers.get('content-type') ?? '';
    // A large (or unknown-size: compressed) body is validated in a worker: start it now, so it loads while the body
    // downloads. A body known to be small is validated here: fetch that code now.
    if (length > 0 && length < VALIDATE_HERE_BELOW_BYTES) void import('../model/load').catch(() => undefined);
    else if (!type.includes('text/html')) validator = startValidator();
    const text = await response.text();
    if (type.includes('text/html') || /^\s*</.test(text.slice(0, 100))) {
      return {
        ok: false,
        issues: [{ pointer: '', message: `no dataset at ${url}: the server answered with a web page; check the path` }],
      };
    }
    headStart(hooks.onText, text);
    if (validator && text.length < VALIDATE_HERE_BELOW_BYTES) {
      // Small after all: validated here. The worker may still be loading its script (ending it now would cancel that
      // request), so it is given nothing to check and ends once it has answered.
      dismiss(validator.worker);
      validator = null;
    }
    const handed = validator;
    validator = null; // validateWith terminates it
    return await validateWith(text, handed, hooks);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not load ${url}: ${String(error)}` }] };
  } finally {
    validator?.worker.terminate();
  }
}
