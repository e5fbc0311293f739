/** The legend of actor kinds: each kind has a colour AND an underline style, so colour never carries meaning alone. */
import type { ActorKind } from '../model/schema';
import { ACTOR_KINDS } from '../model/schema-constants';
import './ui.css';

export const KIND_LABEL: Record<ActorKind, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  group: 'Group',
  place: 'Place',
  other: 'Other',
};

/** How the underline of a kind looks, in words (for the legend and accessible descriptions). */
export const KIND_CUE: Record<ActorKind, string> = {
  person: 'solid underline',
  country: 'double underline',
  organization: 'dashed underline',
  group: 'wavy underline',
  place: 'over- and underline',
  other: 'no underline',
};

/** A sample of how a kind is marked in text. */
export function KindSwatch({ kind }: { kind: ActorKind }) {
  return (
    <span className={`kind-swatch mention kind-${kind}`} aria-hidden="true">
      Ab
    </span>
  );
}

/** Legend of actor kinds (and, optionally, extra entries such as date expressions). */
export function KindLegend({ extra, title = 'Actor kinds' }: { extra?: React.ReactNode; title?: string }) {
  return (
    <div className="kind-legend">
      <span className="kind-legend-title">{title}:</span>
      <ul className="kind-legend-list">
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <KindSwatch kind={kind} /> {KIND_LABEL[kind]}
            <span className="visually-hidden"> ({KIND_CUE[kind]})</span>
          </li>
        ))}
        {extra}
      </ul>
    </div>
  );
}
