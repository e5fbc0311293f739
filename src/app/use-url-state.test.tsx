import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, pickViewState, type AppStore } from '../store/create-app-store';
import { defaultViewState } from '../store/initial-state';
import { datasetKey } from '../store/url-state';
import { smallDataset } from '../test/fixtures/small-dataset';
import { StoreProvider } from './store-provider';
import { readViewFromLocation, URL_WRITE_DEBOUNCE_MS, useUrlState } from './use-url-state';

function Harness() {
  const { notice } = useUrlState();
  return <p role="status">{notice ?? ''}</p>;
}

function renderHarness(store: AppStore = createAppStore(smallDataset)): AppStore {
  render(
    <StoreProvider dataset={smallDataset} store={store}>
      <Harness />
    </StoreProvider>,
  );
  return store;
}

const KEY = datasetKey(smallDataset);

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('URL state', () => {
  it('a shared link restores the view on load', () => {
    window.history.replaceState(null, '', `/#v=1&ds=${KEY}&actor=a-berg&open=doc-c&lanes=document`);
    const { view, notice } = readViewFromLocation(smallDataset);
    expect(notice).toBeUndefined();
    const store = createAppStore(smallDataset, view);
    expect(pickViewState(store.getState())).toEqual({
      ...defaultViewState(smallDataset),
      selectedActorId: 'a-berg',
      openDocId: 'doc-c',
      laneMode: 'document',
    });
  });

  it('a malformed link yields the default view and a notice', () => {
    window.history.replaceState(null, '', '/#v=999&actor=a-berg');
    const r = readViewFromLocation(smallDataset);
    expect(r.view).toEqual(defaultViewState(smallDataset));
    expect(r.notice).toMatch(/different version/);
  });

  it('writes the fragment with replaceState, debounced, without adding history entries', () => {
    vi.useFakeTimers();
    const store = renderHarness();
    const before = window.history.length;
    const push = vi.spyOn(window.history, 'pushState');
    act(() => {
      store.getState().selectActor('a-haddad');
      store.getState().selectActor('a-berg');
      store.getState().setFilters({ actorKinds: ['person'] });
    });
    expect(window.location.hash).toBe('');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 10);
    });
    expect(window.location.hash).toBe(`#v=1&ds=${KEY}&actor=a-berg&kinds=person`);
    expect(window.history.length).toBe(before);
    expect(push).not.toHaveBeenCalled();
    // Back to the default view: the fragment goes away.
    act(() => {
      store.getState().clearSelection();
      store.getState().resetFilters();
    });
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 10);
    });
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/');
  });

  it('applies a pasted link (hashchange), and shows a notice for what it ignored', () => {
    const store = renderHarness();
    act(() => {
      window.history.replaceState(null, '', `/#v=1&ds=${KEY}&event=e-war&open=doc-b&net=table`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().selectedEventId).toBe('e-war');
    expect(store.getState().openDocId).toBe('doc-b');
    expect(store.getState().networkView).toBe('table');
    expect(screen.getByRole('status')).toHaveTextContent('');

    act(() => {
      window.history.replaceState(null, '', `/#v=1&ds=${KEY}&actor=nobody&__proto__=x`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().selectedActorId).toBeNull();
    expect(store.getState().selectedEventId).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/actor "nobody" is not in this dataset/);
    expect(screen.getByRole('status')).toHaveTextContent(/unknown parameter "__proto__"/);
  });
});
