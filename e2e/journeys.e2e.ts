/**
 * User journeys across the three linked panels on the bundled dataset. Expectations are computed from the dataset
 * the page loaded (it changes as the extractor improves), never hard-coded names or counts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  dateSpan,
  edgeCount,
  loadedDataset,
  mostConnectedActor,
  neighboursOf,
  nodeStates,
  openApp,
  openPage,
  pairKeyOf,
  parseWindowParam,
  screenshot,
  settledHash,
  type TestDataset,
  timelineCount,
  useBrowser,
  waitForApp,
} from './harness';

const node = (page: Page, id: string) => page.locator(`[data-testid="graph"] [data-actor-id="${id}"]`);
const edges = (page: Page) => page.locator('[data-testid="graph"] [data-edge-key]');
const timelineTools = (page: Page) => page.getByRole('toolbar', { name: 'Timeline tools' });
const sourceRegion = (page: Page) => page.getByRole('region', { name: 'Source text', exact: true });
const docSelect = (page: Page) => sourceRegion(page).getByRole('combobox', { name: 'Document' });
const scroller = (page: Page) => page.getByRole('region', { name: 'Document text' });

/** expect.poll with a timeout that suits a busy 2-core machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8_000, interval: 100 });

const eventsWith = (ds: TestDataset, id: string) => ds.events.filter((e) => e.actorIds.includes(id));
const mentionsIn = (ds: TestDataset, actorId: string, docId: string) =>
  ds.mentions.filter((m) => m.actorId === actorId && m.docId === docId).length;
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

const open = openApp;

/** Nodes in `lit` are drawn at full strength and every other drawn node is dimmed (or nothing is dimmed). */
async function expectLit(page: Page, lit: Set<string> | null): Promise<void> {
  await poll(async () => {
    const states = await nodeStates(page);
    return states
      .filter((s) => (lit === null || lit.has(s.id) ? s.opacity < 0.9 : s.opacity > 0.5))
      .map((s) => `${s.id}@${s.opacity}`);
  }).toEqual([]);
}

/** Every panel reflects the selected actor: pressed node, lit neighbours, filtered timeline, documents listed. */
async function expectActorSelected(page: Page, ds: TestDataset, id: string): Promise<void> {
  const actor = ds.actors.find((a) => a.id === id);
  if (!actor) throw new Error(`no actor ${id}`);
  await poll(() => node(page, id).getAttribute('aria-pressed')).toBe('true');
  expect((await nodeStates(page)).filter((s) => s.pressed).map((s) => s.id)).toEqual([id]);
  await expectLit(page, new Set([id, ...neighboursOf(ds, id)]));

  // Timeline: the chip, and only this actor's events (drawn + undated).
  const chip = timelineTools(page).getByText('Filtered by');
  await poll(() => chip.isVisible()).toBe(true);
  expect(norm(await chip.textContent())).toContain(actor.name);
  await poll(async () => {
    const c = await timelineCount(page);
    return c.shown + c.undated;
  }).toBe(eventsWith(ds, id).length);

  // Source: the documents that mention the actor, with their mention counts.
  const docs = ds.documents.map((d) => ({ d, n: mentionsIn(ds, id, d.id) })).filter((x) => x.n > 0);
  const nav = page.getByRole('navigation', { name: `Documents mentioning ${actor.name}` });
  await poll(() => nav.getByRole('button').count()).toBe(docs.length);
  const labels = (await nav.getByRole('button').allTextContents()).map(norm);
  docs.forEach(({ n }, i) => expect(labels[i]).toContain(`${n} mention${n === 1 ? '' : 's'}`));

  // Open the document with the most mentions: its marks of this actor are highlighted, the others are not.
  const best = [...docs].sort((a, b) => b.n - a.n)[0];
  if (best) {
    await nav.getByRole('button').nth(docs.indexOf(best)).click();
    await poll(() => docSelect(page).inputValue()).toBe(best.d.id);
    const marks = scroller(page).locator(`mark[data-actor-id="${id}"]`);
    await poll(() => marks.count()).toBe(best.n);
    const unselected = await marks.evaluateAll(
      (els: Element[]) => els.filter((el) => !el.classList.contains('is-selected')).length,
    );
    expect(unselected).toBe(0);
    const others = await scroller(page)
      .locator(`mark[data-actor-id]:not([data-actor-id="${id}"])`)
      .evaluateAll((els: Element[]) => els.filter((el) => el.classList.contains('is-selected')).length);
    expect(others).toBe(0);
  }
}

