/**
 * The network as two semantic tables (for screen readers and for checking numbers): visible actors and visible
 * relations, sortable by header buttons. Long tables render in pages of PAGE rows with a "Show more" button.
 */
import { useEffect, useMemo, useState } from 'react';
import { pairKey } from '../../model/graph';
import type { Actor, Relation } from '../../model/schema';
import { selectIndex, selectVisibleActors, selectVisibleRelations } from '../../store/selectors';
import { selectActorRelationCounts } from '../../store/selectors-network';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { formatCount } from '../../ui/format-count';

export const PAGE = 500;

type Dir = 'ascending' | 'descending';
interface Sort<K extends string> {
  key: K;
  dir: Dir;
}

function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  numeric = false,
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.dir : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

function useSort<K extends string>(initial: Sort<K>): [Sort<K>, (key: K) => void] {
  const [sort, setSort] = useState(initial);
  const onSort = (key: K) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: initial.key === key ? initial.dir : 'ascending' },
    );
  return [sort, onSort];
}

const compare = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

type ActorKey = 'name' | 'kind' | 'mentions' | 'relations';
type RelationKey = 'source' | 'type' | 'target' | 'polarity' | 'negated' | 'document' | 'date';

const selectSelectedActorId = (s: { selectedActorId: string | null }) => s.selectedActorId;
const selectSelectedEdge = (s: { selectedEdge: { source: string; target: string } | null }) => s.selectedEdge;

