/** Provides one store per dataset. */
import { useState, type ReactNode } from 'react';
import type { Dataset } from '../model/schema';
import { createAppStore, type AppStore } from '../store/create-app-store';
import type { ViewState } from '../store/types';
import { AppStoreContext } from '../store/use-app-store';

export function StoreProvider({
  dataset,
  initialView,
  store: given,
  children,
}: {
  dataset: Dataset;
  initialView?: Partial<ViewState>;
  store?: AppStore;
  children: ReactNode;
}) {
  const [store] = useState(() => given ?? createAppStore(dataset, initialView));
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}
