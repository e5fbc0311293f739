/**
 * JSON.parse gives every string value its own copy: a 10k-event dataset holds thousands of copies of the same
 * precision, polarity, type, id and date strings. This replaces equal short strings by one shared copy, in place
 * (values are unchanged; only duplicates become garbage). Long strings (document texts) are left alone.
 */

/** Strings longer than this are assumed unique (texts, titles) and not looked up. */
const MAX_SHARED_LENGTH = 64;

/**
 * Keys of a dataset whose values are (nearly) unique: ids, event titles and file names. Looking each one up only
 * grows the pool for nothing to share (at 100k events: 4x the time). A reference to an id elsewhere (a relation's
 * eventId) is left alone too: an event has a handful of relations at most. (A date's `text`, "March 28", repeats.)
 */
export const DATASET_UNIQUE_KEYS: ReadonlySet<string> = new Set(['id', 'eventId', 'title', 'file']);

/**
 * Replaces equal short string values inside `root` (plain JSON data) by one copy each, except the values of
 * `uniqueKeys`; returns `root`.
 */
export function shareEqualStrings<T>(root: T, uniqueKeys: ReadonlySet<string> = new Set()): T {
  const pool = new Map<string, string>();
  const share = (s: string): string => {
    if (s.length > MAX_SHARED_LENGTH) return s;
    const existing = pool.get(s);
    if (existing !== undefined) return existing;
    pool.set(s, s);
    return s;
  };
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = share(v);
        else if (v !== null && typeof v === 'object') stack.push(v);
      }
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        const v = record[key];
        if (typeof v === 'string') {
          // Never assign through a special key (validation rejects them anyway).
          if (key !== '__proto__' && !uniqueKeys.has(key)) record[key] = share(v);
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return root;
}
