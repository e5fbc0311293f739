/**
 * Counts as people read them ("12,345"), and "1 event" / "3 events". d3-format, not `toLocaleString`: the first
 * `Intl` number format of a page initialises ICU on the main thread (measured 20–60 ms in Chromium here), which the
 * network panel's first render paid during load.
 */
import { format } from 'd3';

export const formatCount: (n: number) => string = format(',');

/** "1 event", "1,200 events" (or the given plural). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
