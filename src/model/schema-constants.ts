/**
 * The dataset's enumerations, without zod: the app imports these at start, the schema (and zod) only where a
 * dataset is validated (in a worker when one can start).
 */
export const SCHEMA_VERSION = 1 as const;

export const ACTOR_KINDS = ['person', 'country', 'organization', 'group', 'place', 'other'] as const;
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export const PRECISIONS = ['day', 'month', 'year', 'decade'] as const;
export const DATE_SOURCES = ['text', 'context', 'publication'] as const;
export const RELATION_TYPES = [
  'consult',
  'support',
  'cooperate',
  'aid',
  'request',
  'criticize',
  'attack',
  'affiliation',
] as const;
export const POLARITIES = ['cooperation', 'conflict', 'neutral'] as const;
export const FURNITURE_KINDS = ['logo', 'caption', 'headline', 'byline', 'bio', 'teaser', 'dateline', 'other'] as const;

/** Largest dataset file the app or the CLI will read (64 MB). */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;
