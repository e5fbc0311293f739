// @vitest-environment jsdom
import { fc, test as propTest } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_STEM_LENGTH, REVOKE_DELAY_MS, downloadBlob, exportFileName, slug } from './download';

describe('downloadBlob', () => {
  const created: string[] = [];
  const revoked: string[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    created.length = 0;
    revoked.length = 0;
    URL.createObjectURL = vi.fn(() => {
      const url = `blob:test/${created.length}`;
      created.push(url);
      return url;
    });
    URL.revokeObjectURL = vi.fn((url: string) => {
      revoked.push(url);
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('clicks a temporary download link in the document, then removes it and revokes the URL later', () => {
    const clicks: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    downloadBlob(new Blob(['a,b'], { type: 'text/csv' }), 'data-events.csv');
    expect(clicks).toEqual([{ href: 'blob:test/0', download: 'data-events.csv', inDocument: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('cleans up even when the click throws', () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(() => downloadBlob(new Blob(['x']), 'x.txt')).toThrow('blocked');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:test/0']);
  });
});

describe('exportFileName', () => {
  it('joins slugs of the dataset name and what is exported', () => {
    expect(exportFileName('Cambodia foreign policy', 'events', 'csv')).toBe('cambodia-foreign-policy-events.csv');
    expect(exportFileName('Café Ümlaut — 2024/25', 'Briefing', 'html')).toBe('cafe-umlaut-2024-25-briefing.html');
    expect(exportFileName('../../etc/passwd', 'dataset', 'json')).toBe('etc-passwd-dataset.json');
    expect(exportFileName('C:\\Users\\x', 'network', '.SVG')).toBe('c-users-x-network.svg');
  });

  it('is never empty', () => {
    expect(exportFileName('', 'events', 'csv')).toBe('threadline-events.csv');
    expect(exportFileName('東京 📰', '', '')).toBe('threadline.txt');
    expect(exportFileName('---', '***', 'csv')).toBe('threadline.csv');
  });

  it('keeps the stem to 60 characters without a trailing hyphen', () => {
    const name = exportFileName('a very long dataset name '.repeat(10), 'relations', 'csv');
    expect(name.endsWith('-relations.csv')).toBe(true);
    expect(name.length - '.csv'.length).toBeLessThanOrEqual(MAX_STEM_LENGTH);
    expect(name).not.toMatch(/--|-\./);
  });

  propTest.prop([fc.string({ unit: 'binary' }), fc.string(), fc.string({ maxLength: 12 })])(
    'always gives a plain ASCII name without path separators',
    (name, what, ext) => {
      const file = exportFileName(name, what, ext);
      expect(file).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$/);
      expect(file.split('.')[0]?.length).toBeLessThanOrEqual(MAX_STEM_LENGTH);
    },
  );

  it('slugs', () => {
    expect(slug('  Hello,  World!  ')).toBe('hello-world');
    expect(slug('ﬁle Ⅻ')).toBe('file-xii');
  });
});
