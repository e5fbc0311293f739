/**
 * fetchDataset: the size/type checks, validation here or in a worker, and the head-start hooks, which get the parsed
 * but not yet validated value of a large dataset and must never change the verdict.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDatasetJson } from '../model/load';
import { smallDataset } from '../test/fixtures/small-dataset';
import { fetchDataset, VALIDATE_HERE_BELOW_BYTES, type ParsedHooks } from './load-dataset';

/** A stand-in for the validation worker: validates the posted text with the same code, answering the verdict. */
class FakeValidationWorker {
  static started = 0;
  static texts: string[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeValidationWorker.started++;
  }
  postMessage(text: string): void {
    FakeValidationWorker.texts.push(text);
    setTimeout(() => {
      if (this.terminated) return;
      const result = parseDatasetJson(text);
      const verdict = result.ok ? { ok: true } : { ok: false, issues: result.issues };
      this.onmessage?.({ data: verdict } as MessageEvent);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A worker whose script fails to load: it reports an error right after it is created. */
class BrokenWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: { preventDefault: () => void; message: string }) => void) | null = null;
  constructor() {
    setTimeout(() => this.onerror?.({ preventDefault: () => undefined, message: 'script failed' }), 0);
  }
  postMessage(): void {}
  terminate(): void {}
}

const respond =
  (body: string, headers: Record<string, string> = {}): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } }));

/** The dataset's JSON padded with whitespace past the size validated on this thread (still the same JSON value). */
const large = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text + ' '.repeat(VALIDATE_HERE_BELOW_BYTES + 10 - text.length);
};

afterEach(() => {
  vi.unstubAllGlobals();
  FakeValidationWorker.started = 0;
  FakeValidationWorker.texts = [];
});

describe('fetchDataset', () => {
  it('validates a small dataset on this thread and hands its text to onText', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const text = JSON.stringify(smallDataset);
    const onText = vi.fn();
    const beforeShare = vi.fn();
    const result = await fetchDataset('data.json', respond(text, { 'content-length': String(text.length) }), {
      onText,
      beforeShare,
    });
    expect(result.ok).toBe(true);
    expect(onText).toHaveBeenCalledWith(text);
    expect(beforeShare).not.toHaveBeenCalled();
    expect(FakeValidationWorker.started).toBe(0);
  });

  it('validates a large dataset in a worker and gives the hooks its parsed value meanwhile', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const seen: unknown[] = [];
    const hooks: ParsedHooks = { beforeShare: (v) => seen.push(v), afterShare: (v) => seen.push(v) };
    const result = await fetchDataset('data.json', respond(large(smallDataset)), hooks);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset).toEqual(smallDataset);
    expect(FakeValidationWorker.started).toBe(1);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(result.dataset); // the same object: work started on it is found by the memoised selectors
  });

  it('takes a compressed body for large: its Content-Length is the compressed size', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const text = large(smallDataset);
    const headers = { 'content-encoding': 'gzip', 'content-length': '4000' };
    const result = await fetchDataset('data.json', respond(text, headers));
    expect(result.ok).toBe(true);
    expect(FakeValidationWorker.started).toBe(1);
    expect(FakeValidationWorker.texts).toEqual([text]);
  });

  it('keeps the verdict when every hook throws', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const boom = (): never => {
      throw new Error('hook failed');
    };
    const result = await fetchDataset('data.json', respond(large(smallDataset)), {
      onText: boom,
      beforeShare: boom,
      afterShare: boom,
    });
    expect(result.ok).toBe(true);
  });

  it('rejects a large invalid dataset with its JSON pointers, although the hooks saw it first', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const bad = structuredClone(smallDataset) as unknown as { events: { actorIds: string[] }[] };
    (bad.events[0] as { actorIds: string[] }).actorIds = ['person:nobody'];
    const beforeShare = vi.fn();
    const result = await fetchDataset('data.json', respond(large(bad)), { beforeShare });
    expect(beforeShare).toHaveBeenCalledOnce();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.pointer)).toContain('/events/0/actorIds/0');
  });

  it('does not let a forbidden key reach the prototype while the hooks run, and rejects it', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const text = large(smallDataset).replace('{', '{"__proto__":{"polluted":true},"constructor":{"polluted":true},');
    const result = await fetchDataset('data.json', respond(text), {
      beforeShare: (v) => Object.assign({}, v),
      afterShare: (v) => ({ ...(v as object) }),
    });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toMatch(/forbidden prototype property/);
  });

  it('gives the browser a task between posting the text and each head-start step', async () => {
    // A message posted to a worker still loading its script is handed over by this thread between its tasks: in one
    // long task the worker would start only after all the head-start work. Here each step records whether a task
    // queued right after the post (as the hand-over would be) has run by then.
    let handedOver = 0;
    class SlowStartWorker extends FakeValidationWorker {
      override postMessage(text: string): void {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          handedOver++;
        };
        channel.port2.postMessage(null);
        super.postMessage(text);
      }
    }
    vi.stubGlobal('Worker', SlowStartWorker);
    const seenAt: Record<string, number> = {};
    const result = await fetchDataset('data.json', respond(large(smallDataset)), {
      beforeShare: () => (seenAt.beforeShare = handedOver),
      afterShare: () => (seenAt.afterShare = handedOver),
    });
    expect(result.ok).toBe(true);
    expect(seenAt).toEqual({ beforeShare: 1, afterShare: 1 });
  });

  it('validates here when the worker cannot start', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const result = await fetchDataset('data.json', respond(large(smallDataset)));
    expect(result.ok).toBe(true);
  });

  it('reports a web page served where the dataset should be, and an HTTP error, without validating', async () => {
    vi.stubGlobal('Worker', FakeValidationWorker);
    const page = await fetchDataset('missing.json', () =>
      Promise.resolve(new Response('<!doctype html><p>hi</p>', { headers: { 'content-type': 'text/html' } })),
    );
    expect(page).toEqual({
      ok: false,
      issues: [
        { pointer: '', message: 'no dataset at missing.json: the server answered with a web page; check the path' },
      ],
    });
    const gone = await fetchDataset('gone.json', () => Promise.resolve(new Response('', { status: 404 })));
    expect(gone).toEqual({ ok: false, issues: [{ pointer: '', message: 'could not load gone.json: HTTP 404' }] });
    expect(FakeValidationWorker.texts).toEqual([]);
  });
});