/** Nothing selected: no pressed node, nothing dimmed, the whole timeline. */
async function expectNothingSelected(page: Page, ds: TestDataset): Promise<void> {
  await poll(async () => (await nodeStates(page)).filter((s) => s.pressed).length).toBe(0);
  await expectLit(page, null);
  expect(await timelineTools(page).getByText('Filtered by').count()).toBe(0);
  await poll(async () => {
    const c = await timelineCount(page);
    return c.shown + c.undated;
  }).toBe(ds.events.length);
}

describe('journeys across the linked panels', () => {
  const browser = useBrowser();

  it('selects an actor from its network node, and clearing the chip restores everything', async () => {
    const { page, context, errors, externalRequests, ds } = await open(browser());
    const actor = mostConnectedActor(ds);
    await node(page, actor.id).click();
    await expectActorSelected(page, ds, actor.id);
    await screenshot(page, 'journey-actor-selected');

    await page.getByRole('button', { name: `Clear actor filter (${actor.name})` }).click();
    await expectNothingSelected(page, ds);
    expect(errors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await context.close();
  });

  it('selects an actor from a mention in the source text and from the search box', async () => {
    const { page, context, errors, ds } = await open(browser());
    // A mention in the open document.
    const mark = scroller(page).locator('mark[data-actor-id]').first();
    const fromText = (await mark.getAttribute('data-actor-id')) ?? '';
    await mark.getByRole('button').click();
    await expectActorSelected(page, ds, fromText);
    await screenshot(page, 'journey-actor-from-text');
    await page.keyboard.press('Escape');
    await expectNothingSelected(page, ds);

    // The search box: part of a name, then the option in the listbox.
    const actor = mostConnectedActor(ds);
    const part = actor.name.slice(0, Math.max(3, Math.ceil(actor.name.length * 0.6)));
    const search = page.getByRole('combobox', { name: 'Search actors and events' });
    await search.fill(part);
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    const option = listbox.getByRole('option').filter({ hasText: actor.name }).first();
    await option.waitFor();
    await screenshot(page, 'journey-search-listbox');
    await option.click();
    await poll(() => listbox.isVisible()).toBe(false);
    // The search text stays as a filter: only the drawn nodes are checked, against the full neighbour set.
    await expectActorSelected(page, ds, actor.id);
    await screenshot(page, 'journey-actor-from-search');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects a timeline event: its actors light up and the source scrolls to its evidence', async () => {
    const { page, context, errors, ds } = await open(browser());
    // The event whose evidence is furthest into its document, so the text has to scroll.
    const event = [...ds.events]
      .filter((e) => e.actorIds.length >= 2 && dateSpan(e.date))
      .sort((a, b) => b.evidence.start - a.evidence.start)[0];
    if (!event) throw new Error('the dataset has no dated event with two actors');
    const item = page.locator(`[data-testid="timeline-canvas"] [data-event-id="${event.id}"]`);
    await item.focus();
    await page.keyboard.press('Enter');

    await expectLit(page, new Set(event.actorIds));
    await poll(() => docSelect(page).inputValue()).toBe(event.docId);
    const doc = ds.documents.find((d) => d.id === event.docId);
    const emphasis = scroller(page).locator('[data-emphasis]');
    await poll(() => emphasis.count()).toBe(1);
    expect(norm(await emphasis.textContent())).toBe(
      norm(doc?.text.slice(event.evidence.start, event.evidence.end) ?? ''),
    );
    // Scrolled into view: the sentence overlaps the scroller's visible box.
    await poll(async () => {
      const [box, view] = await Promise.all([emphasis.boundingBox(), scroller(page).boundingBox()]);
      if (!box || !view) return 'no box';
      return box.y < view.y + view.height && box.y + box.height > view.y
        ? 'visible'
        : `at ${box.y} outside ${view.y}+${view.height}`;
    }).toBe('visible');
    await poll(() =>
      sourceRegion(page)
        .getByText(/Evidence for/)
        .isVisible(),
    ).toBe(true);
    await screenshot(page, 'journey-event-selected');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects an edge (in the graph and in the relations table) and opens its evidence in the text', async () => {
    const { page, context, errors, ds } = await open(browser());
    const pairRelations = (a: string, b: string) =>
      ds.relations.filter((r) => pairKeyOf(r.source, r.target) === pairKeyOf(a, b));

    // Graph: click the middle of an edge that nothing covers there.
    const target = await edges(page).evaluateAll((els) => {
      for (const el of els) {
        const line = el.querySelector('line');
        if (!line) continue;
        const r = line.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (document.elementFromPoint(x, y)?.closest('[data-edge-key]') === el) {
          return { source: el.getAttribute('data-source') ?? '', target: el.getAttribute('data-target') ?? '', x, y };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    const edge = page.locator(
      `[data-testid="graph"] [data-edge-key][data-source="${target.source}"][data-target="${target.target}"]`,
    );
    await poll(() => edge.getAttribute('aria-pressed')).toBe('true');
    const source = (await edge.getAttribute('data-source')) ?? '';
    const dest = (await edge.getAttribute('data-target')) ?? '';
    const evidence = page.getByRole('complementary', { name: /Evidence/ });
    await poll(() => evidence.getByRole('listitem').count()).toBe(pairRelations(source, dest).length);
    await expectLit(page, new Set([source, dest]));
    await screenshot(page, 'journey-edge-graph');
    await evidence.getByRole('button', { name: 'Close evidence' }).click();

    // Table: the first relation row.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const rowButton = page.getByRole('button', { name: /: show evidence for / }).first();
    await rowButton.click();
    await poll(() => rowButton.getAttribute('aria-pressed')).toBe('true');
    const heading = norm(await evidence.getByRole('heading').textContent());
    const pair = ds.relations.find((r) => {
      const name = (id: string) => ds.actors.find((a) => a.id === id)?.name;
      return heading === `Evidence: ${name(r.source)} and ${name(r.target)}`;
    });
    expect(pair, heading).toBeDefined();
    if (!pair) return;
    const relations = pairRelations(pair.source, pair.target);
    await poll(() => evidence.getByRole('listitem').count()).toBe(relations.length);
    const first = relations[0];
    if (!first) return;
    await evidence
      .getByRole('button', { name: /^Open in text/ })
      .first()
      .click();
    await poll(() => docSelect(page).inputValue()).toBe(first.docId);
    const doc = ds.documents.find((d) => d.id === first.docId);
    const emphasis = scroller(page).locator('[data-emphasis]');
    await poll(async () => norm(await emphasis.textContent())).toBe(
      norm(doc?.text.slice(first.evidence.start, first.evidence.end) ?? ''),
    );
    await screenshot(page, 'journey-edge-table-open-in-text');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('brushes a time window: the network keeps the relations evidenced in it; Escape clears it', async () => {
    const { page, context, errors, ds } = await open(browser());
    const before = await edges(page).count();
    expect(before).toBe(edgeCount(ds.relations));

    // Aim the view at the median dated relation, a few zoom steps in.
    const spans = ds.relations
      .map((r) => {
        const date = r.date ?? ds.events.find((e) => e.id === r.eventId)?.date;
        return { r, span: date ? dateSpan(date) : undefined };
      })
      .filter((x): x is { r: TestDataset['relations'][number]; span: { start: number; end: number } } => !!x.span);
    const mids = spans.map((x) => (x.span.start + x.span.end) / 2).sort((a, b) => a - b);
    const aim = mids[Math.floor(mids.length / 2)] ?? 0;

    const canvas = page.getByTestId('timeline-canvas');
    const useView = page.getByRole('button', { name: 'Use view as time window' });
    const currentWindow = async () => {
      const win = new URLSearchParams(await settledHash(page)).get('win');
      if (!win) throw new Error('no time window in the link');
      return parseWindowParam(win);
    };
    await canvas.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('+');
    await useView.click();
    let win = await currentWindow();
    const steps = Math.round((aim - (win.start + win.end) / 2) / (0.2 * (win.end - win.start)));
    await canvas.focus();
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await useView.click();
    win = await currentWindow();

    const inWindow = spans.filter((x) => x.span.start < win.end && win.start < x.span.end).map((x) => x.r);
    const expected = edgeCount(inWindow);
    await poll(() => edges(page).count()).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(before);
    await poll(() =>
      timelineTools(page)
        .getByText(/^Window:/)
        .isVisible(),
    ).toBe(true);
    await screenshot(page, 'journey-time-window');

    await canvas.focus();
    await page.keyboard.press('Escape');
    await poll(() => edges(page).count()).toBe(before);
    expect(
      await timelineTools(page)
        .getByText(/^Window:/)
        .count(),
    ).toBe(0);
    expect(new URLSearchParams(await settledHash(page)).get('win')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by actor kind and relation type: all panels agree', async () => {
    const { page, context, errors, ds } = await open(browser());
    const kindOf = new Map(ds.actors.map((a) => [a.id, a.kind]));
    // The kind with the most relations inside it, and the most frequent relation type there.
    const within = (kind: string) =>
      ds.relations.filter(
        (r) => r.source !== r.target && kindOf.get(r.source) === kind && kindOf.get(r.target) === kind,
      );
    const kind =
      [...new Set(ds.actors.map((a) => a.kind))].sort((a, b) => within(b).length - within(a).length)[0] ?? '';
    const types = new Map<string, number>();
    for (const r of within(kind)) types.set(r.type, (types.get(r.type) ?? 0) + 1);
    const type = [...types.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ds.relations[0]?.type ?? 'cooperate';
    const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

    const filterButton = (name: string) =>
      page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: new RegExp(`^${name}`) });
    const menu = async (name: string, chip: string) => {
      await filterButton(name).click();
      const group = page.getByRole('group', { name: `${name} filter` });
      await group
        .getByRole('button', { name: new RegExp(`\\b${label(chip)}\\b`) })
        .first()
        .click();
      await poll(() => filterButton(name).textContent()).toMatch(/1 of/);
    };
    await menu('Actor kind', kind);
    await screenshot(page, 'journey-filter-menu-open');
    await page.keyboard.press('Escape');
    await menu('Relation', type);
    await page.keyboard.press('Escape');

    const visible = ds.actors.filter((a) => a.kind === kind);
    const visibleIds = new Set(visible.map((a) => a.id));
    await poll(async () => (await nodeStates(page)).length).toBe(visible.length);
    const drawnKinds = new Set((await nodeStates(page)).map((s) => kindOf.get(s.id)));
    expect([...drawnKinds]).toEqual([kind]);
    const expectedEdges = edgeCount(
      ds.relations.filter((r) => r.type === type && visibleIds.has(r.source) && visibleIds.has(r.target)),
    );
    await poll(() => edges(page).count()).toBe(expectedEdges);
    const expectedEvents = ds.events.filter(
      (e) => e.actorIds.length === 0 || e.actorIds.some((id) => visibleIds.has(id)),
    ).length;
    await poll(async () => {
      const c = await timelineCount(page);
      return c.shown + c.undated;
    }).toBe(expectedEvents);
    const markKinds = await scroller(page)
      .locator('mark[data-actor-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-actor-id') ?? ''));
    expect(markKinds.filter((id) => kindOf.get(id) !== kind)).toEqual([]);
    await screenshot(page, 'journey-filters');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await poll(async () => (await nodeStates(page)).length).toBe(ds.actors.length);
    await poll(() => edges(page).count()).toBe(edgeCount(ds.relations));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the network as a table: one row per visible actor, Enter on a row selects it', async () => {
    const { page, context, errors, ds } = await open(browser());
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const actorsTable = page.getByRole('table', { name: /^Actors/ });
    await poll(() => actorsTable.locator('tbody tr').count()).toBe(ds.actors.length);
    expect(norm(await actorsTable.locator('caption').textContent())).toContain(`(${ds.actors.length})`);

    const actor = mostConnectedActor(ds);
    const row = actorsTable.getByRole('button', { name: actor.name, exact: true });
    await row.focus();
    await page.keyboard.press('Enter');
    await poll(() => row.getAttribute('aria-pressed')).toBe('true');
    await poll(() => timelineTools(page).getByText('Filtered by').textContent()).toContain(actor.name);
    await poll(async () => {
      const c = await timelineCount(page);
      return c.shown + c.undated;
    }).toBe(eventsWith(ds, actor.id).length);
    await screenshot(page, 'journey-table');
    expect(errors).toEqual([]);
    await context.close();
  });

  // What vis-timeline stacks with must be what it draws: it measured labelled points before adding their dot's
  // margin, and bands resized in place were never measured again, so a label could run under its neighbour (seen at
  // 1920 px). Overlaps depend on the data's geometry; the widths check catches the cause wherever it is.
  it('draws no timeline item over another, before and after a selection, at 1366 and 1920 px', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const { page, context, errors } = await openPage(browser(), '', viewport);
      await waitForApp(page);
      const ds = await loadedDataset(page);
      const overlaps = () =>
        page.evaluate(() => {
          const boxes = [...document.querySelectorAll('[data-testid="timeline"] .vis-item:not(.vis-background)')]
            .map((el) => ({
              text: (el.textContent ?? '').trim().slice(0, 40),
              box: el.getBoundingClientRect(),
              // The width vis-timeline stacked the item with (its item object hangs on the element).
              stacked: (el as unknown as Record<string, { width?: number } | undefined>)['vis-item']?.width,
            }))
            .filter((b) => b.text !== '' && b.box.width > 0);
          const out: string[] = [];
          for (const b of boxes)
            if (b.stacked !== undefined && Math.abs(b.stacked - b.box.width) > 1)
              out.push(`"${b.text}" is ${b.box.width.toFixed(1)} px wide but stacked as ${b.stacked.toFixed(1)}`);
          for (const a of boxes)
            for (const b of boxes)
              if (
                a !== b &&
                Math.abs(a.box.top - b.box.top) < 1 &&
                a.box.left <= b.box.left &&
                a.box.right > b.box.left + 0.5
              )
                out.push(`"${a.text}" runs over "${b.text}"`);
          return out;
        });
      await page.waitForTimeout(300);
      expect(await overlaps()).toEqual([]);
      await node(page, mostConnectedActor(ds).id).first().click();
      await poll(() => timelineTools(page).getByText('Filtered by').count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await overlaps()).toEqual([]);
      for (let i = 0; i < 3; i++) {
        await timelineTools(page)
          .getByRole('button', { name: /zoom out/i })
          .click();
        await page.waitForTimeout(400);
        expect(await overlaps()).toEqual([]);
      }
      await screenshot(page, `timeline-no-overlap-${viewport.width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('lays out the main view at 1920x1080', async () => {
    const { page, context, errors } = await openPage(browser(), '', { width: 1920, height: 1080 });
    await waitForApp(page);
    await page.waitForTimeout(300);
    await screenshot(page, 'main-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  });
});
