import { act, cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreProvider } from '../../app/store-provider';
import { createAppStore } from '../../store/create-app-store';
import { smallDataset } from '../../test/fixtures/small-dataset';
import { NetworkPanel } from './network-panel';

const counts = vi.hoisted(() => ({ created: 0, destroyed: 0 }));

vi.mock('./zoom-controller', () => ({
  createZoomController: () => {
    counts.created += 1;
    return {
      update: vi.fn(),
      zoomBy: vi.fn(),
      fit: vi.fn(),
      getTransform: () => ({ x: 0, y: 0, k: 1 }),
      destroy: () => {
        counts.destroyed += 1;
      },
    };
  },
}));

afterEach(cleanup);

describe('NetworkPanel lifecycle under StrictMode', () => {
  it('destroys every zoom controller it creates and leaves no store subscription behind', () => {
    counts.created = 0;
    counts.destroyed = 0;
    const store = createAppStore(smallDataset);
    let active = 0;
    const subscribe = store.subscribe;
    store.subscribe = (listener) => {
      active += 1;
      const unsubscribe = subscribe(listener);
      return () => {
        active -= 1;
        unsubscribe();
      };
    };
    const tree = (
      <StrictMode>
        <StoreProvider dataset={smallDataset} store={store}>
          <NetworkPanel />
        </StoreProvider>
      </StrictMode>
    );
    const { unmount, rerender } = render(tree);
    expect(counts.created).toBeGreaterThanOrEqual(1);
    expect(counts.created - counts.destroyed).toBe(1);
    expect(active).toBeGreaterThan(0);

    // Table view unmounts the graph (and its controller); back to graph creates a new one.
    act(() => store.getState().setNetworkView('table'));
    expect(counts.created).toBe(counts.destroyed);
    act(() => store.getState().setNetworkView('graph'));
    expect(counts.created - counts.destroyed).toBe(1);
    act(() => store.getState().selectActor('a-berg'));
    rerender(tree);

    unmount();
    expect(counts.destroyed).toBe(counts.created);
    expect(active).toBe(0);
  });
});
