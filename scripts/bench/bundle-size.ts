/**
 * Initial JavaScript of the build, gzip: the JS files that dist/index.html loads up front (module scripts and
 * modulepreload links), each gzipped with node:zlib (level 9), summed, against the 300 KB gate of performance.md §5.
 *
 * `tsx scripts/bench/bundle-size.ts [--dist dist] [--budget-kb 300]` prints the files and exits 1 when over the
 * budget (2 when there is no build). KB here is 1000 bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUNDLE_BUDGET_BYTES = 300_000;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: BundleFile[];
  totalBytes: number;
  totalGzipBytes: number;
  budgetBytes: number;
  overBudget: boolean;
}

/** The JS URLs that an index.html loads up front: `<script src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string): string | undefined =>
      new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) urls.add(src);
    } else if ((attr('rel') ?? '').toLowerCase() === 'modulepreload') {
      const href = attr('href');
      if (href) urls.add(href);
    }
  }
  return [...urls].filter((u) => !/^(?:[a-z][\w+.-]*:)?\/\//i.test(u));
}

/** Gzip size of the initial JS of a build folder. */
export function initialJsGzip(distDir = 'dist', budgetBytes = BUNDLE_BUDGET_BYTES): BundleSize {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((url) => {
    const rel = url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '';
    const bytes = readFileSync(path.join(distDir, rel));
    return { file: rel, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const totalGzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
  return {
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzipBytes,
    budgetBytes,
    overBudget: totalGzipBytes > budgetBytes,
  };
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** One-line summary plus one line per file. */
export function formatBundleSize(size: BundleSize): string {
  const lines = size.files.map((f) => `  ${f.file}: ${kb(f.bytes)} raw, ${kb(f.gzipBytes)} gzip`);
  const verdict = size.overBudget ? 'FAIL (over budget)' : 'PASS';
  return [
    `initial JS: ${kb(size.totalGzipBytes)} gzip (${kb(size.totalBytes)} raw) in ${size.files.length} file(s); budget ${kb(size.budgetBytes)}: ${verdict}`,
    ...lines,
  ].join('\n');
}

function main(argv: readonly string[]): number {
  let dist = 'dist';
  let budget = BUNDLE_BUDGET_BYTES;
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--dist' && argv[i + 1]) dist = argv[i + 1] as string;
    else if (argv[i] === '--budget-kb' && Number(argv[i + 1]) > 0) budget = Number(argv[i + 1]) * 1000;
    else {
      console.error('Usage: tsx scripts/bench/bundle-size.ts [--dist dist] [--budget-kb 300]');
      return 2;
    }
  }
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`bundle-size: no ${dist}/index.html; run npx vite build first`);
    return 2;
  }
  const size = initialJsGzip(dist, budget);
  console.log(formatBundleSize(size));
  return size.overBudget ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
