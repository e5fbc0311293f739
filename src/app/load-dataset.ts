/** Fetching a dataset file: same-origin relative URLs only, size-capped, parsed and validated before use. */
import { parseDatasetJson, MAX_DATASET_BYTES } from '../model/load';
import type { DatasetIssue, ValidationResult } from '../model/schema';
import bundledDatasetUrl from '../../data/dataset.json?url';

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
    return parseDatasetJson(text);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: `could not load ${url}: ${String(error)}` }] };
  }
}
