/** Provides one store per dataset, starting from a view and the browser's stories. */
import { useState, type ReactNode } from 'react';
import type { Dataset } from '../model/schema';
import { createAppStore, type AppStore } from '../store/create-app-store';
import type { ViewState } from '../store/types';
import type { Story } from '../story/types';
import { AppStoreContext } from '../store/use-app-store';

export function StoreProvider({
  dataset,
  initialView,
  stories,
  store: given,
  children,
}: {
  dataset: Dataset;
  initialView?: Partial<ViewState>;
  /** The stories kept in this browser (see story/use-story-persistence.ts `initialStories`). */
  stories?: Story[];
  store?: AppStore;
  children: ReactNode;
}) {
  const [store] = useState(() => given ?? createAppStore(dataset, initialView, { stories }));
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}
