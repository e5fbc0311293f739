/**
 * Presentation mode: the story's steps one at a time over the live panels, in a large-type high-contrast theme.
 * Next and previous by the arrow keys, Page Up / Page Down (what presentation clickers send), Home / End and the
 * on-screen buttons; Escape (or leaving full screen) ends it. Each step shows its title, note and source quote with
 * its citation (document title, source, date). The panels move to each step's view (use-timeline.ts and
 * graph-view.tsx follow `presenting`), without animation when the user prefers reduced motion.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { AppState } from '../store/types';
import { decodeView } from '../store/url-state';
import { useAppStore, useAppStoreApi } from '../store/use-app-store';
import { stepCitation } from './citation';
import { formatCalendarText } from '../model/calendar';
import { isEditable } from '../ui/is-editable';
import { exitFullscreen } from './fullscreen';

const selectPresenting = (s: AppState) => s.presenting;
const selectStories = (s: AppState) => s.stories;
const selectDataset = (s: AppState) => s.dataset;

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function Presenter() {
  const storeApi = useAppStoreApi();
  const presenting = useAppStore(selectPresenting);
  const stories = useAppStore(selectStories);
  const dataset = useAppStore(selectDataset);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const story = presenting ? stories.find((s) => s.id === presenting.storyId) : undefined;
  const index = presenting?.stepIndex ?? 0;
  const step = story?.steps[index];
  const count = story?.steps.length ?? 0;

  const citation = useMemo(
    () => (step ? stepCitation(dataset, decodeView(step.view, dataset).view) : null),
    [step, dataset],
  );

  // The theme applies to the whole page (root font size), so it is a class on <html> while presenting.
  useEffect(() => {
    document.documentElement.classList.add('is-presenting');
    return () => document.documentElement.classList.remove('is-presenting');
  }, []);

  // Keyboard: clickers send Page Up / Page Down (some send arrows); capture phase so widgets do not eat them.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      const api = storeApi.getState();
      const last = (api.stories.find((s) => s.id === api.presenting?.storyId)?.steps.length ?? 1) - 1;
      let handled = true;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'ArrowDown') api.stepBy(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'ArrowUp') api.stepBy(-1);
      else if (e.key === 'Home') api.goToStep(0);
      else if (e.key === 'End') api.goToStep(last);
      else if (e.key === 'Escape') {
        api.stopPresenting();
        void exitFullscreen();
      } else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [storeApi]);

  // Leaving full screen by the browser's own Escape ends the presentation too.
  useEffect(() => {
    let wasFullscreen = document.fullscreenElement !== null;
    const onChange = () => {
      const now = document.fullscreenElement !== null;
      if (wasFullscreen && !now) storeApi.getState().stopPresenting();
      wasFullscreen = now;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [storeApi]);

  // Leaving presentation mode also leaves full screen.
  useEffect(() => () => void exitFullscreen(), []);

  // Focus the step heading on each step so screen readers read the new step; buttons keep working by keyboard.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) headingRef.current?.focus();
  }, [index]);

  if (!story || !step) return null;
  const stop = () => {
    storeApi.getState().stopPresenting();
    void exitFullscreen();
  };
  return (
    <section className="presenter" aria-labelledby={headingId} aria-roledescription="slide">
      <p className="presenter-progress">
        <span className="presenter-story">{story.title || 'Untitled story'}</span>
        <span aria-live="polite">
          Step {index + 1} of {count}
        </span>
      </p>
      <div className="presenter-step" key={`${story.id}:${index}`}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="presenter-title">
          {step.title || `Step ${index + 1}`}
        </h2>
        <div className="presenter-note">
          {paragraphs(step.note).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        {citation ? (
          <figure className="presenter-quote">
            <blockquote>{citation.quote}</blockquote>
            <figcaption>
              <cite>{citation.docTitle}</cite>
              {citation.source && <>, {citation.source}</>}
              {citation.published && <>, {formatCalendarText(citation.published)}</>}
            </figcaption>
          </figure>
        ) : (
          <p className="presenter-no-quote">No source sentence for this step.</p>
        )}
      </div>
      {presenting?.notice && (
        <p className="presenter-notice" role="status">
          {presenting.notice}
        </p>
      )}
      <nav className="presenter-controls" aria-label="Presentation">
        <button
          type="button"
          className="presenter-button"
          disabled={index === 0}
          onClick={() => storeApi.getState().stepBy(-1)}
        >
          <span aria-hidden="true">←</span> Previous
        </button>
        <button
          type="button"
          className="presenter-button is-primary"
          disabled={index >= count - 1}
          onClick={() => storeApi.getState().stepBy(1)}
        >
          Next <span aria-hidden="true">→</span>
        </button>
        <button type="button" className="presenter-button" onClick={stop}>
          Exit <kbd>Esc</kbd>
        </button>
      </nav>
      <p className="presenter-keys">Keys: ← → or Page Up / Page Down to move, Home / End, Esc to leave.</p>
    </section>
  );
}
