import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  isQuotaError,
  mergeStories,
  saveStories,
  storedValue,
  type StoryStorage,
} from './story-storage';
import { loadStories } from './story-storage-load';
import type { Story } from './types';

/** A Map-backed storage that can be told to fail. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const s = {
    data,
    failGet: undefined as Error | undefined,
    failSet: undefined as Error | undefined,
    getItem: (k: string) => {
      if (s.failGet) throw s.failGet;
      return data.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (s.failSet) throw s.failSet;
      data.set(k, v);
    },
  };
  return s;
}

const story = (id: string, updated = 1, title = id): Story => ({
  id,
  title,
  datasetKey: '0a1b2c3d',
  datasetName: 'Fixture',
  steps: [{ id: 's-1', title: 'One', note: '', view: '' }],
  updated,
});

const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('story storage', () => {
  it('saves and loads a list of stories', () => {
    const storage = memoryStorage();
    const stories = [story('story-a'), story('story-b', 2)];
    expect(saveStories(storage, stories)).toEqual({ ok: true });
    expect(storage.data.get(STORAGE_KEY)).toBe(storedValue(stories));
    expect(loadStories(storage)).toEqual({ stories });
  });

  it('loads nothing, quietly, when nothing is stored', () => {
    expect(loadStories(memoryStorage())).toEqual({ stories: [] });
  });

  it('backs up a corrupted value before anything can overwrite it', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{not json' });
    const result = loadStories(storage);
    expect(result.stories).toEqual([]);
    expect(result.notice).toMatch(/could not be read/);
    expect(result.notice).toContain(BACKUP_KEY);
    expect(storage.data.get(BACKUP_KEY)).toBe('{not json');
    expect(storage.data.get(STORAGE_KEY)).toBe('{not json');
  });

  it('treats a non-list and a __proto__ value as corrupted', () => {
    for (const raw of ['{"a":1}', '[{"__proto__":{"x":1}}]', 'null']) {
      const storage = memoryStorage({ [STORAGE_KEY]: raw });
      expect(loadStories(storage).notice).toMatch(/could not be read/);
      expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    }
  });

  it('drops invalid entries, keeps the others, and backs up the whole value', () => {
    const good = story('story-good');
    const raw = JSON.stringify([good, { ...story('story-bad'), datasetKey: 'nope' }, 42, story('story-good', 9)]);
    const storage = memoryStorage({ [STORAGE_KEY]: raw });
    const result = loadStories(storage);
    expect(result.stories).toEqual([good]);
    expect(result.notice).toMatch(/^3 saved stories were damaged and left out \(1 loaded\)/);
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
  });

  it('says so when even the backup cannot be written', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '[1]' });
    storage.failSet = quotaError();
    const result = loadStories(storage);
    expect(result.notice).toMatch(/^1 saved story was damaged/);
    expect(result.notice).toMatch(/could not be backed up/);
  });

  it('returns a message, never throws, when storage is full or disabled', () => {
    const storage = memoryStorage();
    storage.failSet = quotaError();
    const full = saveStories(storage, [story('story-a')]);
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.message).toMatch(/storage is full/);
    storage.failSet = Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
    const disabled = saveStories(storage, [story('story-a')]);
    if (!disabled.ok) expect(disabled.message).toMatch(/not available \(SecurityError/);
    else throw new Error('expected a failure');
  });

  it('tolerates storage that refuses to be read', () => {
    const storage: StoryStorage = {
      getItem: () => {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
      setItem: () => undefined,
    };
    const result = loadStories(storage);
    expect(result.stories).toEqual([]);
    expect(result.notice).toMatch(/not available/);
  });

  it('recognises quota errors by name or legacy code', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it("merges another tab's list, keeping this tab's changes made since its last save", () => {
    const since = 100;
    const local = [
      story('story-a', 50),
      story('story-b', 150, 'B edited here'),
      story('story-new', 120),
      story('story-gone', 60),
    ];
    const incoming = [story('story-a', 130, 'A edited there'), story('story-b', 110), story('story-c', 140)];
    expect(mergeStories(local, incoming, since).map((s) => `${s.id}:${s.title}`)).toEqual([
      'story-a:A edited there',
      'story-b:B edited here',
      'story-c:story-c',
      'story-new:story-new',
    ]);
  });
});
