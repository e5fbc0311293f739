/**
 * `npm run bench:ui -- [--sizes 1000,10000,100000] [--runs 5] [--seed 1] [--no-build] [--no-stored-layout] [--out bench-results/ui.json]`
 *
 * The UI benchmark of performance.md §6. Generates synthetic datasets, builds the current sources into a temporary
 * folder (leaving dist/ alone; `--no-build` serves a copy of dist/ instead, built when missing, which may be older
 * than the sources), serves it plus the datasets with vite's preview(), and drives the system Chromium through
 * playwright-core. Per size and per run, in a fresh browser context, it measures load-to-interactive, select-actor
 * latency, timeline pan/zoom and graph drag frame intervals, long tasks during interaction and the JS heap after GC;
 * next to them, in the same run, the anchors: vsync, JSON.parse of the same dataset and a plain-div floor.
 * It prints the median of the per-run figures, each as a ratio to its anchor, against the targets, and writes JSON.
 * A hook the app does not provide yet gives "n/a (hook missing)"; every wait has a time limit.
 * The datasets carry their network layout, as `npm run extract` writes them; `--no-stored-layout` leaves it out, so
 * the app lays the network out itself (the path of a dataset made by another tool). They are served gzip-compressed
 * ahead of time (precompressedDatasets), not compressed per request by the test server.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import stringify from 'safe-stable-stringify';
import { gzipSync } from 'node:zlib';
import { preview, type Plugin } from 'vite';
import { MAX_DATASET_BYTES } from '../../src/model/load';
import { initialJsGzip, formatBundleSize, type BundleSize } from './bundle-size';
import { generateDataset, serialise } from './generate-dataset';
import type { Dataset } from '../../src/model/schema';
import { withLayout } from '../../src/panels/network/dataset-layout';
import { median, parseFlags, percentile, table } from './stats';
import { CHROMIUM_ARGS as BASE_CHROMIUM_ARGS, chromiumPath } from '../../e2e/chromium';

/** The browser tests' flags, plus what the memory figures need. */
export const CHROMIUM_ARGS = [...BASE_CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** Targets of performance.md §5 for a dataset size. */
export function targetsFor(events: number): {
  frameRatio: number;
  selectMs: number;
  loadMs: number;
  loadRatio: number;
  longTaskMs: number;
  heapBytesPerEvent: number;
} {
  const tier = events <= 1000 ? 0 : events <= 10_000 ? 1 : 2;
  return {
    frameRatio: [1, 1.5, 2][tier] as number,
    selectMs: [100, 100, 200][tier] as number,
    loadMs: [1000, 2000, 5000][tier] as number,
    loadRatio: 3,
    longTaskMs: 50,
    heapBytesPerEvent: 1024,
  };
}

/** rAF timestamps jitter around vsync even when idle: frame ratios pass within 5 % of the target. */
export const FRAME_JITTER = 1.05;

/** Strings whose presence in the built JS shows that the app provides a benchmark hook. */
export const HOOKS = {
  interactiveMark: 'app:interactive',
  selectDoneMark: 'select:done',
  timelineUpdatedMark: 'timeline:updated',
  networkUpdatedMark: 'network:updated',
  sourceUpdatedMark: 'source:updated',
  actorIdAttribute: 'data-actor-id',
  timelineCanvas: 'timeline-canvas',
  graphTestId: /data-testid["'`]?\s*:\s*["'`]graph["'`]/,
} as const;
export type HookName = keyof typeof HOOKS;

function hooksInBuild(distDir: string): Record<HookName, boolean> {
  const assets = path.join(distDir, 'assets');
  const js = existsSync(assets)
    ? readdirSync(assets)
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(path.join(assets, f), 'utf8'))
        .join('\n')
    : '';
  return Object.fromEntries(
    Object.entries(HOOKS).map(([k, s]) => [k, typeof s === 'string' ? js.includes(s) : s.test(js)]),
  ) as Record<HookName, boolean>;
}

/** Rejects after `ms` (so a hung page cannot stall the run). */
async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${label}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Injected before any page script: rAF recorder, long tasks, pointerdown times, marks, event timing. */
const INIT_SCRIPT = `(() => {
  // tsx compiles page.evaluate callbacks with esbuild's keepNames, which calls __name in the page.
  globalThis.__name = globalThis.__name || ((f) => f);
  const b = (window.__bench = { frames: [], recording: false, longTasks: [], pointerdowns: [], events: [] });
  const loop = (t) => { if (b.recording) b.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  addEventListener('pointerdown', (e) => b.pointerdowns.push(e.timeStamp), { capture: true });
})();`;

interface BenchWindow {
  __bench: {
    frames: number[];
    recording: boolean;
    longTasks: { start: number; duration: number }[];
    pointerdowns: number[];
    events: { name: string; start: number; duration: number }[];
  };
  gc?: () => void;
}

interface RunResult {
  run: number;
  loadMs: number | null;
  loadSource: 'mark' | 'fallback' | 'timeout';
  loadedMarkMs: number | null;
  parseMs: number | null;
  divFloorMs: number | null;
  /** The plain page's 'plain:done' mark (from navigation): fetch, parse and divs, loaded as a page. */
  plainPageMs: number | null;
  vsyncMs: number | null;
  heapBytes: number | null;
  heapBaselineBytes: number | null;
  heapBytesPerEvent: number | null;
  selectMs: number | null;
  selectNote: string;
  selectInteractionMs: number | null;
  timelineFrameP90Ms: number | null;
  timelineNote: string;
  graphFrameP90Ms: number | null;
  graphNote: string;
  longTaskCount: number | null;
  longTaskMaxMs: number | null;
  errors: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Page-side source of the plain-div floor's drawing: one absolutely positioned div per event, placed by year, in a
 * 1366 px host appended to the body. Shared by the in-page anchor and the plain page, so both draw the same.
 */
const DRAW_DIVS_SOURCE = `(events) => {
  const width = 1366;
  const host = document.createElement('div');
  host.style.cssText = 'position:relative;width:1366px;height:320px;overflow:hidden';
  events.forEach((e, i) => {
    const year = Number(e.date.start.slice(0, 4));
    const month = Number(e.date.start.slice(5, 7) || '1');
    const div = document.createElement('div');
    div.className = 'item';
    div.textContent = 'event ' + i;
    div.style.cssText = 'position:absolute;left:' + (((year - 2004) * 12 + month) / 240) * width + 'px;top:' + (i % 12) * 26 + 'px;font:12px sans-serif;border:1px solid #888;padding:2px';
    host.appendChild(div);
  });
  document.body.appendChild(host);
  return host;
}`;

/**
 * A page that does only what the anchor measures, loaded the way the app is: fetch the dataset named in
 * `?dataset=`, JSON.parse it, draw the divs, and mark 'plain:done' after the next frame. Its mark's startTime, like
 * the app's app:interactive, counts from navigation, so it includes what the in-page anchor leaves out (the page
 * load itself). Reported next to the anchor the targets use, with no target of its own.
 */
const PLAIN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>plain</title></head><body><script>
(async () => {
  const url = new URLSearchParams(location.search).get('dataset');
  const data = JSON.parse(await (await fetch(url)).text());
  (${DRAW_DIVS_SOURCE})(data.events);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark('plain:done');
    channel.port2.postMessage(0);
  });
})();
</script></body></html>
`;

/** Vsync interval (median rAF delta over ~0.5 s), JSON.parse of the dataset text and the plain-div floor. */
async function measureAnchors(
  page: Page,
  datasetUrl: string,
): Promise<{ vsyncMs: number | null; parseMs: number; divFloorMs: number }> {
  await page.evaluate(`window.__drawDivs = ${DRAW_DIVS_SOURCE}`);
  return page.evaluate(async (url: string) => {
    const times: number[] = [];
    await new Promise<void>((resolve) => {
      const tick = (t: number): void => {
        times.push(t);
        if (times.length < 32) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const deltas = times
      .slice(1)
      .map((t, i) => t - (times[i] as number))
      .sort((a, b) => a - b);
    const vsyncMs = deltas.length > 0 ? (deltas[Math.floor(deltas.length / 2)] as number) : null;

    const text = await (await fetch(url)).text();
    const t0 = performance.now();
    const data = JSON.parse(text) as { events: { date: { start: string } }[] };
    const parseMs = performance.now() - t0;

    // Plain-div floor: one absolutely positioned div per event, placed by year, timed to after the next frame.
    const afterNextPaint = (): Promise<number> =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      );
    const draw = (window as unknown as { __drawDivs: (events: unknown[]) => HTMLElement }).__drawDivs;
    const t1 = performance.now();
    const host = draw(data.events);
    const divFloorMs = (await afterNextPaint()) - t1;
    host.remove();
    return { vsyncMs, parseMs, divFloorMs };
  }, datasetUrl);
}

/** Waits for app:interactive (when the build has the hook) or, failing that, for the panels plus one frame. */
async function waitInteractive(
  page: Page,
  useMark: boolean,
  timeoutMs: number,
  updateMarks: readonly string[] = [],
): Promise<{ ms: number | null; source: 'mark' | 'fallback' | 'timeout'; loadedMs: number | null; error?: string }> {
  const probe = page.evaluate(
    ({ useMark, timeoutMs, updateMarks }) =>
      new Promise<{
        ms: number | null;
        source: 'mark' | 'fallback' | 'timeout';
        loadedMs: number | null;
        error?: string;
      }>((resolve) => {
        const started = performance.now();
        let panelsAt: number | null = null;
        const loaded = (): number | null => performance.getEntriesByName('app:loaded')[0]?.startTime ?? null;
        const check = (): void => {
          const mark = performance.getEntriesByName('app:interactive')[0];
          if (mark) return resolve({ ms: mark.startTime, source: 'mark', loadedMs: loaded() });
          const failed = document.querySelector('[role="alert"], .error-screen');
          if (failed && loaded() === null && !document.querySelector('[data-testid="timeline"]')) {
            return resolve({
              ms: null,
              source: 'timeout',
              loadedMs: null,
              error: `error screen: ${(failed.textContent ?? '').slice(0, 200)}`,
            });
          }
          const panels =
            !useMark &&
            loaded() !== null &&
            document.querySelector('[data-testid="timeline"]') &&
            document.querySelector('[data-testid="graph"], [data-testid="network"]');
          if (panels && panelsAt === null) panelsAt = performance.now();
          // When the build marks panel updates, the first timeline and network updates show the first render;
          // without them after 5 s, the panels being there is enough.
          const rendered = updateMarks.every((n) => performance.getEntriesByName(n).length > 0);
          const ready = panels && (rendered || performance.now() - (panelsAt ?? 0) > 5000);
          if (ready) {
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () =>
                resolve({ ms: performance.now(), source: 'fallback', loadedMs: loaded() });
              channel.port2.postMessage(0);
            });
            return;
          }
          if (performance.now() - started > timeoutMs) {
            return resolve({ ms: null, source: 'timeout', loadedMs: loaded() });
          }
          requestAnimationFrame(check);
        };
        check();
      }),
    { useMark, timeoutMs, updateMarks },
  );
  return withTimeout(probe, timeoutMs + 15_000, 'load-to-interactive');
}

/**
 * Serves bench/*.json from its .gz twin, compressed once when generated, as a static host with precompressed files
 * does (nginx gzip_static). vite preview would otherwise gzip each request on the fly: 63 MB at 100k took it 1.2 s
 * of CPU on the same two cores the browser is being measured on. The browser still downloads and inflates it.
 */
export function precompressedDatasets(dir: string): Plugin {
  return {
    name: 'bench-precompressed-datasets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const file = path.join(dir, path.basename(decodeURIComponent(url))) + '.gz';
        const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (!url.startsWith('/bench/') || !url.endsWith('.json') || !accepts || !existsSync(file)) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Content-Length', String(statSync(file).size));
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** Heap after GC (window.gc from --expose-gc, else CDP), in bytes. */
async function heapAfterGc(page: Page): Promise<number | null> {
  try {
    const viaPage = await withTimeout(
      page.evaluate(async () => {
        const w = window as unknown as { gc?: () => void };
        if (!w.gc) return null;
        w.gc();
        await new Promise((r) => setTimeout(r, 50));
        w.gc();
        const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return memory ? memory.usedJSHeapSize : null;
      }),
      30_000,
      'heap',
    );
    if (viaPage !== null) return viaPage;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usage.usedSize;
  } catch {
    return null;
  }
}

async function startRecording(page: Page): Promise<number> {
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.frames = [];
    b.recording = true;
    return performance.now();
  });
}

async function stopRecording(page: Page): Promise<{ p90: number | null; frames: number }> {
  const frames = await page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.recording = false;
    return b.frames;
  });
  const deltas = frames.slice(1).map((t, i) => t - (frames[i] as number));
  return { p90: percentile(deltas, 90), frames: deltas.length };
}

/** Clicks actors and measures pointerdown → all of timeline/network/source:updated (or select:done). */
async function measureSelect(
  page: Page,
  hooks: Record<HookName, boolean>,
  clicks: number,
): Promise<{ ms: number | null; note: string; interactionMs: number | null }> {
  const nodes = page.locator('[data-actor-id]');
  const count = await nodes.count().catch(() => 0);
  if (count === 0) return { ms: null, note: 'n/a (hook missing: no [data-actor-id])', interactionMs: null };
  const wanted = [hooks.timelineUpdatedMark, hooks.networkUpdatedMark, hooks.sourceUpdatedMark].every(Boolean)
    ? ['timeline:updated', 'network:updated', 'source:updated']
    : hooks.selectDoneMark
      ? ['select:done']
      : [];
  if (wanted.length === 0) {
    return { ms: null, note: 'n/a (hook missing: timeline/network/source:updated marks)', interactionMs: null };
  }
  const latencies: number[] = [];
  const notes: string[] = [];
  let interaction: number | null = null;
  // The most mentioned actors first: with Zipf popularity they are the hubs (the heaviest selection).
  const ids = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id') ?? '')).catch(() => []);
  const order = [...new Set(ids)].filter(Boolean).sort().slice(0, clicks);
  for (const id of order) {
    const node = page.locator(`[data-actor-id="${id.replace(/"/g, '\\"')}"]`).first();
    const box = await node.boundingBox().catch(() => null);
    const before = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      b.pointerdowns = [];
      return performance.now();
    });
    const wait = page.evaluate(
      ({ names, since }) =>
        new Promise<{ down: number | null; done: number | null; missing: string[] }>((resolve) => {
          const seen = new Map<string, number>();
          const finish = (): void => {
            observer.disconnect();
            clearTimeout(timer);
            const b = (window as unknown as BenchWindow).__bench;
            const down = b.pointerdowns[0] ?? null;
            const missing = names.filter((n) => !seen.has(n));
            resolve({ down, done: missing.length === 0 ? Math.max(...seen.values()) : null, missing });
          };
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (e.startTime >= since && names.includes(e.name) && !seen.has(e.name)) seen.set(e.name, e.startTime);
            }
            if (names.every((n) => seen.has(n))) finish();
          });
          observer.observe({ type: 'mark' });
          const timer = setTimeout(finish, 5000);
        }),
      { names: wanted, since: before },
    );
    if (box) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    } else {
      await node.dispatchEvent('pointerdown').catch(() => undefined);
      await node.dispatchEvent('click').catch(() => undefined);
    }
    const result = await withTimeout(wait, 20_000, 'select-actor').catch(() => null);
    if (result && result.down !== null && result.done !== null) latencies.push(result.done - result.down);
    else notes.push(result ? `missing ${result.missing.join(', ') || 'pointerdown'} after click` : 'timed out');
    await sleep(300);
  }
  interaction = await page
    .evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      const ds = b.events.filter((e) => ['pointerdown', 'pointerup', 'click'].includes(e.name)).map((e) => e.duration);
      return ds.length > 0 ? Math.max(...ds) : null;
    })
    .catch(() => null);
  return {
    ms: latencies.length > 0 ? Math.max(...latencies) : null,
    note: notes.length > 0 ? notes.join('; ') : `${latencies.length} click(s), marks ${wanted.join('+')}`,
    interactionMs: interaction,
  };
}

