import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreProvider } from '../app/store-provider';
import { createAppStore, type AppStore } from '../store/create-app-store';
import { smallDataset } from '../test/fixtures/small-dataset';
import { Presenter } from './presenter';

afterEach(cleanup);

/** A store presenting a three-step story: an actor, an event, a time window. */
function presentingStore(): AppStore {
  const store = createAppStore(smallDataset);
  const api = () => store.getState();
  api().selectActor('a-haddad');
  api().addStepFromView({ title: 'Haddad', note: 'First point.\n\nSecond point.' });
  api().selectEvent('e-meet');
  api().addStepFromView({ title: 'The meeting' });
  api().clearSelection();
  api().setTimeWindow({ start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) });
  api().addStepFromView({ title: 'The year 2022' });
  const id = api().activeStoryId;
  if (!id || !api().startPresenting(id, 0)) throw new Error('could not present');
  return store;
}

function renderPresenter(store: AppStore) {
  return render(
    <StrictMode>
      <StoreProvider dataset={smallDataset} store={store}>
        <Presenter />
      </StoreProvider>
    </StrictMode>,
  );
}

const key = (k: string) => fireEvent.keyDown(document.body, { key: k });

describe('Presenter', () => {
  it('shows the step title, note paragraphs, and the quote with its citation', () => {
    const store = presentingStore();
    renderPresenter(store);
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Haddad');
    expect(screen.getByText('First point.')).toBeInTheDocument();
    expect(screen.getByText('Second point.')).toBeInTheDocument();
    act(() => store.getState().stepBy(1));
    const meet = smallDataset.events.find((e) => e.id === 'e-meet');
    const doc = smallDataset.documents.find((d) => d.id === meet?.docId);
    expect(document.querySelector('blockquote')).toHaveTextContent(
      doc?.text.slice(meet?.evidence.start, meet?.evidence.end) ?? 'missing',
    );
    expect(document.querySelector('figcaption')).toHaveTextContent(doc?.title ?? 'missing');
  });

  it('moves by arrows, Page Up/Down, Home/End and buttons, clamped at both ends; Escape stops', () => {
    const store = presentingStore();
    renderPresenter(store);
    const at = () => store.getState().presenting?.stepIndex;
    key('PageDown');
    expect(at()).toBe(1);
    key('ArrowRight');
    expect(at()).toBe(2);
    key('ArrowRight');
    expect(at()).toBe(2);
    expect(screen.getByRole('button', { name: /Next/ })).toBeDisabled();
    key('PageUp');
    expect(at()).toBe(1);
    key('Home');
    expect(at()).toBe(0);
    expect(screen.getByRole('button', { name: /Previous/ })).toBeDisabled();
    key('End');
    expect(at()).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
    expect(at()).toBe(1);
    expect(store.getState().selectedEventId).toBe('e-meet');
    key('Escape');
    expect(store.getState().presenting).toBeNull();
  });

  it('ignores keys typed into a field, and removes its theme and listeners when it unmounts', () => {
    const store = presentingStore();
    const view = renderPresenter(store);
    expect(document.documentElement).toHaveClass('is-presenting');
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'ArrowRight' });
    expect(store.getState().presenting?.stepIndex).toBe(0);
    input.remove();
    view.unmount();
    expect(document.documentElement).not.toHaveClass('is-presenting');
    key('ArrowRight');
    expect(store.getState().presenting?.stepIndex).toBe(0);
  });
});
