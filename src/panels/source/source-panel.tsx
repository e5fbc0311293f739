/**
 * Source text: the open document with actor mentions (by kind), date expressions, ignored page furniture and the
 * emphasised evidence sentence. React text only. Reads the shared selectors, so it agrees with the other panels.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Actor, DocumentRecord } from '../../model/schema';
import {
  selectIndex,
  selectOpenDocument,
  selectSelectedActor,
  selectSelectedActorDocuments,
  selectVisibleActorIds,
} from '../../store/selectors';
import {
  selectOpenDocumentTimexes,
  selectSelectedActorDocCounts,
  selectSelectedActorMentionsInOpenDocument,
  selectSourceMentions,
} from '../../store/selectors-source';
import type { AppState } from '../../store/types';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { KIND_CUE, KIND_LABEL, KindLegend } from '../../ui/kind-legend';
import { DocumentSwitcher, documentLabel, formatPublished } from './document-switcher';
import { buildRenderTree, type BlockNode, type FurnitureNode, type LeafNode, type MentionNode } from './render-tree';
import { splitByMentions, type TimexSpan } from './split-by-mentions';
import './source.css';
import { prefersReducedMotion } from '../../ui/reduced-motion';

const selectDocuments = (s: AppState) => s.dataset.documents;
const selectActorsById = (s: AppState) => selectIndex(s).actorsById;
const selectSelectedActorId = (s: AppState) => s.selectedActorId;
const selectEmphasis = (s: AppState) => s.emphasis;
const selectSelectedEventTitle = (s: AppState) =>
  s.selectedEventId === null ? undefined : selectIndex(s).eventsById.get(s.selectedEventId)?.title;
/** Changes whenever a selection the source panel reflects changes (for the perf mark). */
const selectSelectionKey = (s: AppState) =>
  `${s.selectedActorId}|${s.selectedEventId}|${s.selectedEdge?.source}|${s.selectedEdge?.target}|${s.openDocId}|${s.emphasis?.start}-${s.emphasis?.end}`;

const selectSelectedActorVisible = (s: AppState) =>
  s.selectedActorId !== null && selectVisibleActorIds(s).has(s.selectedActorId);

const EMPTY_FURNITURE: NonNullable<DocumentRecord['furniture']> = [];

/** Smooth unless the user prefers reduced motion, or the target is far away (smooth over 50k px is just slow). */
function scrollBehavior(el?: Element, scroller?: Element | null): ScrollBehavior {
  if (prefersReducedMotion()) return 'auto';
  if (el && scroller) {
    const distance = Math.abs(el.getBoundingClientRect().top - scroller.getBoundingClientRect().top);
    if (distance > 3 * Math.max(scroller.clientHeight, 200)) return 'auto';
  }
  return 'smooth';
}

const TIMEX_DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function TimexText({ timex, children }: { timex: TimexSpan; children: ReactNode }) {
  const title = `Date expression${timex.type ? ` (${timex.type})` : ''}: ${timex.value}`;
  return TIMEX_DATE_RE.test(timex.value) ? (
    <time className="timex" dateTime={timex.value} title={title}>
      {children}
    </time>
  ) : (
    <span className="timex" title={title}>
      {children}
    </span>
  );
}

function renderLeaf(node: LeafNode): ReactNode {
  return node.kind === 'timex' ? (
    <TimexText key={node.key} timex={node.timex}>
      {node.text}
    </TimexText>
  ) : (
    node.text
  );
}

/** One mention. Memoised on stable props: a selection change re-renders only the marks whose state changed. */
const MentionMark = memo(function MentionMark({
  node,
  actor,
  selected,
  onActivate,
}: {
  node: MentionNode;
  actor: Actor;
  selected: boolean;
  onActivate: (actorId: string) => void;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(actor.id);
    }
  };
  return (
    <mark className={`mention kind-${actor.kind}${selected ? ' is-selected' : ''}`} data-actor-id={actor.id}>
      <span
        className="mention-button"
        data-start={node.start}
        role="button"
        tabIndex={selected ? 0 : -1}
        title={`${actor.name}: ${KIND_LABEL[actor.kind]} (${KIND_CUE[actor.kind]})`}
        onClick={() => onActivate(actor.id)}
        onKeyDown={onKeyDown}
      >
        {node.children.map(renderLeaf)}
      </span>
    </mark>
  );
});

interface TextProps {
  tree: BlockNode[];
  actorsById: ReadonlyMap<string, Actor>;
  selectedActorId: string | null;
  onActivate: (actorId: string) => void;
  emphasisRef: React.Ref<HTMLSpanElement>;
}

