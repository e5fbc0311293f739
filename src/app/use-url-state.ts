/**
 * Keeps the view in the URL fragment. On load, app.tsx decodes the fragment into the store's initial view
 * (readViewFromLocation). While running, this hook writes the fragment with history.replaceState (debounced, so no
 * history spam) and applies a new fragment on hashchange (back/forward, a pasted link), returning a notice when part
 * of that link was ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../model/schema';
import type { AppState } from '../store/types';
import { datasetKey, decodeView, fragmentFor, type DecodeResult } from '../store/url-state';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import type { AppStore } from '../store/create-app-store';
import { isStoryLink } from '../story/story-format';

export const URL_WRITE_DEBOUNCE_MS = 250;

const selectDataset = (s: AppState) => s.dataset;

/** Decodes the current location's fragment for a dataset (never throws). */
export function readViewFromLocation(
  dataset: Dataset,
  location: Pick<Location, 'hash'> = window.location,
): DecodeResult {
  return decodeView(location.hash, dataset);
}

/**
 * Opens a link to a story step in a store: adds the story to the browser's stories, makes it active and presents
 * the step (only when the story was made for this dataset). Returns a notice for what could not be done.
 */
export async function openStoryLink(store: AppStore, fragment: string): Promise<string | undefined> {
  const { decodeStoryLink } = await import('../story/story-link');
  const link = await decodeStoryLink(fragment);
  if (!link) return undefined;
  if (!link.ok) return `${link.message} The current view is unchanged.`;
  const api = store.getState();
  const id = api.addStory(link.story);
  api.setActiveStory(id);
  api.setStoryPanelOpen(true);
  if (link.story.datasetKey !== datasetKey(api.dataset)) {
    return `The linked story "${link.story.title}" was made for the dataset "${link.story.datasetName}"; it is saved in the story panel, but its steps cannot be shown here.`;
  }
  if (!api.startPresenting(id, link.stepIndex))
    return `The linked story "${link.story.title}" has no step ${link.stepIndex + 1}.`;
  return undefined;
}

function writeFragment(fragment: string): void {
  const { pathname, search, hash } = window.location;
  const current = hash.startsWith('#') ? hash.slice(1) : hash;
  if (current === fragment) return;
  const url = fragment === '' ? `${pathname}${search}` : `${pathname}${search}#${fragment}`;
  try {
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // Some embedders forbid history access: the view just is not shareable there.
  }
}

export function useUrlState(): { notice: string | undefined; dismissNotice: () => void } {
  const storeApi = useAppStoreApi();
  const dataset = useAppStore(selectDataset);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const lastWritten = useRef<string | null>(null);

  // Store -> URL, debounced.
  useEffect(() => {
    let timer: number | undefined;
    const flush = () => {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = undefined;
      const fragment = fragmentFor(storeApi.getState());
      lastWritten.current = fragment;
      writeFragment(fragment);
    };
    const unsubscribe = storeApi.subscribe((state, prev) => {
      if (!pickViewStateChanged(state, prev)) return;
      if (timer !== undefined) window.clearTimeout(timer);
      timer = window.setTimeout(flush, URL_WRITE_DEBOUNCE_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [storeApi]);

  // URL -> store, when the fragment changes from outside (back/forward, edited or pasted link).
  useEffect(() => {
    let cancelled = false;
    const onHashChange = () => {
      const raw = window.location.hash.replace(/^#/, '');
      if (raw === lastWritten.current) return;
      if (isStoryLink(raw)) {
        // A pasted link to a story step: add the story and present that step.
        lastWritten.current = raw;
        void openStoryLink(storeApi, raw).then((next) => {
          if (!cancelled) setNotice(next);
        });
        return;
      }
      const { view, notice: next } = decodeView(raw, dataset);
      lastWritten.current = raw;
      storeApi.setState(view);
      setNotice(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [storeApi, dataset]);

  const dismissNotice = useCallback(() => setNotice(undefined), []);
  return { notice, dismissNotice };
}

/** True when a part of the state a link stores changed. */
function pickViewStateChanged(a: AppState, b: AppState): boolean {
  return (
    a.selectedActorId !== b.selectedActorId ||
    a.selectedEventId !== b.selectedEventId ||
    a.selectedEdge !== b.selectedEdge ||
    a.timeWindow !== b.timeWindow ||
    a.filters !== b.filters ||
    a.openDocId !== b.openDocId ||
    a.emphasis !== b.emphasis ||
    a.laneMode !== b.laneMode ||
    a.networkView !== b.networkView ||
    a.dataset !== b.dataset
  );
}
