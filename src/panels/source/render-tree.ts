/**
 * Pure: nests the flat segments of splitByMentions into a tree the panel renders
 * (emphasis > furniture > mention > timex). Built once per split, so its nodes are stable objects and the
 * memoised mention marks skip re-rendering when only the selection changes.
 */
import { groupRuns, type Segment, type SplitResult, type TimexSpan } from './split-by-mentions';

export type LeafNode =
  { kind: 'text'; key: string; text: string } | { kind: 'timex'; key: string; text: string; timex: TimexSpan };
export interface MentionNode {
  kind: 'mention';
  key: string;
  actorId: string;
  start: number;
  children: LeafNode[];
}
export interface FurnitureNode {
  kind: 'furniture';
  key: string;
  label: string;
  children: (MentionNode | LeafNode)[];
}
export interface BlockNode {
  kind: 'emphasis' | 'plain';
  key: string;
  children: (FurnitureNode | MentionNode | LeafNode)[];
}

function leaves(split: SplitResult, segments: Segment[]): LeafNode[] {
  return segments.map((s): LeafNode => {
    const t = s.timex === undefined ? undefined : split.timexes[s.timex];
    return t
      ? { kind: 'timex', key: `t${s.start}`, text: s.text, timex: t }
      : { kind: 'text', key: `x${s.start}`, text: s.text };
  });
}

function mentions(split: SplitResult, segments: Segment[]): (MentionNode | LeafNode)[] {
  return groupRuns(segments, (s) => s.mention).flatMap((run): (MentionNode | LeafNode)[] => {
    const m = run.key === undefined ? undefined : split.mentions[run.key];
    const first = run.segments[0];
    if (!m || !first) return leaves(split, run.segments);
    return [
      {
        kind: 'mention',
        key: `m${first.start}`,
        actorId: m.actorId,
        start: m.start,
        children: leaves(split, run.segments),
      },
    ];
  });
}

function furniture(split: SplitResult, segments: Segment[]): (FurnitureNode | MentionNode | LeafNode)[] {
  return groupRuns(segments, (s) => s.furniture).flatMap((run): (FurnitureNode | MentionNode | LeafNode)[] => {
    const f = run.key === undefined ? undefined : split.furniture[run.key];
    const first = run.segments[0];
    if (!f || !first) return mentions(split, run.segments);
    return [
      {
        kind: 'furniture',
        key: `f${first.start}`,
        label: `${f.kind} · ignored`,
        children: mentions(split, run.segments),
      },
    ];
  });
}

/** The render tree of a split text. */
export function buildRenderTree(split: SplitResult): BlockNode[] {
  return groupRuns(split.segments, (s) => s.emphasis).flatMap((run): BlockNode[] => {
    const first = run.segments[0];
    if (!first) return [];
    return [
      {
        kind: run.key ? 'emphasis' : 'plain',
        key: `${run.key ? 'e' : 'p'}${first.start}`,
        children: furniture(split, run.segments),
      },
    ];
  });
}
