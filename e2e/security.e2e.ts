/** Hostile strings in a dataset are shown as text, never run; the app makes no request off its own origin. */
import { describe, expect, it } from 'vitest';
import { baseUrl, openPage, screenshot, useBrowser, waitForApp } from './harness';

const ACTOR_NAME = '<img src=x onerror="window.__xss=1">';
const EVENT_TITLE = '<script>window.__xss=2</script>';
const SVG = '<svg onload=window.__xss=3>';
const OTHER = 'Ordinary Org';

function hostileDataset() {
  const text = `${ACTOR_NAME} met ${OTHER} on 3 March 2022. ${SVG} was written on the wall. ${EVENT_TITLE} too.`;
  const at = (s: string) => text.indexOf(s);
  const sentence = { start: 0, end: text.indexOf('.') + 1 };
  return {
    schemaVersion: 1,
    name: `Hostile ${EVENT_TITLE}`,
    documents: [
      {
        id: 'doc-1',
        file: 'hostile.txt',
        title: `Report ${SVG}`,
        source: `<iframe src="javascript:window.__xss=4">`,
        published: '2022-03-04',
        text,
      },
    ],
    actors: [
      { id: 'a-img', name: ACTOR_NAME, kind: 'person', aliases: [SVG] },
      { id: 'a-org', name: OTHER, kind: 'organization', aliases: [] },
    ],
    mentions: [
      { actorId: 'a-img', docId: 'doc-1', start: at(ACTOR_NAME), end: at(ACTOR_NAME) + ACTOR_NAME.length },
      { actorId: 'a-org', docId: 'doc-1', start: at(OTHER), end: at(OTHER) + OTHER.length },
    ],
    timexes: [
      {
        docId: 'doc-1',
        start: at('3 March 2022'),
        end: at('3 March 2022') + 12,
        text: '3 March 2022',
        type: 'DATE',
        value: '2022-03-03',
      },
    ],
    events: [
      {
        id: 'e-1',
        docId: 'doc-1',
        title: EVENT_TITLE,
        date: { start: '2022-03-03', precision: 'day', text: '3 March 2022', source: 'text' },
        actorIds: ['a-img', 'a-org'],
        evidence: sentence,
      },
    ],
    relations: [
      {
        id: 'r-1',
        source: 'a-img',
        target: 'a-org',
        type: 'consult',
        polarity: 'neutral',
        negated: false,
        docId: 'doc-1',
        eventId: 'e-1',
        evidence: sentence,
      },
    ],
  };
}

describe('hostile dataset strings', () => {
  const browser = useBrowser();

  it('shows them literally in every panel and never runs them', async () => {
    const body = JSON.stringify(hostileDataset());
    // Route before the first navigation: openPage navigates, so open a blank page first, then go.
    const { page, context, errors, externalRequests } = await openPage(browser(), 'about:blank');
    context.setDefaultTimeout(10_000);
    await page.route(
      (url) => url.pathname.endsWith('/hostile.json'),
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(new URL('?dataset=./hostile.json', baseUrl()).href);
    await waitForApp(page);

    // Literal text in the header, the timeline, the network and the source.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(EVENT_TITLE);
    const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
    await expect.poll(() => timeline.getByText(EVENT_TITLE, { exact: true }).count()).toBeGreaterThan(0);
    const node = page.locator('[data-testid="graph"] [data-actor-id="a-img"]');
    expect(await node.getAttribute('aria-label')).toContain(ACTOR_NAME);
    const source = page.getByRole('region', { name: 'Document text' });
    const sourceText = (await source.textContent()) ?? '';
    for (const s of [ACTOR_NAME, SVG, EVENT_TITLE]) expect(sourceText).toContain(s);

    // Select the actor and the event: labels, chips and evidence show the strings too.
    await node.click();
    await expect
      .poll(() => page.getByRole('toolbar', { name: 'Timeline tools' }).textContent())
      .toContain(`Filtered by ${ACTOR_NAME}`);
    expect((await page.locator('[data-testid="graph"] text').allTextContents()).join(' ')).toContain('<img src=x');
    await page.getByRole('combobox', { name: 'Search actors and events' }).fill('<');
    await page.getByRole('option').first().waitFor();
    const options = await page.getByRole('listbox').textContent();
    expect(options).toContain(EVENT_TITLE);
    await screenshot(page, 'security-hostile-strings');
    await page.keyboard.press('Escape');

    // No element the strings describe was created, and nothing ran.
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      img: document.querySelectorAll('img[src="x"], img[onerror]').length,
      script: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
      svg: document.querySelectorAll('svg[onload]').length,
      iframe: document.querySelectorAll('iframe').length,
    }));
    expect(injected).toEqual({ xss: undefined, img: 0, script: 0, svg: 0, iframe: 0 });
    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a dataset URL on another origin', async () => {
    const { page, context, errors, externalRequests } = await openPage(
      browser(),
      '?dataset=https://evil.example/data.json',
    );
    await waitForApp(page, { nodes: false });
    await expect
      .poll(() => page.getByRole('banner').getByRole('status').textContent())
      .toMatch(/must be a relative URL on this site/);
    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
