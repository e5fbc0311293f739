/**
 * Self-contained deep links to any step of a story: the whole story file travels in the URL fragment, compressed.
 *
 *   #story=<base64url of deflate-raw(JSON of the story file)>&step=3
 *
 * The step number is 1-based (for humans reading the link). Decoding is capped at every stage (fragment length,
 * inflated size, read by streaming so a decompression bomb stops at the cap), validates with the story file schema,
 * and never throws. A fragment that is not a story link decodes to null, so the ordinary view decoding runs.
 */
import { STORY_FILE_MAX_BYTES, parseStoryFile, storyFile } from './story-schema';
import { STORY_LINK_MAX, isStoryLink } from './story-format';
import type { Story } from './types';

export { STORY_LINK_MAX, isStoryLink };

/** Largest inflated story JSON read from a link, in bytes (the story file cap). */
export const STORY_LINK_INFLATED_MAX = STORY_FILE_MAX_BYTES;

export type StoryLinkResult = { ok: true; story: Story; stepIndex: number } | { ok: false; message: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_RE = /^[\w-]*$/;

/** Base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/** Decodes base64url (no padding); undefined for anything else. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!BASE64URL_RE.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    acc = (acc << 6) | ALPHABET.indexOf(text[i] as string);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

async function pipeAll(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, cap: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The fragment (without '#') of a link to one step (0-based index, clamped) of a story. */
export async function encodeStoryLink(story: Story, stepIndex: number): Promise<string> {
  const json = JSON.stringify(storyFile(story));
  const packed = await pipeAll(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Infinity);
  const last = Math.max(0, story.steps.length - 1);
  const index = Number.isFinite(stepIndex) ? Math.min(last, Math.max(0, Math.trunc(stepIndex))) : 0;
  return `story=${toBase64Url(packed ?? new Uint8Array())}&step=${index + 1}`;
}

/** The first value of a parameter in a fragment (no URLSearchParams on a long untrusted string). */
function param(raw: string, name: string): string | undefined {
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

const fail = (message: string): StoryLinkResult => ({ ok: false, message });

async function decodeUnsafe(fragment: string): Promise<StoryLinkResult | null> {
  if (!isStoryLink(fragment)) return null;
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (raw.length > STORY_LINK_MAX) {
    return fail(`This story link is too long to open (${raw.length} characters; the limit is ${STORY_LINK_MAX}).`);
  }
  const packed = fromBase64Url(param(raw, 'story') ?? '');
  if (!packed || packed.length === 0) return fail('This story link is damaged: its story part is not valid base64url.');
  if (typeof DecompressionStream === 'undefined') return fail('This browser cannot open story links.');
  let inflated: Uint8Array | undefined;
  try {
    inflated = await pipeAll(packed, new DecompressionStream('deflate-raw'), STORY_LINK_INFLATED_MAX);
  } catch {
    return fail('This story link is damaged or incomplete (its data does not decompress); ask for the link again.');
  }
  if (!inflated) {
    return fail(`This story link holds more than ${STORY_LINK_INFLATED_MAX} bytes of story data; it was not opened.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('This story link is damaged: its story is not valid text.');
  }
  const parsed = parseStoryFile(text);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const where = first && first.pointer !== '' ? `${first.pointer}: ` : '';
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more problems)` : '';
    return fail(`This story link does not hold a valid story: ${where}${first?.message ?? 'unknown problem'}${more}.`);
  }
  const story = parsed.story;
  const stepText = param(raw, 'step');
  const n = stepText !== undefined && /^\d{1,6}$/.test(stepText) ? Number(stepText) : 1;
  const stepIndex = Math.min(Math.max(0, story.steps.length - 1), Math.max(0, n - 1));
  return { ok: true, story, stepIndex };
}

/**
 * Decodes a story link fragment (with or without '#'): null when it is not a story link, else the story and the
 * 0-based step index (clamped to the story), or why it cannot be opened. Never throws.
 */
export async function decodeStoryLink(fragment: string): Promise<StoryLinkResult | null> {
  try {
    return await decodeUnsafe(typeof fragment === 'string' ? fragment : '');
  } catch {
    return fail('This story link could not be read.');
  }
}
