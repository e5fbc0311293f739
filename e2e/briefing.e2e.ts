/**
 * Briefings in Chromium: a story built from views, edited and reordered, kept across a reload, imported and
 * exported as JSON (a bad file changes nothing; a story of another dataset says so), presented by keyboard alone,
 * and opened from a deep link to one of its steps. axe runs on the story editor and on presentation mode.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  mostConnectedActor,
  openApp,
  openPage,
  screenshot,
  seriousA11yViolations,
  settledHash,
  type TestDataset,
  useBrowser,
  waitForApp,
} from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8_000, interval: 100 });
const storyPanel = (page: Page) => page.getByRole('complementary', { name: 'Story' });
const presenter = (page: Page) => page.locator('section.presenter');
const progress = (page: Page) => page.locator('.presenter-progress');
const stepTitles = (page: Page) => storyPanel(page).locator('.story-step-title').allTextContents();

const open = openApp;

/** Shows a view by its link (a hashchange, as a pasted link would). */
async function showView(page: Page, fragment: string): Promise<void> {
  await page.evaluate((f) => {
    window.location.hash = f;
  }, fragment);
  await page.waitForTimeout(150);
}

/** Builds a three-step story: an actor, an event with its sentence, and a time window. */
async function buildStory(page: Page, ds: TestDataset) {
  const actor = mostConnectedActor(ds);
  const event = [...ds.events]
    .filter((e) => e.actorIds.includes(actor.id))
    .sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : 1))[0];
  if (!event) throw new Error(`no event of ${actor.name}`);
  const year = Number(event.date.start.slice(0, 4));
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await storyPanel(page).waitFor();

  await showView(page, `v=1&actor=${encodeURIComponent(actor.id)}`);
  await storyPanel(page).getByRole('button', { name: 'Add current view as step' }).click();
  await showView(
    page,
    `v=1&event=${encodeURIComponent(event.id)}&open=${encodeURIComponent(event.docId)}&em=${event.evidence.start}-${event.evidence.end}`,
  );
  await storyPanel(page).getByRole('button', { name: 'Add current view as step' }).click();
  await showView(page, `v=1&win=${year}-01-01..${year + 1}-01-01`);
  await storyPanel(page).getByRole('button', { name: 'Add current view as step' }).click();
  await poll(async () => (await stepTitles(page)).length).toBe(3);
  return { actor, event, year };
}

/** Edits step n (1-based): a new title and note. */
async function editStep(page: Page, n: number, title: string, note: string): Promise<void> {
  const step = storyPanel(page)
    .locator('.story-step')
    .nth(n - 1);
  await step.getByRole('button', { name: 'Edit' }).click();
  await step.getByLabel('Title').fill(title);
  await step.getByLabel('Note').fill(note);
  await step.getByRole('button', { name: 'Save step' }).click();
}

