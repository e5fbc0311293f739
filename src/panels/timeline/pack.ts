/**
 * Pure row packing in screen space: which of the items near the view fit in the rows a lane is given, and "+N"
 * chips for the ones that do not. It mirrors vis-timeline's stacking (first fit, in start order) with widths
 * estimated a little generously, so vis-timeline ends up with no more rows than planned.
 */

/** One thing to place: its horizontal extent in px and its lane. */
export interface PackInput {
  id: string;
  lane: string;
  /** Sort key (vis-timeline's order): start time. */
  start: number;
  left: number;
  right: number;
  /** Placed before the others (the selected event). */
  pinned?: boolean;
}

/** A "+N" chip: hidden items of one lane around one place. */
export interface MoreChip {
  id: string;
  lane: string;
  /** Where the chip is drawn (px) and the hidden items' time range. */
  left: number;
  start: number;
  end: number;
  ids: string[];
}

export interface PackResult {
  shown: Set<string>;
  chips: MoreChip[];
  /** Rows used per lane. */
  rows: Map<string, number>;
}

/** Horizontal gap kept between items in a row (px). */
const GAP = 4;
/** Width of a "+N" chip (px). */
export const CHIP_PX = 44;

type Row = { left: number; right: number }[];

const fits = (row: Row, left: number, right: number): boolean =>
  row.every((r) => right + GAP <= r.left || left >= r.right + GAP);

function firstFit(rows: Row[], left: number, right: number, maxRows: number): number {
  for (let i = 0; i < maxRows; i++) {
    const row = rows[i] ?? (rows[i] = []);
    if (fits(row, left, right)) {
      row.push({ left, right });
      return i;
    }
  }
  return -1;
}

const byStart = (a: PackInput, b: PackInput): number => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows each lane would need with no limit. */
export function rowsNeeded(inputs: readonly PackInput[]): Map<string, number> {
  const byLane = new Map<string, PackInput[]>();
  for (const input of inputs) {
    const list = byLane.get(input.lane);
    if (list) list.push(input);
    else byLane.set(input.lane, [input]);
  }
  const out = new Map<string, number>();
  for (const [lane, list] of byLane) {
    const rows: Row[] = [];
    for (const input of list.sort(byStart)) firstFit(rows, input.left, input.right, Infinity);
    out.set(lane, rows.length);
  }
  return out;
}

/**
 * Shares `totalRows` between lanes (in lane order): every lane with items gets one row, a lane that overflows gets
 * two when possible (one for its "+N" chips), and the rest go where most rows are missing.
 */
export function allocateRows(
  needed: ReadonlyMap<string, number>,
  laneOrder: readonly string[],
  totalRows: number,
): Map<string, number> {
  const lanes = laneOrder.filter((l) => (needed.get(l) ?? 0) > 0);
  const alloc = new Map(lanes.map((l) => [l, 1]));
  let left = totalRows - lanes.length;
  for (const l of lanes) {
    if (left <= 0) break;
    if ((needed.get(l) ?? 0) > 1) {
      alloc.set(l, 2);
      left--;
    }
  }
  while (left > 0) {
    let best: string | undefined;
    let bestMissing = 0;
    for (const l of lanes) {
      const missing = (needed.get(l) ?? 0) - (alloc.get(l) ?? 0);
      if (missing > bestMissing) {
        best = l;
        bestMissing = missing;
      }
    }
    if (best === undefined) break;
    alloc.set(best, (alloc.get(best) ?? 0) + 1);
    left--;
  }
  return alloc;
}

/**
 * Places the inputs of each lane in at most `rows(lane)` rows. When a lane overflows, its last row holds the "+N"
 * chips of the hidden items (an item of that row that overlaps a chip is hidden into it). Deterministic.
 */
export function pack(inputs: readonly PackInput[], rowsFor: (lane: string) => number): PackResult {
  const byLane = new Map<string, PackInput[]>();
  for (const input of inputs) {
    const list = byLane.get(input.lane);
    if (list) list.push(input);
    else byLane.set(input.lane, [input]);
  }
  const shown = new Set<string>();
  const chips: MoreChip[] = [];
  const rowsUsed = new Map<string, number>();
  for (const [lane, list] of [...byLane].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    list.sort((a, b) => Number(b.pinned === true) - Number(a.pinned === true) || byStart(a, b));
    const maxRows = Math.max(1, rowsFor(lane));
    const rows: Row[] = [];
    const rowOf = new Map<string, number>();
    const hidden: PackInput[] = [];
    for (const input of list) {
      const row = firstFit(rows, input.left, input.right, maxRows);
      if (row < 0) hidden.push(input);
      else rowOf.set(input.id, row);
    }
    if (hidden.length > 0) {
      // Clusters of hidden items, each shown as one chip at its first item.
      hidden.sort(byStart);
      const clusters: { left: number; right: number; members: PackInput[] }[] = [];
      for (const h of hidden) {
        const last = clusters[clusters.length - 1];
        if (last && h.left < last.left + CHIP_PX + 3 * GAP) {
          last.members.push(h);
          last.right = Math.max(last.right, h.right);
        } else clusters.push({ left: h.left, right: h.right, members: [h] });
      }
      const chipRow = maxRows - 1;
      for (const cluster of clusters) {
        const chipLeft = cluster.left;
        const chipRight = chipLeft + CHIP_PX;
        // Items of the chip row under the chip join it (never the pinned one).
        for (const input of list) {
          if (rowOf.get(input.id) !== chipRow || input.pinned) continue;
          if (input.right + 2 * GAP > chipLeft && input.left < chipRight + 2 * GAP) {
            rowOf.delete(input.id);
            cluster.members.push(input);
          }
        }
        let start = Infinity;
        let end = -Infinity;
        for (const m of cluster.members) {
          start = Math.min(start, m.start);
          end = Math.max(end, m.start);
        }
        const ids = cluster.members.map((m) => m.id).sort();
        chips.push({ id: `more:${lane}:${start}:${ids.length}`, lane, left: chipLeft, start, end, ids });
      }
    }
    for (const id of rowOf.keys()) shown.add(id);
    rowsUsed.set(lane, Math.min(maxRows, rows.length));
  }
  return { shown, chips, rows: rowsUsed };
}