/**
 * The text itself. The tree is built once per split (document, filters, emphasis); a selection change re-renders
 * this component but only the marks of the previously and newly selected actors. Other marks turn faint by CSS
 * (.has-selection on the article), not by re-rendering.
 */
const DocumentText = memo(function DocumentText({
  tree,
  actorsById,
  selectedActorId,
  onActivate,
  emphasisRef,
}: TextProps) {
  const renderInline = (node: FurnitureNode | MentionNode | LeafNode): ReactNode => {
    if (node.kind === 'mention') {
      const actor = actorsById.get(node.actorId);
      if (!actor) return node.children.map(renderLeaf);
      return (
        <MentionMark
          key={node.key}
          node={node}
          actor={actor}
          selected={actor.id === selectedActorId}
          onActivate={onActivate}
        />
      );
    }
    if (node.kind === 'furniture') {
      return (
        <span key={node.key} className="furniture">
          <span className="furniture-label">{node.label}</span>
          {node.children.map(renderInline)}
        </span>
      );
    }
    return renderLeaf(node);
  };
  return (
    <>
      {tree.map((block) =>
        block.kind === 'emphasis' ? (
          <span key={block.key} ref={emphasisRef} className="emphasis" tabIndex={-1} data-emphasis="">
            {block.children.map(renderInline)}
          </span>
        ) : (
          <span key={block.key}>{block.children.map(renderInline)}</span>
        ),
      )}
    </>
  );
});

function shortTitle(doc: DocumentRecord): string {
  const t = doc.title.trim() || doc.file;
  return t.length > 44 ? `${t.slice(0, 43)}…` : t;
}

/**
 * Documents listed when an actor is selected, and how many more each step adds. A hub actor is mentioned in hundreds
 * or thousands of documents, but the list box shows three rows: more rows are built only as the list is scrolled
 * towards its end (or its "Show more" button is used). Building them all, even in steps after each paint, kept
 * thousands of rows in the DOM, and tearing them down on the next selection was a long task.
 */
export const FIRST_ACTOR_DOCS = 40;
export const ACTOR_DOCS_STEP = 80;

