/** Header: the dataset's name. Search and filters are added here. */
import { useAppStore } from '../store/use-app-store';
import type { AppState } from '../store/types';

const selectName = (s: AppState) => s.dataset.name;

export function Header({ notice }: { notice?: string | undefined }) {
  const name = useAppStore(selectName);
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="brand">Threadline</span> <span className="dataset-name">{name}</span>
      </h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </header>
  );
}
