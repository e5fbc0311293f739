/** Header: the dataset's name, search, filters, clear controls and notices. Escape (outside inputs) clears the selection. */
import { useEffect } from 'react';
import type { AppState } from '../store/types';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { ExportMenu } from '../export/export-menu';
import { isEditable } from '../ui/is-editable';
import { FilterBar } from './filter-bar';
import { SearchBox } from './search-box';
import './header.css';

const selectName = (s: AppState) => s.dataset.name;
const selectStoryPanelOpen = (s: AppState) => s.storyPanelOpen;

export function Header({ notice, onDismissNotice }: { notice?: string | undefined; onDismissNotice?: () => void }) {
  const name = useAppStore(selectName);
  const storyPanelOpen = useAppStore(selectStoryPanelOpen);
  const storeApi = useAppStoreApi();

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isEditable(e.target)) return;
      storeApi.getState().clearSelection();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [storeApi]);

  return (
    <header className="app-header">
      <h1 className="app-title" title={`Threadline: ${name}`}>
        <span className="brand">Threadline</span> <span className="dataset-name">{name}</span>
      </h1>
      <div role="search" className="header-search">
        <SearchBox />
      </div>
      <FilterBar />
      <div className="header-tools" role="group" aria-label="Story and export">
        <button
          type="button"
          className={`header-button${storyPanelOpen ? ' is-active' : ''}`}
          aria-pressed={storyPanelOpen}
          onClick={() => storeApi.getState().setStoryPanelOpen(!storyPanelOpen)}
        >
          Story
        </button>
        <ExportMenu />
      </div>
      {notice && (
        <div role="status" className="notice">
          <span>{notice}</span>
          {onDismissNotice && (
            <button type="button" className="notice-dismiss" aria-label="Dismiss notice" onClick={onDismissNotice}>
              ×
            </button>
          )}
        </div>
      )}
    </header>
  );
}
