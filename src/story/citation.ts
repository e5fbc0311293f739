/**
 * The source quote of a view (a story step): the exact sentence from a document that backs what the view shows, with
 * the document's title, source and date. Pure: the same dataset and view give the same citation.
 *
 * Which sentence, first match wins:
 *   1. the emphasised sentence of the open document;
 *   2. the selected event's evidence;
 *   3. the evidence of the selected edge's first relation (by date, then id; those inside the time window first);
 *   4. a sentence of the selected actor's events inside the time window: the first in the open document, else the
 *      earliest (by date, then id);
 *   5. none (null).
 */
import { compareCalendar, formatCalendarText } from '../model/calendar';
import type { Dataset, DatasetEvent, DocumentRecord, Relation, Span } from '../model/schema';
import { dateRange, overlaps, type TimeRange } from '../model/time';
import type { ViewState } from '../store/types';
import type { Citation } from './types';

function cite(doc: DocumentRecord | undefined, span: Span | null | undefined): Citation | null {
  if (!doc || !span) return null;
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > doc.text.length) {
    return null;
  }
  return {
    docId: doc.id,
    docTitle: doc.title || doc.file,
    source: doc.source ?? null,
    author: doc.author ?? null,
    published: doc.published,
    quote: doc.text.slice(start, end),
    start,
    end,
  };
}

/** Sorts by a calendar date (undated last), then by id. */
function byDateThenId<T extends { id: string }>(dateOf: (item: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const da = dateOf(a);
    const db = dateOf(b);
    if (da !== undefined && db !== undefined) {
      const c = compareCalendar(da, db);
      if (c !== 0) return c;
    } else if (da !== undefined || db !== undefined) {
      return da === undefined ? 1 : -1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

const inWindow = (range: TimeRange | undefined, window: TimeRange | null): boolean =>
  window === null || (range !== undefined && overlaps(range, window));

/** The quote (and its source) a view rests on, or null when the view points at no sentence. */
export function stepCitation(dataset: Dataset, view: ViewState): Citation | null {
  const docOf = (id: string): DocumentRecord | undefined => dataset.documents.find((d) => d.id === id);
  const eventOf = (id: string | undefined): DatasetEvent | undefined =>
    id === undefined ? undefined : dataset.events.find((e) => e.id === id);

  if (view.openDocId !== null && view.emphasis) {
    const c = cite(docOf(view.openDocId), view.emphasis);
    if (c) return c;
  }

  if (view.selectedEventId !== null) {
    const event = eventOf(view.selectedEventId);
    const c = event ? cite(docOf(event.docId), event.evidence) : null;
    if (c) return c;
  }

  const edge = view.selectedEdge;
  if (edge) {
    const between = dataset.relations.filter(
      (r) =>
        (r.source === edge.source && r.target === edge.target) ||
        (r.source === edge.target && r.target === edge.source),
    );
    const dateOf = (r: Relation): string | undefined => r.date?.start ?? eventOf(r.eventId)?.date.start;
    const rangeOf = (r: Relation): TimeRange | undefined => {
      const date = r.date ?? eventOf(r.eventId)?.date;
      return date ? dateRange(date) : undefined;
    };
    const inside = between.filter((r) => inWindow(rangeOf(r), view.timeWindow));
    const ordered = (inside.length > 0 ? inside : between).slice().sort(byDateThenId(dateOf));
    for (const r of ordered) {
      const c = cite(docOf(r.docId), r.evidence);
      if (c) return c;
    }
  }

  if (view.selectedActorId !== null) {
    const actorId = view.selectedActorId;
    const matching = dataset.events.filter(
      (e) => e.actorIds.includes(actorId) && inWindow(dateRange(e.date), view.timeWindow),
    );
    // The open document's first such sentence (what the source panel shows next to the quote), else the earliest.
    const inOpen = matching
      .filter((e) => e.docId === view.openDocId)
      .sort((a, b) => a.evidence.start - b.evidence.start);
    const events = [
      ...inOpen,
      ...matching.filter((e) => e.docId !== view.openDocId).sort(byDateThenId((e) => e.date.start)),
    ];
    for (const e of events) {
      const c = cite(docOf(e.docId), e.evidence);
      if (c) return c;
    }
  }

  return null;
}

/** One line for a citation: `“quote” — Title, Source, 14 April 2020` (missing parts are left out). */
export function formatCitation(c: Citation): string {
  const parts = [c.docTitle, c.source, c.published === null ? null : formatCalendarText(c.published)].filter(
    (p): p is string => p !== null && p !== '',
  );
  const quote = `“${c.quote.trim()}”`;
  return parts.length > 0 ? `${quote} — ${parts.join(', ')}` : quote;
}
