/** Loads the dataset, then shows the workspace; a dataset that fails validation gets the error screen. */
import { useEffect, useState } from 'react';
import type { Dataset, DatasetIssue } from '../model/schema';
import { ErrorScreen } from './error-screen';
import { datasetUrlFromLocation, fetchDataset } from './load-dataset';
import { StoreProvider } from './store-provider';
import { Workspace } from './workspace';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; source: string; issues: DatasetIssue[] }
  | { status: 'ready'; dataset: Dataset; notice?: string };

export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const { url, issue } = datasetUrlFromLocation(window.location);
    void fetchDataset(url).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        const ready: LoadState = { status: 'ready', dataset: result.dataset };
        if (issue) ready.notice = `${issue.message}; showing the bundled dataset instead.`;
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
    <StoreProvider dataset={state.dataset}>
      <Workspace notice={state.notice} />
    </StoreProvider>
  );
}
