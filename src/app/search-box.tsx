/**
 * Search over actors (names, aliases), event titles and evidence text. Typing sets filters.search (debounced);
 * the popup lists matching actors and events, following the ARIA 1.2 combobox pattern (focus stays in the input,
 * aria-activedescendant names the active option). Choosing an actor or an event selects it.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchDataset } from '../store/selectors-source';
import type { AppState } from '../store/types';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { KIND_LABEL } from '../ui/kind-legend';

export const SEARCH_DEBOUNCE_MS = 150;

const selectSearch = (s: AppState) => s.filters.search;
const selectDataset = (s: AppState) => s.dataset;

type Option =
  | { type: 'actor'; id: string; label: string; detail: string }
  | { type: 'event'; id: string; label: string; detail: string };

export function SearchBox() {
  const storeApi = useAppStoreApi();
  const storeSearch = useAppStore(selectSearch);
  const dataset = useAppStore(selectDataset);
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;

  const [value, setValue] = useState(storeSearch);
  const [query, setQuery] = useState(storeSearch);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  // The store's search changed elsewhere (Clear filters, a pasted link): show it. `query` is what we last wrote.
  const [seenStore, setSeenStore] = useState(storeSearch);
  if (seenStore !== storeSearch) {
    setSeenStore(storeSearch);
    if (storeSearch !== query) {
      setValue(storeSearch);
      setQuery(storeSearch);
    }
  }

  // Debounce: write the filter ~150 ms after the last keystroke.
  useEffect(() => {
    if (value === query) return;
    const timer = window.setTimeout(() => {
      setQuery(value);
      storeApi.getState().setFilters({ search: value });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [value, query, storeApi]);

  const options = useMemo<Option[]>(() => {
    const r = searchDataset(storeApi.getState(), query);
    const index = new Map(dataset.documents.map((d) => [d.id, d.title]));
    return [
      ...r.actors.map((a): Option => ({ type: 'actor', id: a.id, label: a.name, detail: KIND_LABEL[a.kind] })),
      ...r.events.map((e): Option => ({
        type: 'event',
        id: e.id,
        label: e.title,
        detail: [e.date.start + (e.date.end ? `–${e.date.end}` : ''), index.get(e.docId)].filter(Boolean).join(' · '),
      })),
    ];
    // dataset is a dependency so a new dataset recomputes.
  }, [query, dataset, storeApi]);

  const actorOptions = options.filter((o) => o.type === 'actor');
  const eventOptions = options.filter((o) => o.type === 'event');
  const expanded = open && query.trim() !== '' && value.trim() !== '';
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  const choose = (o: Option) => {
    const s = storeApi.getState();
    if (o.type === 'actor') s.selectActor(o.id);
    else s.selectEvent(o.id);
    setOpen(false);
    setActive(-1);
  };

  const flush = () => {
    setQuery(value);
    storeApi.getState().setFilters({ search: value });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) {
          flush();
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
        } else if (n > 0) setActive((active + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) {
          flush();
          setOpen(true);
          setActive(n - 1);
        } else if (n > 0) setActive(active <= 0 ? n - 1 : active - 1);
        break;
      case 'Enter': {
        const o = expanded && active >= 0 ? options[active] : undefined;
        if (o) {
          e.preventDefault();
          choose(o);
        } else {
          flush();
          setOpen(false);
        }
        break;
      }
      case 'Escape':
        // Handled here: the global "Escape clears the selection" must not fire.
        e.preventDefault();
        if (expanded) setOpen(false);
        else if (value !== '') {
          setValue('');
          setQuery('');
          storeApi.getState().setFilters({ search: '' });
        }
        setActive(-1);
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
        break;
    }
  };

  const renderOption = (o: Option) => {
    const i = options.indexOf(o);
    return (
      <div
        key={`${o.type}:${o.id}`}
        id={optionId(i)}
        role="option"
        tabIndex={-1}
        aria-selected={i === active}
        className={`search-option${i === active ? ' is-active' : ''}`}
        onMouseDown={(e) => e.preventDefault()}
        onMouseMove={() => setActive(i)}
        onClick={() => choose(o)}
        onKeyDown={() => undefined}
      >
        <span className="search-option-label">{o.label}</span>
        <span className="search-option-detail">{o.detail}</span>
      </div>
    );
  };

  const total = options.length;
  return (
    <div className="search-box">
      <label htmlFor={`${baseId}-input`} className="visually-hidden">
        Search actors and events
      </label>
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder="Search actors, events, text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {value !== '' && (
        <button
          type="button"
          className="search-clear"
          aria-label="Clear search"
          onClick={() => {
            setValue('');
            setQuery('');
            storeApi.getState().setFilters({ search: '' });
            inputRef.current?.focus();
          }}
        >
          ×
        </button>
      )}
      <div id={listboxId} role="listbox" aria-label="Search results" className="search-popup" hidden={!expanded}>
        {expanded && total === 0 && <div className="search-empty">No actors or events match.</div>}
        {expanded && actorOptions.length > 0 && (
          <div role="group" aria-labelledby={`${baseId}-g-actors`}>
            <div role="presentation" id={`${baseId}-g-actors`} className="search-group">
              Actors
            </div>
            {actorOptions.map(renderOption)}
          </div>
        )}
        {expanded && eventOptions.length > 0 && (
          <div role="group" aria-labelledby={`${baseId}-g-events`}>
            <div role="presentation" id={`${baseId}-g-events`} className="search-group">
              Events
            </div>
            {eventOptions.map(renderOption)}
          </div>
        )}
      </div>
      <span className="visually-hidden" aria-live="polite">
        {expanded ? `${actorOptions.length} actors and ${eventOptions.length} events match` : ''}
      </span>
    </div>
  );
}