async function dragAndZoomTimeline(page: Page): Promise<{ p90: number | null; note: string }> {
  const canvas = page.locator('[data-testid="timeline-canvas"]').first();
  const box = (await canvas.count().catch(() => 0)) > 0 ? await canvas.boundingBox().catch(() => null) : null;
  if (!box) return { p90: null, note: 'n/a (hook missing: no [data-testid="timeline-canvas"])' };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await startRecording(page);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x - i * 8, y);
    await sleep(16);
  }
  await page.mouse.up();
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? -120 : 120);
    await sleep(50);
  }
  await sleep(300);
  const { p90, frames } = await stopRecording(page);
  return { p90, note: `${frames} frames` };
}

async function dragGraphNode(page: Page): Promise<{ p90: number | null; note: string }> {
  const scope = page.locator('[data-testid="graph"] [data-actor-id], [data-testid="network"] [data-actor-id]');
  const count = await scope.count().catch(() => 0);
  if (count === 0) return { p90: null, note: 'n/a (no [data-actor-id] node rendered in the graph panel)' };
  const box = await scope
    .nth(Math.min(count - 1, 1))
    .boundingBox()
    .catch(() => null);
  if (!box) return { p90: null, note: 'n/a (node not visible)' };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await startRecording(page);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x + i * 4, y + (i % 2) * 3);
    await sleep(16);
  }
  await page.mouse.up();
  await sleep(300);
  const { p90, frames } = await stopRecording(page);
  return { p90, note: `${frames} frames` };
}

