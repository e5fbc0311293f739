import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../../app/store-provider';
import type { Dataset } from '../../model/schema';
import { createAppStore } from '../../store/create-app-store';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { quoted } from './evidence-list';
import { NetworkPanel } from './network-panel';

// d3-zoom needs a real browser (event.view); the panel's behaviour does not.
vi.mock('./zoom-controller', () => ({
  createZoomController: () => ({
    update: vi.fn(),
    zoomBy: vi.fn(),
    fit: vi.fn(),
    ensureVisible: vi.fn(),
    getTransform: () => ({ x: 0, y: 0, k: 1 }),
    destroy: vi.fn(),
  }),
}));

afterEach(cleanup);

function renderPanel(dataset: Dataset = smallDataset) {
  const store = createAppStore(dataset);
  const utils = render(
    <StoreProvider dataset={dataset} store={store}>
      <NetworkPanel />
    </StoreProvider>,
  );
  return { store, ...utils };
}

const node = (container: HTMLElement, id: string) => {
  const el = container.querySelector(`[data-testid="graph"] [data-actor-id="${id}"]`);
  if (!el) throw new Error(`no node ${id}`);
  return el;
};

describe('NetworkPanel graph', () => {
  it('draws every visible actor as a button named by the actor', () => {
    const { container } = renderPanel();
    for (const actor of smallDataset.actors) {
      expect(screen.getByRole('button', { name: new RegExp(`^${actor.name}, ${actor.kind}`) })).toBeInTheDocument();
    }
    expect(container.querySelectorAll('[data-testid="graph"] [data-actor-id]')).toHaveLength(
      smallDataset.actors.length,
    );
  });

  it('selects an actor on click: aria-pressed, neighbours lit, everything else dimmed', async () => {
    const user = userEvent.setup();
    const { store, container } = renderPanel();
    const berg = screen.getByRole('button', { name: /^Anna Berg,/ });
    expect(berg).toHaveAttribute('aria-pressed', 'false');
    await user.click(berg);
    expect(store.getState().selectedActorId).toBe('a-berg');
    expect(berg).toHaveAttribute('aria-pressed', 'true');
    // Berg's neighbours: Haddad (consult) and the Coalition (affiliation).
    // Dimming is CSS: inside a .has-highlight graph, everything that is not .is-lit is dimmed.
    expect(screen.getByTestId('graph')).toHaveClass('has-highlight');
    for (const id of ['a-berg', 'a-haddad', 'a-rhc']) expect(node(container, id)).toHaveClass('is-lit');
    for (const id of ['a-northland', 'a-southland', 'a-wra', 'a-geneva', 'a-fund']) {
      expect(node(container, id)).not.toHaveClass('is-lit');
    }
    const litEdges = [...container.querySelectorAll('[data-edge-key].is-lit')].map((e) =>
      [e.getAttribute('data-source'), e.getAttribute('data-target')].join('>'),
    );
    expect(litEdges.sort()).toEqual(['a-berg>a-haddad', 'a-berg>a-rhc']);
    // Clicking it again clears the selection.
    await user.click(berg);
    expect(store.getState().selectedActorId).toBeNull();
    expect(screen.getByTestId('graph')).not.toHaveClass('has-highlight');
  });

  it('is keyboard operable: one tab stop, arrows move, Enter selects, Escape clears', async () => {
    const user = userEvent.setup();
    const { store, container } = renderPanel();
    const focusable = container.querySelectorAll('[data-testid="graph"] [data-actor-id][tabindex="0"]');
    expect(focusable).toHaveLength(1);
    const first = focusable[0] as SVGGElement;
    act(() => first.focus());
    await user.keyboard('{ArrowRight}');
    const second = document.activeElement;
    expect(second).not.toBe(first);
    expect(second?.getAttribute('data-actor-id')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(store.getState().selectedActorId).toBe(second?.getAttribute('data-actor-id'));
    expect(second).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(store.getState().selectedActorId).toBeNull();
  });

  it('sets the hovered actor on pointer enter and clears it on leave', () => {
    const { store, container } = renderPanel();
    fireEvent.pointerEnter(node(container, 'a-wra'));
    expect(store.getState().hoveredActorId).toBe('a-wra');
    fireEvent.pointerLeave(node(container, 'a-wra'));
    expect(store.getState().hoveredActorId).toBeNull();
  });

  it('lists the evidence sentences of a clicked edge, each opening its place in the text', async () => {
    const user = userEvent.setup();
    const { store, container } = renderPanel();
    const edge = container.querySelector('[data-edge-key][data-source="a-northland"][data-target="a-southland"]');
    expect(edge).not.toBeNull();
    expect(edge).toHaveAttribute('role', 'button');
    await user.click(edge as Element);
    expect(store.getState().selectedEdge).toEqual({ source: 'a-northland', target: 'a-southland' });
    const aside = await screen.findByRole('complementary', { name: /Evidence/ }, { timeout: 5000 });
    const items = within(aside).getAllByRole('listitem');
    // consult (doc-a), attack (doc-b), cooperate (doc-c).
    expect(items).toHaveLength(3);
    expect(aside).toHaveTextContent('Northland and Southland agreed to consult each other weekly.');
    expect(aside).toHaveTextContent('Talks in Geneva');
    const open = within(items[0] as HTMLElement).getByRole('button', { name: /Open in text/ });
    await user.click(open);
    const rel = smallDataset.relations.find((r) => r.id === 'r-consult')!;
    expect(store.getState().openDocId).toBe(rel.docId);
    expect(store.getState().emphasis).toEqual(rel.evidence);
  });

  it('shows a negated relation as negated, never as its positive type', async () => {
    const user = userEvent.setup();
    const { container } = renderPanel();
    const edge = container.querySelector('[data-edge-key][data-source="a-haddad"][data-target="a-southland"]');
    expect(edge).toHaveClass('is-negated');
    expect(edge?.getAttribute('aria-label')).toContain('not support');
    await user.click(edge as Element);
    const aside = await screen.findByRole('complementary', { name: /Evidence/ }, { timeout: 5000 });
    expect(aside).toHaveTextContent('not support');
    expect(aside).toHaveTextContent('negated');
  });

  it('draws an arrow when all relations of an edge share a direction', () => {
    const { container } = renderPanel();
    const directed = container.querySelector('[data-source="a-wra"][data-target="a-southland"] .edge-line');
    expect(directed?.getAttribute('marker-end')).toMatch(/^url\(#/);
  });

  it('renders names as text, never as markup', () => {
    const evil = '<script>alert(1)</script>';
    const dataset: Dataset = {
      ...smallDataset,
      actors: smallDataset.actors.map((a) => (a.id === 'a-fund' ? { ...a, name: evil } : a)),
    };
    const { container, store } = renderPanel(dataset);
    act(() => store.getState().selectActor('a-fund'));
    expect(container.querySelector('script')).toBeNull();
    const labels = [...container.querySelectorAll('.labels text')].map((t) => t.textContent);
    expect(labels.some((t) => t?.startsWith('<script>'))).toBe(true);
    expect(
      screen.getByRole('button', { name: new RegExp(`^${evil.replace(/[()]/g, '\\$&')}, other`) }),
    ).toBeInTheDocument();
  });

  it('marks a rendered selection for the benchmark', async () => {
    const { store } = renderPanel();
    performance.clearMarks('network:updated');
    act(() => store.getState().selectActor('a-wra'));
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(performance.getEntriesByName('network:updated').length).toBeGreaterThan(0);
  });
});

describe('NetworkPanel table', () => {
  it('switches to tables with one row per visible actor and per visible relation', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Table' }));
    expect(store.getState().networkView).toBe('table');
    const actors = await screen.findByRole('table', { name: /^Actors/ }, { timeout: 5000 });
    expect(within(actors).getAllByRole('row')).toHaveLength(smallDataset.actors.length + 1);
    const relations = screen.getByRole('table', { name: /^Relations/ });
    expect(within(relations).getAllByRole('row')).toHaveLength(smallDataset.relations.length + 1);
    expect(
      within(actors)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name ↕', 'Kind ↕', 'Mentions ▼', 'Relations ↕']);
  });

  it('follows the filters, sorts by header buttons and selects from a row', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Table' }));
    act(() => store.getState().setFilters({ actorKinds: ['person', 'country'] }));
    const actors = await screen.findByRole('table', { name: /^Actors/ }, { timeout: 5000 });
    expect(within(actors).getAllByRole('row')).toHaveLength(5);
    await user.click(within(actors).getByRole('button', { name: /^Name/ }));
    const names = within(actors)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(names).toEqual(['Anna Berg', 'Northland', 'Omar Haddad', 'Southland']);
    expect(within(actors).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(actors).getByRole('button', { name: 'Omar Haddad' }));
    expect(store.getState().selectedActorId).toBe('a-haddad');
  });
});

describe('quoted', () => {
  it('adds quote marks only to a sentence that has none of its own', () => {
    expect(quoted('The talks ended.')).toBe('“The talks ended.”');
    expect(quoted('“The decision was made,” it said.')).toBe('“The decision was made,” it said.');
    expect(quoted('He said: "no".')).toBe('“He said: "no".”');
    expect(quoted('He called it “final”')).toBe('He called it “final”');
    expect(quoted('  ')).toBe('');
  });
});
