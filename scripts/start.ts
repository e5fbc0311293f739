/**
 * `npm start`: builds data/dataset.json from seeds/ when it is missing or older than an article, then serves the
 * app on it and prints the URL.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { run } from './extract/cli';

const INPUT = 'seeds';
const OUTPUT = 'data/dataset.json';

function isStale(): boolean {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return readdirSync(INPUT).some((name) => statSync(path.join(INPUT, name)).mtimeMs > built);
}

if (isStale()) {
  console.log(`start: ${OUTPUT} is missing or older than ${INPUT}/, extracting…`);
  const report = await run({ input: INPUT, output: OUTPUT, strict: false });
  for (const w of report.warnings) console.warn(`warning: ${w}`);
  console.log(
    `start: wrote ${OUTPUT} (${report.dataset.events.length} events, ${report.dataset.actors.length} actors)`,
  );
}

const server = await createServer({ server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1' } });
await server.listen();
console.log('\nThreadline is running on the bundled dataset:');
server.printUrls();