async function runOnce(
  browser: Browser,
  baseUrl: string,
  size: number,
  run: number,
  hooks: Record<HookName, boolean>,
): Promise<RunResult> {
  const result: RunResult = {
    run,
    loadMs: null,
    loadSource: 'timeout',
    loadedMarkMs: null,
    parseMs: null,
    divFloorMs: null,
    plainPageMs: null,
    vsyncMs: null,
    heapBytes: null,
    heapBaselineBytes: null,
    heapBytesPerEvent: null,
    selectMs: null,
    selectNote: '',
    selectInteractionMs: null,
    timelineFrameP90Ms: null,
    timelineNote: '',
    graphFrameP90Ms: null,
    graphNote: '',
    longTaskCount: null,
    longTaskMaxMs: null,
    errors: [],
  };
  const datasetPath = `bench/events-${size}.json`;
  const timeoutMs = 30_000 + size; // 31 s at 1k, 40 s at 10k, 130 s at 100k
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    context.setDefaultTimeout(20_000);
    await context.addInitScript(INIT_SCRIPT);

    // Anchors, in a blank page on the same origin.
    const blank = await context.newPage();
    await blank.goto(`${baseUrl}bench/blank.html`, { timeout: 30_000 });
    try {
      const anchors = await withTimeout(measureAnchors(blank, `${baseUrl}${datasetPath}`), timeoutMs, 'anchors');
      Object.assign(result, anchors);
    } catch (error) {
      result.errors.push(`anchors: ${String(error)}`);
    }
    await blank.close();

    // The plain page: the anchor's work loaded as a page (informational).
    const plain = await context.newPage();
    try {
      await plain.goto(`${baseUrl}bench/plain.html?dataset=${datasetPath}`, { timeout: 30_000 });
      await plain.waitForFunction(() => performance.getEntriesByName('plain:done').length > 0, null, {
        timeout: timeoutMs,
      });
      result.plainPageMs = await plain.evaluate(() => performance.getEntriesByName('plain:done')[0]?.startTime ?? null);
    } catch (error) {
      result.errors.push(`plain page: ${String(error)}`);
    }
    await plain.close();

    // Heap baseline: the app on a 10-event dataset (fixed cost of code, React and panels).
    const base = await context.newPage();
    try {
      await base.goto(`${baseUrl}?dataset=bench/events-10.json`, { timeout: 30_000 });
      const ready = await waitInteractive(base, hooks.interactiveMark, 30_000, []);
      if (ready.ms !== null) result.heapBaselineBytes = await heapAfterGc(base);
    } catch (error) {
      result.errors.push(`heap baseline: ${String(error)}`);
    }
    await base.close();

    const page = await context.newPage();
    page.on('pageerror', (e) => result.errors.push(`pageerror: ${e.message}`));
    await page.goto(`${baseUrl}?dataset=${datasetPath}`, { timeout: 60_000, waitUntil: 'commit' });
    const updateMarks = [
      ...(hooks.timelineUpdatedMark ? ['timeline:updated'] : []),
      ...(hooks.networkUpdatedMark ? ['network:updated'] : []),
    ];
    const ready = await waitInteractive(page, hooks.interactiveMark, timeoutMs, updateMarks);
    result.loadMs = ready.ms;
    result.loadSource = ready.source;
    result.loadedMarkMs = ready.loadedMs;
    if (ready.error) result.errors.push(ready.error);
    if (ready.ms === null) {
      result.errors.push(`not interactive within ${timeoutMs} ms`);
      return result;
    }
    await sleep(500);
    result.heapBytes = await heapAfterGc(page);
    if (result.heapBytes !== null) {
      result.heapBytesPerEvent = (result.heapBytes - (result.heapBaselineBytes ?? 0)) / size;
    }

    const interactionStart = await page.evaluate(() => performance.now());
    try {
      const select = await withTimeout(measureSelect(page, hooks, 3), 90_000, 'select');
      result.selectMs = select.ms;
      result.selectNote = select.note;
      result.selectInteractionMs = select.interactionMs;
    } catch (error) {
      result.selectNote = `error: ${String(error)}`;
    }
    try {
      const pan = await withTimeout(dragAndZoomTimeline(page), 60_000, 'timeline pan/zoom');
      result.timelineFrameP90Ms = pan.p90;
      result.timelineNote = pan.note;
    } catch (error) {
      result.timelineNote = `error: ${String(error)}`;
    }
    try {
      const drag = await withTimeout(dragGraphNode(page), 60_000, 'graph drag');
      result.graphFrameP90Ms = drag.p90;
      result.graphNote = drag.note;
    } catch (error) {
      result.graphNote = `error: ${String(error)}`;
    }
    const longTasks = await withTimeout(
      page.evaluate(
        (since) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.start >= since),
        interactionStart,
      ),
      20_000,
      'long tasks',
    ).catch(() => null);
    if (longTasks) {
      result.longTaskCount = longTasks.filter((t) => t.duration > 50).length;
      result.longTaskMaxMs = longTasks.length > 0 ? Math.max(...longTasks.map((t) => t.duration)) : 0;
    }
  } catch (error) {
    result.errors.push(String(error));
  } finally {
    await withTimeout(context.close(), 30_000, 'close context').catch(() => undefined);
  }
  return result;
}

