/**
 * The story editor: a side panel where the analyst builds a briefing as an ordered list of steps, each the current
 * view with a title and a note. Steps are added from the view, shown, edited, re-captured, reordered and deleted;
 * stories are created, renamed, deleted, imported and exported as JSON, linked step by step, presented and handed
 * out as a briefing pack. A story made for another dataset says so instead of showing broken steps.
 */
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { AppState } from '../store/types';
import { datasetKey, pageLink } from '../store/url-state';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { enterFullscreen } from './fullscreen';
import { encodeStoryLink } from './story-link';
import { parseStoryFile, serializeStoryFile, STORY_FILE_MAX_BYTES } from './story-schema';
import type { Story, StoryStep } from './types';
import './story.css';

const selectStories = (s: AppState) => s.stories;
const selectActiveId = (s: AppState) => s.activeStoryId;
const selectDataset = (s: AppState) => s.dataset;

type Message = { text: string; kind: 'status' | 'error'; details?: string[] };

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function StepEditor({
  step,
  onSave,
  onCancel,
}: {
  step: StoryStep;
  onSave: (patch: { title: string; note: string; captureView: boolean }) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(step.title);
  const [note, setNote] = useState(step.note);
  const [capture, setCapture] = useState(false);
  const titleId = useId();
  const noteId = useId();
  const captureId = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  // Escape in a field cancels the edit (and does not also clear the selection).
  const cancelOnEscape = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
  return (
    <form
      className="step-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ title: title.trim(), note, captureView: capture });
      }}
    >
      <label htmlFor={titleId}>Title</label>
      <input
        id={titleId}
        ref={titleRef}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={cancelOnEscape}
      />
      <label htmlFor={noteId}>Note</label>
      <textarea
        id={noteId}
        value={note}
        rows={4}
        maxLength={5000}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={cancelOnEscape}
      />
      <div className="step-editor-capture">
        <input id={captureId} type="checkbox" checked={capture} onChange={(e) => setCapture(e.target.checked)} />
        <label htmlFor={captureId}>Replace the step&apos;s view with the current view</label>
      </div>
      <div className="story-actions">
        <button type="submit" className="story-button is-primary">
          Save step
        </button>
        <button type="button" className="story-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function StepItem({
  story,
  step,
  index,
  count,
  current,
  onMessage,
}: {
  story: Story;
  step: StoryStep;
  index: number;
  count: number;
  current: boolean;
  onMessage: (m: Message) => void;
}) {
  const storeApi = useAppStoreApi();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const n = index + 1;
  const name = step.title || `Step ${n}`;

  const show = () => {
    const result = storeApi.getState().applyStep(story.id, index);
    onMessage(
      result.notice
        ? { text: result.notice, kind: result.ok ? 'status' : 'error' }
        : { text: `Showing step ${n}: ${name}`, kind: 'status' },
    );
  };
  const copyLink = async () => {
    try {
      const url = pageLink(window.location, await encodeStoryLink(story, index));
      setLink(url);
      const copied = await copyText(url);
      onMessage({
        text: copied ? `Link to step ${n} copied.` : `Link to step ${n} is shown below the step; copy it from there.`,
        kind: 'status',
      });
    } catch (err) {
      onMessage({ text: `No link: ${err instanceof Error ? err.message : String(err)}`, kind: 'error' });
    }
  };

  return (
    <li className={`story-step${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined}>
      <div className="story-step-head">
        <span className="story-step-number" aria-hidden="true">
          {n}
        </span>
        <h3 className="story-step-title">
          <span className="visually-hidden">Step {n}: </span>
          {name}
        </h3>
      </div>
      {editing ? (
        <StepEditor
          step={step}
          onCancel={() => setEditing(false)}
          onSave={(patch) => {
            storeApi.getState().updateStep(story.id, step.id, patch);
            setEditing(false);
            onMessage({ text: `Step ${n} saved${patch.captureView ? ' with the current view' : ''}.`, kind: 'status' });
          }}
        />
      ) : (
        <>
          {step.note && <p className="story-step-note">{step.note}</p>}
          <div className="story-step-actions" role="group" aria-label={`Step ${n} actions`}>
            <button type="button" className="story-button" onClick={show}>
              Show
            </button>
            <button
              type="button"
              className="story-button"
              onClick={() => {
                if (storeApi.getState().startPresenting(story.id, index)) void enterFullscreen();
              }}
            >
              Present from here
            </button>
            <button type="button" className="story-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="story-button"
              aria-label={`Move step ${n} up`}
              disabled={index === 0}
              onClick={() => storeApi.getState().moveStep(story.id, step.id, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="story-button"
              aria-label={`Move step ${n} down`}
              disabled={index === count - 1}
              onClick={() => storeApi.getState().moveStep(story.id, step.id, index + 1)}
            >
              ↓
            </button>
            <button type="button" className="story-button" onClick={() => void copyLink()}>
              Copy link
            </button>
            {confirmDelete ? (
              <>
                <button
                  type="button"
                  className="story-button is-danger"
                  onClick={() => {
                    storeApi.getState().deleteStep(story.id, step.id);
                    onMessage({ text: `Step ${n} deleted.`, kind: 'status' });
                  }}
                >
                  Confirm delete
                </button>
                <button type="button" className="story-button" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="story-button" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            )}
          </div>
          {link && (
            <input
              className="story-link"
              readOnly
              value={link}
              aria-label={`Link to step ${n}`}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </>
      )}
    </li>
  );
}

export function StoryPanel() {
  const storeApi = useAppStoreApi();
  const stories = useAppStore(selectStories);
  const activeId = useAppStore(selectActiveId);
  const presenting = useAppStore((s) => s.presenting);
  const dataset = useAppStore(selectDataset);
  const key = useMemo(() => datasetKey(dataset), [dataset]);
  const [message, setMessage] = useState<Message | null>(null);
  const [renaming, setRenaming] = useState(false);
  // The story whose deletion awaits confirmation (so choosing another story drops the question).
  const [confirmDeleteId, setConfirmDeleteId] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const selectId = useId();
  const renameId = useId();
  const headingId = useId();

  const own = stories.filter((s) => s.datasetKey === key);
  const foreign = stories.filter((s) => s.datasetKey !== key);
  const story = stories.find((s) => s.id === activeId) ?? null;
  const isForeign = story !== null && story.datasetKey !== key;

  const exportStory = async (s: Story) => {
    const { downloadBlob, exportFileName } = await import('../export/download');
    const name = exportFileName(s.title || 'story', 'story', 'json');
    downloadBlob(new Blob([serializeStoryFile(s)], { type: 'application/json' }), name);
    setMessage({ text: `Saved ${name}`, kind: 'status' });
  };

  const importStory = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > STORY_FILE_MAX_BYTES) {
      setMessage({
        text: `${file.name} was not imported: it is ${Math.ceil(file.size / 1024)} KB, over the ${STORY_FILE_MAX_BYTES / 1024} KB limit for a story file. Nothing was changed.`,
        kind: 'error',
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ text: `${file.name} could not be read. Nothing was changed.`, kind: 'error' });
      return;
    }
    const result = parseStoryFile(text);
    if (!result.ok) {
      setMessage({
        text: `${file.name} is not a valid Threadline story. Nothing was changed.`,
        kind: 'error',
        details: result.issues.slice(0, 5).map((i) => (i.pointer ? `${i.pointer}: ${i.message}` : i.message)),
      });
      return;
    }
    const id = storeApi.getState().addStory(result.story);
    storeApi.getState().setActiveStory(id);
    setMessage({
      text:
        result.story.datasetKey === key
          ? `Imported "${result.story.title}" (${result.story.steps.length} steps).`
          : `Imported "${result.story.title}", made for the dataset "${result.story.datasetName}".`,
      kind: 'status',
    });
  };

  const pack = async (s: Story) => {
    setMessage({ text: 'Preparing the briefing pack…', kind: 'status' });
    try {
      const { runStoryPack } = await import('../export/run-export');
      const name = runStoryPack(storeApi.getState(), s);
      setMessage({ text: `Saved ${name}`, kind: 'status' });
    } catch (err) {
      setMessage({ text: `No briefing pack: ${err instanceof Error ? err.message : String(err)}`, kind: 'error' });
    }
  };

  return (
    <aside className="story-panel" aria-labelledby={headingId}>
      <div className="story-panel-head">
        <h2 id={headingId}>Story</h2>
        <button
          type="button"
          className="story-button"
          aria-label="Close story panel"
          onClick={() => storeApi.getState().setStoryPanelOpen(false)}
        >
          ×
        </button>
      </div>

      <div className="story-picker">
        <label htmlFor={selectId}>Story</label>
        <select
          id={selectId}
          value={story?.id ?? ''}
          onChange={(e) => storeApi.getState().setActiveStory(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{stories.length === 0 ? 'No stories yet' : 'Choose a story…'}</option>
          {own.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title || 'Untitled story'} ({s.steps.length} steps)
            </option>
          ))}
          {foreign.length > 0 && (
            <optgroup label="Made for other datasets">
              {foreign.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title || 'Untitled story'} ({s.datasetName})
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <div className="story-actions">
          <button
            type="button"
            className="story-button"
            onClick={() => {
              storeApi.getState().createStory();
              setRenaming(true);
            }}
          >
            New story
          </button>
          <button type="button" className="story-button" onClick={() => fileRef.current?.click()}>
            Import JSON…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void importStory(e)}
          />
        </div>
      </div>

      {story && (
        <div className="story-meta">
          {renaming ? (
            <form
              className="story-rename"
              onSubmit={(e) => {
                e.preventDefault();
                const value = new FormData(e.currentTarget).get('title');
                storeApi.getState().renameStory(story.id, typeof value === 'string' ? value.trim() : story.title);
                setRenaming(false);
              }}
            >
              <label htmlFor={renameId}>Story title</label>
              <input
                id={renameId}
                name="title"
                defaultValue={story.title}
                maxLength={200}
                // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just asked to name the story
                autoFocus
              />
              <button type="submit" className="story-button is-primary">
                Save title
              </button>
            </form>
          ) : (
            <div className="story-actions">
              <button type="button" className="story-button" onClick={() => setRenaming(true)}>
                Rename
              </button>
              <button type="button" className="story-button" onClick={() => void exportStory(story)}>
                Export JSON
              </button>
              {confirmDeleteId === story.id ? (
                <>
                  <button
                    type="button"
                    className="story-button is-danger"
                    onClick={() => {
                      storeApi.getState().deleteStory(story.id);
                      setMessage({ text: `Story "${story.title}" deleted.`, kind: 'status' });
                    }}
                  >
                    Confirm delete story
                  </button>
                  <button type="button" className="story-button" onClick={() => setConfirmDeleteId(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="story-button" onClick={() => setConfirmDeleteId(story.id)}>
                  Delete story
                </button>
              )}
            </div>
          )}
        </div>
      )}

      {message && (
        <div className={`story-message is-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.details && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {isForeign && story ? (
        <div className="story-foreign" role="note">
          <p>
            <strong>This story was made for another dataset:</strong> &ldquo;{story.datasetName}&rdquo;. Its{' '}
            {story.steps.length} steps point at actors, events and documents of that dataset, so they are not shown
            here. Open that dataset to present it, or export it as JSON to keep it.
          </p>
        </div>
      ) : (
        <>
          <div className="story-actions story-primary-actions">
            <button
              type="button"
              className="story-button is-primary"
              onClick={() => {
                storeApi.getState().addStepFromView();
                setMessage({ text: 'Added the current view as a step.', kind: 'status' });
              }}
            >
              Add current view as step
            </button>
            {story && story.steps.length > 0 && (
              <>
                <button
                  type="button"
                  className="story-button is-primary"
                  onClick={() => {
                    if (storeApi.getState().startPresenting(story.id, 0)) void enterFullscreen();
                  }}
                >
                  Present
                </button>
                <button type="button" className="story-button" onClick={() => void pack(story)}>
                  Download briefing pack
                </button>
              </>
            )}
          </div>
          {story && story.steps.length > 0 ? (
            <ol className="story-steps" aria-label={`Steps of ${story.title || 'the story'}`}>
              {story.steps.map((step, i) => (
                <StepItem
                  key={step.id}
                  story={story}
                  step={step}
                  index={i}
                  count={story.steps.length}
                  current={presenting?.storyId === story.id && presenting.stepIndex === i}
                  onMessage={setMessage}
                />
              ))}
            </ol>
          ) : (
            <p className="story-empty">
              {story
                ? 'No steps yet. Set up a view (select an actor or event, brush a time window, filter, open a sentence), then add it as a step.'
                : 'A story is a briefing: an ordered list of views of this data, each with a title, a note and its source sentence. Add the current view to start one.'}
            </p>
          )}
        </>
      )}
    </aside>
  );
}
