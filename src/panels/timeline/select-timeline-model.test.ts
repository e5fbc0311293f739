import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/create-app-store';
import type { AppState, LaneMode } from '../../store/types';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { TIMELINE_MODEL_INPUTS, selectTimelineModel, timelineModelMayChange } from './select-timeline-model';

/** The top-level state fields a call of `select` reads. */
function fieldsRead(state: AppState, select: (s: AppState) => unknown): Set<string> {
  const read = new Set<string>();
  const proxy = new Proxy(state, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  select(proxy);
  return read;
}

describe('selectTimelineModel', () => {
  it('reads no state field beyond TIMELINE_MODEL_INPUTS, in every lane mode, with and without a selection', () => {
    const store = createAppStore(smallDataset);
    const actor = smallDataset.actors[0]!.id;
    const [a, b] = [smallDataset.relations[0]!.source, smallDataset.relations[0]!.target];
    const allowed = new Set<string>(TIMELINE_MODEL_INPUTS);
    for (const mode of ['kind', 'document', 'selected'] as LaneMode[]) {
      store.getState().setLaneMode(mode);
      for (const select of [
        () => store.getState().clearSelection(),
        () => store.getState().selectActor(actor),
        () => store.getState().selectEdge(a, b),
      ]) {
        select();
        // Fresh state objects each time, so memoised selectors run again and read everything they depend on.
        const state = { ...store.getState(), dataset: { ...store.getState().dataset } };
        const extra = [...fieldsRead(state, selectTimelineModel)].filter((k) => !allowed.has(k));
        expect(extra, `lane mode ${mode}`).toEqual([]);
      }
    }
  });

  it('is unchanged when only other fields change, and timelineModelMayChange says so', () => {
    const store = createAppStore(smallDataset);
    const before = store.getState();
    const model = selectTimelineModel(before);
    store.getState().selectEvent(smallDataset.events[0]!.id);
    store.getState().setTimeWindow({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2021, 0, 1) });
    const after = store.getState();
    expect(timelineModelMayChange(after, before)).toBe(false);
    expect(selectTimelineModel(after)).toBe(model);
    store.getState().setLaneMode('document');
    expect(timelineModelMayChange(store.getState(), after)).toBe(true);
  });
});
