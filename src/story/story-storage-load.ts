/**
 * Reading stories back from browser storage: each stored story is validated and the valid ones kept; a value that
 * cannot be read in full is first copied to a backup key, so nothing is lost when the next save overwrites it.
 * Loaded on demand (it carries the zod validator). Never throws.
 */
import secureJsonParse from 'secure-json-parse';
import { validateStory } from './story-schema';
import { BACKUP_KEY, STORAGE_KEY, describeError, type LoadResult, type StoryStorage } from './story-storage';
import type { Story } from './types';

/** Parses a stored value into its valid stories and the number of entries dropped; null when it is not a list. */
export function readStoredValue(raw: string): { stories: Story[]; dropped: number } | null {
  let value: unknown;
  try {
    value = secureJsonParse.parse(raw, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const stories: Story[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const entry of value) {
    const result = validateStory(entry);
    if (result.ok && !ids.has(result.story.id)) {
      stories.push(result.story);
      ids.add(result.story.id);
    } else dropped++;
  }
  return { stories, dropped };
}

/** Copies a value to the backup key (unless the backup already holds it); false when that failed. */
function backup(storage: StoryStorage, raw: string): boolean {
  try {
    if (storage.getItem(BACKUP_KEY) !== raw) storage.setItem(BACKUP_KEY, raw);
    return true;
  } catch {
    return false;
  }
}

/** Reads the stories kept in browser storage. Never throws. */
export function loadStories(storage: StoryStorage): LoadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch (error) {
    return {
      stories: [],
      notice: `Saved stories could not be read: browser storage is not available (${describeError(error)}). Export stories as files to keep them.`,
    };
  }
  if (raw === null) return { stories: [] };
  const read = readStoredValue(raw);
  if (read && read.dropped === 0) return { stories: read.stories };
  const kept = backup(storage, raw);
  const where = kept
    ? `the stored value was copied to "${BACKUP_KEY}" in this browser's storage, so nothing is lost`
    : `the stored value could not be backed up and will be replaced at the next save`;
  if (!read) {
    return { stories: [], notice: `Saved stories could not be read (the stored value is damaged); ${where}.` };
  }
  const n = read.dropped;
  return {
    stories: read.stories,
    notice: `${n} saved ${n === 1 ? 'story was' : 'stories were'} damaged and left out (${read.stories.length} loaded); ${where}.`,
  };
}
