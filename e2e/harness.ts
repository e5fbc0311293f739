/** Shared browser-test harness: one Chromium per file, pages that record console errors, screenshots. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export { CHROMIUM_ARGS };

export const SCREENSHOT_DIR = 'e2e/screenshots';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * One browser for the enclosing describe block: launched before its tests, closed after them. Call it inside
 * `describe`; the returned function gives the browser inside a test.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll, use it inside a test');
    return browser;
  };
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and failed requests seen so far. */
  errors: string[];
  /** Requests to any origin other than the app's. */
  externalRequests: string[];
}

/** Opens a page that records errors and outside requests. */
export async function openPage(
  browser: Browser,
  path = '',
  viewport = { width: 1366, height: 768 },
): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const externalRequests: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) externalRequests.push(url);
  });
  await page.goto(new URL(path, baseUrl()).href);
  return { page, context, errors, externalRequests };
}

/** Saves a full-page screenshot under e2e/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for the journey, URL, accessibility and security tests (additive).

/** The dataset shape the tests read (a structural subset of src/model/schema's Dataset). */
export interface TestDataset {
  name: string;
  documents: { id: string; title: string; file: string; text: string }[];
  actors: { id: string; name: string; kind: string; aliases: string[] }[];
  mentions: { actorId: string; docId: string; start: number; end: number }[];
  events: {
    id: string;
    docId: string;
    title: string;
    actorIds: string[];
    evidence: { start: number; end: number };
    date: { start: string; end?: string; precision: string };
  }[];
  relations: {
    id: string;
    source: string;
    target: string;
    type: string;
    polarity: string;
    negated: boolean;
    docId: string;
    eventId?: string;
    date?: { start: string; end?: string; precision: string };
    evidence: { start: number; end: number };
  }[];
}

/** Waits until the workspace is up and the network layout has drawn its nodes (when there are actors). */
export async function waitForApp(page: Page, { nodes = true }: { nodes?: boolean } = {}): Promise<void> {
  await page.getByRole('region', { name: 'Network', exact: true }).waitFor({ timeout: 20_000 });
  if (nodes) await page.locator('[data-testid="graph"] [data-actor-id]').first().waitFor({ timeout: 20_000 });
}

/** Opens the app, waits for it (and its network nodes unless `nodes` is false) and reads the dataset it loaded. */
export async function openApp(browser: Browser, path = '', nodes = true): Promise<TrackedPage & { ds: TestDataset }> {
  const tracked = await openPage(browser, path);
  tracked.context.setDefaultTimeout(10_000);
  await waitForApp(tracked.page, { nodes });
  return { ...tracked, ds: await loadedDataset(tracked.page) };
}

/** The dataset JSON the page loaded (fetched again inside the page, from the same URL), so expectations follow it. */
export async function loadedDataset(page: Page): Promise<TestDataset> {
  return page.evaluate(async () => {
    const url = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((name) => new URL(name).pathname.endsWith('.json'));
    if (!url) throw new Error('the page loaded no .json dataset');
    const response = await fetch(url);
    return (await response.json()) as TestDataset;
  });
}

/** What the timeline toolbar says: the events drawn and the undated ones it leaves out. */
export async function timelineCount(page: Page): Promise<{ shown: number; undated: number }> {
  const text = (await page.getByRole('toolbar', { name: 'Timeline tools' }).textContent()) ?? '';
  const m = /(?<!\d)(\d+) events?(?: \((\d+) undated not shown\))?$/.exec(text.trim());
  if (!m) throw new Error(`no event count in the timeline toolbar: "${text}"`);
  return { shown: Number(m[1]), undated: Number(m[2] ?? 0) };
}

