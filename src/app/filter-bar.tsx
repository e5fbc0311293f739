/**
 * Filters in the header: actor kind, relation type, polarity and document, each a compact popover of toggle chips
 * ("show only these"; none pressed = all shown). A menu button shows how many values are active in its label, not
 * only by colour. Plus "Clear filters" and "Clear selection" (which also clears the time window).
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { ACTOR_KINDS, POLARITIES, RELATION_TYPES } from '../model/schema-constants';
import type { DocumentRecord } from '../model/schema';
import type { AppState, Filters } from '../store/types';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { Chip } from '../ui/chip';
import { KIND_LABEL, KindSwatch } from '../ui/kind-legend';
import { useDismissable } from '../ui/use-dismissable';

const selectFilters = (s: AppState) => s.filters;
const selectDocuments = (s: AppState) => s.dataset.documents;
const selectHasSelection = (s: AppState) =>
  s.selectedActorId !== null ||
  s.selectedEventId !== null ||
  s.selectedEdge !== null ||
  s.timeWindow !== null ||
  s.emphasis !== null;

const RELATION_LABEL: Record<(typeof RELATION_TYPES)[number], string> = {
  consult: 'Consult',
  support: 'Support',
  cooperate: 'Cooperate',
  aid: 'Aid',
  request: 'Request',
  criticize: 'Criticize',
  attack: 'Attack',
  affiliation: 'Affiliation',
};
const POLARITY_LABEL: Record<(typeof POLARITIES)[number], string> = {
  cooperation: 'Cooperation',
  conflict: 'Conflict',
  neutral: 'Neutral',
};

function documentLabelShort(d: DocumentRecord): string {
  const title = d.title.trim() || d.file;
  return title.length > 48 ? `${title.slice(0, 47)}…` : title;
}

export function hasActiveFilters(f: Filters): boolean {
  return (
    f.actorKinds.length + f.relationTypes.length + f.polarities.length + f.docIds.length > 0 || f.search.trim() !== ''
  );
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A disclosure button with a popover panel; Escape or a click outside closes it and returns focus. */
function FilterMenu({
  label,
  activeCount,
  total,
  children,
}: {
  label: string;
  activeCount: number;
  total: number;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismissable(open, close, rootRef, buttonRef);

  return (
    <div className="filter-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`filter-button${activeCount > 0 ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <span className="filter-button-state">{activeCount > 0 ? `${activeCount} of ${total}` : 'all'}</span>
        <span aria-hidden="true" className="filter-caret">
          ▾
        </span>
      </button>
      <div id={id} className="filter-popover" hidden={!open} role="group" aria-label={`${label} filter`}>
        <p className="filter-hint">Show only the pressed values; none pressed shows all.</p>
        <div className="filter-chips">{children}</div>
      </div>
    </div>
  );
}

export function FilterBar() {
  const storeApi = useAppStoreApi();
  const filters = useAppStore(selectFilters);
  const documents = useAppStore(selectDocuments);
  const hasSelection = useAppStore(selectHasSelection);
  const set = (patch: Partial<Filters>) => storeApi.getState().setFilters(patch);

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <FilterMenu label="Actor kind" activeCount={filters.actorKinds.length} total={ACTOR_KINDS.length}>
        {ACTOR_KINDS.map((k) => (
          <Chip
            key={k}
            pressed={filters.actorKinds.includes(k)}
            onToggle={() => set({ actorKinds: toggle(filters.actorKinds, k) })}
          >
            <KindSwatch kind={k} /> {KIND_LABEL[k]}
          </Chip>
        ))}
      </FilterMenu>
      <FilterMenu label="Relation" activeCount={filters.relationTypes.length} total={RELATION_TYPES.length}>
        {RELATION_TYPES.map((t) => (
          <Chip
            key={t}
            pressed={filters.relationTypes.includes(t)}
            onToggle={() => set({ relationTypes: toggle(filters.relationTypes, t) })}
          >
            {RELATION_LABEL[t]}
          </Chip>
        ))}
      </FilterMenu>
      <FilterMenu label="Polarity" activeCount={filters.polarities.length} total={POLARITIES.length}>
        {POLARITIES.map((p) => (
          <Chip
            key={p}
            pressed={filters.polarities.includes(p)}
            onToggle={() => set({ polarities: toggle(filters.polarities, p) })}
          >
            {POLARITY_LABEL[p]}
          </Chip>
        ))}
      </FilterMenu>
      {documents.length > 1 && (
        <FilterMenu label="Document" activeCount={filters.docIds.length} total={documents.length}>
          {documents.map((d) => (
            <Chip
              key={d.id}
              pressed={filters.docIds.includes(d.id)}
              onToggle={() => set({ docIds: toggle(filters.docIds, d.id) })}
              title={d.title || d.file}
            >
              {documentLabelShort(d)}
            </Chip>
          ))}
        </FilterMenu>
      )}
      <button
        type="button"
        className="header-button"
        disabled={!hasActiveFilters(filters)}
        onClick={() => storeApi.getState().resetFilters()}
      >
        Clear filters
      </button>
      <button
        type="button"
        className="header-button"
        disabled={!hasSelection}
        onClick={() => storeApi.getState().clearSelection()}
        title="Also clears the time window (Escape)"
      >
        Clear selection
      </button>
    </div>
  );
}
