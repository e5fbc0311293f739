import { useAppStore } from '../../store/use-app-store';
import { selectVisibleEvents } from '../../store/selectors';

export function TimelinePanel() {
  const events = useAppStore(selectVisibleEvents);
  return <p>{events.length} events</p>;
}