/** The tags the accessibility tests check. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical axe violations on the page, one line each (rule, help, first few targets). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} [${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 4 ? ` | +${v.nodes.length - 4} more` : ''}]`,
    );
}

/** Waits for the URL fragment to settle (the app writes it debounced) and returns it without '#'. */
export async function settledHash(page: Page, ms = 400): Promise<string> {
  await page.waitForTimeout(ms);
  return page.evaluate(() => window.location.hash.replace(/^#/, ''));
}

// --- expectations computed from the dataset (independently of the app's selectors) ---------------------------

const DAY_MS = 86_400_000;

function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

/** The days a dataset date covers, [start, end) in epoch ms: a month or year date covers the whole month or year. */
export function dateSpan(date: {
  start: string;
  end?: string;
  precision: string;
}): { start: number; end: number } | undefined {
  const parse = (s: string, last: boolean): number | undefined => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return undefined;
    const y = Number(m[1]);
    if (m[3] !== undefined) return utcMs(y, Number(m[2]), Number(m[3])) + (last ? DAY_MS : 0);
    if (m[2] !== undefined) return last ? utcMs(y, Number(m[2]) + 1, 1) : utcMs(y, Number(m[2]), 1);
    return last ? utcMs(y + 1, 1, 1) : utcMs(y, 1, 1);
  };
  const start = parse(date.start, false);
  let endText = date.end ?? date.start;
  if (date.precision === 'decade' && date.end === undefined)
    endText = String(Math.floor(Number(date.start.slice(0, 4)) / 10) * 10 + 9);
  const end = parse(endText, true);
  if (start === undefined || end === undefined) return undefined;
  return { start, end: Math.max(end, start + DAY_MS) };
}

/** Parses a `win=` value of a view link (YYYY-MM-DD[THH:MM:SS.mmm]..same) into epoch ms. */
export function parseWindowParam(raw: string): { start: number; end: number } {
  const one = (s: string): number => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})\.(\d{3}))?$/.exec(s);
    if (!m) throw new Error(`not an instant: ${s}`);
    const [h, min, sec, ms] = [m[4], m[5], m[6], m[7]].map((v) => Number(v ?? 0)) as [number, number, number, number];
    return utcMs(Number(m[1]), Number(m[2]), Number(m[3])) + h * 3_600_000 + min * 60_000 + sec * 1000 + ms;
  };
  const [a, b] = raw.split('..');
  return { start: one(a ?? ''), end: one(b ?? '') };
}

export const pairKeyOf = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Number of distinct actor pairs (network edges) among relations. */
export function edgeCount(relations: TestDataset['relations']): number {
  return new Set(relations.filter((r) => r.source !== r.target).map((r) => pairKeyOf(r.source, r.target))).size;
}

/** Actors linked to `id` by at least one relation. */
export function neighboursOf(ds: TestDataset, id: string): Set<string> {
  const out = new Set<string>();
  for (const r of ds.relations) {
    if (r.source === id && r.target !== id) out.add(r.target);
    if (r.target === id && r.source !== id) out.add(r.source);
  }
  return out;
}

/** The actor in the most relations (ties: by id), so the journeys follow whatever the extractor produced. */
export function mostConnectedActor(ds: TestDataset): TestDataset['actors'][number] {
  const counts = new Map<string, number>();
  for (const r of ds.relations) {
    if (r.source === r.target) continue;
    counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
    counts.set(r.target, (counts.get(r.target) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const actor = best && ds.actors.find((a) => a.id === best[0]);
  if (!actor) throw new Error('the dataset has no relations between actors: the journeys need at least one');
  return actor;
}

/** Drawn network nodes: id and effective fill opacity of the node's shape (dimmed nodes are faint). */
export async function nodeStates(page: Page): Promise<{ id: string; opacity: number; pressed: boolean }[]> {
  return page.locator('[data-testid="graph"] [data-actor-id]').evaluateAll((els) =>
    els.map((el) => {
      const shape = el.querySelector('path') ?? el;
      const s = getComputedStyle(shape);
      return {
        id: el.getAttribute('data-actor-id') ?? '',
        opacity: Number(s.fillOpacity) * Number(s.opacity) * Number(getComputedStyle(el).opacity),
        pressed: el.getAttribute('aria-pressed') === 'true',
      };
    }),
  );
}
