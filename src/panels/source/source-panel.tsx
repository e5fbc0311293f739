import { useAppStore } from '../../store/use-app-store';
import { selectOpenDocument } from '../../store/selectors';

export function SourcePanel() {
  const doc = useAppStore(selectOpenDocument);
  return <article>{doc?.text}</article>;
}
