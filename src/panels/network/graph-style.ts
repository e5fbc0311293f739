/**
 * How the network encodes meaning: a shape AND a colour per actor kind, a colour per relation type (Okabe-Ito,
 * colour-blind safe), a line style per polarity, grey dots for negated relations, width per evidence count.
 * Pure helpers, shared by the graph, the legend and the tests.
 */
import { ACTOR_KINDS, POLARITIES, RELATION_TYPES } from '../../model/schema-constants';
import type { ActorKind, Polarity, Relation, RelationType } from '../../model/schema';

export type ShapeName = 'circle' | 'square' | 'diamond' | 'triangle' | 'pentagon' | 'star';

export const KIND_SHAPE: Record<ActorKind, ShapeName> = {
  person: 'circle',
  country: 'square',
  organization: 'diamond',
  group: 'triangle',
  place: 'pentagon',
  other: 'star',
};

/** Fills match the mention highlights of the source text (src/styles/app.css --mark-*), slightly deeper. */
export const KIND_FILL: Record<ActorKind, string> = {
  person: '#f6d860',
  country: '#8fc1f5',
  organization: '#8fd9a4',
  group: '#e9a6f5',
  place: '#c3ccd8',
  other: '#d6d3cc',
};

export const KIND_LABEL: Record<ActorKind, string> = {
  person: 'person',
  country: 'country',
  organization: 'organization',
  group: 'group',
  place: 'place',
  other: 'other',
};

/** Okabe-Ito colours; yellow (too light for a line on white) replaced by a dark olive for affiliation. */
export const RELATION_COLOUR: Record<RelationType, string> = {
  consult: '#56b4e9',
  support: '#009e73',
  cooperate: '#0072b2',
  aid: '#cc79a7',
  request: '#e69f00',
  criticize: '#d55e00',
  attack: '#000000',
  affiliation: '#8a7a00',
};

export const NEGATED_COLOUR = '#8c8c8c';

/** stroke-dasharray per polarity ('' = solid); negated relations get their own dotted style. */
export const POLARITY_DASH: Record<Polarity, string> = {
  cooperation: '',
  conflict: '8 4',
  neutral: '12 3 2 3',
};
export const NEGATED_DASH = '2 4';

export const POLARITY_LABEL: Record<Polarity, string> = {
  cooperation: 'cooperation (solid)',
  conflict: 'conflict (dashed)',
  neutral: 'neutral (dash-dot)',
};

/** Path of a shape centred on 0,0 whose area is about that of a circle of radius r. */
export function shapePath(shape: ShapeName, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${fmt(-r)},0a${fmt(r)},${fmt(r)} 0 1,0 ${fmt(2 * r)},0a${fmt(r)},${fmt(r)} 0 1,0 ${fmt(-2 * r)},0Z`;
    case 'square': {
      const h = r * 0.89;
      return `M${fmt(-h)},${fmt(-h)}H${fmt(h)}V${fmt(h)}H${fmt(-h)}Z`;
    }
    case 'diamond':
      return polygon(4, r * 1.25, -Math.PI / 2);
    case 'triangle':
      return polygon(3, r * 1.4, -Math.PI / 2, r * 0.15);
    case 'pentagon':
      return polygon(5, r * 1.1, -Math.PI / 2);
    case 'star':
      return star(5, r * 1.35, r * 0.6);
  }
}

const fmt = (v: number): string => String(Math.round(v * 100) / 100);

function polygon(sides: number, radius: number, rotation: number, dy = 0): string {
  const pts: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * 2 * Math.PI) / sides;
    pts.push(`${fmt(Math.cos(a) * radius)},${fmt(Math.sin(a) * radius + dy)}`);
  }
  return `M${pts.join('L')}Z`;
}

function star(points: number, outer: number, inner: number): string {
  const pts: string[] = [];
  for (let i = 0; i < points * 2; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    pts.push(`${fmt(Math.cos(a) * radius)},${fmt(Math.sin(a) * radius)}`);
  }
  return `M${pts.join('L')}Z`;
}

/** Stroke width from the number of relations in an edge: 1.5 for one, growing with the log of the count. */
export function edgeWidth(count: number): number {
  return Math.min(8, 1.5 + 1.5 * Math.log2(Math.max(1, count)));
}

/** Shortens a name to `max` characters (code points) with an ellipsis. */
export function truncate(text: string, max = 22): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function majority<T extends string>(values: readonly T[], order: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const v of order) {
    const c = counts.get(v) ?? 0;
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

export interface EdgeSummary {
  /** Most frequent type among the non-negated relations (or among all, when every one is negated). */
  type: RelationType;
  polarity: Polarity;
  /** Every relation of the edge is negated: drawn grey and dotted, never as its positive type. */
  negatedOnly: boolean;
  negatedCount: number;
  /** More than one relation type in the edge. */
  mixed: boolean;
  colour: string;
  dash: string;
  width: number;
  /** Set when every relation runs the same way: the arrow points at `to`. */
  direction: { from: string; to: string } | null;
}

/** How one edge (all relations between a pair) is drawn. */
export function summariseEdge(relations: readonly Relation[]): EdgeSummary {
  const positive = relations.filter((r) => !r.negated);
  const negatedOnly = positive.length === 0;
  const base = negatedOnly ? relations : positive;
  const type =
    majority(
      base.map((r) => r.type),
      RELATION_TYPES,
    ) ?? 'consult';
  const polarity =
    majority(
      base.map((r) => r.polarity),
      POLARITIES,
    ) ?? 'neutral';
  const first = relations[0];
  const sameWay = first !== undefined && relations.every((r) => r.source === first.source && r.target === first.target);
  return {
    type,
    polarity,
    negatedOnly,
    negatedCount: relations.length - positive.length,
    mixed: new Set(relations.map((r) => r.type)).size > 1,
    colour: negatedOnly ? NEGATED_COLOUR : RELATION_COLOUR[type],
    dash: negatedOnly ? NEGATED_DASH : POLARITY_DASH[polarity],
    width: edgeWidth(relations.length),
    direction: sameWay && first ? { from: first.source, to: first.target } : null,
  };
}

/** "consult ×2, not support" — the relation types of an edge in words, negations spelled out. */
export function describeRelations(relations: readonly Relation[]): string {
  const counts = new Map<string, number>();
  for (const r of relations) {
    const key = r.negated ? `not ${r.type}` : r.type;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ');
}

export { ACTOR_KINDS, POLARITIES, RELATION_TYPES };

/** The parts of a network link that decide whether a highlight lights it. */
interface LinkEnds {
  key: string;
  source: string;
  target: string;
}

/** A link is drawn at full strength under a highlight when it belongs to the selection (panel and figure alike). */
export function edgeIsLit(
  e: LinkEnds,
  highlighted: Set<string>,
  eventActive: boolean,
  selectedEdgeKey: string | null,
  selectedActorId: string | null,
): boolean {
  return eventActive
    ? highlighted.has(e.source) && highlighted.has(e.target)
    : selectedEdgeKey !== null
      ? e.key === selectedEdgeKey
      : e.source === selectedActorId || e.target === selectedActorId;
}
