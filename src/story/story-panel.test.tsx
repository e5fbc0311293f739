import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreProvider } from '../app/store-provider';
import { createAppStore, type AppStore } from '../store/create-app-store';
import { smallDataset } from '../test/fixtures/small-dataset';
import { StoryPanel } from './story-panel';
import { serializeStoryFile } from './story-schema';

afterEach(cleanup);

function renderPanel(): AppStore {
  const store = createAppStore(smallDataset);
  render(
    <StoreProvider dataset={smallDataset} store={store}>
      <StoryPanel />
    </StoreProvider>,
  );
  return store;
}

const panel = () => screen.getByRole('complementary', { name: 'Story' });
const steps = () =>
  within(panel())
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
const addStep = () => fireEvent.click(screen.getByRole('button', { name: 'Add current view as step' }));

describe('StoryPanel', () => {
  it('adds the current view as a step, named after what it shows, and shows it again later', () => {
    const store = renderPanel();
    expect(screen.getByText(/A story is a briefing/)).toBeInTheDocument();
    act(() => store.getState().selectActor('a-haddad'));
    addStep();
    act(() => store.getState().selectEvent('e-meet'));
    addStep();
    expect(steps()).toEqual(['Step 1: Omar Haddad', expect.stringMatching(/^Step 2: /)]);
    act(() => store.getState().clearSelection());
    fireEvent.click(within(panel()).getAllByRole('button', { name: 'Show' })[0] as HTMLElement);
    expect(store.getState().selectedActorId).toBe('a-haddad');
    expect(store.getState().shownStep).toEqual({ storyId: store.getState().activeStoryId, stepIndex: 0 });
    expect(screen.getByRole('status')).toHaveTextContent('Showing step 1: Omar Haddad');
  });

  it('edits a step (title, note, optionally the view), reorders and deletes with confirmation', () => {
    const store = renderPanel();
    act(() => store.getState().selectActor('a-haddad'));
    addStep();
    act(() => store.getState().selectActor('a-berg'));
    addStep();

    const first = () => within(panel()).getAllByRole('listitem')[0] as HTMLElement;
    fireEvent.click(within(first()).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(first()).getByLabelText('Title'), { target: { value: 'Haddad speaks' } });
    fireEvent.change(within(first()).getByLabelText('Note'), { target: { value: 'Why it matters.' } });
    fireEvent.click(within(first()).getByLabelText("Replace the step's view with the current view"));
    fireEvent.click(within(first()).getByRole('button', { name: 'Save step' }));
    expect(steps()).toEqual(['Step 1: Haddad speaks', 'Step 2: Anna Berg']);
    expect(within(first()).getByText('Why it matters.')).toBeInTheDocument();
    // The view was re-captured: showing step 1 now selects Anna Berg.
    act(() => store.getState().clearSelection());
    fireEvent.click(within(first()).getByRole('button', { name: 'Show' }));
    expect(store.getState().selectedActorId).toBe('a-berg');

    fireEvent.click(screen.getByRole('button', { name: 'Move step 2 up' }));
    expect(steps()).toEqual(['Step 1: Anna Berg', 'Step 2: Haddad speaks']);
    expect(screen.getByRole('button', { name: 'Move step 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move step 2 down' })).toBeDisabled();

    fireEvent.click(within(first()).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(first()).getByRole('button', { name: 'Keep' }));
    expect(steps()).toHaveLength(2);
    fireEvent.click(within(first()).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(first()).getByRole('button', { name: 'Confirm delete' }));
    expect(steps()).toEqual(['Step 1: Haddad speaks']);
  });

  it('Escape in a step field cancels the edit and does not reach the page', () => {
    const store = renderPanel();
    addStep();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveFocus();
    fireEvent.change(title, { target: { value: 'Not kept' } });
    let reached = false;
    const onKey = () => (reached = true);
    document.addEventListener('keydown', onKey);
    fireEvent.keyDown(title, { key: 'Escape' });
    document.removeEventListener('keydown', onKey);
    expect(reached).toBe(false);
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(store.getState().stories[0]?.steps[0]?.title).not.toBe('Not kept');
  });

  it('imports a story file; a bad one gets an alert with its JSON pointer and changes nothing', async () => {
    const store = renderPanel();
    addStep();
    const before = store.getState().stories;
    const input = panel().querySelector('input[type="file"]') as HTMLInputElement;
    const bad = new File(['{"format":"threadline-story","version":1,"story":{"id":"x"}}'], 'bad.json', {
      type: 'application/json',
    });
    fireEvent.change(input, { target: { files: [bad] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('bad.json is not a valid Threadline story. Nothing was changed.');
    expect(alert).toHaveTextContent('/story/');
    expect(store.getState().stories).toBe(before);

    const story = before[0];
    if (!story) throw new Error('no story');
    const other = {
      ...story,
      id: 'story-other',
      title: 'Elsewhere',
      datasetKey: '0badc0de',
      datasetName: 'Other data',
    };
    const file = new File([serializeStoryFile(other)], 'other.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('made for the dataset "Other data"'));
    expect(store.getState().activeStoryId).toBe('story-other');
    expect(screen.getByRole('note')).toHaveTextContent('This story was made for another dataset: “Other data”');
    expect(steps()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Present' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add current view as step' })).toBeNull();
  });

  it('starts presenting from the first step', () => {
    const store = renderPanel();
    act(() => store.getState().selectActor('a-haddad'));
    addStep();
    act(() => store.getState().clearSelection());
    fireEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(store.getState().presenting).toMatchObject({ stepIndex: 0 });
    expect(store.getState().selectedActorId).toBe('a-haddad');
  });
});
