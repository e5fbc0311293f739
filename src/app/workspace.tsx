/**
 * The three linked panels under the header, in resizable splits, with the story panel beside them. The only place
 * panels meet. While a story is presented the header and the story panel give way to the presenter, and the same
 * panels (never re-created) show each step's view.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Panel, PanelGroup, PanelResizeHandle } from 'react-resizable-panels';
import { NetworkPanel } from '../panels/network/network-panel';
import { SourcePanel } from '../panels/source/source-panel';
import { TimelinePanel } from '../panels/timeline/timeline-panel';
import type { AppState } from '../store/types';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { useStoryPersistence } from '../story/use-story-persistence';
import { PanelFrame } from '../ui/panel-frame';
import { Header } from './header';
import { watchPerfMarks } from './perf-marks';
import { useUrlState } from './use-url-state';

// Loaded when first opened: not needed to explore, and the start-up bundle has a budget.
const StoryPanel = lazy(() => import('../story/story-panel').then((m) => ({ default: m.StoryPanel })));
const Presenter = lazy(() => import('../story/presenter').then((m) => ({ default: m.Presenter })));

const selectPresenting = (s: AppState) => s.presenting !== null;
const selectStoryPanelOpen = (s: AppState) => s.storyPanelOpen;

export function Workspace({ notice }: { notice?: string | undefined }) {
  // The view lives in the URL fragment; a link opened later (hashchange) may bring its own notice.
  const url = useUrlState();
  const stories = useStoryPersistence();
  const storeApi = useAppStoreApi();
  const presenting = useAppStore(selectPresenting);
  const storyPanelOpen = useAppStore(selectStoryPanelOpen);
  useEffect(() => watchPerfMarks(storeApi), [storeApi]);
  const [loadNoticeDismissed, setLoadNoticeDismissed] = useState(false);
  const shown = url.notice ?? stories.notice ?? (loadNoticeDismissed ? undefined : notice);
  const dismiss = () => {
    url.dismissNotice();
    stories.dismiss();
    setLoadNoticeDismissed(true);
  };
  return (
    <div className={presenting ? 'app is-presenting' : 'app'}>
      {!presenting && <Header notice={shown} onDismissNotice={dismiss} />}
      <div className="app-body">
        {presenting && (
          <Suspense fallback={null}>
            <Presenter />
          </Suspense>
        )}
        {/* The main landmark (axe: landmark-one-main, region): the panels and their separators. */}
        <main className="app-main">
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
                <PanelResizeHandle
                  className="separator separator-vertical"
                  aria-label="Resize network and source text"
                />
                <Panel defaultSize={50} minSize={20}>
                  <PanelFrame title="Source text" id="source">
                    <SourcePanel />
                  </PanelFrame>
                </Panel>
              </PanelGroup>
            </Panel>
          </PanelGroup>
        </main>
        {!presenting && storyPanelOpen && (
          <Suspense fallback={null}>
            <StoryPanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}
