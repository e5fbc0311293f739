import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../../app/store-provider';
import type { Dataset } from '../../model/schema';
import { createAppStore, type AppStore } from '../../store/create-app-store';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { ACTOR_DOCS_STEP, FIRST_ACTOR_DOCS, SourcePanel } from './source-panel';

const scrollIntoView = vi.fn();

beforeEach(() => {
  scrollIntoView.mockClear();
  Element.prototype.scrollIntoView = scrollIntoView;
});
afterEach(cleanup);

function renderPanel(dataset: Dataset = smallDataset): AppStore {
  const store = createAppStore(dataset);
  render(
    <StoreProvider dataset={dataset} store={store}>
      <SourcePanel />
    </StoreProvider>,
  );
  return store;
}

const mentionsOf = (actorId: string) => [
  ...document.querySelectorAll<HTMLElement>(`mark.mention[data-actor-id="${actorId}"]`),
];

/** The small dataset plus `copies` copies of doc-a (same text and mentions): Anna Berg becomes a hub actor. */
function withDocACopies(copies: number): { dataset: Dataset; extra: Dataset['documents'] } {
  const docA = smallDataset.documents.find((d) => d.id === 'doc-a');
  if (!docA) throw new Error('fixture: doc-a');
  const extra = Array.from({ length: copies }, (_, i) => ({ ...docA, id: `copy-${String(i).padStart(3, '0')}` }));
  const copiesOfA = (docId: string) =>
    smallDataset.mentions.filter((m) => m.docId === 'doc-a').map((m) => ({ ...m, docId }));
  const dataset: Dataset = {
    ...smallDataset,
    documents: [...smallDataset.documents, ...extra],
    mentions: [...smallDataset.mentions, ...extra.flatMap((d) => copiesOfA(d.id))],
  };
  return { dataset, extra };
}

