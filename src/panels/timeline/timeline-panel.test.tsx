import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../store/create-app-store';
import { AppStoreContext } from '../../store/use-app-store';
import { smallDataset } from '../../test/fixtures/small-dataset';
import {
  createTimelineController,
  type TimelineController,
  type TimelineControllerOptions,
} from './timeline-controller';
import type { TimelineModel } from './to-timeline-items';
import { TimelinePanel } from './timeline-panel';
import { DEFER_ITEMS_ABOVE } from './use-timeline';
import type { Dataset } from '../../model/schema';

vi.mock('./timeline-controller', () => ({ createTimelineController: vi.fn() }));

const created: { controller: TimelineController; options: TimelineControllerOptions }[] = [];

function fakeController(): TimelineController {
  return {
    setItems: vi.fn(),
    setSelection: vi.fn(),
    setTimeWindow: vi.fn(),
    showRange: vi.fn(),
    focus: vi.fn(),
    getVisibleRange: vi.fn(() => ({ start: Date.UTC(2022, 0, 1, 5), end: Date.UTC(2022, 11, 31, 7) })),
    zoomIn: vi.fn(),
    zoomOut: vi.fn(),
    fit: vi.fn(),
    pan: vi.fn(),
    destroy: vi.fn(),
  };
}

afterEach(cleanup);

beforeEach(() => {
  created.length = 0;
  vi.mocked(createTimelineController).mockReset();
  vi.mocked(createTimelineController).mockImplementation((_el, options) => {
    const controller = fakeController();
    created.push({ controller, options });
    return controller;
  });
});

function renderPanel(store: AppStore, wrap: (node: ReactNode) => ReactNode = (n) => n) {
  return render(<AppStoreContext.Provider value={store}>{wrap(<TimelinePanel />)}</AppStoreContext.Provider>);
}

const lastModel = (c: TimelineController): TimelineModel =>
  vi.mocked(c.setItems).mock.calls.at(-1)?.[0] as TimelineModel;
const live = () => created.at(-1)!.controller;

describe('TimelinePanel', () => {
  it('hands the controller the visible events', () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    expect(created).toHaveLength(1);
    expect(
      lastModel(live())
        .entries.map((e) => e.id)
        .sort(),
    ).toEqual(smallDataset.events.map((e) => e.id).sort());
    expect(screen.getByTestId('timeline-canvas')).toBeInTheDocument();
  });

  it('filters by the selected actor, shows a chip, and the chip clears it', async () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    act(() => store.getState().selectActor('a-berg'));
    const ids = lastModel(live()).entries.map((e) => e.id);
    expect(ids.sort()).toEqual(['e-meet', 'e-member']);
    expect(screen.getByText(/Filtered by/)).toHaveTextContent('Filtered by Anna Berg');
    await userEvent.click(screen.getByRole('button', { name: 'Clear actor filter (Anna Berg)' }));
    expect(store.getState().selectedActorId).toBeNull();
    expect(screen.queryByText(/Filtered by/)).toBeNull();
    expect(lastModel(live()).entries).toHaveLength(smallDataset.events.length);
  });

  it('passes selections both ways without rebuilding items', () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    const c = live();
    const setItemsCalls = vi.mocked(c.setItems).mock.calls.length;
    act(() => created.at(-1)!.options.onSelect('e-aid'));
    expect(store.getState().selectedEventId).toBe('e-aid');
    expect(store.getState().openDocId).toBe('doc-a');
    expect(c.setSelection).toHaveBeenLastCalledWith(['e-aid']);
    expect(vi.mocked(c.setItems).mock.calls.length).toBe(setItemsCalls);
  });

  it('sets lanes from the toolbar', async () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    await userEvent.selectOptions(screen.getByLabelText('Lanes'), 'document');
    expect(store.getState().laneMode).toBe('document');
    expect(lastModel(live()).lanes.map((l) => l.id)).toEqual(['doc:doc-a', 'doc:doc-b', 'doc:doc-c']);
  });

  it('sets the time window from the view, shows it, and clears it', async () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Use view as time window' }));
    expect(store.getState().timeWindow).toEqual({ start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) });
    expect(live().setTimeWindow).toHaveBeenLastCalledWith({ start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) });
    expect(screen.getByText(/Window:/)).toHaveTextContent('Window: 2022-01-01 – 2022-12-31');
    act(() => created.at(-1)!.options.onClearWindow?.());
    expect(store.getState().timeWindow).toBeNull();
    expect(screen.queryByText(/Window:/)).toBeNull();
  });

  it('zooms and fits from the toolbar', async () => {
    const store = createAppStore(smallDataset);
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(live().zoomIn).toHaveBeenCalledOnce();
    expect(live().zoomOut).toHaveBeenCalledOnce();
    expect(live().fit).toHaveBeenCalledOnce();
  });
});

