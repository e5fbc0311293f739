import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  STORY_FILE_MAX_BYTES,
  parseStoryFile,
  serializeStoryFile,
  storyFile,
  validateStory,
  validateStoryFile,
} from './story-schema';
import type { Story } from './types';

const story: Story = {
  id: 'story-abc_123',
  title: 'Geneva talks: what changed',
  datasetKey: '0a1b2c3d',
  datasetName: 'Small fixture',
  steps: [
    { id: 's-1', title: 'Overview', note: '', view: '' },
    { id: 's-2', title: 'Anna Berg', note: 'She met Haddad.\nSay “why”.', view: 'v=1&ds=0a1b2c3d&actor=a-berg' },
  ],
  updated: 1_700_000_000_000,
};

const fileOf = (s: unknown) => JSON.stringify({ format: 'threadline-story', version: 1, story: s });

/** The file with one field of the story replaced (by JSON pointer-ish path below `story`). */
function withStory(patch: (s: Record<string, unknown>) => void): string {
  const copy = JSON.parse(JSON.stringify(story)) as Record<string, unknown>;
  patch(copy);
  return fileOf(copy);
}

function issuesOf(text: string) {
  const r = parseStoryFile(text);
  if (r.ok) throw new Error('expected a failure');
  return r.issues;
}

