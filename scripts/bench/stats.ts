/** Small helpers shared by the benchmarks: order statistics, flags, a plain-text table. */

/** Median of the finite numbers (null when there are none). */
export function median(values: readonly (number | null | undefined)[]): number | null {
  return percentile(values, 50);
}

/** Nearest-rank percentile of the finite numbers (null when there are none). */
export function percentile(values: readonly (number | null | undefined)[], p: number): number | null {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (p === 50 && sorted.length % 2 === 0) {
    return ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
  }
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Flags<N extends Record<string, number>> {
  numbers: N;
  strings: Record<string, string | undefined>;
}

/**
 * Parses `--name value` pairs: names in `defaults` are numbers, everything else is kept as a string.
 * Throws on a flag without a value or a number that does not parse.
 */
export function parseFlags<N extends Record<string, number>>(argv: readonly string[], defaults: N): Flags<N> {
  const numbers: Record<string, number> = { ...defaults };
  const strings: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq < 0) {
      if (value === undefined || value.startsWith('--')) {
        value = 'true';
      } else {
        i++;
      }
    }
    if (name in defaults) {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got "${value}"`);
      numbers[name] = n;
    } else {
      strings[name] = value;
    }
  }
  return { numbers: numbers as N, strings };
}

/** A left-aligned plain-text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
