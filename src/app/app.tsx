/** Loads the dataset, then shows the workspace; a dataset that fails validation gets the error screen. */
import { useEffect, useState } from 'react';
import type { Dataset, DatasetIssue } from '../model/schema';
import { createAppStore, type AppStore } from '../store/create-app-store';
import { selectLayoutInput } from '../store/selectors-network';
import { isStoryLink } from '../story/story-format';
import type { LoadResult } from '../story/story-storage';
import { ErrorScreen } from './error-screen';
import { startLoad } from './early-load';
import { StoreProvider } from './store-provider';
import { openStoryLink, readViewFromLocation } from './use-url-state';
import { Workspace } from './workspace';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; source: string; issues: DatasetIssue[] }
  | { status: 'ready'; dataset: Dataset; store: AppStore; notice?: string };

/**
 * The store for a loaded dataset: the stories saved in this browser, and the view from the URL fragment (a view
 * link, or a link to a story step, which adds that story and presents the step). Never throws.
 */
async function storeFor(
  dataset: Dataset,
  hash: string,
  stories: Promise<LoadResult>,
): Promise<{ store: AppStore; notices: string[] }> {
  const saved = await stories;
  const notices = [saved.notice];
  if (isStoryLink(hash)) {
    const store = createAppStore(dataset, undefined, { stories: saved.stories });
    const notice = await openStoryLink(store, hash);
    if (notice) notices.push(notice.replace('The current view is unchanged.', 'Showing the default view.'));
    return { store, notices: notices.filter((n): n is string => Boolean(n)) };
  }
  // The view in the URL fragment (a reload or a shared link); a bad link falls back with a notice.
  const fromUrl = readViewFromLocation(dataset);
  notices.push(fromUrl.notice);
  const store = createAppStore(dataset, fromUrl.view, { stories: saved.stories });
  return { store, notices: notices.filter((n): n is string => Boolean(n)) };
}

export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    // Started by boot.ts as the bundle ran (or here, the first time).
    const { url, issue, dataset: loaded, stories, layout } = startLoad();
    void loaded.then((result) => {
      if (cancelled) return;
      if (result.ok) {
        const dataset = result.dataset;
        void storeFor(dataset, window.location.hash, stories).then(({ store, notices }) => {
          if (cancelled) return;
          // The dataset's own layout, or one running in its worker while the panels render (started from the text).
          layout(selectLayoutInput(store.getState()), dataset);
          if (issue) notices.unshift(`${issue.message}; showing the bundled dataset instead.`);
          const ready: LoadState = { status: 'ready', dataset, store };
          const notice = notices.join(' ');
          if (notice) ready.notice = notice;
          setState(ready);
          performance.mark('app:loaded');
        });
      } else {
        setState({ status: 'error', source: url, issues: result.issues });
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.status === 'loading') {
    return (
      <main className="loading" aria-busy="true">
        <p>Loading dataset…</p>
      </main>
    );
  }
  if (state.status === 'error') return <ErrorScreen source={state.source} issues={state.issues} />;
  return (
    <StoreProvider dataset={state.dataset} store={state.store}>
      <Workspace notice={state.notice} />
    </StoreProvider>
  );
}
