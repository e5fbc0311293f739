import { describe, expect, it } from 'vitest';
import { decodeArticle, parseArgs, parseMetadataCsv } from './input';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeArticle', () => {
  it('decodes UTF-8 and drops a UTF-8 byte order mark', () => {
    expect(decodeArticle(bytes('\uFEFFHello'))).toEqual({ ok: true, text: 'Hello' });
  });

  it('keeps CRLF, emoji and combining marks exactly', () => {
    expect(decodeArticle(bytes('a\r\nb 😀 e\u0301'))).toEqual({ ok: true, text: 'a\r\nb 😀 e\u0301' });
  });

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['whitespace only', bytes('\n\t  \n'), /only whitespace/],
    ['a PDF', bytes('%PDF-1.7 ...'), /PDF/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]), /PNG/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
    ['Latin-1', new Uint8Array([0x43, 0x61, 0x66, 0xe9]), /not valid UTF-8/],
    ['binary with NULs', new Uint8Array([0x41, 0x00, 0x42]), /NUL/],
  ])('refuses %s with a reason', (_name, input, reason) => {
    const r = decodeArticle(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseMetadataCsv', () => {
  it('reads rows without guessing types', () => {
    const r = parseMetadataCsv('file,title,published,notes\na.txt,"Hello, world",2022-11,x\nb.txt,0012,,\n');
    expect(r).toEqual({
      ok: true,
      rows: [
        { file: 'a.txt', title: 'Hello, world', published: '2022-11' },
        { file: 'b.txt', title: '0012' },
      ],
    });
  });

  it('names the row of an unterminated quote', () => {
    const r = parseMetadataCsv('file,title\na.txt,"oops\nb.txt,fine\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/row 1 \(line 2\).*Quote/i);
  });

  it('rejects an impossible publication date with its row', () => {
    const r = parseMetadataCsv('file,published\na.txt,2021-02-30\n');
    expect(r).toEqual({
      ok: false,
      errors: [
        'documents.csv: row 1 (line 2): published "2021-02-30" is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD',
      ],
    });
  });

  it('rejects unknown, duplicate and dangerous columns', () => {
    for (const header of ['file,titel', 'file,title,title', 'file,__proto__']) {
      expect(parseMetadataCsv(`${header}\na.txt,x${header.split(',').length > 2 ? ',y' : ''}\n`).ok).toBe(false);
    }
  });

  it('rejects ragged rows, a missing file column, duplicates and empty files', () => {
    expect(parseMetadataCsv('file,title\na.txt,x,extra\n').ok).toBe(false);
    expect(parseMetadataCsv('title\nx\n').ok).toBe(false);
    expect(parseMetadataCsv('file\na.txt\na.txt\n').ok).toBe(false);
    expect(parseMetadataCsv('').ok).toBe(false);
  });

  it('reads a semicolon file as one column and so fails loudly instead of mis-splitting', () => {
    expect(parseMetadataCsv('file;title\na.txt;x\n').ok).toBe(false);
  });
});

describe('parseArgs', () => {
  it('has the documented defaults', () => {
    expect(parseArgs([])).toEqual({
      ok: true,
      options: { input: 'seeds', output: 'data/dataset.json', strict: false },
    });
  });

  it('reads every flag and refuses unknown ones', () => {
    expect(parseArgs(['--input', 'in', '--output', 'o.json', '--strict', '--workers', '2', '--name', 'N'])).toEqual({
      ok: true,
      options: { input: 'in', output: 'o.json', strict: true, workers: 2, name: 'N' },
    });
    expect(parseArgs(['--input'])).toMatchObject({ ok: false });
    expect(parseArgs(['--bogus'])).toMatchObject({ ok: false });
    expect(parseArgs(['--workers', '0'])).toMatchObject({ ok: false });
  });
});
