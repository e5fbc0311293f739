/** Picks the open document: a native <select> (keyboard and screen-reader friendly) with title, source and date. */
import { memo, useId, useState, type ReactElement, type ReactNode } from 'react';
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

const countSuffix = (n: number, actorName: string): string => ` (${n} mention${n === 1 ? '' : 's'} of ${actorName})`;

const optionOf = (doc: DocumentRecord, suffix: string): ReactElement => (
  <option key={doc.id} value={doc.id}>
    {documentLabel(doc) + suffix}
  </option>
);

/** Plain options for documents[from, to): re-rendered only when the list or the range changes. */
const OptionRange = memo(function OptionRange({
  documents,
  from,
  to,
}: {
  documents: readonly DocumentRecord[];
  from: number;
  to: number;
}) {
  return <>{documents.slice(from, to).map((doc) => optionOf(doc, ''))}</>;
});

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
  const counted = (doc: DocumentRecord): ReactElement => {
    const n = counts.get(doc.id);
    return optionOf(doc, actorName !== undefined && n !== undefined ? countSuffix(n, actorName) : '');
  };
  if (documents.length === 0) return null;
  let options: ReactNode;
  if (allCounts) options = documents.map(counted);
  else {
    // The open document's option (the one shown) always carries the count; the others once the list is focused
    // (opened). The rest are two memoised ranges around it, so a selection neither rewrites thousands of hidden
    // options (slow in a live <select>) nor has React walk them (3,000 options at 100k events, 10 ms a click).
    const open = openDocId === null ? -1 : documents.findIndex((d) => d.id === openDocId);
    options =
      open < 0 ? (
        <OptionRange documents={documents} from={0} to={documents.length} />
      ) : (
        <>
          <OptionRange documents={documents} from={0} to={open} />
          {counted(documents[open]!)}
          <OptionRange documents={documents} from={open + 1} to={documents.length} />
        </>
      );
  }
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
        {options}
      </select>
    </div>
  );
}
