/**
 * The story file format without its validator: limits, the link marker and the serializer (fixed key order, same
 * story, same bytes). Kept apart from story-schema.ts so the start-up bundle (the store, storage writes, link
 * detection) does not carry zod; the validator loads with the story panel, an import or a link.
 */
import type { Story, StoryFile } from './types';

export const STORY_FORMAT = 'threadline-story';
export const STORY_FILE_VERSION = 1;
/** Largest story file read: 2 MiB (file size in bytes; text is capped at as many characters). Far above 500 full steps. */
export const STORY_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const MAX_ID = 100;
export const MAX_TITLE = 200;
export const MAX_DATASET_NAME = 500;
export const MAX_STEP_NOTE = 5000;
export const MAX_STEP_VIEW = 4000;
export const MAX_STEPS = 500;
/** Longest story link fragment read (characters). */
export const STORY_LINK_MAX = 65_536;

/** True when a fragment (with or without '#') is a story link. */
export function isStoryLink(fragment: string): boolean {
  return typeof fragment === 'string' && /^#?story=|&story=/.test(fragment);
}

/** A story as a plain object with a fixed key order (what files, links and browser storage hold). */
export function plainStory(story: Story): Story {
  return {
    id: story.id,
    title: story.title,
    datasetKey: story.datasetKey,
    datasetName: story.datasetName,
    updated: story.updated,
    steps: story.steps.map((s) => ({ id: s.id, title: s.title, note: s.note, view: s.view })),
  };
}

/** The story file object of a story, with a fixed key order. */
export function storyFile(story: Story): StoryFile {
  return { format: STORY_FORMAT, version: STORY_FILE_VERSION, story: plainStory(story) };
}

/** Prints a story file: fixed key order, 2-space indent, trailing newline (same story, same bytes). */
export function serializeStoryFile(story: Story): string {
  return `${JSON.stringify(storyFile(story), null, 2)}\n`;
}