/** Keyed by the actor (a new actor's list replaces the old one as a whole, and starts again from the first rows). */
const ActorDocuments = memo(function ActorDocuments({
  actor,
  docs,
  openDocId,
  onOpen,
}: {
  actor: Actor;
  docs: { doc: DocumentRecord; count: number }[];
  openDocId: string | null;
  onOpen: (docId: string) => void;
}) {
  const [limit, setLimit] = useState(FIRST_ACTOR_DOCS);
  const partial = docs.length > limit;
  const moreRef = useRef<HTMLLIElement>(null);
  const showMore = useCallback(() => setLimit((n) => n + ACTOR_DOCS_STEP), []);
  useEffect(() => {
    const more = moreRef.current;
    if (!partial || !more || typeof IntersectionObserver === 'undefined') return undefined;
    // The list box scrolls: grow when its last rows (within about two box heights) come into view.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore(), {
      root: more.parentElement,
      rootMargin: '0px 0px 200% 0px',
    });
    observer.observe(more);
    return () => observer.disconnect();
  }, [limit, partial, showMore]);
  // The open document's row is always listed, and scrolled into the list box's view (not the page's).
  const openIndex = openDocId === null ? -1 : docs.findIndex((d) => d.doc.id === openDocId);
  if (openIndex >= limit)
    setLimit(Math.ceil((openIndex + 1 - FIRST_ACTOR_DOCS) / ACTOR_DOCS_STEP) * ACTOR_DOCS_STEP + FIRST_ACTOR_DOCS);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    const row = list?.querySelector('[aria-current="true"]')?.closest('li');
    if (!list || !row || typeof IntersectionObserver === 'undefined') return undefined;
    // Observed rather than measured: the observer reports both boxes after the browser's own next layout, where
    // getBoundingClientRect here forced an extra one in the middle of every selection (10 ms at 10k events).
    const observer = new IntersectionObserver(
      ([entry]) => {
        observer.disconnect();
        const box = entry?.rootBounds;
        if (!entry || !box || entry.intersectionRatio >= 1) return;
        const at = entry.boundingClientRect;
        if (at.top < box.top) list.scrollTop -= box.top - at.top;
        else if (at.bottom > box.bottom) list.scrollTop += at.bottom - box.bottom;
      },
      { root: list, threshold: 1 },
    );
    observer.observe(row);
    return () => observer.disconnect();
  }, [openDocId, limit]);
  const shown = partial ? docs.slice(0, limit) : docs;
  return (
    <nav className="actor-docs" aria-label={`Documents mentioning ${actor.name}`}>
      <span className="actor-docs-title">
        {docs.length === 0
          ? `${actor.name} is not mentioned in any document.`
          : `${actor.name} is mentioned in ${docs.length} document${docs.length === 1 ? '' : 's'}:`}
      </span>
      <ul ref={listRef}>
        {shown.map(({ doc, count }) => (
          <li key={doc.id}>
            <button
              type="button"
              className="actor-doc"
              title={doc.title.trim() || doc.file}
              aria-current={doc.id === openDocId ? 'true' : undefined}
              onClick={() => onOpen(doc.id)}
            >
              {/* Two spans (title, count), not six nodes: hundreds of these are built when a hub actor is selected.
                  The title shrinks (with an ellipsis) in a narrow panel, so the count always shows. */}
              <span className="title">{shortTitle(doc)}</span>
              <span className="count">{` · ${count} mention${count === 1 ? '' : 's'}${doc.id === openDocId ? ' · open' : ''}`}</span>
            </button>
          </li>
        ))}
        {partial && (
          <li ref={moreRef}>
            <button type="button" className="actor-doc actor-docs-more" onClick={showMore}>
              {`Show ${Math.min(ACTOR_DOCS_STEP, docs.length - limit)} more (${limit} of ${docs.length} shown)`}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
});

function DocumentMeta({ doc }: { doc: DocumentRecord }) {
  const bits = [doc.source, doc.author, `published ${formatPublished(doc.published)}`];
  if (doc.publishedFrom === 'dateline') bits.push('date from the dateline');
  return (
    <div className="doc-meta">
      <h3 className="doc-title">{doc.title.trim() || doc.file}</h3>
      <p className="doc-byline">{bits.filter(Boolean).join(' · ')}</p>
      {doc.warnings && doc.warnings.length > 0 && (
        <ul className="doc-warnings" aria-label="Warnings">
          {doc.warnings.map((w, i) => (
            <li key={i}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SourcePanel() {
  const storeApi = useAppStoreApi();
  const documents = useAppStore(selectDocuments);
  const doc = useAppStore(selectOpenDocument);
  const mentions = useAppStore(selectSourceMentions);
  const timexes = useAppStore(selectOpenDocumentTimexes);
  const actorsById = useAppStore(selectActorsById);
  const selectedActorId = useAppStore(selectSelectedActorId);
  const selectedActor = useAppStore(selectSelectedActor);
  const actorDocs = useAppStore(selectSelectedActorDocuments);
  const docCounts = useAppStore(selectSelectedActorDocCounts);
  const selectedMentions = useAppStore(selectSelectedActorMentionsInOpenDocument);
  const emphasis = useAppStore(selectEmphasis);
  const eventTitle = useAppStore(selectSelectedEventTitle);
  const selectionKey = useAppStore(selectSelectionKey);
  const actorVisible = useAppStore(selectSelectedActorVisible);

  const scrollerRef = useRef<HTMLDivElement>(null);
  const emphasisRef = useRef<HTMLSpanElement>(null);
  const [mentionIndex, setMentionIndex] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  const text = doc?.text ?? '';
  const furniture = doc?.furniture ?? EMPTY_FURNITURE;
  // Split once per document/filters/emphasis; selection changes re-render but do not re-split.
  const split = useMemo(
    () => splitByMentions(text, mentions, timexes, furniture, emphasis),
    [text, mentions, timexes, furniture, emphasis],
  );
  const tree = useMemo(() => buildRenderTree(split), [split]);

  const onActivate = useCallback((actorId: string) => storeApi.getState().selectActor(actorId), [storeApi]);
  const onOpen = useCallback((docId: string) => storeApi.getState().openDocument(docId), [storeApi]);

  // Reset the "mention k of n" cursor when the actor or the document changes.
  const [cursorKey, setCursorKey] = useState('');
  const nextCursorKey = `${selectedActorId}|${doc?.id}`;
  if (cursorKey !== nextCursorKey) {
    setCursorKey(nextCursorKey);
    setMentionIndex(-1);
  }

  // Scroll: to the emphasised sentence when there is one, otherwise to the top of a newly opened document.
  const docId = doc?.id;
  const emStart = emphasis?.start;
  const emEnd = emphasis?.end;
  useEffect(() => {
    const el = emphasisRef.current;
    if (emStart !== undefined && el) {
      el.scrollIntoView({ block: 'center', behavior: scrollBehavior(el, scrollerRef.current) });
      const sentence = text.slice(emStart, emEnd);
      setAnnouncement(
        `Evidence sentence highlighted: ${sentence.length > 240 ? `${sentence.slice(0, 240)}…` : sentence}`,
      );
    } else if (scrollerRef.current) {
      scrollerRef.current.scrollTop = 0;
    }
  }, [docId, emStart, emEnd, text]);

  // Perf hook: mark once the selection has been rendered and painted.
  useEffect(() => {
    const raf = requestAnimationFrame(() => performance.mark('source:updated'));
    return () => cancelAnimationFrame(raf);
  }, [selectionKey]);

  const goToMention = (delta: number) => {
    const n = selectedMentions.length;
    if (n === 0) return;
    const next = mentionIndex < 0 ? (delta > 0 ? 0 : n - 1) : (mentionIndex + delta + n) % n;
    setMentionIndex(next);
    const m = selectedMentions[next];
    const el = m && scrollerRef.current?.querySelector<HTMLElement>(`.mention-button[data-start="${m.start}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: scrollBehavior(el, scrollerRef.current) });
      el.focus({ preventScroll: true });
    }
  };

  const showEvidence = () => {
    const el = emphasisRef.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: scrollBehavior(el, scrollerRef.current) });
    el.focus({ preventScroll: true });
  };

  if (documents.length === 0) {
    return <p className="source-empty">This dataset has no documents.</p>;
  }

  return (
    <div className="source">
      <div className="source-toolbar">
        <DocumentSwitcher
          documents={documents}
          openDocId={doc?.id ?? null}
          counts={docCounts}
          actorName={selectedActor?.name}
          onOpen={onOpen}
        />
        {selectedActor && (
          <div className="mention-nav" role="group" aria-label={`Mentions of ${selectedActor.name}`}>
            <button type="button" onClick={() => goToMention(-1)} disabled={selectedMentions.length === 0}>
              <span aria-hidden="true">↑ </span>Previous
            </button>
            <button type="button" onClick={() => goToMention(1)} disabled={selectedMentions.length === 0}>
              <span aria-hidden="true">↓ </span>Next mention
            </button>
            <span className="mention-count" aria-live="polite">
              {!actorVisible
                ? 'hidden by the filters'
                : selectedMentions.length === 0
                  ? 'not mentioned here'
                  : mentionIndex < 0
                    ? `${selectedMentions.length} here`
                    : `${mentionIndex + 1} of ${selectedMentions.length}`}
            </span>
          </div>
        )}
      </div>
      {selectedActor && (
        <ActorDocuments
          key={selectedActor.id}
          actor={selectedActor}
          docs={actorDocs}
          openDocId={doc?.id ?? null}
          onOpen={onOpen}
        />
      )}
      {split.emphasis && (
        <div className="evidence-bar">
          <span>
            {eventTitle ? (
              <>
                {/* A title that quotes someone gets single marks around it, not “…“…””. */}
                Evidence for <q className={/[“”"]/.test(eventTitle) ? 'quotes-single' : undefined}>{eventTitle}</q> is
                highlighted.
              </>
            ) : (
              'The evidence sentence is highlighted.'
            )}
          </span>
          <button type="button" onClick={showEvidence}>
            Show sentence
          </button>
        </div>
      )}
      {/* Focusable so the text can be scrolled from the keyboard (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="source-scroller" ref={scrollerRef} tabIndex={0} role="region" aria-label="Document text">
        {doc && <DocumentMeta doc={doc} />}
        {doc && (
          <article
            className={`source-text${selectedActorId !== null ? ' has-selection' : ''}`}
            aria-label={`Text of ${documentLabel(doc)}`}
          >
            <DocumentText
              tree={tree}
              actorsById={actorsById}
              selectedActorId={selectedActorId}
              onActivate={onActivate}
              emphasisRef={emphasisRef}
            />
          </article>
        )}
      </div>
      <details className="source-legend">
        <summary>Legend</summary>
        <KindLegend
          extra={
            <>
              <li>
                <span className="kind-swatch timex" aria-hidden="true">
                  2022
                </span>{' '}
                Date expression (dotted underline; hover for its value)
              </li>
              <li>
                <span className="kind-swatch furniture-label" aria-hidden="true">
                  byline · ignored
                </span>{' '}
                Page furniture ignored by extraction
              </li>
              <li>
                <span className="kind-swatch emphasis" aria-hidden="true">
                  Ab
                </span>{' '}
                Evidence sentence of the selection
              </li>
            </>
          }
        />
      </details>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
