import { useAppStore } from '../../store/use-app-store';
import { selectVisibleActors } from '../../store/selectors';

export function NetworkPanel() {
  const actors = useAppStore(selectVisibleActors);
  return <p>{actors.length} actors</p>;
}
