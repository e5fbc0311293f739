import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/schema';
import { extractDocument, NO_DATE_WARNING } from './document';

const record = (text: string, over: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id: 'doc',
  file: 'doc.txt',
  title: '',
  published: '2021-12-02',
  publishedFrom: 'metadata',
  text,
  ...over,
});

describe('extractDocument', () => {
  it('runs every stage: timexes, actors, events and relations traceable to their sentence', () => {
    const text =
      'Japan and Cambodia\n\nFrance thanked Japan on Wednesday for its help.\nRussia invaded Ukraine in 2022.';
    const x = extractDocument(record(text));
    expect(x.document.title).toBe('Japan and Cambodia');
    expect(x.timexes.length).toBeGreaterThan(0);
    expect(x.mentions.length).toBeGreaterThan(0);
    expect(x.events.length).toBeGreaterThanOrEqual(2);
    for (const e of x.events) {
      const sentence = text.slice(e.evidence.start, e.evidence.end);
      expect(sentence.length).toBeGreaterThan(0);
      expect(e.title).not.toBe(sentence);
    }
    for (const t of x.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
    const types = x.relations.map((r) => r.type);
    expect(types).toContain('support');
    expect(types).toContain('attack');
  });

  it('takes the publication date from a dateline when the metadata has none', () => {
    const text = 'AKP Phnom Penh, April 29, 2020 \u2014\n\nCambodia thanked Japan for its help.';
    const x = extractDocument(record(text, { published: null, publishedFrom: 'none' }));
    expect(x.document.published).toBe('2020-04-29');
    expect(x.document.publishedFrom).toBe('dateline');
    expect(x.document.warnings ?? []).toEqual([]);
  });

  it('warns when no publication date is known and leaves undated events out', () => {
    const x = extractDocument(
      record('Cambodia thanked Japan for its help.', { published: null, publishedFrom: 'none' }),
    );
    expect(x.document.published).toBeNull();
    expect(x.document.warnings).toContain(NO_DATE_WARNING);
    expect(x.events).toEqual([]);
  });

  it('makes no event from page furniture (teaser bullets)', () => {
    const text =
      'Cambodia thanked Japan for its help.\n\n  \u2022 Japan praises Cambodia\n\n    Japan praised Cambodia on January 9 for its work.';
    const x = extractDocument(record(text));
    for (const e of x.events) {
      for (const f of x.document.furniture ?? []) {
        expect(e.evidence.start >= f.end || e.evidence.end <= f.start).toBe(true);
      }
    }
  });

  it('survives CRLF, emoji and an all-boilerplate article', () => {
    const crlf = extractDocument(
      record('Hun Sen thanked Japan \u{1F1EF}\u{1F1F5} for its help.\r\nRussia invaded Ukraine.\r\n'),
    );
    for (const m of crlf.mentions) expect(m.end).toBeLessThanOrEqual(crlf.document.text.length);
    expect(crlf.events.length).toBeGreaterThan(0);
    const boiler = extractDocument(record('Logo of Some Newspaper\n\nContent image - Some Newspaper\n'));
    expect(boiler.relations).toEqual([]);
  });
});
