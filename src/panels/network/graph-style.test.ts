import { describe, expect, it } from 'vitest';
import type { Relation } from '../../model/schema';
import {
  ACTOR_KINDS,
  KIND_FILL,
  KIND_SHAPE,
  NEGATED_COLOUR,
  RELATION_COLOUR,
  RELATION_TYPES,
  describeRelations,
  edgeWidth,
  shapePath,
  summariseEdge,
  truncate,
} from './graph-style';

const rel = (over: Partial<Relation>): Relation => ({
  id: 'r',
  source: 'a',
  target: 'b',
  type: 'support',
  polarity: 'cooperation',
  negated: false,
  docId: 'd',
  evidence: { start: 0, end: 1 },
  ...over,
});

describe('actor kinds', () => {
  it('gives every kind its own shape and its own colour', () => {
    expect(new Set(ACTOR_KINDS.map((k) => KIND_SHAPE[k])).size).toBe(ACTOR_KINDS.length);
    expect(new Set(ACTOR_KINDS.map((k) => KIND_FILL[k])).size).toBe(ACTOR_KINDS.length);
  });

  it('draws a closed path for every shape', () => {
    for (const k of ACTOR_KINDS) expect(shapePath(KIND_SHAPE[k], 8)).toMatch(/^M.*Z$/);
    expect(shapePath('circle', 5)).toContain('a5,5');
    expect(shapePath('triangle', 5).split('L')).toHaveLength(3);
    expect(shapePath('star', 5).split('L')).toHaveLength(10);
  });
});

describe('relation types', () => {
  it('gives every type a distinct colour that is not the negated grey', () => {
    const colours = RELATION_TYPES.map((t) => RELATION_COLOUR[t]);
    expect(new Set(colours).size).toBe(RELATION_TYPES.length);
    expect(colours).not.toContain(NEGATED_COLOUR);
  });
});

describe('summariseEdge', () => {
  it('draws an all-negated edge grey and dotted, never in its positive colour', () => {
    const s = summariseEdge([rel({ negated: true })]);
    expect(s.negatedOnly).toBe(true);
    expect(s.colour).toBe(NEGATED_COLOUR);
    expect(s.colour).not.toBe(RELATION_COLOUR.support);
    expect(s.dash).not.toBe('');
  });

  it('styles by the non-negated relations when some are negated', () => {
    const s = summariseEdge([rel({ negated: true }), rel({ type: 'attack', polarity: 'conflict' })]);
    expect(s.type).toBe('attack');
    expect(s.colour).toBe(RELATION_COLOUR.attack);
    expect(s.dash).toBe('8 4');
    expect(s.negatedCount).toBe(1);
    expect(s.mixed).toBe(true);
  });

  it('has a direction only when every relation runs the same way', () => {
    expect(summariseEdge([rel({}), rel({ id: 'r2' })]).direction).toEqual({ from: 'a', to: 'b' });
    expect(summariseEdge([rel({}), rel({ id: 'r2', source: 'b', target: 'a' })]).direction).toBeNull();
  });

  it('grows the width with the evidence count', () => {
    expect(edgeWidth(1)).toBeLessThan(edgeWidth(2));
    expect(edgeWidth(2)).toBeLessThan(edgeWidth(8));
    expect(edgeWidth(10_000)).toBeLessThanOrEqual(8);
    expect(summariseEdge([rel({}), rel({ id: 'r2' })]).width).toBe(edgeWidth(2));
  });

  it('spells out negations', () => {
    expect(describeRelations([rel({}), rel({ id: 'r2' }), rel({ id: 'r3', negated: true })])).toBe(
      'support ×2, not support',
    );
  });
});

describe('truncate', () => {
  it('cuts long names with an ellipsis and keeps short ones', () => {
    expect(truncate('Short')).toBe('Short');
    const t = truncate('The Extraordinarily Long Named International Committee', 22);
    expect(Array.from(t)).toHaveLength(22);
    expect(t.endsWith('…')).toBe(true);
  });
});
