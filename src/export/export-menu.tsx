/**
 * The header's Export menu: the timeline and the network as SVG or PNG (2x), events, actors and relations as CSV,
 * and the dataset as JSON. Everything is built from the current view; the builders load on first use.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { fragmentFor, pageLink } from '../store/url-state';
import { useAppStoreApi } from '../store/use-app-store';
import { useDismissable } from '../ui/use-dismissable';
import type { ExportKind } from './run-export';

interface ExportItem {
  kind: ExportKind;
  label: string;
}

const GROUPS: { heading: string; items: ExportItem[] }[] = [
  {
    heading: 'Figures of the current view',
    items: [
      { kind: 'timeline-svg', label: 'Timeline as SVG' },
      { kind: 'timeline-png', label: 'Timeline as PNG (2x)' },
      { kind: 'network-svg', label: 'Network as SVG' },
      { kind: 'network-png', label: 'Network as PNG (2x)' },
    ],
  },
  {
    heading: 'Tables of the current view (CSV)',
    items: [
      { kind: 'events-csv', label: 'Events as CSV' },
      { kind: 'actors-csv', label: 'Actors as CSV' },
      { kind: 'relations-csv', label: 'Relations as CSV' },
    ],
  },
  { heading: 'Whole dataset', items: [{ kind: 'dataset-json', label: 'Dataset as JSON' }] },
];

export function ExportMenu() {
  const storeApi = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismissable(open, close, rootRef, buttonRef);

  const run = async (kind: ExportKind) => {
    setBusy(true);
    setMessage(null);
    try {
      const { runExport } = await import('./run-export');
      const fileName = await runExport(kind, storeApi.getState());
      setMessage({ text: `Saved ${fileName}`, error: false });
    } catch (err) {
      setMessage({ text: `Export failed: ${err instanceof Error ? err.message : String(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  // The address bar holds the view too (written debounced); this builds the link from the store, so it is current.
  const copyViewLink = async () => {
    const url = pageLink(window.location, fragmentFor(storeApi.getState()));
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ text: 'Link to this view copied.', error: false });
    } catch {
      setMessage({ text: `Copy this link: ${url}`, error: false });
    }
  };

  return (
    <div className="filter-menu export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="filter-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Export
        <span aria-hidden="true" className="filter-caret">
          ▾
        </span>
      </button>
      <div id={id} className="filter-popover export-popover" hidden={!open} role="group" aria-label="Export">
        <div className="export-group">
          <p className="filter-hint">Link</p>
          <button type="button" className="export-item" onClick={() => void copyViewLink()}>
            Copy link to this view
          </button>
        </div>
        {GROUPS.map((g) => (
          <div key={g.heading} className="export-group">
            <p className="filter-hint">{g.heading}</p>
            {g.items.map((item) => (
              <button
                key={item.kind}
                type="button"
                className="export-item"
                disabled={busy}
                data-export={item.kind}
                onClick={() => void run(item.kind)}
              >
                {item.label}
              </button>
            ))}
          </div>
        ))}
        <p className="filter-hint export-note">
          CSV cells that a spreadsheet would run as a formula (starting with = + - @) are saved with a leading
          apostrophe.
        </p>
        <p className={message?.error ? 'export-status is-error' : 'export-status'} role="status" aria-live="polite">
          {busy ? 'Preparing…' : (message?.text ?? '')}
        </p>
      </div>
    </div>
  );
}
