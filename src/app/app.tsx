/** Loads the dataset, then shows the workspace; a dataset that fails validation gets the error screen. */
import { useEffect, useState } from 'react';
import type { Dataset, DatasetIssue } from '../model/schema';
import { ErrorScreen } from './error-screen';
import { datasetUrlFromLocation, fetchDataset } from './load-dataset';
import { StoreProvider } from './store-provider';
import { readViewFromLocation } from './use-url-state';
import type { ViewState } from '../store/types';
import { Workspace } from './workspace';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; source: string; issues: DatasetIssue[] }
  | { status: 'ready'; dataset: Dataset; notice?: string; initialView?: ViewState };

export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const { url, issue } = datasetUrlFromLocation(window.location);
    void fetchDataset(url).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        // The view in the URL fragment (a reload or a shared link); a bad link falls back with a notice.
        const fromUrl = readViewFromLocation(result.dataset);
        const notices = [issue ? `${issue.message}; showing the bundled dataset instead.` : undefined, fromUrl.notice];
        const ready: LoadState = { status: 'ready', dataset: result.dataset, initialView: fromUrl.view };
        const notice = notices.filter(Boolean).join(' ');
        if (notice) ready.notice = notice;
        setState(ready);
        performance.mark('app:loaded');
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
    <StoreProvider dataset={state.dataset} initialView={state.initialView}>
      <Workspace notice={state.notice} />
    </StoreProvider>
  );
}