describe('story files', () => {
  it('round-trips a story through serialize and parse', () => {
    const text = serializeStoryFile(story);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "threadline-story",\n  "version": 1,');
    expect(parseStoryFile(text)).toEqual({ ok: true, story });
    // Same story, same bytes, whatever the key order of the object.
    const shuffled = {
      steps: story.steps,
      updated: story.updated,
      id: story.id,
      datasetName: story.datasetName,
      datasetKey: story.datasetKey,
      title: story.title,
    };
    expect(serializeStoryFile(shuffled)).toBe(text);
    expect(Object.keys(storyFile(story).story)).toEqual([
      'id',
      'title',
      'datasetKey',
      'datasetName',
      'updated',
      'steps',
    ]);
  });

  it('reports each problem with a JSON pointer', () => {
    const cases: [string, string, RegExp][] = [
      [withStory((s) => (s.title = 'x'.repeat(201))), '/story/title', /at most 200/],
      [withStory((s) => (s.id = 'has space')), '/story/id', /letters/],
      [withStory((s) => (s.id = '')), '/story/id', /empty/],
      [withStory((s) => (s.id = 'x'.repeat(101))), '/story/id', /at most 100/],
      [withStory((s) => (s.datasetKey = 'XYZ')), '/story/datasetKey', /8 lower-case hexadecimal/],
      [withStory((s) => (s.updated = -1)), '/story/updated', /negative/],
      [withStory((s) => (s.updated = 1.5)), '/story/updated', /whole number/],
      [withStory((s) => (s.extra = 1)), '/story/extra', /unknown field/],
      [withStory((s) => ((s.steps as Record<string, unknown>[])[1]!.title = 7)), '/story/steps/1/title', /string/],
      [
        withStory((s) => ((s.steps as Record<string, unknown>[])[0]!.note = 'n'.repeat(5001))),
        '/story/steps/0/note',
        /5000/,
      ],
      [
        withStory((s) => ((s.steps as Record<string, unknown>[])[0]!.view = 'v'.repeat(4001))),
        '/story/steps/0/view',
        /4000/,
      ],
      [
        withStory((s) => delete (s.steps as Record<string, unknown>[])[0]!.view),
        '/story/steps/0/view',
        /missing \(expected string\)/,
      ],
      [
        withStory((s) => ((s.steps as Record<string, unknown>[])[1]!.id = 's-1')),
        '/story/steps/1/id',
        /duplicate step id "s-1"/,
      ],
      [
        withStory(
          (s) => (s.steps = Array.from({ length: 501 }, (_, i) => ({ id: `s-${i}`, title: '', note: '', view: '' }))),
        ),
        '/story/steps',
        /at most 500 steps/,
      ],
      [JSON.stringify({ format: 'threadline-story', version: 0, story }), '/version', /1/],
      [JSON.stringify({ format: 'threadline-story', version: 1 }), '/story', /missing \(expected object\)/],
    ];
    for (const [text, pointer, message] of cases) {
      const issues = issuesOf(text);
      expect(
        issues.map((i) => i.pointer),
        pointer,
      ).toContain(pointer);
      expect(issues.find((i) => i.pointer === pointer)?.message).toMatch(message);
    }
  });

  it('rejects __proto__ and constructor.prototype keys', () => {
    const proto = `{"format":"threadline-story","version":1,"story":{"__proto__":{"polluted":true}}}`;
    expect(issuesOf(proto)[0]?.message).toMatch(/forbidden "__proto__"/);
    const ctor = `{"format":"threadline-story","version":1,"constructor":{"prototype":{"x":1}}}`;
    expect(issuesOf(ctor)[0]?.message).toMatch(/forbidden/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says plainly when a file is not a story, a dataset, not JSON or from a newer version', () => {
    expect(issuesOf('{"hello": 1}')[0]?.message).toMatch(/not a Threadline story file/);
    expect(issuesOf('{"format": "other"}')[0]?.pointer).toBe('/format');
    expect(issuesOf('{"format": "other"}')[0]?.message).toMatch(/not a Threadline story/);
    expect(issuesOf('[1,2]')[0]?.message).toMatch(/not a Threadline story file/);
    expect(issuesOf('{"schemaVersion":1,"documents":[]}')[0]?.message).toMatch(/dataset, not a story/);
    expect(issuesOf('not json at all')[0]?.message).toMatch(/not a Threadline story file \(not valid JSON/);
    expect(issuesOf('')[0]?.message).toMatch(/not valid JSON/);
    const newer = issuesOf(JSON.stringify({ format: 'threadline-story', version: 2, story: {} }));
    expect(newer).toHaveLength(1);
    expect(newer[0]?.pointer).toBe('/version');
    expect(newer[0]?.message).toMatch(/newer version of Threadline/);
  });

  it('refuses text over the 2 MB cap before parsing it', () => {
    const big = fileOf({ ...story, title: 'x'.repeat(STORY_FILE_MAX_BYTES) });
    expect(issuesOf(big)[0]?.message).toMatch(/too large/);
  });

  it('validates stored stories without the file wrapper', () => {
    expect(validateStory(story)).toEqual({ ok: true, story });
    expect(validateStory({ ...story, steps: 'no' })).toMatchObject({ ok: false, issues: [{ pointer: '/steps' }] });
    expect(validateStoryFile(null)).toMatchObject({ ok: false });
  });

  propTest.prop([fc.string({ maxLength: 300 })])('parseStoryFile never throws on arbitrary text', (text) => {
    const r = parseStoryFile(text);
    expect(typeof r.ok).toBe('boolean');
  });

  propTest.prop([fc.jsonValue({ maxDepth: 4 })])('parseStoryFile never throws on arbitrary JSON', (value) => {
    const r = parseStoryFile(JSON.stringify(value));
    expect(r.ok).toBe(false);
  });

  const storyArb: fc.Arbitrary<Story> = fc.record({
    id: fc.stringMatching(/^[\w-]{1,100}$/),
    title: fc.string({ maxLength: 200 }),
    datasetKey: fc.stringMatching(/^[0-9a-f]{8}$/),
    datasetName: fc.string({ maxLength: 500 }),
    steps: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[\w-]{1,20}$/),
        title: fc.string({ maxLength: 200 }),
        note: fc.string({ maxLength: 300 }),
        view: fc.string({ maxLength: 300 }),
      }),
      { selector: (s) => s.id, maxLength: 8 },
    ),
    updated: fc.nat(),
  });

  propTest.prop([storyArb])('any valid story round-trips through a file', (s) => {
    const text = serializeStoryFile(s);
    const back = parseStoryFile(text);
    expect(back).toEqual({ ok: true, story: s });
    if (back.ok) expect(serializeStoryFile(back.story)).toBe(text);
  });
});
