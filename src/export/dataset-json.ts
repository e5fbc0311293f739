/**
 * The dataset as a JSON file: keys in sorted order, 2-space indent, trailing newline: the same bytes the extraction
 * CLI writes (scripts/extract/cli.ts), so exporting a loaded dataset gives back the file it came from.
 */
import stringify from 'safe-stable-stringify';
import type { Dataset } from '../model/schema';

/** The dataset as deterministic JSON text (sorted keys, 2-space indent, trailing newline). */
export function datasetJson(dataset: Dataset): string {
  const text = stringify(dataset, null, 2);
  if (text === undefined) throw new Error('The dataset could not be written as JSON.');
  return `${text}\n`;
}
