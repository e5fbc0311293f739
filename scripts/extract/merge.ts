/** Merges per-document extractions: one actor per id across documents, everything in canonical order. */
import type { Actor, Dataset, DatasetEvent, Mention, Relation, Timex } from '../../src/model/schema';
import { compareCodeUnits } from './input';
import type { DocumentExtraction } from './document';

type Merged = Pick<Dataset, 'actors' | 'mentions' | 'timexes' | 'events' | 'relations'>;

const byKeys =
  <T>(...keys: ((x: T) => string | number)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const ka = key(a);
      const kb = key(b);
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : compareCodeUnits(String(ka), String(kb));
      if (c !== 0) return c;
    }
    return 0;
  };

/** Merges actors that share an id: the name seen most often wins (ties: code-unit order), aliases are unioned. */
export function mergeActors(actors: readonly Actor[], mentionCounts: ReadonlyMap<string, number>): Actor[] {
  const groups = new Map<string, Actor[]>();
  for (const a of actors) groups.set(a.id, [...(groups.get(a.id) ?? []), a]);
  const merged: Actor[] = [];
  for (const [id, group] of groups) {
    const names = new Map<string, number>();
    for (const a of group) names.set(a.name, (names.get(a.name) ?? 0) + 1);
    const name = [...names].sort((x, y) => y[1] - x[1] || compareCodeUnits(x[0], y[0]))[0]![0];
    const aliases = [...new Set(group.flatMap((a) => [a.name, ...a.aliases]))].filter((s) => s !== name);
    aliases.sort(compareCodeUnits);
    merged.push({ id, name, kind: group[0]!.kind, aliases });
  }
  void mentionCounts;
  return merged.sort(byKeys((a) => a.id));
}

/** Combines the extractions of all documents into the dataset's collections, sorted. */
export function mergeExtractions(extractions: readonly DocumentExtraction[]): Merged {
  const mentions: Mention[] = extractions.flatMap((x) => x.mentions);
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  return {
    actors: mergeActors(
      extractions.flatMap((x) => x.actors),
      counts,
    ),
    mentions: mentions.sort(
      byKeys(
        (m) => m.docId,
        (m) => m.start,
        (m) => m.end,
        (m) => m.actorId,
      ),
    ),
    timexes: extractions
      .flatMap((x) => x.timexes)
      .sort(
        byKeys<Timex>(
          (t) => t.docId,
          (t) => t.start,
          (t) => t.end,
        ),
      ),
    events: extractions
      .flatMap((x) => x.events)
      .sort(
        byKeys<DatasetEvent>(
          (e) => e.docId,
          (e) => e.evidence.start,
          (e) => e.id,
        ),
      ),
    relations: extractions
      .flatMap((x) => x.relations)
      .sort(
        byKeys<Relation>(
          (r) => r.docId,
          (r) => r.evidence.start,
          (r) => r.id,
        ),
      ),
  };
}
