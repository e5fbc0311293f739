/** The view lives in the URL fragment: a reload restores it, a bad link falls back with a notice. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  mostConnectedActor,
  nodeStates,
  openApp,
  screenshot,
  settledHash,
  timelineCount,
  useBrowser,
  waitForApp,
} from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8_000, interval: 100 });
const timelineTools = (page: Page) => page.getByRole('toolbar', { name: 'Timeline tools' });
const docSelect = (page: Page) =>
  page.getByRole('region', { name: 'Source text', exact: true }).getByRole('combobox', { name: 'Document' });
const kindButton = (page: Page) =>
  page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: /^Actor kind/ });
const notice = (page: Page) => page.getByRole('banner').getByRole('status');
const pressedIds = async (page: Page) => (await nodeStates(page)).filter((s) => s.pressed).map((s) => s.id);
const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const open = openApp;

describe('the view in the URL', () => {
  const browser = useBrowser();

  it('restores a view (actor, kind filter, time window, open document) after a reload', async () => {
    const { page, context, errors, ds } = await open(browser());
    const actor = mostConnectedActor(ds);
    await page.locator(`[data-testid="graph"] [data-actor-id="${actor.id}"]`).click();
    await poll(() => pressedIds(page)).toEqual([actor.id]);

    await kindButton(page).click();
    await page
      .getByRole('group', { name: 'Actor kind filter' })
      .getByRole('button', { name: new RegExp(`\\b${label(actor.kind)}\\b`) })
      .first()
      .click();
    await page.keyboard.press('Escape');

    const canvas = page.getByTestId('timeline-canvas');
    await canvas.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('+');
    await page.getByRole('button', { name: 'Use view as time window' }).click();

    // A document other than the first (which is the default and so not written in the link).
    const mentioned = new Set(ds.mentions.filter((m) => m.actorId === actor.id).map((m) => m.docId));
    const others = ds.documents.slice(1);
    const doc = others.find((d) => mentioned.has(d.id)) ?? others[0];
    if (doc) await docSelect(page).selectOption(doc.id);

    const hash = await settledHash(page);
    const params = new URLSearchParams(hash);
    expect(params.get('v')).toBe('1');
    expect(params.get('actor')).toBe(actor.id);
    expect(params.get('kinds')).toBe(actor.kind);
    expect(params.get('win')).toMatch(/^\d{4}-\d{2}-\d{2}.*\.\.\d{4}-\d{2}-\d{2}/);
    if (doc) expect(params.get('open')).toBe(doc.id);
    const windowChip = norm(
      await timelineTools(page)
        .getByText(/^Window:/)
        .textContent(),
    );
    const before = { events: await timelineCount(page), nodes: (await nodeStates(page)).length };

    await page.reload();
    await waitForApp(page);
    await poll(() => pressedIds(page)).toEqual([actor.id]);
    await poll(() => timelineTools(page).getByText('Filtered by').textContent()).toContain(actor.name);
    expect(
      norm(
        await timelineTools(page)
          .getByText(/^Window:/)
          .textContent(),
      ),
    ).toBe(windowChip);
    expect(await kindButton(page).textContent()).toMatch(/1 of/);
    if (doc) expect(await docSelect(page).inputValue()).toBe(doc.id);
    expect(await timelineCount(page)).toEqual(before.events);
    expect((await nodeStates(page)).length).toBe(before.nodes);
    expect(await notice(page).count()).toBe(0);
    expect(await settledHash(page)).toBe(hash);
    await screenshot(page, 'url-restored-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a malformed link (#v=99&actor=zzz) on the default view, with a notice', async () => {
    const { page, context, errors, ds } = await open(browser(), '#v=99&actor=zzz');
    await poll(() => notice(page).textContent()).toMatch(/ignored.*different version.*default view/i);
    expect(await pressedIds(page)).toEqual([]);
    const c = await timelineCount(page);
    expect(c.shown + c.undated).toBe(ds.events.length);
    expect((await nodeStates(page)).length).toBe(ds.actors.length);
    await screenshot(page, 'url-malformed-notice');
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await poll(() => notice(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('applies the rest of a link whose actor is unknown, with a notice; a pasted link applies live', async () => {
    const probe = await open(browser());
    const kind = mostConnectedActor(probe.ds).kind;
    await probe.context.close();

    const { page, context, errors, ds } = await open(browser(), `#v=1&actor=zzz&kinds=${kind}&net=table`, false);
    await poll(() => notice(page).textContent()).toMatch(/actor "zzz" is not in this dataset/);
    expect(await kindButton(page).textContent()).toMatch(/1 of/);
    expect(await page.getByRole('button', { name: 'Table', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const rows = page.getByRole('table', { name: /^Actors/ }).locator('tbody tr');
    await poll(() => rows.count()).toBe(ds.actors.filter((a) => a.kind === kind).length);
    expect(await page.getByRole('button', { name: /^Clear actor filter/ }).count()).toBe(0);
    await screenshot(page, 'url-unknown-actor-notice');

    // A link pasted into the address bar of the open app (hashchange) applies too.
    const actor = mostConnectedActor(ds);
    await page.evaluate((id) => {
      window.location.hash = `v=1&actor=${encodeURIComponent(id)}`;
    }, actor.id);
    await poll(() => page.getByRole('button', { name: 'Graph', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await waitForApp(page);
    await poll(() => pressedIds(page)).toEqual([actor.id]);
    expect(await kindButton(page).textContent()).toMatch(/all/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

function norm(s: string | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
