/** A toggle chip (a button with aria-pressed); pressed shows a check mark and a heavier border, not only a colour. */
import type { ReactNode } from 'react';
import './ui.css';

export function Chip({
  pressed,
  onToggle,
  children,
  title,
}: {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  title?: string;
}) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} onClick={onToggle} title={title}>
      <span className="chip-check" aria-hidden="true">
        {pressed ? '✓' : '+'}
      </span>
      {children}
    </button>
  );
}
