/** The Timeline panel: toolbar, chips, the vis-timeline container (driven by use-timeline) and a legend. */
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './timeline.css';
import { useId } from 'react';
import { selectSelectedActor } from '../../store/selectors';
import type { AppState, LaneMode } from '../../store/types';
import { useAppStore, useAppStoreApi } from '../../store/use-app-store';
import { formatRange } from './to-timeline-items';
import { useTimeline } from './use-timeline';

const LANE_MODES: { value: LaneMode; label: string; legend: string }[] = [
  { value: 'kind', label: 'Actor kind', legend: 'kind of the first actor named' },
  { value: 'document', label: 'Document', legend: 'one lane per source document' },
  { value: 'selected', label: 'Actors', legend: 'one lane per frequent actor (or the selected pair)' },
];

const selectLaneMode = (s: AppState): LaneMode => s.laneMode;
const selectTimeWindow = (s: AppState): AppState['timeWindow'] => s.timeWindow;

export function TimelinePanel() {
  const storeApi = useAppStoreApi();
  const { containerRef, controls, counts } = useTimeline();
  const { count, undated } = counts;
  const laneMode = useAppStore(selectLaneMode);
  const selectedActor = useAppStore(selectSelectedActor);
  const timeWindow = useAppStore(selectTimeWindow);
  const hintId = useId();
  const laneSelectId = useId();
  const laneLegend = LANE_MODES.find((m) => m.value === laneMode)?.legend ?? '';

  return (
    <div className="tl-panel">
      <div className="tl-toolbar" role="toolbar" aria-label="Timeline tools">
        <label className="tl-field" htmlFor={laneSelectId}>
          Lanes
          <select
            id={laneSelectId}
            value={laneMode}
            onChange={(e) => storeApi.getState().setLaneMode(e.target.value as LaneMode)}
          >
            {LANE_MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <span className="tl-buttons">
          <button type="button" onClick={controls.zoomIn} aria-label="Zoom in" title="Zoom in (+)">
            +
          </button>
          <button type="button" onClick={controls.zoomOut} aria-label="Zoom out" title="Zoom out (−)">
            −
          </button>
          <button type="button" onClick={controls.fit} title="Show all events, from the first to the last (Home)">
            Show all
          </button>
        </span>
        <button
          type="button"
          onClick={controls.useVisibleRangeAsWindow}
          title="Restrict the network to relations dated in the visible range"
        >
          Use view as time window
        </button>
        {selectedActor && (
          <span className="tl-chip">
            Filtered by <strong>{selectedActor.name}</strong>
            <button
              type="button"
              className="tl-chip-clear"
              aria-label={`Clear actor filter (${selectedActor.name})`}
              onClick={() => storeApi.getState().selectActor(null)}
            >
              ×
            </button>
          </span>
        )}
        {timeWindow && (
          <span className="tl-chip tl-chip-window">
            Window: {formatRange(timeWindow)}
            <button
              type="button"
              className="tl-chip-clear"
              aria-label="Clear time window"
              onClick={() => storeApi.getState().setTimeWindow(null)}
            >
              ×
            </button>
          </span>
        )}
        <span className="tl-count" aria-live="polite">
          {count} {count === 1 ? 'event' : 'events'}
          {undated > 0 ? ` (${undated} undated not shown)` : ''}
        </span>
      </div>
      <div className="tl-stage">
        <div
          ref={containerRef}
          className="tl-canvas"
          data-testid="timeline-canvas"
          role="application"
          aria-roledescription="timeline"
          aria-label={`Timeline, ${count} events`}
          aria-describedby={hintId}
        />
        <p id={hintId} className="tl-keyhint">
          Keys: + and − zoom, ← → pan, Home shows all, Tab to an event and Enter selects it, Esc clears the time window
        </p>
        {count === 0 && <p className="tl-empty">No dated events match the current selection and filters.</p>}
      </div>
      <div className="tl-legend" aria-label="Timeline legend" role="group">
        <span className="tl-legend-item">
          <span className="tl-swatch tl-swatch-point" aria-hidden="true" /> exact day
        </span>
        <span className="tl-legend-item">
          <span className="tl-swatch tl-swatch-exact" aria-hidden="true" /> exact days
        </span>
        <span className="tl-legend-item">
          <span className="tl-swatch tl-swatch-uncertain" aria-hidden="true" /> hatched: month, year or decade
        </span>
        <span className="tl-legend-item">
          <span className="tl-swatch tl-swatch-bin" aria-hidden="true" /> “12 events”: dense, click to zoom
        </span>
        <span className="tl-legend-item">
          <span className="tl-swatch tl-swatch-more" aria-hidden="true">
            +3
          </span>{' '}
          more here: click for all rows
        </span>
        <span className="tl-legend-item">Lanes: {laneLegend}</span>
      </div>
    </div>
  );
}
