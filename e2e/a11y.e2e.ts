/** Accessibility: axe (WCAG 2.x A/AA) in the main states, and a keyboard walk with a visible focus ring. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mostConnectedActor, openApp, screenshot, seriousA11yViolations, useBrowser } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8_000, interval: 100 });

/** Where the keyboard focus is, what it is, and whether it is drawn. */
interface FocusInfo {
  area: 'search' | 'filter' | 'timeline' | 'node' | 'source' | 'other';
  what: string;
  focusVisible: boolean;
  ringVisible: boolean;
}

function describeFocus(page: Page): Promise<FocusInfo> {
  return page.evaluate((): FocusInfo => {
    const el = document.activeElement;
    if (!el || el === document.body) return { area: 'other', what: 'body', focusVisible: false, ringVisible: false };
    const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(
      el.getAttribute('aria-label') ??
      el.textContent ??
      ''
    )
      .trim()
      .slice(0, 40)}"`;
    const area: FocusInfo['area'] =
      el.getAttribute('role') === 'combobox' && el.closest('search, [role="search"]')
        ? 'search'
        : el.closest('[role="group"][aria-label="Filters"]') && el.hasAttribute('aria-expanded')
          ? 'filter'
          : el.closest('[data-testid="timeline-canvas"]')
            ? 'timeline'
            : el.matches('[data-testid="graph"] [data-actor-id]')
              ? 'node'
              : el.getAttribute('aria-label') === 'Document text' || el.closest('[aria-label="Document text"]')
                ? 'source'
                : 'other';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    // SVG nodes draw their ring as a dashed circle (outlines do not work on SVG groups everywhere).
    const ring = el.querySelector('.node-focus');
    const svgRing = ring ? getComputedStyle(ring).visibility === 'visible' : false;
    return { area, what, focusVisible: el.matches(':focus-visible'), ringVisible: outline || shadow || svgRing };
  });
}

describe('accessibility', () => {
  const browser = useBrowser();

  it('has no serious or critical axe violation in the main view, with an actor selected, as a table, with a filter menu open', async () => {
    const { page, context, errors, ds } = await openApp(browser());
    const found: Record<string, string[]> = {};

    found['main view'] = await seriousA11yViolations(page);

    const actor = mostConnectedActor(ds);
    await page.locator(`[data-testid="graph"] [data-actor-id="${actor.id}"]`).click();
    await poll(() => page.getByRole('button', { name: `Clear actor filter (${actor.name})` }).count()).toBe(1);
    found['actor selected'] = await seriousA11yViolations(page);
    await screenshot(page, 'a11y-actor-selected');

    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('table', { name: /^Actors/ }).waitFor();
    found['table view'] = await seriousA11yViolations(page);
    await screenshot(page, 'a11y-table');

    await page
      .getByRole('group', { name: 'Filters' })
      .getByRole('button', { name: /^Relation/ })
      .click();
    await page.getByRole('group', { name: 'Relation filter' }).waitFor();
    found['filter menu open'] = await seriousA11yViolations(page);
    await screenshot(page, 'a11y-filter-menu');

    expect(found).toEqual({ 'main view': [], 'actor selected': [], 'table view': [], 'filter menu open': [] });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches search, filters, timeline, a network node and the source text with Tab, each with a visible focus ring', async () => {
    const { page, context, errors } = await openApp(browser());
    const wanted: FocusInfo['area'][] = ['search', 'filter', 'timeline', 'node', 'source'];
    const reached = new Map<FocusInfo['area'], FocusInfo>();
    const order: string[] = [];
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 400 && wanted.some((a) => !reached.has(a)); i++) {
      await page.keyboard.press('Tab');
      const info = await describeFocus(page);
      order.push(`${info.area}: ${info.what}`);
      if (!reached.has(info.area)) reached.set(info.area, info);
      if (info.area === 'node') await screenshot(page, 'a11y-keyboard-node-focus');
    }
    const missing = wanted.filter((a) => !reached.has(a));
    expect(missing, `Tab order was:\n${order.join('\n')}`).toEqual([]);
    const noRing = wanted
      .map((a) => reached.get(a))
      .filter((info): info is FocusInfo => !!info && !(info.focusVisible && info.ringVisible));
    expect(noRing).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
