/** React access to the app store: the store comes from context, so tests and the app each build their own. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './create-app-store';
import type { AppState } from './types';

export const AppStoreContext = createContext<AppStore | null>(null);

/** The store API (for subscribe/getState in widget bridges). Throws outside a provider. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi must be used inside <StoreProvider>');
  return store;
}

/** Reads a slice of state; the selector must be a module-level (or memoised) function. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