describe('SourcePanel', () => {
  it('lists the documents with title, source and date, and shows the open one', () => {
    renderPanel();
    const select = screen.getByRole('combobox', { name: 'Document' });
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Talks in Geneva — Fixture Times — 3 Apr 2022',
      'A long conflict over the river and what it did to two countries — Fixture Post — 6 May 2021',
      'What comes next — no date',
    ]);
    expect(screen.getByRole('heading', { name: 'Talks in Geneva' })).toBeInTheDocument();
    expect(screen.getByRole('article').textContent).toBe(smallDataset.documents[0]?.text);
  });

  it('switches documents and shows furniture as ignored, and warnings', () => {
    const store = renderPanel();
    fireEvent.change(screen.getByRole('combobox', { name: 'Document' }), { target: { value: 'doc-b' } });
    expect(store.getState().openDocId).toBe('doc-b');
    expect(screen.getByText('headline · ignored')).toBeInTheDocument();
    act(() => store.getState().openDocument('doc-c'));
    expect(screen.getByText(/no publication date/)).toBeInTheDocument();
  });

  it('marks mentions by kind and date expressions with their value', () => {
    renderPanel();
    const berg = mentionsOf('a-berg');
    expect(berg).toHaveLength(1);
    expect(berg[0]).toHaveClass('kind-person');
    expect(berg[0]?.querySelector('[role="button"]')).toHaveAttribute('title', 'Anna Berg: Person (solid underline)');
    const timex = screen.getByTitle('Date expression (DATE): 2022-03-28');
    expect(timex.textContent).toBe('28 March 2022');
    expect(timex.tagName).toBe('TIME');
  });

  it('clicking a mention selects its actor and highlights all its mentions, listing its documents', () => {
    const store = renderPanel();
    const southland = mentionsOf('a-southland');
    expect(southland.length).toBeGreaterThan(1);
    fireEvent.click(southland[0]!.querySelector('[role="button"]')!);
    expect(store.getState().selectedActorId).toBe('a-southland');
    for (const m of mentionsOf('a-southland')) {
      expect(m).toHaveClass('is-selected');
      expect(m.querySelector('[role="button"]')).toHaveAttribute('tabindex', '0');
    }
    // Other actors' mentions turn faint through the article's class (no re-render of every mark).
    expect(mentionsOf('a-berg')[0]).not.toHaveClass('is-selected');
    expect(screen.getByRole('article')).toHaveClass('has-selection');
    const nav = screen.getByRole('navigation', { name: 'Documents mentioning Southland' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons).toHaveLength(3);
    fireEvent.click(buttons[1]!);
    expect(store.getState().openDocId).toBe('doc-b');
    // The switcher shows counts for the selected actor.
    expect(
      screen.getByRole('option', { name: /Fixture Post — 6 May 2021 \(\d mentions? of Southland\)/ }),
    ).toBeTruthy();
  });

  it("a selection rewrites only the open document's option; opening the list counts every document", () => {
    const store = renderPanel();
    const options = () => within(screen.getByRole('combobox', { name: 'Document' })).getAllByRole('option');
    const before = options();
    const openId = store.getState().openDocId;
    act(() => store.getState().selectActor('a-southland'));
    const after = options();
    after.forEach((option, i) => {
      expect(option).toBe(before[i]); // the same DOM nodes
      const open = option.getAttribute('value') === openId;
      expect(option.textContent?.includes('of Southland')).toBe(open);
    });
    fireEvent.focus(screen.getByRole('combobox', { name: 'Document' }));
    const counted = options().filter((o) => o.textContent?.includes('of Southland'));
    expect(counted.length).toBe(3); // every document that mentions Southland
  });

  it('Enter on a focused mention selects its actor', () => {
    const store = renderPanel();
    const button = mentionsOf('a-haddad')[0]!.querySelector<HTMLElement>('[role="button"]')!;
    button.focus();
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(store.getState().selectedActorId).toBe('a-haddad');
  });

  it('next/previous mention moves focus through the selected actor’s mentions', () => {
    const store = renderPanel();
    act(() => store.getState().selectActor('a-southland'));
    fireEvent.click(screen.getByRole('button', { name: /Next mention/ }));
    expect(screen.getByText(/1 of \d/)).toBeInTheDocument();
    expect(document.activeElement).toBe(mentionsOf('a-southland')[0]?.querySelector('[role="button"]'));
    expect(scrollIntoView).toHaveBeenCalled();
  });

  it('selecting an event opens its document and emphasises the evidence sentence', () => {
    const store = renderPanel();
    act(() => store.getState().selectEvent('e-refuse'));
    expect(store.getState().openDocId).toBe('doc-b');
    const emphasis = document.querySelector<HTMLElement>('.source-text .emphasis');
    expect(emphasis?.textContent).toBe('Omar Haddad said on 5 May 2021 that Southland would not support the plan.');
    expect(emphasis).toHaveAttribute('tabindex', '-1');
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect(screen.getByText(/Evidence for/)).toHaveTextContent('Haddad says Southland will not support the plan');
    fireEvent.click(screen.getByRole('button', { name: 'Show sentence' }));
    expect(document.activeElement).toBe(emphasis);
  });

  it('openDocument(docId, evidence) uses the same emphasis path (edge evidence)', () => {
    const store = renderPanel();
    const r = smallDataset.relations.find((x) => x.id === 'r-exchange')!;
    act(() => store.getState().openDocument(r.docId, r.evidence));
    expect(document.querySelector('.source-text .emphasis')?.textContent).toContain('prisoner exchange');
  });

  it('does not highlight actors hidden by the filters', () => {
    const store = renderPanel();
    act(() => store.getState().setFilters({ actorKinds: ['person'] }));
    expect(mentionsOf('a-geneva')).toHaveLength(0);
    expect(mentionsOf('a-berg')).toHaveLength(1);
  });

  it('renders markup in data as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const dataset: Dataset = {
      ...smallDataset,
      actors: smallDataset.actors.map((a) => (a.id === 'a-berg' ? { ...a, name: evil } : a)),
      documents: smallDataset.documents.map((d) => (d.id === 'doc-a' ? { ...d, title: evil } : d)),
    };
    const store = renderPanel(dataset);
    act(() => store.getState().selectActor('a-berg'));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: evil })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: `Documents mentioning ${evil}` })).toHaveTextContent(evil);
  });

  it('marks source:updated after a selection renders', async () => {
    const store = renderPanel();
    performance.clearMarks('source:updated');
    act(() => store.getState().selectActor('a-berg'));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise((r) => setTimeout(r, 20));
    expect(performance.getEntriesByName('source:updated').length).toBeGreaterThan(0);
  });
  it("lists a hub actor's first documents, and more only when asked (or scrolled to), never all at once", () => {
    const copies = FIRST_ACTOR_DOCS + ACTOR_DOCS_STEP + 5;
    const { dataset } = withDocACopies(copies);
    const store = renderPanel(dataset);
    act(() => store.getState().selectActor('a-berg'));
    const list = screen.getByRole('navigation', { name: 'Documents mentioning Anna Berg' });
    const total = copies + 2; // doc-a and doc-c name her too
    expect(list).toHaveTextContent(`Anna Berg is mentioned in ${total} documents`);
    const rows = () => within(list).getAllByRole('listitem').length;
    expect(rows()).toBe(FIRST_ACTOR_DOCS + 1); // the first rows and the "Show more" row
    fireEvent.click(
      within(list).getByRole('button', {
        name: `Show ${ACTOR_DOCS_STEP} more (${FIRST_ACTOR_DOCS} of ${total} shown)`,
      }),
    );
    expect(rows()).toBe(FIRST_ACTOR_DOCS + ACTOR_DOCS_STEP + 1);
    const rest = total - FIRST_ACTOR_DOCS - ACTOR_DOCS_STEP;
    fireEvent.click(within(list).getByRole('button', { name: new RegExp(`^Show ${rest} more`) }));
    expect(rows()).toBe(total);
    expect(within(list).queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it("always lists the open document's row, however far down the hub actor's list it is", () => {
    const { dataset, extra } = withDocACopies(FIRST_ACTOR_DOCS + ACTOR_DOCS_STEP + 5);
    const store = renderPanel(dataset);
    act(() => store.getState().selectActor('a-berg'));
    const list = screen.getByRole('navigation', { name: 'Documents mentioning Anna Berg' });
    const last = extra.at(-1)!;
    expect(within(list).getAllByRole('listitem')).toHaveLength(FIRST_ACTOR_DOCS + 1);
    act(() => store.getState().openDocument(last.id));
    const open = within(list).getByRole('button', { current: true });
    expect(open).toHaveTextContent('open');
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(FIRST_ACTOR_DOCS + ACTOR_DOCS_STEP);
  });

  it("scrolls the open document's row into the list box once an observer reports it hidden, measuring nothing itself", () => {
    const observers: { cb: IntersectionObserverCallback; init?: IntersectionObserverInit; targets: Element[] }[] = [];
    class FakeObserver {
      targets: Element[] = [];
      constructor(
        public cb: IntersectionObserverCallback,
        public init?: IntersectionObserverInit,
      ) {
        observers.push(this);
      }
      observe(el: Element): void {
        this.targets.push(el);
      }
      disconnect(): void {
        this.targets = [];
      }
      unobserve(): void {}
      takeRecords(): IntersectionObserverEntry[] {
        return [];
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    try {
      const { dataset, extra } = withDocACopies(30);
      const store = renderPanel(dataset);
      act(() => store.getState().selectActor('a-berg'));
      act(() => store.getState().openDocument(extra[20]!.id));
      const list = screen.getByRole('navigation', { name: 'Documents mentioning Anna Berg' }).querySelector('ul')!;
      const watcher = observers.find((o) => o.init?.root === list && o.targets.length > 0);
      expect(watcher?.targets[0]).toContainElement(within(list).getByRole('button', { current: true }));
      list.scrollTop = 100;
      const box = { top: 0, bottom: 200 } as DOMRectReadOnly;
      const entry = (top: number, ratio: number) =>
        ({ rootBounds: box, boundingClientRect: { top, bottom: top + 30 }, intersectionRatio: ratio }) as never;
      act(() => watcher!.cb([entry(250, 0)], watcher as never)); // below the box: scrolled down by 80
      expect(list.scrollTop).toBe(180);
      expect(watcher!.targets).toHaveLength(0); // one report is enough
      expect(measured).not.toHaveBeenCalled();
    } finally {
      measured.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
