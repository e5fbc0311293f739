import { describe, expect, it } from 'vitest';
import { baseUrl, openPage, screenshot, useBrowser } from './harness';

describe('the app on the bundled dataset', () => {
  const browser = useBrowser();

  it('shows the Timeline, Network and Source text regions with no console errors', async () => {
    const { page, context, errors, externalRequests } = await openPage(browser());
    for (const name of ['Timeline', 'Network', 'Source text']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count()).toBe(1);
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Threadline/);
    await page.waitForTimeout(300);
    await screenshot(page, 'smoke-1366x768');
    expect(errors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('explains a dataset path that does not exist', async () => {
    const { page, context } = await openPage(browser(), '?dataset=./missing-dataset.json');
    await expect.poll(() => page.getByRole('heading', { name: /cannot be shown/i }).count()).toBe(1);
    expect(await page.textContent('main')).toMatch(/no dataset at .*missing-dataset\.json/);
    await context.close();
  });

  it('lists the JSON pointers of an invalid dataset, never a blank page', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const bad = {
      schemaVersion: 1,
      name: 'bad',
      documents: [],
      actors: [{ id: 'a', name: 'A', kind: 'robot', aliases: [] }],
      mentions: [],
      timexes: [],
      events: [],
      relations: [],
    };
    await page.route(
      (url) => url.pathname.endsWith('/bad-dataset.json'),
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bad) }),
    );
    await page.goto(new URL('?dataset=./bad-dataset.json', baseUrl()).href);
    await expect.poll(() => page.getByRole('heading', { name: /cannot be shown/i }).count()).toBe(1);
    expect(await page.textContent('main')).toContain('/actors/0/kind');
    await screenshot(page, 'invalid-dataset');
    await context.close();
  });
});
