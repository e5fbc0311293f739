/** The Network panel: a toolbar (Graph | Table, zoom), the graph or the tables, the evidence of a selected link. */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import type { NetworkView } from '../../store/types';
import { GraphView, type GraphViewHandle } from './graph-view';
import { Legend } from './legend';

// Not needed at start: loaded when first shown (keeps the initial bundle small).
const NetworkTable = lazy(() => import('./network-table').then((m) => ({ default: m.NetworkTable })));
const EvidenceList = lazy(() => import('./evidence-list').then((m) => ({ default: m.EvidenceList })));
import './network.css';

const selectNetworkView = (s: { networkView: NetworkView }) => s.networkView;
const selectHasEdge = (s: { selectedEdge: unknown }) => s.selectedEdge !== null;

export function NetworkPanel() {
  const storeApi = useAppStoreApi();
  const view = useAppStore(selectNetworkView);
  const hasEdge = useAppStore(selectHasEdge);
  const [graph, setGraph] = useState<GraphViewHandle | null>(null);
  const onReady = useCallback((handle: GraphViewHandle | null) => setGraph(handle), []);
  const setView = (v: NetworkView) => storeApi.getState().setNetworkView(v);

  return (
    <div className={`network-panel${hasEdge ? ' has-evidence' : ''}`}>
      <div className="network-toolbar">
        <div className="segmented" role="group" aria-label="Show as">
          <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>
            Graph
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </div>
        {view === 'graph' && (
          <div className="zoom-buttons" role="group" aria-label="Zoom">
            <button type="button" onClick={() => graph?.zoomIn()} aria-label="Zoom in" title="Zoom in (+)">
              +
            </button>
            <button type="button" onClick={() => graph?.zoomOut()} aria-label="Zoom out" title="Zoom out (−)">
              −
            </button>
            <button type="button" onClick={() => graph?.fit()} title="Fit the graph to the view (0)">
              Fit
            </button>
          </div>
        )}
      </div>
      <div className="network-main">
        <div className="network-view">
          {view === 'graph' ? (
            <>
              <GraphView onReady={onReady} />
              <Legend />
            </>
          ) : (
            <Suspense
              fallback={
                <p className="graph-status" role="status">
                  Loading the tables…
                </p>
              }
            >
              <NetworkTable />
            </Suspense>
          )}
        </div>
        {hasEdge && (
          <Suspense fallback={null}>
            <EvidenceList />
          </Suspense>
        )}
      </div>
    </div>
  );
}
