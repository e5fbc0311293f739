/** Merges per-document extractions: one actor per id across documents, everything in canonical order. */
import type { Actor, Dataset, DatasetEvent, Mention, Relation, Timex } from '../../src/model/schema';
import { compareCodeUnits } from './input';
import type { DocumentExtraction } from './document';

type Merged = Pick<Dataset, 'actors' | 'mentions' | 'timexes' | 'events' | 'relations'>;

// Canonical orders (Array.prototype.sort is stable): by document id (code units), then position, then id.
const byMention = (a: Mention, b: Mention): number =>
  compareCodeUnits(a.docId, b.docId) || a.start - b.start || a.end - b.end || compareCodeUnits(a.actorId, b.actorId);
const byTimex = (a: Timex, b: Timex): number =>
  compareCodeUnits(a.docId, b.docId) || a.start - b.start || a.end - b.end;
const byEvent = (a: DatasetEvent, b: DatasetEvent): number =>
  compareCodeUnits(a.docId, b.docId) || a.evidence.start - b.evidence.start || compareCodeUnits(a.id, b.id);
const byRelation = (a: Relation, b: Relation): number =>
  compareCodeUnits(a.docId, b.docId) || a.evidence.start - b.evidence.start || compareCodeUnits(a.id, b.id);

/** Merges actors that share an id: the name seen most often wins (ties: code-unit order), aliases are unioned. */
export function mergeActors(actors: readonly Actor[], mentionCounts: ReadonlyMap<string, number>): Actor[] {
  const groups = new Map<string, Actor[]>();
  for (const a of actors) {
    const group = groups.get(a.id);
    if (group) group.push(a);
    else groups.set(a.id, [a]);
  }
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
  return merged.sort((a, b) => compareCodeUnits(a.id, b.id));
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
    mentions: mentions.sort(byMention),
    timexes: extractions.flatMap((x) => x.timexes).sort(byTimex),
    events: extractions.flatMap((x) => x.events).sort(byEvent),
    relations: extractions.flatMap((x) => x.relations).sort(byRelation),
  };
}
