/** Picks the open document: a native <select> (keyboard and screen-reader friendly) with title, source and date. */
import { useId, useState } from 'react';
import { formatCalendarText } from '../../model/calendar';
import type { DocumentRecord } from '../../model/schema';

/** "3 Apr 2022", "Apr 2022", "2022" or "no date": from the calendar string, never through Date. */
export function formatPublished(published: string | null): string {
  return formatCalendarText(published, { short: true });
}

/** Labels already made, per document record (the switcher lists every document again on each selection). */
const labels = new WeakMap<DocumentRecord, string>();

/** The label of a document in lists: its title (or file name), source and date. */
export function documentLabel(doc: DocumentRecord): string {
  const cached = labels.get(doc);
  if (cached !== undefined) return cached;
  const title = doc.title.trim() || doc.file;
  const short = title.length > 90 ? `${title.slice(0, 89)}…` : title;
  const label = [short, doc.source, formatPublished(doc.published)].filter(Boolean).join(' — ');
  labels.set(doc, label);
  return label;
}

export function DocumentSwitcher({
  documents,
  openDocId,
  counts,
  actorName,
  onOpen,
}: {
  documents: readonly DocumentRecord[];
  openDocId: string | null;
  /** Mentions of the selected actor per document id. */
  counts: ReadonlyMap<string, number>;
  actorName: string | undefined;
  onOpen: (docId: string) => void;
}) {
  const id = useId();
  /** The actor whose counts every option shows (set when the list is focused). */
  const [countsFor, setCountsFor] = useState<string | undefined>(undefined);
  const allCounts = countsFor !== undefined && countsFor === actorName;
  if (documents.length === 0) return null;
  return (
    <div className="doc-switcher">
      <label htmlFor={id}>Document</label>
      <select
        id={id}
        value={openDocId ?? ''}
        onChange={(e) => onOpen(e.target.value)}
        onFocus={() => setCountsFor(actorName)}
        onPointerDown={() => setCountsFor(actorName)}
        onKeyDown={() => setCountsFor(actorName)}
      >
        {documents.map((doc) => {
          // The open document's option (the one shown) always carries the count; the others once the list is
          // focused (opened), so a selection does not rewrite thousands of hidden options (slow in a live <select>).
          const n = allCounts || doc.id === openDocId ? counts.get(doc.id) : undefined;
          const suffix =
            actorName !== undefined && n !== undefined ? ` (${n} mention${n === 1 ? '' : 's'} of ${actorName})` : '';
          return (
            <option key={doc.id} value={doc.id}>
              {documentLabel(doc) + suffix}
            </option>
          );
        })}
      </select>
    </div>
  );
}
