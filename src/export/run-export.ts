/**
 * The export actions behind the export menu and the story panel. Loaded on demand (a dynamic import), so the
 * figure renderers, DOMPurify and the pack builder are not part of the start-up bundle.
 * Every action builds its file from the store's state (the live view, or a story step's view), then downloads it.
 */
import { datasetKey, decodeView } from '../store/url-state';
import type { AppState } from '../store/types';
import { stepCitation } from '../story/citation';
import type { Story } from '../story/types';
import { buildBriefingPack } from './briefing-pack';
import { actorsCsv, eventsCsv, relationsCsv } from './csv';
import { datasetJson } from './dataset-json';
import { downloadBlob, exportFileName } from './download';
import { renderNetworkFigure } from './figure-network';
import { renderTimelineFigure } from './figure-timeline';
import { svgToPng } from './png';
import { figureSize, serializeSvg } from './svg-serialize';

export type ExportKind =
  | 'timeline-svg'
  | 'timeline-png'
  | 'network-svg'
  | 'network-png'
  | 'events-csv'
  | 'actors-csv'
  | 'relations-csv'
  | 'dataset-json';

/** A file ready to download. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

function figureFor(state: AppState, which: 'timeline' | 'network', title: string): SVGSVGElement {
  return which === 'timeline'
    ? renderTimelineFigure(state, document, { title })
    : renderNetworkFigure(state, document, { title });
}

/** Builds one export of the current view. */
export async function buildExport(kind: ExportKind, state: AppState): Promise<ExportFile> {
  const name = state.dataset.name;
  switch (kind) {
    case 'timeline-svg':
    case 'network-svg':
    case 'timeline-png':
    case 'network-png': {
      const which = kind.startsWith('timeline') ? 'timeline' : 'network';
      const svg = figureFor(state, which, `${name}: ${which === 'timeline' ? 'Timeline' : 'Network'}`);
      const text = serializeSvg(svg);
      if (kind.endsWith('svg')) {
        return { blob: new Blob([text], { type: 'image/svg+xml' }), fileName: exportFileName(name, which, 'svg') };
      }
      const png = await svgToPng(text, figureSize(svg), 2);
      return { blob: png, fileName: exportFileName(name, which, 'png') };
    }
    case 'events-csv':
      return {
        blob: new Blob([eventsCsv(state)], { type: CSV_TYPE }),
        fileName: exportFileName(name, 'events', 'csv'),
      };
    case 'actors-csv':
      return {
        blob: new Blob([actorsCsv(state)], { type: CSV_TYPE }),
        fileName: exportFileName(name, 'actors', 'csv'),
      };
    case 'relations-csv':
      return {
        blob: new Blob([relationsCsv(state)], { type: CSV_TYPE }),
        fileName: exportFileName(name, 'relations', 'csv'),
      };
    case 'dataset-json':
      return {
        blob: new Blob([datasetJson(state.dataset)], { type: 'application/json' }),
        fileName: exportFileName(name, 'dataset', 'json'),
      };
  }
}

/** Builds and downloads one export of the current view; returns the file name. */
export async function runExport(kind: ExportKind, state: AppState): Promise<string> {
  const file = await buildExport(kind, state);
  downloadBlob(file.blob, file.fileName);
  return file.fileName;
}

/** Today as YYYY-MM-DD in UTC (from the clock, not from any text). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Builds the self-contained HTML briefing pack of a story (every step with its figures, note and citation). */
export function buildStoryPack(state: AppState, story: Story, generatedOn: string = today()): ExportFile {
  if (story.datasetKey !== datasetKey(state.dataset)) {
    throw new Error(`This story was made for the dataset "${story.datasetName}", not for "${state.dataset.name}".`);
  }
  const steps = story.steps.map((step) => {
    const { view, notice } = decodeView(step.view, state.dataset);
    const stepState: AppState = { ...state, ...view, presenting: null };
    const title = step.title || 'Untitled step';
    const out: Parameters<typeof buildBriefingPack>[0]['steps'][number] = {
      title,
      note: step.note,
      figures: [
        { label: 'Timeline', svg: figureFor(stepState, 'timeline', `${title}: Timeline`) },
        { label: 'Network', svg: figureFor(stepState, 'network', `${title}: Network`) },
      ],
      citation: stepCitation(state.dataset, view),
    };
    if (notice) out.notice = notice;
    return out;
  });
  const html = buildBriefingPack({ story, datasetName: state.dataset.name, steps, generatedOn });
  return {
    blob: new Blob([html], { type: 'text/html;charset=utf-8' }),
    fileName: exportFileName(story.title || state.dataset.name, 'briefing', 'html'),
  };
}

/** Builds and downloads the briefing pack of a story; returns the file name. */
export function runStoryPack(state: AppState, story: Story): string {
  const file = buildStoryPack(state, story);
  downloadBlob(file.blob, file.fileName);
  return file.fileName;
}