type MedianKey =
  | 'loadMs'
  | 'parseMs'
  | 'divFloorMs'
  | 'vsyncMs'
  | 'selectMs'
  | 'selectInteractionMs'
  | 'timelineFrameP90Ms'
  | 'graphFrameP90Ms'
  | 'longTaskCount'
  | 'longTaskMaxMs'
  | 'heapBytes'
  | 'heapBaselineBytes'
  | 'heapBytesPerEvent'
  | 'plainPageMs';

interface SizeSummary {
  events: number;
  fileBytes: number;
  timexes: boolean;
  runs: RunResult[];
  median: Record<MedianKey, number | null>;
  ratios: Record<
    'timelineFrame' | 'graphFrame' | 'selectFrames' | 'load' | 'loadToPlainPage' | 'heapToFloor',
    number | null
  >;
  pass: Record<
    'timelineFrame' | 'graphFrame' | 'select' | 'loadRatio' | 'loadAbsolute' | 'longTasks' | 'heap',
    boolean | null
  >;
  notes: string[];
}

function summarise(events: number, fileBytes: number, timexes: boolean, runs: RunResult[]): SizeSummary {
  const med = (pick: (r: RunResult) => number | null): number | null => median(runs.map(pick));
  const m = {
    loadMs: med((r) => r.loadMs),
    parseMs: med((r) => r.parseMs),
    divFloorMs: med((r) => r.divFloorMs),
    vsyncMs: med((r) => r.vsyncMs),
    selectMs: med((r) => r.selectMs),
    selectInteractionMs: med((r) => r.selectInteractionMs),
    timelineFrameP90Ms: med((r) => r.timelineFrameP90Ms),
    graphFrameP90Ms: med((r) => r.graphFrameP90Ms),
    longTaskCount: med((r) => r.longTaskCount),
    longTaskMaxMs: med((r) => r.longTaskMaxMs),
    heapBytes: med((r) => r.heapBytes),
    heapBaselineBytes: med((r) => r.heapBaselineBytes),
    heapBytesPerEvent: med((r) => r.heapBytesPerEvent),
    plainPageMs: med((r) => r.plainPageMs),
  };
  // Ratios of per-run figures to the same run's anchor, then the median of those.
  const ratio = (f: (r: RunResult) => [number | null, number | null]): number | null =>
    median(
      runs.map((r) => {
        const [a, b] = f(r);
        return a !== null && b ? a / b : null;
      }),
    );
  const vsync = (r: RunResult): number => r.vsyncMs ?? 1000 / 60;
  const ratios = {
    timelineFrame: ratio((r) => [r.timelineFrameP90Ms, vsync(r)]),
    graphFrame: ratio((r) => [r.graphFrameP90Ms, vsync(r)]),
    selectFrames: ratio((r) => [r.selectMs, vsync(r)]),
    load: ratio((r) => [r.loadMs, r.parseMs !== null && r.divFloorMs !== null ? r.parseMs + r.divFloorMs : null]),
    loadToPlainPage: ratio((r) => [r.loadMs, r.plainPageMs]),
    heapToFloor: m.heapBytesPerEvent === null ? null : m.heapBytesPerEvent / 40,
  };
  const t = targetsFor(events);
  const check = (v: number | null, limit: number): boolean | null => (v === null ? null : v <= limit);
  const pass = {
    timelineFrame: check(ratios.timelineFrame, t.frameRatio * FRAME_JITTER),
    graphFrame: check(ratios.graphFrame, t.frameRatio * FRAME_JITTER),
    select: check(m.selectMs, t.selectMs),
    loadRatio: check(ratios.load, t.loadRatio),
    loadAbsolute: check(m.loadMs, t.loadMs),
    longTasks: check(m.longTaskMaxMs, t.longTaskMs),
    heap: check(m.heapBytesPerEvent, t.heapBytesPerEvent),
  };
  const notes = [
    ...new Set(
      runs.flatMap((r) => [
        r.loadSource === 'fallback'
          ? 'load: app:interactive mark missing; used app:loaded + panels present (+ first timeline/network:updated marks when the build has them) + 1 frame'
          : '',
        r.selectMs === null ? `select: ${r.selectNote}` : '',
        r.timelineFrameP90Ms === null ? `timeline: ${r.timelineNote}` : '',
        r.graphFrameP90Ms === null ? `graph: ${r.graphNote}` : '',
        ...r.errors,
      ]),
    ),
  ].filter(Boolean);
  return { events, fileBytes, timexes, runs, median: m, ratios, pass, notes };
}

