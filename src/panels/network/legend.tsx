/** What every shape, colour and line style in the network means. Dumb: no store access. */
import {
  ACTOR_KINDS,
  KIND_FILL,
  KIND_LABEL,
  KIND_SHAPE,
  NEGATED_COLOUR,
  NEGATED_DASH,
  POLARITIES,
  POLARITY_DASH,
  POLARITY_LABEL,
  RELATION_COLOUR,
  RELATION_TYPES,
  shapePath,
} from './graph-style';

function LineSample({ colour, dash, width = 2.5 }: { colour: string; dash?: string; width?: number }) {
  return (
    <svg className="legend-sample" width="34" height="12" aria-hidden="true">
      <line x1="2" y1="6" x2="32" y2="6" stroke={colour} strokeWidth={width} strokeDasharray={dash || undefined} />
    </svg>
  );
}

export function Legend() {
  return (
    <details className="network-legend">
      <summary>Legend</summary>
      <div className="legend-body">
        <section aria-label="Actor kinds">
          <h3>Actor kind (shape and colour)</h3>
          <ul>
            {ACTOR_KINDS.map((kind) => (
              <li key={kind}>
                <svg className="legend-sample" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                  <path d={shapePath(KIND_SHAPE[kind], 6)} fill={KIND_FILL[kind]} stroke="#3b4046" strokeWidth="1" />
                </svg>
                {KIND_LABEL[kind]} ({KIND_SHAPE[kind]})
              </li>
            ))}
          </ul>
          <p className="legend-note">Size: number of mentions.</p>
        </section>
        <section aria-label="Relation types">
          <h3>Relation type (colour)</h3>
          <ul>
            {RELATION_TYPES.map((type) => (
              <li key={type}>
                <LineSample colour={RELATION_COLOUR[type]} />
                {type}
              </li>
            ))}
          </ul>
          <p className="legend-note">A link with several types takes the most frequent one.</p>
        </section>
        <section aria-label="Polarity and direction">
          <h3>Polarity (line style)</h3>
          <ul>
            {POLARITIES.map((p) => (
              <li key={p}>
                <LineSample colour="#3b4046" dash={POLARITY_DASH[p]} />
                {POLARITY_LABEL[p]}
              </li>
            ))}
            <li>
              <LineSample colour={NEGATED_COLOUR} dash={NEGATED_DASH} />
              negated (grey, dotted)
            </li>
          </ul>
          <h3>Direction and weight</h3>
          <ul>
            <li>
              <svg className="legend-sample" width="34" height="12" aria-hidden="true">
                <line x1="2" y1="6" x2="26" y2="6" stroke="#3b4046" strokeWidth="2" />
                <path d="M24,1L33,6L24,11Z" fill="#3b4046" />
              </svg>
              arrow: all relations run one way
            </li>
            <li>
              <LineSample colour="#3b4046" width={1.5} />
              <LineSample colour="#3b4046" width={6} />
              width: number of relations
            </li>
          </ul>
        </section>
      </div>
    </details>
  );
}
