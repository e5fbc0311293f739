import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  STORY_LINK_INFLATED_MAX,
  STORY_LINK_MAX,
  decodeStoryLink,
  encodeStoryLink,
  fromBase64Url,
  isStoryLink,
  toBase64Url,
} from './story-link';
import type { Story } from './types';

const story: Story = {
  id: 'story-link',
  title: 'Linked “briefing”',
  datasetKey: '0a1b2c3d',
  datasetName: 'Small fixture',
  steps: [
    { id: 's-1', title: 'Overview', note: '', view: '' },
    { id: 's-2', title: 'Anna Berg', note: 'Émigré ✓ 日本', view: 'v=1&ds=0a1b2c3d&actor=a-berg' },
    { id: 's-3', title: 'Table', note: 'n'.repeat(3000), view: 'v=1&ds=0a1b2c3d&net=table' },
  ],
  updated: 1_700_000_000_000,
};

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function failure(fragment: string): Promise<string> {
  const r = await decodeStoryLink(fragment);
  if (!r || r.ok) throw new Error(`expected a failure for ${fragment.slice(0, 40)}`);
  return r.message;
}

describe('story links', () => {
  it('round-trips a story and a step (1-based in the link)', async () => {
    const fragment = await encodeStoryLink(story, 1);
    expect(fragment).toMatch(/^story=[\w-]+&step=2$/);
    expect(isStoryLink(fragment)).toBe(true);
    expect(isStoryLink(`#${fragment}`)).toBe(true);
    expect(await decodeStoryLink(fragment)).toEqual({ ok: true, story, stepIndex: 1 });
    expect(await decodeStoryLink(`#${fragment}`)).toEqual({ ok: true, story, stepIndex: 1 });
    // Compressed: the 3000-character note costs little.
    expect(fragment.length).toBeLessThan(600);
  });

  it('clamps the step, both when encoding and when decoding', async () => {
    expect(await encodeStoryLink(story, 99)).toMatch(/&step=3$/);
    expect(await encodeStoryLink(story, -4)).toMatch(/&step=1$/);
    const base = (await encodeStoryLink(story, 0)).replace(/&step=\d+$/, '');
    expect(await decodeStoryLink(`${base}&step=42`)).toMatchObject({ ok: true, stepIndex: 2 });
    expect(await decodeStoryLink(`${base}&step=0`)).toMatchObject({ ok: true, stepIndex: 0 });
    expect(await decodeStoryLink(`${base}&step=two`)).toMatchObject({ ok: true, stepIndex: 0 });
    expect(await decodeStoryLink(base)).toMatchObject({ ok: true, stepIndex: 0 });
  });

  it('gives null for fragments that are not story links', async () => {
    for (const f of ['', '#', '#v=1&ds=0a1b2c3d&actor=a-berg', 'v=1&q=story', 'history=1', 'xstory=abc']) {
      expect(isStoryLink(f)).toBe(false);
      expect(await decodeStoryLink(f)).toBeNull();
    }
    expect(await decodeStoryLink(undefined as unknown as string)).toBeNull();
  });

  it('refuses garbage, tampered and truncated links with a message', async () => {
    const fragment = await encodeStoryLink(story, 0);
    const data = /^story=([\w-]+)/.exec(fragment)?.[1] ?? '';
    expect(await failure('story=')).toMatch(/damaged/);
    expect(await failure('story=%%%not*base64')).toMatch(/not valid base64url/);
    expect(await failure('story=AAAA')).toMatch(/damaged|valid/);
    expect(await failure(`story=${data.slice(0, Math.floor(data.length / 2))}`)).toMatch(/damaged or incomplete/);
    // Flip characters in the middle of the compressed data: decompression or validation catches it.
    for (const at of [10, Math.floor(data.length / 2), data.length - 3]) {
      const c = data[at] === 'A' ? 'B' : 'A';
      const tampered = `story=${data.slice(0, at)}${c}${data.slice(at + 1)}&step=1`;
      const r = await decodeStoryLink(tampered);
      // A flip that still inflates to the same valid story is possible only in unused bits.
      if (r?.ok) expect(r.story).toEqual(story);
      else expect(r?.message).toMatch(/story link/);
    }
  });

  it('refuses valid compressed data that is not a valid story, saying where', async () => {
    expect(await failure(`story=${await deflate('hello')}`)).toMatch(/not a Threadline story file/);
    const bad = JSON.stringify({ format: 'threadline-story', version: 1, story: { ...story, datasetKey: 'zz' } });
    expect(await failure(`story=${await deflate(bad)}`)).toMatch(/\/story\/datasetKey: must be 8/);
    const proto = `{"format":"threadline-story","version":1,"story":{"__proto__":{}}}`;
    expect(await failure(`story=${await deflate(proto)}`)).toMatch(/forbidden/);
  });

  it('refuses links over the length cap and decompression bombs', async () => {
    expect(await failure(`story=${'A'.repeat(STORY_LINK_MAX)}`)).toMatch(/too long/);
    const bomb = await deflate(' '.repeat(STORY_LINK_INFLATED_MAX + 1000));
    expect(bomb.length).toBeLessThan(STORY_LINK_MAX);
    expect(await failure(`story=${bomb}`)).toMatch(/more than/);
  });

  propTest.prop([fc.uint8Array({ maxLength: 200 })])('base64url round-trips bytes', (bytes) => {
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  propTest.prop([fc.string({ maxLength: 200 })], { numRuns: 60 })('decoding never throws', async (s) => {
    const r = await decodeStoryLink(`story=${s}`);
    expect(r === null || typeof r.ok === 'boolean').toBe(true);
  });
});
