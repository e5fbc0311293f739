/** Graph helpers over relations: pure, framework-free. */
import type { Relation } from './schema';

/** Key of an unordered actor pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Ids of the actors linked to `actorId` by at least one of the relations. */
export function neighboursOf(actorId: string, relations: readonly Relation[]): Set<string> {
  const out = new Set<string>();
  for (const r of relations) {
    if (r.source === actorId && r.target !== actorId) out.add(r.target);
    else if (r.target === actorId && r.source !== actorId) out.add(r.source);
  }
  return out;
}

/** Number of relations each actor takes part in. */
export function degrees(relations: readonly Relation[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of relations) {
    out.set(r.source, (out.get(r.source) ?? 0) + 1);
    if (r.target !== r.source) out.set(r.target, (out.get(r.target) ?? 0) + 1);
  }
  return out;
}
