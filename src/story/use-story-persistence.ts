/**
 * Keeps the store's stories in browser storage: saves them shortly after each change (debounced, flushed when the
 * page is hidden or left), and takes in the list another tab saved (the `storage` event), keeping this tab's
 * unsaved changes. A failed save (storage full or disabled) becomes a notice; nothing throws.
 */
import { useCallback, useEffect, useState } from 'react';
import { storiesReplaced } from '../store/story-slice';
import { useAppStoreApi } from '../store/use-app-store';
import {
  STORAGE_KEY,
  mergeStories,
  saveStories,
  storedValue,
  type LoadResult,
  type StoryStorage,
} from './story-storage';

export const STORY_SAVE_DEBOUNCE_MS = 300;

const NO_STORAGE =
  'Stories cannot be kept in this browser: its storage is disabled. Export your stories as files to keep them.';

/** window.localStorage, or null where it is missing or access is refused (SecurityError in some embeds). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : (window.localStorage ?? null);
  } catch {
    return null;
  }
}

/**
 * The stories kept in this browser, for the store's initial state (app.tsx). Never rejects. The reader (with its
 * validator) loads on demand, so it stays out of the start-up bundle.
 */
export async function initialStories(): Promise<LoadResult> {
  const storage = browserStorage();
  if (!storage) return { stories: [], notice: NO_STORAGE };
  try {
    const { loadStories } = await import('./story-storage-load');
    return loadStories(storage);
  } catch {
    return { stories: [], notice: 'Saved stories could not be read (the reader failed to load). Reload to try again.' };
  }
}

/**
 * Saves the store's stories and follows other tabs' saves. `storage` defaults to window.localStorage (tests pass
 * their own; null = no storage). Returns the last save failure, if any.
 */
export function useStoryPersistence(storage?: StoryStorage | null): {
  notice: string | undefined;
  dismiss: () => void;
} {
  const storeApi = useAppStoreApi();
  const [notice, setNotice] = useState<string | undefined>(undefined);

  useEffect(() => {
    const target = storage === undefined ? browserStorage() : storage;
    // What storage holds as far as this tab knows, and when this tab last saved or merged.
    let lastRaw = storedValue(storeApi.getState().stories);
    let since = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const { stories } = storeApi.getState();
      const raw = storedValue(stories);
      if (raw === lastRaw) return;
      if (!target) {
        setNotice(NO_STORAGE);
        return;
      }
      const result = saveStories(target, stories);
      if (result.ok) {
        lastRaw = raw;
        since = Date.now();
        setNotice(undefined);
      } else setNotice(result.message);
    };

    const unsubscribe = storeApi.subscribe((state, prev) => {
      if (state.stories === prev.stories) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, STORY_SAVE_DEBOUNCE_MS);
    });

    let active = true;
    const onStorage = (event: StorageEvent): void => {
      const raw = event.newValue;
      if (event.key !== STORAGE_KEY || raw === null) return;
      if (event.storageArea && target && event.storageArea !== target) return;
      void import('./story-storage-load').then(({ readStoredValue }) => {
        if (!active) return;
        const read = readStoredValue(raw);
        // Only a list that validates in full is taken in; anything else is left for this tab's next save to replace.
        if (!read || read.dropped > 0) return;
        const state = storeApi.getState();
        const merged = mergeStories(state.stories, read.stories, since);
        lastRaw = raw;
        since = Date.now();
        if (storedValue(merged) !== storedValue(state.stories)) storeApi.setState(storiesReplaced(state, merged));
      });
    };

    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };

    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      active = false;
      unsubscribe();
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      if (timer !== undefined) flush();
    };
  }, [storeApi, storage]);

  const dismiss = useCallback(() => setNotice(undefined), []);
  return { notice, dismiss };
}