describe('briefings', () => {
  const browser = useBrowser();

  it('builds, edits, reorders and keeps a story; imports and exports it as JSON', async () => {
    const { page, context, errors, externalRequests, ds } = await open(browser());
    const { actor } = await buildStory(page, ds);
    await editStep(page, 1, 'Who leads', 'The most connected actor.\n\nSecond paragraph.');
    await editStep(page, 2, 'The first event', 'Its sentence is the evidence.');
    await editStep(page, 3, 'One year', 'Everything in that year.');
    expect(await stepTitles(page)).toEqual(['Step 1: Who leads', 'Step 2: The first event', 'Step 3: One year']);

    // Reorder by keyboard-operable buttons, then delete with confirmation.
    await storyPanel(page).getByRole('button', { name: 'Move step 3 up' }).click();
    expect(await stepTitles(page)).toEqual(['Step 1: Who leads', 'Step 2: One year', 'Step 3: The first event']);
    await storyPanel(page).getByRole('button', { name: 'Move step 2 down' }).click();
    expect(await stepTitles(page)).toEqual(['Step 1: Who leads', 'Step 2: The first event', 'Step 3: One year']);

    // "Show" applies a step's view to every panel.
    await storyPanel(page).locator('.story-step').nth(0).getByRole('button', { name: 'Show' }).click();
    await poll(() => page.getByRole('toolbar', { name: 'Timeline tools' }).textContent()).toContain(
      `Filtered by ${actor.name}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'briefing-story-editor');

    // Export as JSON, then read the file back.
    const dir = mkdtempSync(join(tmpdir(), 'threadline-story-'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      storyPanel(page).getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      version: number;
      story: { id: string; datasetKey: string; steps: { title: string; view: string }[] };
    };
    expect(exported.format).toBe('threadline-story');
    expect(exported.story.steps.map((s) => s.title)).toEqual(['Who leads', 'The first event', 'One year']);

    // The story survives a reload (saved in the browser).
    await page.waitForTimeout(500);
    await page.reload();
    await waitForApp(page);
    await page.getByRole('button', { name: 'Story', exact: true }).click();
    await poll(() => stepTitles(page)).toEqual(['Step 1: Who leads', 'Step 2: The first event', 'Step 3: One year']);

    // A bad file gets a clear error (with its JSON pointer) and changes nothing.
    const input = storyPanel(page).locator('input[type="file"]');
    const bad = { ...exported, story: { ...exported.story, steps: [{ ...exported.story.steps[0], title: 7 }] } };
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = storyPanel(page).getByRole('alert');
    await poll(() => alert.textContent()).toContain('bad.json is not a valid Threadline story. Nothing was changed.');
    expect(await alert.textContent()).toContain('/story/steps/0/title');
    await input.setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"a":') });
    await poll(() => alert.textContent()).toContain('junk.json is not a valid Threadline story');
    expect(await stepTitles(page)).toEqual(['Step 1: Who leads', 'Step 2: The first event', 'Step 3: One year']);

    // A story of another dataset says so instead of showing broken steps.
    const foreign = {
      ...exported,
      story: {
        ...exported.story,
        id: 'story-elsewhere',
        title: 'Elsewhere',
        datasetKey: '00000000',
        datasetName: 'Another dataset',
      },
    };
    const foreignFile = join(dir, 'foreign.json');
    writeFileSync(foreignFile, JSON.stringify(foreign));
    await input.setInputFiles(foreignFile);
    await poll(() => storyPanel(page).getByRole('note').textContent()).toContain('made for another dataset');
    expect(await storyPanel(page).getByRole('note').textContent()).toContain('Another dataset');
    expect(await storyPanel(page).locator('.story-step').count()).toBe(0);
    expect(await storyPanel(page).getByRole('button', { name: 'Present' }).count()).toBe(0);

    // Importing the exported file again does not duplicate the story.
    await input.setInputFiles(file);
    await poll(() => storyPanel(page).getByRole('status').textContent()).toContain('Imported');
    const options = await storyPanel(page).getByLabel('Story', { exact: true }).locator('option').allTextContents();
    expect(options.filter((o) => o.includes('(3 steps)'))).toHaveLength(1);

    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('presents by keyboard alone, in a large high-contrast theme, and Escape leaves', async () => {
    const { page, context, errors, ds } = await open(browser());
    const { actor, event } = await buildStory(page, ds);
    await editStep(page, 1, 'Who leads', 'The most connected actor.');

    // Keyboard only from here: focus the Present button and press Enter.
    await storyPanel(page).getByRole('button', { name: 'Present', exact: true }).focus();
    await page.keyboard.press('Enter');
    await poll(() => progress(page).textContent()).toContain('Step 1 of 3');
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Who leads' }).count()).toBe(1);
    // Large type, black on white.
    const theme = await page.evaluate(() => ({
      root: getComputedStyle(document.documentElement).fontSize,
      title: getComputedStyle(document.querySelector('.presenter-title') as Element).fontSize,
      ink: getComputedStyle(document.querySelector('.presenter') as Element).color,
      bg: getComputedStyle(document.querySelector('.presenter') as Element).backgroundColor,
    }));
    expect(parseFloat(theme.root)).toBeGreaterThanOrEqual(18);
    expect(parseFloat(theme.title)).toBeGreaterThanOrEqual(32);
    expect(theme.ink).toBe('rgb(0, 0, 0)');
    expect(theme.bg).toBe('rgb(255, 255, 255)');
    await poll(() => page.getByRole('toolbar', { name: 'Timeline tools' }).textContent()).toContain(
      `Filtered by ${actor.name}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The source panel is narrow here: each document row still shows its mention count (its title is cut instead).
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.actor-doc')]
        .filter((row) => {
          const count = row.querySelector('.count');
          return count && count.getBoundingClientRect().right > row.getBoundingClientRect().right + 0.5;
        })
        .map((row) => row.textContent),
    );
    expect(cut).toEqual([]);
    await screenshot(page, 'briefing-present-step-1');

    // Page Down (a clicker), then the arrow keys.
    await page.keyboard.press('PageDown');
    await poll(() => progress(page).textContent()).toContain('Step 2 of 3');
    // The event's sentence is quoted with its citation, and the source text shows it emphasised.
    const doc = ds.documents.find((d) => d.id === event.docId);
    const sentence = doc?.text.slice(event.evidence.start, event.evidence.end).trim() ?? '';
    await poll(() => page.locator('.presenter-quote blockquote').textContent()).toBe(sentence);
    expect(await page.locator('.presenter-quote figcaption').textContent()).toContain(doc?.title ?? '');
    await poll(() => settledHash(page, 300)).toContain(`event=${encodeURIComponent(event.id)}`);
    await screenshot(page, 'briefing-present-step-2');

    await page.keyboard.press('ArrowRight');
    await poll(() => progress(page).textContent()).toContain('Step 3 of 3');
    await poll(() => settledHash(page, 300)).toContain('win=');
    await page.keyboard.press('ArrowRight'); // past the end: stays
    await poll(() => progress(page).textContent()).toContain('Step 3 of 3');
    await page.keyboard.press('PageUp');
    await poll(() => progress(page).textContent()).toContain('Step 2 of 3');
    await page.keyboard.press('ArrowLeft');
    await poll(() => progress(page).textContent()).toContain('Step 1 of 3');
    await page.keyboard.press('End');
    await poll(() => progress(page).textContent()).toContain('Step 3 of 3');
    await page.keyboard.press('Home');
    await poll(() => progress(page).textContent()).toContain('Step 1 of 3');

    // The on-screen buttons are reachable by Tab and work with Enter.
    const names: string[] = [];
    for (let i = 0; i < 12 && !names.includes('Next'); i++) {
      await page.keyboard.press('Tab');
      names.push(await page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/[←→]/g, '').trim()));
    }
    expect(names).toContain('Next');
    await page.keyboard.press('Enter');
    await poll(() => progress(page).textContent()).toContain('Step 2 of 3');

    await page.keyboard.press('Escape');
    await poll(() => presenter(page).count()).toBe(0);
    await page.getByRole('banner').waitFor();
    expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a deep link to a step of a story in a fresh browser', async () => {
    const { page, context, ds } = await open(browser());
    await buildStory(page, ds);
    await editStep(page, 2, 'Linked step', 'Sent by link.');
    const step = storyPanel(page).locator('.story-step').nth(1);
    await step.getByRole('button', { name: 'Copy link' }).click();
    const link = await step.getByRole('textbox', { name: 'Link to step 2' }).inputValue();
    expect(link).toMatch(/#story=[\w-]+&step=2$/);
    await context.close();

    // Another browser profile: no stories saved there.
    const other = await openPage(browser(), link);
    await waitForApp(other.page);
    await poll(() => progress(other.page).textContent()).toContain('Step 2 of 3');
    expect(await other.page.getByRole('heading', { level: 2, name: 'Linked step' }).count()).toBe(1);
    await other.page.keyboard.press('Escape');
    await other.page.getByRole('button', { name: 'Story', exact: true }).waitFor();
    await poll(() => stepTitles(other.page)).toHaveLength(3);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
  it('downloads a briefing pack that opens offline from disk and prints one step per page', async () => {
    const { page, context, ds } = await open(browser());
    const { event } = await buildStory(page, ds);
    await editStep(page, 1, 'Who leads <script>window.__xss=1</script>', 'A note.\n\nA second paragraph.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      storyPanel(page).getByRole('button', { name: 'Download briefing pack' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-briefing\.html$/);
    const dir = mkdtempSync(join(tmpdir(), 'threadline-pack-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    await context.close();

    // Open it from a file URL in a fresh profile: it shows every step and asks for nothing.
    const offline = await browser().newContext({ viewport: { width: 1200, height: 900 } });
    const reader = await offline.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    reader.on('request', (r) => requests.push(r.url()));
    reader.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = `file://${file}`;
    await reader.goto(url);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    const shown = await reader.evaluate(() => ({
      steps: [...document.querySelectorAll('section.step h2')].map((h) => h.textContent),
      counts: [...document.querySelectorAll('section.step .step-count')].map((p) => p.textContent),
      figures: document.querySelectorAll('section.step figure svg').length,
      quotes: [...document.querySelectorAll('section.step .citation blockquote')].map((q) => q.textContent?.trim()),
      sources: document.querySelectorAll('#sources li').length,
      scripts: document.scripts.length,
      xss: (window as unknown as { __xss?: unknown }).__xss,
    }));
    expect(shown.steps).toEqual(['Who leads <script>window.__xss=1</script>', expect.any(String), expect.any(String)]);
    expect(shown.counts).toEqual(['Step 1 of 3', 'Step 2 of 3', 'Step 3 of 3']);
    expect(shown.figures).toBe(6);
    const doc = ds.documents.find((d) => d.id === event.docId);
    expect(shown.quotes).toContain(doc?.text.slice(event.evidence.start, event.evidence.end).trim());
    expect(shown.sources).toBeGreaterThan(0);
    expect(shown.scripts).toBe(0);
    expect(shown.xss).toBeUndefined();
    await reader.screenshot({ path: 'e2e/screenshots/briefing-pack.png', fullPage: false });

    // Print: each step starts a page; the PDF has a cover, one page per step and the sources.
    await reader.emulateMedia({ media: 'print' });
    const breaks = await reader.evaluate(() =>
      [...document.querySelectorAll('section.step')].map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks).toEqual(['page', 'page', 'page']);
    const pdf = await reader.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(6);
    await offline.close();
  });
});
