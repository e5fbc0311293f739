/**
 * Saving a file from the browser: an object URL on a temporary `<a download>`, clicked, then revoked. File names
 * are slugs of plain ASCII (no path separators, never empty), e.g. `cambodia-foreign-policy-events.csv`.
 */

/**
 * How long the object URL outlives the click. Revoking on the next tick can cancel a download that has not started
 * reading the blob yet (seen in Safari and older Firefox; FileSaver.js waits 40 s for the same reason).
 */
export const REVOKE_DELAY_MS = 40_000;

/** Starts a download of `blob` under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  // Firefox only follows a click on a link that is in the document.
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}

/** Longest stem (the name without `.ext`). */
export const MAX_STEM_LENGTH = 60;

/** Lower-case ASCII letters and digits joined by single hyphens (accents dropped), or '' when nothing is left. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-/, '')
    .replace(/-$/, '');
}

/** Cuts a slug to at most `max` characters, not leaving a hyphen at the end. */
function cut(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max).replace(/-$/, '');
}

/** A safe file name: `<dataset>-<what>.<ext>` as slugs, the stem at most 60 characters. */
export function exportFileName(datasetName: string, what: string, ext: string): string {
  const tail = cut(slug(what), 30);
  const extension = cut(slug(ext).replace(/-/g, ''), 10) || 'txt';
  const room = MAX_STEM_LENGTH - (tail ? tail.length + 1 : 0);
  const head = cut(slug(datasetName), room) || 'threadline';
  return `${tail ? `${head}-${tail}` : head}.${extension}`;
}
