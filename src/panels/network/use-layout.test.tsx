import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { datasetLayoutInput } from './dataset-layout';
import { seedLayout, useLayout } from './use-layout';
import { smallDataset } from '../../test/fixtures/small-dataset';

describe('useLayout', () => {
  it('uses seeded (stored) positions instead of laying the graph out', () => {
    const input = datasetLayoutInput(smallDataset);
    const seeded = new Map(input.nodes.map((n, i) => [n.id, { x: 1000 + i, y: -7 }]));
    seedLayout(input, seeded);
    const { result } = renderHook(() => useLayout(input));
    expect(result.current).toBe(seeded);
  });
});
