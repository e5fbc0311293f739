/** Fetching a dataset file: same-origin relative URLs only, size-capped, parsed and validated before use. */
import type { Dataset, DatasetIssue, ValidationResult } from '../model/schema';
import { MAX_DATASET_BYTES } from '../model/schema-constants';
import type { ValidationVerdict } from '../model/validate.worker';
import bundledDatasetUrl from '../../data/dataset.json?url';
import { shareEqualStrings } from './share-strings';

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
 * Validates in a worker while this thread parses the same text: the worker answers only the verdict, so the
 * validated object never has to be cloned across. Rejects when no worker can run.
 */
function validateInWorker(text: string): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../model/validate.worker.ts', import.meta.url), { type: 'module' });
    let parsed: { value: unknown } | null = null;
    worker.onmessage = (event: MessageEvent<ValidationVerdict>) => {
      worker.terminate();
      if (!event.data.ok) resolve(event.data);
      else if (parsed) resolve({ ok: true, dataset: parsed.value as Dataset });
      else reject(new Error('the worker accepted text this thread could not parse'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(text);
    try {
      parsed = { value: JSON.parse(text) as unknown };
    } catch {
      parsed = null; // the worker reports the syntax error with its message
    }
  });
}

/** Parses and validates dataset text: in a worker when possible, else here. Never throws. */
export async function validateDatasetText(text: string): Promise<ValidationResult> {
  return compact(await validateAnywhere(text));
}

/** Shares equal strings of an accepted dataset (a large dataset repeats the same short strings thousands of times). */
function compact(result: ValidationResult): ValidationResult {
  if (result.ok) shareEqualStrings(result.dataset);
  return result;
}

async function validateAnywhere(text: string): Promise<ValidationResult> {
  if (typeof Worker !== 'undefined') {
    try {
      return await validateInWorker(text);
    } catch {
      // A worker that cannot start (CSP, old browser): validate here.
    }
  }
  return validateHere(text);
}

/** Fetches and validates a dataset. Never throws. */
export async function fetchDataset(url: string, fetchImpl: typeof fetch = fetch): Promise<ValidationResult> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) {
      return { ok: false, issues: [{ pointer: '', message: `could not load ${url}: HTTP ${response.status}` }] };
    }
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_DATASET_BYTES) {
      return { ok: false, issues: [{ pointer: '', message: `${url} is larger than the 64 MB limit` }] };
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html') || /^\s*</.test(text.slice(0, 100))) {
      return {
        ok: false,
        issues: [{ pointer: '', message: `no dataset at ${url}: the server answered with a web page; check the path` }],
      };
    }
    return await validateDatasetText(text);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not load ${url}: ${String(error)}` }] };
  }
}
