/** The three linked panels under the header, in resizable splits. The only place panels meet. */
import { Panel, PanelGroup, PanelResizeHandle } from 'react-resizable-panels';
import { NetworkPanel } from '../panels/network/network-panel';
import { SourcePanel } from '../panels/source/source-panel';
import { TimelinePanel } from '../panels/timeline/timeline-panel';
import { PanelFrame } from '../ui/panel-frame';
import { useEffect, useState } from 'react';
import { useAppStoreApi } from '../store/use-app-store';
import { watchPerfMarks } from './perf-marks';
import { Header } from './header';
import { useUrlState } from './use-url-state';

export function Workspace({ notice }: { notice?: string | undefined }) {
  // The view lives in the URL fragment; a link opened later (hashchange) may bring its own notice.
  const url = useUrlState();
  const storeApi = useAppStoreApi();
  useEffect(() => watchPerfMarks(storeApi), [storeApi]);
  const [loadNoticeDismissed, setLoadNoticeDismissed] = useState(false);
  const shown = url.notice ?? (loadNoticeDismissed ? undefined : notice);
  const dismiss = () => {
    url.dismissNotice();
    setLoadNoticeDismissed(true);
  };
  return (
    <div className="app">
      <Header notice={shown} onDismissNotice={dismiss} />
      {/* The main landmark (axe: landmark-one-main, region): the panels and their separators. */}
      <main style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <PanelGroup direction="vertical" className="workspace">
          <Panel defaultSize={42} minSize={20}>
            <PanelFrame title="Timeline" id="timeline">
              <TimelinePanel />
            </PanelFrame>
          </Panel>
          <PanelResizeHandle className="separator separator-horizontal" aria-label="Resize timeline" />
          <Panel defaultSize={58} minSize={25}>
            <PanelGroup direction="horizontal">
              <Panel defaultSize={50} minSize={20}>
                <PanelFrame title="Network" id="network">
                  <NetworkPanel />
                </PanelFrame>
              </Panel>
              <PanelResizeHandle className="separator separator-vertical" aria-label="Resize network and source text" />
              <Panel defaultSize={50} minSize={20}>
                <PanelFrame title="Source text" id="source">
                  <SourcePanel />
                </PanelFrame>
              </Panel>
            </PanelGroup>
          </Panel>
        </PanelGroup>
      </main>
    </div>
  );
}
