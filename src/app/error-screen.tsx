/** Shown when a dataset fails validation: what went wrong, where (JSON pointers), and what to do. */
import type { DatasetIssue } from '../model/schema';

export function ErrorScreen({ source, issues }: { source: string; issues: readonly DatasetIssue[] }) {
  const shown = issues.slice(0, 20);
  return (
    <main className="error-screen">
      <h1>This dataset cannot be shown</h1>
      <p>
        <strong>{source}</strong> did not pass validation ({issues.length} problem{issues.length === 1 ? '' : 's'}). Fix
        the file, or rebuild it from the articles with <code>npm run extract</code>, then reload.
      </p>
      <ol className="error-list">
        {shown.map((issue, i) => (
          <li key={i}>
            <code>{issue.pointer || '/'}</code>: {issue.message}
          </li>
        ))}
      </ol>
      {issues.length > shown.length && <p>… and {issues.length - shown.length} more.</p>}
    </main>
  );
}
