/**
 * Typed, directed relations between actors, one per actor pair and type per sentence, with polarity and a
 * negation flag, each linked to the event of its sentence. The analysis itself is in relations-analysis.ts.
 */
import type { DatasetEvent, Polarity, Relation, RelationType } from '../../src/model/schema';
import type { Predication, ResolvedMention, SentenceAnalysis } from './relations-analysis';

export const POLARITY: Readonly<Record<RelationType, Polarity>> = {
  consult: 'cooperation',
  support: 'cooperation',
  cooperate: 'cooperation',
  aid: 'cooperation',
  request: 'cooperation',
  criticize: 'conflict',
  attack: 'conflict',
  affiliation: 'neutral',
};

interface Candidate {
  source: string;
  target: string;
  type: RelationType;
  negated: boolean;
  symmetric: boolean;
}

/** Whether a and b are two names of one party: one of the mentions is b continuing a ("X, now Y") or a continuing b. */
function sameParty(named: readonly ResolvedMention[], a: string, b: string): boolean {
  for (const m of named) {
    if (m.formerOf === undefined) continue;
    if ((m.formerOf === a && m.actorId === b) || (m.actorId === a && m.formerOf === b)) return true;
  }
  return false;
}

/** Actor pairs a predication asserts, or none (no type, hypothetical, unattributed quotation, no partner). */
export function predicationPairs(p: Predication): Candidate[] {
  const cue = p.cue;
  const type = p.type ?? cue.entry.type;
  // A nominal attack or criticism with its agent ("whether X would back Russia's invasion of Ukraine") is presupposed.
  const presupposed = cue.noun && p.agentive && (type === 'attack' || type === 'criticize');
  if (
    !type ||
    cue.entry.role !== 'relation' ||
    (cue.hypothetical && !presupposed) ||
    cue.requested ||
    cue.unattributedQuote
  )
    return [];
  if (cue.entry.negativePolarity && !cue.negated) return [];
  const negated = cue.negated && !(cue.noun && p.agentive) && !cue.entry.negativePolarity;
  const symmetric = cue.entry.symmetric === true;
  const subjects: string[] = [];
  for (const s of p.subjects) if (!subjects.includes(s.actorId)) subjects.push(s.actorId);
  // "X, now Y": the two names of one party are never partners.
  const named = p.object ? [...p.subjects, p.object, ...(p.moreObjects ?? [])] : p.subjects;
  const out: Candidate[] = [];
  if (p.object) {
    const objects = [p.object, ...(p.moreObjects ?? [])];
    for (const s of subjects) {
      for (const o of objects) {
        if (s !== o.actorId && !sameParty(named, s, o.actorId))
          out.push({ source: s, target: o.actorId, type, negated, symmetric });
      }
    }
  } else if (subjects.length >= 2 && (symmetric || (cue.noun && p.agentive))) {
    for (let i = 0; i < subjects.length; i++) {
      for (let j = i + 1; j < subjects.length; j++) {
        if (sameParty(named, subjects[i]!, subjects[j]!)) continue;
        out.push({ source: subjects[i]!, target: subjects[j]!, type, negated, symmetric: true });
      }
    }
  }
  return out;
}

/** Builds the relations of a document from its sentence analyses; `bySentence` links them to events. */
export function buildRelations(
  docId: string,
  analyses: readonly SentenceAnalysis[],
  bySentence: ReadonlyMap<number, DatasetEvent>,
): Relation[] {
  const relations: Relation[] = [];
  for (const analysis of analyses) {
    // Most sentences assert nothing: no candidates, nothing to look up.
    if (analysis.predications.length === 0 && analysis.affiliations.length === 0) continue;
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const p of analysis.predications) for (const c of predicationPairs(p)) candidates.push(c);
    for (const a of analysis.affiliations) {
      const type = a.type ?? 'affiliation';
      candidates.push({ source: a.source, target: a.target, type, negated: false, symmetric: type === 'consult' });
    }
    const event = bySentence.get(analysis.sentence.start);
    for (const c of candidates) {
      if (c.source === c.target) continue;
      const key = `${c.source}\u0000${c.target}\u0000${c.type}`;
      const reverse = `${c.target}\u0000${c.source}\u0000${c.type}`;
      if (seen.has(key) || (c.symmetric && seen.has(reverse))) continue;
      seen.add(key);
      const relation: Relation = {
        id: `${docId}:r${relations.length}`,
        source: c.source,
        target: c.target,
        type: c.type,
        polarity: POLARITY[c.type],
        negated: c.negated,
        docId,
        evidence: { start: analysis.sentence.start, end: analysis.sentence.end },
      };
      if (event) {
        relation.eventId = event.id;
        relation.date = event.date;
      }
      relations.push(relation);
    }
  }
  return relations;
}
