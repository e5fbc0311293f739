/** The evidence of the selected edge: every visible relation between the pair, with its sentence and document. */
import { selectEdgeRelations, selectIndex } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { RELATION_COLOUR, NEGATED_COLOUR } from './graph-style';

const selectSelectedEdge = (s: { selectedEdge: { source: string; target: string } | null }) => s.selectedEdge;

export function EvidenceList() {
  const storeApi = useAppStoreApi();
  const edge = useAppStore(selectSelectedEdge);
  const relations = useAppStore(selectEdgeRelations);
  const index = useAppStore(selectIndex);
  if (!edge) return null;
  const nameOf = (id: string): string => index.actorsById.get(id)?.name ?? id;
  const title = `${nameOf(edge.source)} and ${nameOf(edge.target)}`;
  const close = () => {
    const s = storeApi.getState();
    s.selectActor(s.selectedActorId);
  };
  return (
    <aside className="evidence" aria-labelledby="network-evidence-heading">
      <div className="evidence-head">
        <h3 id="network-evidence-heading">
          Evidence: <span className="evidence-pair">{title}</span>
        </h3>
        <button type="button" className="icon-button" onClick={close} aria-label="Close evidence">
          ×
        </button>
      </div>
      {relations.length === 0 ? (
        <p className="evidence-empty">No visible relations between these actors (check the filters).</p>
      ) : (
        <ol className="evidence-items">
          {relations.map((r) => {
            const doc = index.docsById.get(r.docId);
            const sentence = doc ? doc.text.slice(r.evidence.start, r.evidence.end) : '';
            const docTitle = doc ? doc.title || doc.file : r.docId;
            return (
              <li key={r.id} className={`evidence-item${r.negated ? ' is-negated' : ''}`}>
                <p className="evidence-meta">
                  <span
                    className="evidence-swatch"
                    aria-hidden="true"
                    style={{ background: r.negated ? NEGATED_COLOUR : RELATION_COLOUR[r.type] }}
                  />
                  <strong>{r.negated ? `not ${r.type}` : r.type}</strong>
                  {r.negated && <span className="badge">negated</span>}
                  <span className="evidence-polarity">{r.polarity}</span>
                </p>
                <p className="evidence-direction">
                  {nameOf(r.source)} → {nameOf(r.target)}
                  {r.date?.text ? ` · ${r.date.text}` : r.date ? ` · ${r.date.start}` : ''}
                </p>
                <blockquote className="evidence-quote">{quoted(sentence)}</blockquote>
                <p className="evidence-doc">
                  <cite>{docTitle}</cite>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => storeApi.getState().openDocument(r.docId, r.evidence)}
                    aria-label={`Open in text: ${docTitle}`}
                  >
                    Open in text
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}

const OPENING_QUOTES = /^["'“‘«„‚‹]/;
const CLOSING_QUOTES = /["'”’»›]$/;

/** The sentence in curly quotes, unless it already starts or ends with a quote mark of its own. */
export function quoted(sentence: string): string {
  const text = sentence.trim();
  if (text === '' || OPENING_QUOTES.test(text) || CLOSING_QUOTES.test(text)) return text;
  return `“${text}”`;
}