/** The small dataset's events repeated (fresh ids) until there are more than DEFER_ITEMS_ABOVE. */
function largeDataset(): Dataset {
  const copies = Math.ceil((DEFER_ITEMS_ABOVE + 1) / smallDataset.events.length);
  const events = Array.from({ length: copies }, (_, k) =>
    smallDataset.events.map((e) => ({ ...e, id: `${e.id}-${String(k).padStart(4, '0')}` })),
  ).flat();
  return { ...smallDataset, events };
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('timeline items of a large dataset', () => {
  it('are handed over in a task after the selection, with the count, and selections still pass at once', async () => {
    const dataset = largeDataset();
    const store = createAppStore(dataset);
    renderPanel(store);
    const c = live();
    expect(lastModel(c).entries).toHaveLength(dataset.events.length);
    expect(screen.getByText(`${dataset.events.length} events`)).toBeInTheDocument();

    act(() => store.getState().selectActor('a-berg'));
    // Same task: the chip shows at once; the items (and the count that describes them) wait.
    expect(screen.getByText(/Filtered by/)).toHaveTextContent('Filtered by Anna Berg');
    expect(lastModel(c).entries).toHaveLength(dataset.events.length);
    await act(nextTask);
    const bergEvents = dataset.events.filter((e) => e.actorIds.includes('a-berg')).length;
    expect(lastModel(c).entries).toHaveLength(bergEvents);
    expect(screen.getByText(`${bergEvents} events`)).toBeInTheDocument();

    // An event selection alone does not rebuild the items and reaches the widget in the same task.
    const calls = vi.mocked(c.setItems).mock.calls.length;
    act(() => created.at(-1)!.options.onSelect('e-meet-0001'));
    expect(c.setSelection).toHaveBeenLastCalledWith(['e-meet-0001']);
    await act(nextTask);
    expect(vi.mocked(c.setItems).mock.calls.length).toBe(calls);
  });

  it('frames a story step shown meanwhile only once its items are handed over', async () => {
    const store = createAppStore(largeDataset());
    renderPanel(store);
    const c = live();
    act(() => store.setState({ selectedActorId: 'a-berg', shownStep: { storyId: 's-1', stepIndex: 0 } }));
    expect(c.focus).not.toHaveBeenCalled();
    await act(nextTask);
    expect(c.focus).toHaveBeenCalledOnce();
    const setItemsOrder = vi.mocked(c.setItems).mock.invocationCallOrder.at(-1)!;
    expect(vi.mocked(c.focus).mock.invocationCallOrder[0]).toBeGreaterThan(setItemsOrder);
  });

  it('hands over nothing once unmounted, though the task was already due', async () => {
    const store = createAppStore(largeDataset());
    const view = renderPanel(store);
    const c = live();
    const calls = vi.mocked(c.setItems).mock.calls.length;
    act(() => store.getState().selectActor('a-berg'));
    view.unmount();
    await nextTask();
    expect(vi.mocked(c.setItems).mock.calls.length).toBe(calls);
  });
});

describe('timeline bridge lifecycle', () => {
  it('destroys as often as it creates, and leaves no subscription behind (StrictMode)', () => {
    const store = createAppStore(smallDataset);
    const unsubscribes: ReturnType<typeof vi.fn>[] = [];
    const subscribe = store.subscribe;
    vi.spyOn(store, 'subscribe').mockImplementation((listener) => {
      const unsubscribe = vi.fn(subscribe(listener));
      unsubscribes.push(unsubscribe);
      return unsubscribe;
    });
    const strict = (n: ReactNode) => <StrictMode>{n}</StrictMode>;

    const first = renderPanel(store, strict);
    first.unmount();
    const second = renderPanel(store, strict);
    const createdSoFar = created.length;
    expect(createdSoFar).toBeGreaterThanOrEqual(2);
    second.unmount();

    const destroyed = created.filter((c) => vi.mocked(c.controller.destroy).mock.calls.length === 1).length;
    expect(destroyed).toBe(created.length);
    // Every timeline subscription was undone (React's own useStore subscriptions are cleaned too).
    expect(unsubscribes.length).toBeGreaterThan(0);
    for (const u of unsubscribes) expect(u).toHaveBeenCalled();

    // After unmount, store changes reach no controller.
    const before = created.map((c) => vi.mocked(c.controller.setItems).mock.calls.length);
    act(() => store.getState().selectActor('a-berg'));
    expect(created.map((c) => vi.mocked(c.controller.setItems).mock.calls.length)).toEqual(before);
  });
});
