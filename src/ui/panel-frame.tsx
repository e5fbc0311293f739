/** A landmark region with a visible heading, named by that heading. */
import type { ReactNode } from 'react';

export function PanelFrame({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={id}>
      <h2 id={headingId} className="panel-title">
        {title}
      </h2>
      <div className="panel-body">{children}</div>
    </section>
  );
}
