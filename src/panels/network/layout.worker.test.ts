import stringify from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { datasetLayoutInput, layoutOf, withLayout } from './dataset-layout';
import { answer } from './layout.worker';

describe('the layout worker', () => {
  it('lays out a dataset from its JSON text as the page would', () => {
    expect(answer({ text: stringify(smallDataset) })).toEqual(layoutOf(datasetLayoutInput(smallDataset)));
  });

  it('answers null at once for a text that brought its layout, and for text that is not a dataset', () => {
    expect(answer({ text: stringify(withLayout(smallDataset), null, 2) })).toBeNull();
    expect(answer({ text: '{"actors": 3' })).toBeNull();
  });
});
