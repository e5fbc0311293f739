import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../app/store-provider';
import { createAppStore, type AppStore } from '../store/create-app-store';
import { datasetKey } from '../store/url-state';
import { smallDataset } from '../test/fixtures/small-dataset';
import { STORAGE_KEY, storedValue, type StoryStorage } from './story-storage';
import type { Story } from './types';
import { STORY_SAVE_DEBOUNCE_MS, initialStories, useStoryPersistence } from './use-story-persistence';

function Harness({ storage }: { storage?: StoryStorage | null }) {
  const { notice } = useStoryPersistence(storage);
  return <p role="status">{notice ?? ''}</p>;
}

function renderHarness(store: AppStore, storage?: StoryStorage | null) {
  return render(
    <StoreProvider dataset={smallDataset} store={store}>
      <Harness storage={storage} />
    </StoreProvider>,
  );
}

const KEY = datasetKey(smallDataset);
const story = (id: string, updated: number, title = id): Story => ({
  id,
  title,
  datasetKey: KEY,
  datasetName: smallDataset.name,
  steps: [],
  updated,
});

beforeEach(() => {
  window.localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useStoryPersistence', () => {
  it('saves the stories shortly after a change, and flushes on pagehide', async () => {
    const store = createAppStore(smallDataset);
    renderHarness(store);
    act(() => void store.getState().createStory('First'));
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    act(() => {
      vi.advanceTimersByTime(STORY_SAVE_DEBOUNCE_MS);
    });
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(storedValue(store.getState().stories));
    act(() => void store.getState().createStory('Second'));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect((await initialStories()).stories.map((s) => s.title)).toEqual(['First', 'Second']);
  });

  it('reports a failed save and clears it after a later success', () => {
    const store = createAppStore(smallDataset);
    let full = true;
    const data = new Map<string, string>();
    const storage: StoryStorage = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (full) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
        data.set(k, v);
      },
    };
    renderHarness(store, storage);
    act(() => void store.getState().createStory('A'));
    act(() => {
      vi.advanceTimersByTime(STORY_SAVE_DEBOUNCE_MS);
    });
    expect(screen.getByRole('status').textContent).toMatch(/storage is full/);
    full = false;
    act(() => void store.getState().createStory('B'));
    act(() => {
      vi.advanceTimersByTime(STORY_SAVE_DEBOUNCE_MS);
    });
    expect(screen.getByRole('status').textContent).toBe('');
    expect(data.get(STORAGE_KEY)).toBe(storedValue(store.getState().stories));
  });

  it("takes in another tab's list, and ignores one that does not validate", async () => {
    const store = createAppStore(smallDataset, undefined, { stories: [story('story-a', 1)] });
    renderHarness(store);
    const theirs = [story('story-a', 5, 'Renamed there'), story('story-b', 6)];
    act(
      () => void window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: storedValue(theirs) })),
    );
    await act(() => vi.dynamicImportSettled());
    expect(store.getState().stories.map((s) => s.title)).toEqual(['Renamed there', 'story-b']);
    const before = store.getState().stories;
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: '[{"id":1}]' })));
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '[]' })));
    await act(() => vi.dynamicImportSettled());
    expect(store.getState().stories).toBe(before);
    // Taking in a list does not write it back.
    act(() => {
      vi.advanceTimersByTime(STORY_SAVE_DEBOUNCE_MS * 2);
    });
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('says when there is no storage at all', () => {
    const store = createAppStore(smallDataset);
    renderHarness(store, null);
    act(() => void store.getState().createStory('A'));
    act(() => {
      vi.advanceTimersByTime(STORY_SAVE_DEBOUNCE_MS);
    });
    expect(screen.getByRole('status').textContent).toMatch(/storage is disabled/);
  });
});

describe('initialStories', () => {
  it('reads the stories kept in localStorage', async () => {
    window.localStorage.setItem(STORAGE_KEY, storedValue([story('story-a', 1)]));
    expect(await initialStories()).toEqual({ stories: [story('story-a', 1)] });
  });

  it('copes with a localStorage that throws on access', async () => {
    const spy = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const result = await initialStories();
    expect(result.stories).toEqual([]);
    expect(result.notice).toMatch(/disabled/);
    spy.mockRestore();
  });
});
