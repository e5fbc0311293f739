/** Cleaning: recognising the headline and page furniture by general rules, without moving any offset. */

/** The first non-empty line when it reads like a headline (short, no final full stop), else undefined. */
export function headlineTitle(text: string): string | undefined {
  for (const raw of text.split('\n', 20)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (line.length <= 200 && !/[.!?]["'\u201d]?$/.test(line)) return line;
    return undefined;
  }
  return undefined;
}