const ms = (v: number | null): string => (v === null ? 'n/a' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const x = (v: number | null): string => (v === null ? 'n/a' : `${v.toFixed(2)}x`);
const verdict = (v: boolean | null, missing = 'n/a'): string => (v === null ? missing : v ? 'PASS' : 'FAIL');

function printSummary(s: SizeSummary): void {
  const t = targetsFor(s.events);
  const m = s.median;
  const hookMissing = (note: string | undefined): string =>
    note?.includes('hook missing') ? 'n/a (hook missing)' : 'n/a';
  const run0 = s.runs[0];
  console.log(
    `\n${s.events.toLocaleString('en')} events (${(s.fileBytes / 1e6).toFixed(1)} MB${s.timexes ? '' : ', no timexes'}), median of ${s.runs.length} run(s):`,
  );
  console.log(
    table(
      ['metric', 'median', 'anchor', 'ratio', 'target', 'result'],
      [
        ['load-to-interactive', ms(m.loadMs), `parse ${ms(m.parseMs)} + div floor ${ms(m.divFloorMs)}`, x(s.ratios.load), `<= ${t.loadRatio}x`, verdict(s.pass.loadRatio)],
        ['load-to-interactive (abs)', ms(m.loadMs), '', '', `<= ${t.loadMs} ms`, verdict(s.pass.loadAbsolute)],
        ['load vs a plain page', ms(m.loadMs), `plain page ${ms(m.plainPageMs)} (from navigation)`, x(s.ratios.loadToPlainPage), 'none (information)', ''],
        ['select-actor latency', ms(m.selectMs), `vsync ${ms(m.vsyncMs)}`, s.ratios.selectFrames === null ? 'n/a' : `${s.ratios.selectFrames.toFixed(1)} frames`, `<= ${t.selectMs} ms`, verdict(s.pass.select, hookMissing(run0?.selectNote))],
        ['timeline pan/zoom p90', ms(m.timelineFrameP90Ms), `vsync ${ms(m.vsyncMs)}`, x(s.ratios.timelineFrame), `<= ${t.frameRatio}x (+5%)`, verdict(s.pass.timelineFrame, hookMissing(run0?.timelineNote))],
        ['graph drag p90', ms(m.graphFrameP90Ms), `vsync ${ms(m.vsyncMs)}`, x(s.ratios.graphFrame), `<= ${t.frameRatio}x (+5%)`, verdict(s.pass.graphFrame, hookMissing(run0?.graphNote))],
        ['long tasks (interaction)', `${m.longTaskCount ?? 'n/a'} > 50 ms, max ${ms(m.longTaskMaxMs)}`, '50 ms', m.longTaskMaxMs === null ? 'n/a' : x(m.longTaskMaxMs / 50), `<= ${t.longTaskMs} ms`, verdict(s.pass.longTasks)],
        ['JS heap after GC / event', m.heapBytesPerEvent === null ? 'n/a' : `${m.heapBytesPerEvent.toFixed(0)} B`, `floor 40 B (total ${m.heapBytes === null ? 'n/a' : (m.heapBytes / 1e6).toFixed(1)} MB, base ${m.heapBaselineBytes === null ? 'n/a' : (m.heapBaselineBytes / 1e6).toFixed(1)} MB)`, x(s.ratios.heapToFloor), `<= ${t.heapBytesPerEvent} B`, verdict(s.pass.heap)],
      ], // prettier-ignore
    ),
  );
  for (const note of s.notes) console.log(`  note: ${note}`);
}

/** Heap added per event from each size to the next larger one (medians after GC): the per-event cost alone. */
export function heapSlopes(
  summaries: readonly { events: number; median: { heapBytes: number | null } }[],
): { from: number; to: number; bytesPerEvent: number }[] {
  const sized = summaries
    .filter((s) => s.median.heapBytes !== null)
    .slice()
    .sort((a, b) => a.events - b.events);
  const out: { from: number; to: number; bytesPerEvent: number }[] = [];
  for (let i = 1; i < sized.length; i++) {
    const a = sized[i - 1]!;
    const b = sized[i]!;
    if (b.events === a.events) continue;
    out.push({
      from: a.events,
      to: b.events,
      bytesPerEvent: (b.median.heapBytes! - a.median.heapBytes!) / (b.events - a.events),
    });
  }
  return out;
}

function buildInto(outDir: string | undefined): void {
  const args = ['vite', 'build', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  console.log(`building: npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, { runs: 5, seed: 1 });
  const sizes = (flags.strings.sizes ?? '1000,10000,100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes needs positive integers');
  const { runs, seed } = flags.numbers;
  const out = flags.strings.out ?? 'bench-results/ui.json';
  const storedLayout = flags.strings['no-stored-layout'] === undefined;
  // `--build` (the former opt-in) is accepted and is now the default.
  const reuseDist = flags.strings['no-build'] !== undefined;
  const startedAt = new Date();
  console.log(
    `bench:ui ${startedAt.toISOString()}: sizes ${sizes.join(', ')}, ${runs} run(s), node ${process.version}, ${os.availableParallelism()} CPU(s), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const work = mkdtempSync(path.join(os.tmpdir(), 'threadline-ui-bench-'));
  const served = path.join(work, 'dist');
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
    // A private snapshot of the build, so a concurrent rebuild of dist/ cannot pull files from under the run.
    // Built from the sources by default: a stale dist/ measured old code, or rejected datasets in a newer format.
    if (!reuseDist) {
      buildInto(served);
    } else {
      if (!existsSync('dist/index.html')) buildInto(undefined);
      cpSync('dist', served, { recursive: true });
    }
    const bundle: BundleSize = initialJsGzip(served);
    console.log(formatBundleSize(bundle));
    const hooks = hooksInBuild(served);
    console.log(
      `hooks in the build: ${Object.entries(hooks)
        .map(([k, v]) => `${k} ${v ? 'yes' : 'MISSING'}`)
        .join(', ')}`,
    );

    mkdirSync(path.join(served, 'bench'), { recursive: true });
    writeFileSync(
      path.join(served, 'bench', 'blank.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n',
    );
    writeFileSync(path.join(served, 'bench', 'plain.html'), PLAIN_PAGE);
    // As `npm run extract` writes them: with the network layout stored (unless --no-stored-layout).
    const asWritten = (d: Dataset): string => serialise(storedLayout ? withLayout(d) : d);
    writeFileSync(path.join(served, 'bench', 'events-10.json'), asWritten(generateDataset({ events: 10, seed })));
    const files = new Map<number, { bytes: number; timexes: boolean }>();
    for (const size of sizes) {
      const started = performance.now();
      let json = asWritten(generateDataset({ events: size, seed }));
      let timexes = true;
      if (json.length > MAX_DATASET_BYTES * 0.95) {
        json = asWritten(generateDataset({ events: size, seed, timexes: false }));
        timexes = false;
      }
      writeFileSync(path.join(served, 'bench', `events-${size}.json`), json);
      writeFileSync(path.join(served, 'bench', `events-${size}.json.gz`), gzipSync(json));
      files.set(size, { bytes: Buffer.byteLength(json), timexes });
      console.log(
        `generated events-${size}.json: ${(json.length / 1e6).toFixed(1)} MB${timexes ? '' : ' (timexes left out to stay under the 64 MB cap)'} in ${Math.round(performance.now() - started)} ms`,
      );
      json = '';
    }

    server = await preview({
      configFile: false,
      root: work,
      logLevel: 'warn',
      plugins: [precompressedDatasets(path.join(served, 'bench'))],
      build: { outDir: 'dist' },
      preview: { host: '127.0.0.1', port: 4790, strictPort: false },
    });
    const baseUrl = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4790/';
    console.log(`serving ${served} at ${baseUrl}`);
    const executablePath = chromiumPath();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
    console.log(`browser: ${executablePath} ${browser.version()}`);

    const summaries: SizeSummary[] = [];
    for (const size of sizes) {
      const results: RunResult[] = [];
      for (let run = 1; run <= runs; run++) {
        const started = performance.now();
        const r = await runOnce(browser, baseUrl, size, run, hooks);
        results.push(r);
        console.log(
          `  ${size} run ${run}/${runs} (${((performance.now() - started) / 1000).toFixed(1)} s): load ${ms(r.loadMs)} [${r.loadSource}], parse ${ms(r.parseMs)}, div floor ${ms(r.divFloorMs)}, vsync ${ms(r.vsyncMs)}, select ${ms(r.selectMs)}, timeline p90 ${ms(r.timelineFrameP90Ms)}, graph p90 ${ms(r.graphFrameP90Ms)}, heap ${r.heapBytes === null ? 'n/a' : (r.heapBytes / 1e6).toFixed(1) + ' MB'}${r.errors.length ? `, errors: ${r.errors.join('; ')}` : ''}`,
        );
      }
      const file = files.get(size) ?? { bytes: 0, timexes: true };
      const summary = summarise(size, file.bytes, file.timexes, results);
      summaries.push(summary);
      printSummary(summary);
    }
    const slopes = heapSlopes(summaries);
    if (slopes.length > 0) {
      console.log('\nJS heap added per event between sizes (the fixed cost of the app cancels out; information):');
      for (const h of slopes) console.log(`  ${h.from} -> ${h.to} events: ${h.bytesPerEvent.toFixed(0)} B per event`);
    }

    const report = {
      benchmark: 'ui',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.availableParallelism(),
        loadavg: os.loadavg(),
        browser: browser.version(),
      },
      options: { sizes, runs, seed, build: !reuseDist, storedLayout },
      bundle,
      hooks,
      sizes: summaries.map((s) => ({ ...s, targets: targetsFor(s.events) })),
      heapSlopes: slopes,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${stringify(report, null, 2)}\n`);
    console.log(`\n${formatBundleSize(bundle).split('\n')[0]}`);
    console.log(`wrote ${out}`);
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

// Runs only as `npm run bench:ui`, so other scripts can import its pieces (e.g. precompressedDatasets).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('bench:ui failed:', error);
      process.exitCode = 1;
    },
  );
}
