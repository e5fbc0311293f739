/** Reads an article folder the way the extract CLI does (for evaluation and tests). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { METADATA_FILE, decodeArticle, isArticleFile, parseMetadataCsv } from '../extract/input';
import type { ArticleInput } from '../extract/pipeline';

export function readSeedArticles(dir: string): ArticleInput[] {
  const csv = path.join(dir, METADATA_FILE);
  const meta = parseMetadataCsv(readFileSync(csv, 'utf8'), csv);
  if (!meta.ok) throw new Error(meta.errors.join('\n'));
  const byFile = new Map(meta.rows.map((r) => [r.file, r]));
  return readdirSync(dir)
    .filter(isArticleFile)
    .sort()
    .map((file) => {
      const decoded = decodeArticle(readFileSync(path.join(dir, file)));
      if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
      const m = byFile.get(file);
      return m ? { file, text: decoded.text, meta: m } : { file, text: decoded.text };
    });
}