function ActorsTable() {
  const storeApi = useAppStoreApi();
  const actors = useAppStore(selectVisibleActors);
  const index = useAppStore(selectIndex);
  const relationCounts = useAppStore(selectActorRelationCounts);
  const selectedActorId = useAppStore(selectSelectedActorId);
  const [sort, onSort] = useSort<ActorKey>({ key: 'mentions', dir: 'descending' });
  const [limit, setLimit] = useState(PAGE);

  const rows = useMemo(() => {
    const value = (a: Actor): string | number => {
      switch (sort.key) {
        case 'name':
          return a.name;
        case 'kind':
          return a.kind;
        case 'mentions':
          return index.mentionCounts.get(a.id) ?? 0;
        case 'relations':
          return relationCounts.get(a.id) ?? 0;
      }
    };
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...actors].sort((a, b) => sign * compare(value(a), value(b)) || a.name.localeCompare(b.name));
  }, [actors, index, relationCounts, sort]);

  const select = (id: string) => {
    const s = storeApi.getState();
    s.selectActor(s.selectedActorId === id ? null : id);
  };

  return (
    <>
      <table className="data-table">
        <caption>
          Actors ({formatCount(actors.length)}){rows.length > limit ? `, first ${limit} shown` : ''}
        </caption>
        <thead>
          <tr>
            <SortHeader label="Name" column="name" sort={sort} onSort={onSort} />
            <SortHeader label="Kind" column="kind" sort={sort} onSort={onSort} />
            <SortHeader label="Mentions" column="mentions" sort={sort} onSort={onSort} numeric />
            <SortHeader label="Relations" column="relations" sort={sort} onSort={onSort} numeric />
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((a) => (
            <tr key={a.id} className={a.id === selectedActorId ? 'is-selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="row-button"
                  aria-pressed={a.id === selectedActorId}
                  data-actor-id={a.id}
                  onClick={() => select(a.id)}
                >
                  {a.name}
                </button>
              </th>
              <td>{a.kind}</td>
              <td className="num">{index.mentionCounts.get(a.id) ?? 0}</td>
              <td className="num">{relationCounts.get(a.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit && (
        <button type="button" className="more-button" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more actors
        </button>
      )}
    </>
  );
}

function RelationsTable() {
  const storeApi = useAppStoreApi();
  const relations = useAppStore(selectVisibleRelations);
  const index = useAppStore(selectIndex);
  const selectedEdge = useAppStore(selectSelectedEdge);
  const [sort, onSort] = useSort<RelationKey>({ key: 'source', dir: 'ascending' });
  const [limit, setLimit] = useState(PAGE);
  const nameOf = (id: string): string => index.actorsById.get(id)?.name ?? id;
  const dateOf = (r: Relation): string => {
    const date = r.date ?? (r.eventId ? index.eventsById.get(r.eventId)?.date : undefined);
    if (!date) return '';
    return date.end ? `${date.start} – ${date.end}` : date.start;
  };
  const docOf = (r: Relation): string => {
    const doc = index.docsById.get(r.docId);
    return doc ? doc.title || doc.file : r.docId;
  };

  const rows = useMemo(() => {
    const value = (r: Relation): string | number => {
      switch (sort.key) {
        case 'source':
          return nameOf(r.source);
        case 'target':
          return nameOf(r.target);
        case 'type':
          return r.type;
        case 'polarity':
          return r.polarity;
        case 'negated':
          return r.negated ? 1 : 0;
        case 'document':
          return docOf(r);
        case 'date':
          return dateOf(r);
      }
    };
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...relations].sort((a, b) => sign * compare(value(a), value(b)) || compare(a.id, b.id));
    // nameOf/docOf/dateOf only read `index`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [relations, index, sort]);

  const selectedKey = selectedEdge ? pairKey(selectedEdge.source, selectedEdge.target) : null;

  return (
    <>
      <table className="data-table">
        <caption>
          Relations ({formatCount(relations.length)}){rows.length > limit ? `, first ${limit} shown` : ''}
        </caption>
        <thead>
          <tr>
            <SortHeader label="Source" column="source" sort={sort} onSort={onSort} />
            <SortHeader label="Type" column="type" sort={sort} onSort={onSort} />
            <SortHeader label="Target" column="target" sort={sort} onSort={onSort} />
            <SortHeader label="Polarity" column="polarity" sort={sort} onSort={onSort} />
            <SortHeader label="Negated" column="negated" sort={sort} onSort={onSort} />
            <SortHeader label="Document" column="document" sort={sort} onSort={onSort} />
            <SortHeader label="Date" column="date" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => {
            const pressed = selectedKey === pairKey(r.source, r.target);
            return (
              <tr key={r.id} className={pressed ? 'is-selected' : undefined}>
                <td>{nameOf(r.source)}</td>
                <td>
                  <button
                    type="button"
                    className="row-button"
                    aria-pressed={pressed}
                    aria-label={`${r.negated ? 'not ' : ''}${r.type}: show evidence for ${nameOf(r.source)} and ${nameOf(r.target)}`}
                    onClick={() => storeApi.getState().selectEdge(r.source, r.target)}
                  >
                    {r.negated ? `not ${r.type}` : r.type}
                  </button>
                </td>
                <td>{nameOf(r.target)}</td>
                <td>{r.polarity}</td>
                <td>{r.negated ? 'yes' : 'no'}</td>
                <td>{docOf(r)}</td>
                <td>{dateOf(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit && (
        <button type="button" className="more-button" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more relations
        </button>
      )}
    </>
  );
}

/** Changes whenever a selection the tables reflect changes (for the perf mark). */
const selectSelectionKey = (s: {
  selectedActorId: string | null;
  selectedEventId: string | null;
  selectedEdge: { source: string; target: string } | null;
}) => `${s.selectedActorId}|${s.selectedEventId}|${s.selectedEdge?.source}|${s.selectedEdge?.target}`;

export function NetworkTable() {
  // Tell the benchmark the tables (the network panel in this view) have drawn the current selection.
  const selectionKey = useAppStore(selectSelectionKey);
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined') return;
    const frame = requestAnimationFrame(() => performance.mark('network:updated'));
    return () => cancelAnimationFrame(frame);
  }, [selectionKey]);
  return (
    <div className="network-table">
      <ActorsTable />
      <RelationsTable />
    </div>
  );
}
