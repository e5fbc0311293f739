import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store/create-app-store';
import { smallDataset } from '../test/fixtures/small-dataset';
import { Header } from './header';
import { StoreProvider } from './store-provider';

afterEach(cleanup);

function renderHeader(notice?: string): AppStore {
  const store = createAppStore(smallDataset);
  render(
    <StoreProvider dataset={smallDataset} store={store}>
      <Header notice={notice} />
    </StoreProvider>,
  );
  return store;
}

const searchInput = () => screen.getByRole('combobox', { name: 'Search actors and events' });

describe('Header', () => {
  it('shows the dataset name and a notice', () => {
    renderHeader('Part of the link was ignored.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Small fixture');
    expect(screen.getByRole('status')).toHaveTextContent('Part of the link was ignored.');
  });

  it('typing in search sets the filter (debounced) and lists matching actors and events', async () => {
    const store = renderHeader();
    fireEvent.change(searchInput(), { target: { value: 'haddad' } });
    expect(store.getState().filters.search).toBe('');
    const option = await screen.findByRole('option', { name: /Omar Haddad/ });
    expect(store.getState().filters.search).toBe('haddad');
    expect(searchInput()).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(within(listbox).getByRole('group', { name: 'Actors' })).toContainElement(option);
    expect(within(listbox).getByRole('group', { name: 'Events' })).toHaveTextContent(
      'Haddad says Southland will not support the plan',
    );
    fireEvent.click(option);
    expect(store.getState().selectedActorId).toBe('a-haddad');
    expect(searchInput()).toHaveAttribute('aria-expanded', 'false');
  });

  it('is keyboard navigable (ArrowDown, Enter chooses; an event is selected)', async () => {
    const store = renderHeader();
    const input = searchInput();
    input.focus();
    fireEvent.change(input, { target: { value: 'relief agency' } });
    await screen.findByRole('option', { name: /World Relief Agency/ });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    // The second option is the first matching event.
    expect(store.getState().selectedEventId).toBe('e-aid');
    expect(store.getState().openDocId).toBe('doc-a');
  });

  it('Escape in the search closes the popup, then clears the search', async () => {
    const store = renderHeader();
    const input = searchInput();
    input.focus();
    fireEvent.change(input, { target: { value: 'berg' } });
    await screen.findByRole('option', { name: /Anna Berg/ });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveValue('');
    expect(store.getState().filters.search).toBe('');
  });

  it('filter chips toggle filters and show their state in words', () => {
    const store = renderHeader();
    const kindButton = screen.getByRole('button', { name: /Actor kind/ });
    expect(kindButton).toHaveTextContent('all');
    fireEvent.click(kindButton);
    expect(kindButton).toHaveAttribute('aria-expanded', 'true');
    const person = screen.getByRole('button', { name: /Person/ });
    fireEvent.click(person);
    expect(store.getState().filters.actorKinds).toEqual(['person']);
    expect(person).toHaveAttribute('aria-pressed', 'true');
    expect(kindButton).toHaveTextContent('1 of 6');
    fireEvent.click(person);
    expect(store.getState().filters.actorKinds).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /Polarity/ }));
    fireEvent.click(screen.getByRole('button', { name: /Conflict/ }));
    expect(store.getState().filters.polarities).toEqual(['conflict']);
    fireEvent.click(screen.getByRole('button', { name: /Relation/ }));
    fireEvent.click(screen.getByRole('button', { name: /Attack/ }));
    expect(store.getState().filters.relationTypes).toEqual(['attack']);
    fireEvent.click(screen.getByRole('button', { name: /^Document/ }));
    fireEvent.click(screen.getByRole('button', { name: /What comes next/ }));
    expect(store.getState().filters.docIds).toEqual(['doc-c']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(store.getState().filters).toEqual({
      actorKinds: [],
      relationTypes: [],
      polarities: [],
      docIds: [],
      search: '',
    });
  });

  it('Escape in a filter popover closes it without clearing the selection', () => {
    const store = renderHeader();
    act(() => store.getState().selectActor('a-berg'));
    const kindButton = screen.getByRole('button', { name: /Actor kind/ });
    fireEvent.click(kindButton);
    const person = screen.getByRole('button', { name: /Person/ });
    person.focus();
    fireEvent.keyDown(person, { key: 'Escape' });
    expect(kindButton).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(kindButton);
    expect(store.getState().selectedActorId).toBe('a-berg');
  });

  it('Clear selection, and Escape outside inputs, clear the selection and the time window', () => {
    const store = renderHeader();
    const clear = screen.getByRole('button', { name: 'Clear selection' });
    expect(clear).toBeDisabled();
    act(() => {
      store.getState().selectActor('a-berg');
      store.getState().setTimeWindow({ start: 0, end: 86_400_000 });
    });
    fireEvent.click(clear);
    expect(store.getState().selectedActorId).toBeNull();
    expect(store.getState().timeWindow).toBeNull();

    act(() => store.getState().selectEvent('e-meet'));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(store.getState().selectedEventId).toBeNull();

    // Not when typing in an input.
    act(() => store.getState().selectActor('a-berg'));
    fireEvent.keyDown(searchInput(), { key: 'Escape' });
    expect(store.getState().selectedActorId).toBe('a-berg');
  });

  it('shows a search typed elsewhere (e.g. from a link) and clears it with Clear filters', () => {
    const store = renderHeader();
    act(() => store.getState().setFilters({ search: 'geneva' }));
    expect(searchInput()).toHaveValue('geneva');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(searchInput()).toHaveValue('');
  });
});
