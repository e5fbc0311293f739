/**
 * Stories in browser storage (localStorage): one JSON array of stories under a versioned key. This module writes and
 * merges (no validator, so it stays in the start-up bundle); story-storage-load.ts reads and validates. Nothing here
 * throws: a full or disabled storage becomes a message.
 */
import { plainStory } from './story-format';
import type { Story } from './types';

export const STORAGE_KEY = 'threadline:stories:v1';
export const BACKUP_KEY = 'threadline:stories:v1:backup';

/** The part of Storage used here. */
export type StoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LoadResult {
  stories: Story[];
  notice?: string;
}

export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

/** The stored text of a story list (fixed key order, so the same list gives the same text). */
export function storedValue(stories: readonly Story[]): string {
  return JSON.stringify(stories.map(plainStory));
}

/** Saves the stories. Never throws: a full or disabled storage gives a message. */
export function saveStories(
  storage: StoryStorage,
  stories: readonly Story[],
): { ok: true } | { ok: false; message: string } {
  try {
    storage.setItem(STORAGE_KEY, storedValue(stories));
    return { ok: true };
  } catch (error) {
    if (isQuotaError(error)) {
      return {
        ok: false,
        message:
          'Stories could not be saved: browser storage is full. Export your stories as files, or delete some, so your changes are not lost.',
      };
    }
    return {
      ok: false,
      message: `Stories could not be saved: browser storage is not available (${describeError(error)}). Export your stories as files to keep them.`,
    };
  }
}

/**
 * Merges the story list another tab saved into this tab's: the other tab's list wins, except for stories this tab
 * changed after `since` (epoch ms of this tab's last save or merge), which are kept in their newer form (or added,
 * when the other tab does not have them yet).
 */
export function mergeStories(local: readonly Story[], incoming: readonly Story[], since: number): Story[] {
  const localById = new Map(local.map((s) => [s.id, s]));
  const out = incoming.map((s) => {
    const mine = localById.get(s.id);
    return mine && mine.updated > since && mine.updated > s.updated ? mine : s;
  });
  const incomingIds = new Set(incoming.map((s) => s.id));
  for (const s of local) if (!incomingIds.has(s.id) && s.updated > since) out.push(s);
  return out;
}
