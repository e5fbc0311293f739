/** Binary search over arrays sorted by a numeric key (tokens, sentences, timexes by offset). */

/** The first index of `items`, sorted ascending by `key`, whose key is at least `pos`; `items.length` when none. */
export function lowerBound<T>(items: readonly T[], pos: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const startOf = (x: { start: number }): number => x.start;
export const endOf = (x: { end: number }): number => x.end;
