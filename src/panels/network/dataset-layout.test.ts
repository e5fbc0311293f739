import stringify from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../model/schema';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { LAYOUT_VERSION, datasetLayoutInput, layoutOf, storedPositions, withLayout } from './dataset-layout';

describe('withLayout', () => {
  it('stores the layout the app would compute, one position per actor, sorted by id, valid', () => {
    const d = withLayout(smallDataset);
    const computed = layoutOf(datasetLayoutInput(smallDataset));
    expect(d.layout?.version).toBe(LAYOUT_VERSION);
    const ids = d.layout!.positions.map((p) => p.id);
    expect(ids).toEqual([...smallDataset.actors.map((a) => a.id)].sort());
    for (const p of d.layout!.positions) expect({ x: p.x, y: p.y }).toEqual(computed.get(p.id));
    expect(validateDataset(d).ok).toBe(true);
    // Everything else is unchanged, and the input is not mutated.
    expect({ ...d, layout: undefined }).toEqual({ ...smallDataset, layout: undefined });
    expect(smallDataset.layout).toBeUndefined();
  });

  it('is byte-identical from run to run', () => {
    expect(stringify(withLayout(smallDataset))).toBe(stringify(withLayout(smallDataset)));
  });
});

describe('storedPositions', () => {
  const input = datasetLayoutInput(smallDataset);

  it('gives the stored positions, equal to a fresh layout', () => {
    expect(storedPositions(withLayout(smallDataset), input)).toEqual(layoutOf(input));
  });

  it('gives nothing without a layout, with another version or when an actor has no position', () => {
    expect(storedPositions(smallDataset, input)).toBeNull();
    const stored = withLayout(smallDataset);
    expect(
      storedPositions({ ...stored, layout: { ...stored.layout!, version: LAYOUT_VERSION + 1 } }, input),
    ).toBeNull();
    const missing = { ...stored.layout!, positions: stored.layout!.positions.slice(1) };
    expect(storedPositions({ ...stored, layout: missing }, input)).toBeNull();
  });
});
