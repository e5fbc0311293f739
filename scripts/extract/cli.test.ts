import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/model/schema';
import { ExtractError, run } from './cli';

let root: string;
let input: string;
let output: string;
const PREVIOUS = '{"previous":"output"}\n';

const article = (name: string, text: string | Uint8Array) => writeFileSync(path.join(input, name), text);
const go = (extra: Partial<Parameters<typeof run>[0]> = {}) =>
  run({ input, output, strict: false, workers: 1, ...extra });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'threadline-cli-'));
  input = path.join(root, 'in');
  mkdirSync(input);
  mkdirSync(path.join(root, 'out'));
  output = path.join(root, 'out', 'dataset.json');
  writeFileSync(output, PREVIOUS);
});

afterEach(() => {
  // temp folders are left to the OS; nothing outside root is touched
});

describe('npm run extract', () => {
  it('writes a valid dataset with the documents, their metadata and text', async () => {
    article('b.txt', 'Second article\nHun Sen spoke.');
    article('a.txt', 'First headline\n\nBody text.');
    writeFileSync(
      path.join(input, 'documents.csv'),
      'file,title,source,author,published\na.txt,Title A,Post,Ann,2022-03-29\n',
    );
    const { dataset, warnings } = await go();
    expect(warnings).toContain(`${path.join(input, 'b.txt')}: no publication date: relative dates are left unresolved`);
    const written: unknown = JSON.parse(readFileSync(output, 'utf8'));
    expect(validateDataset(written).ok).toBe(true);
    expect(dataset.documents.map((d) => [d.id, d.title, d.source, d.author, d.published])).toEqual([
      ['a', 'Title A', 'Post', 'Ann', '2022-03-29'],
      ['b', 'Second article', undefined, undefined, null],
    ]);
    expect(dataset.documents[0]!.text).toBe('First headline\n\nBody text.');
  });

  it('is byte-identical whatever order the files were created in', async () => {
    const texts = ['Japan and Cambodia signed.', 'Russia invaded Ukraine in 2022.', 'The UN met on Monday.'];
    texts.forEach((t, i) => article(`${i}.txt`, t));
    await go();
    const first = readFileSync(output);
    // same files created in reverse order, in a new folder
    input = path.join(root, 'in2');
    mkdirSync(input);
    [...texts.keys()].reverse().forEach((i) => article(`${i}.txt`, texts[i]!));
    await go();
    expect(readFileSync(output).equals(first)).toBe(true);
  });

  it('stops on a missing folder and leaves the previous output untouched', async () => {
    await expect(go({ input: path.join(root, 'nope') })).rejects.toThrow(/does not exist/);
    expect(readFileSync(output, 'utf8')).toBe(PREVIOUS);
  });

  it('stops on an empty folder and leaves the previous output untouched', async () => {
    await expect(go()).rejects.toThrow(/no readable articles/);
    expect(readFileSync(output, 'utf8')).toBe(PREVIOUS);
  });

  it('stops on a malformed documents.csv, naming the file and row', async () => {
    article('a.txt', 'Text.');
    writeFileSync(path.join(input, 'documents.csv'), 'file,title\na.txt,"unterminated\n');
    const error = await go().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as Error).message).toMatch(/documents\.csv.*\n.*row 1/);
    expect(readFileSync(output, 'utf8')).toBe(PREVIOUS);
  });

  it('skips an empty, a binary and a non-UTF-8 article with warnings, keeping the good ones', async () => {
    article('good.txt', 'Cambodia voted in favour.');
    article('empty.txt', '');
    article('binary.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]));
    article('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    const { dataset, warnings } = await go();
    expect(dataset.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(warnings.filter((w) => w.includes('skipped'))).toEqual([
      `${path.join(input, 'binary.txt')}: skipped: the file is a PDF document, not text; save it as UTF-8 text`,
      `${path.join(input, 'empty.txt')}: skipped: the file is empty (0 bytes)`,
      `${path.join(input, 'latin1.txt')}: skipped: the file is not valid UTF-8 (Latin-1 or Windows-1252?); re-save it as UTF-8`,
    ]);
  });

  it('stops on a skipped article under --strict', async () => {
    article('good.txt', 'Text.');
    article('empty.txt', '');
    await expect(go({ strict: true })).rejects.toThrow(/--strict/);
    expect(readFileSync(output, 'utf8')).toBe(PREVIOUS);
  });

  it('refuses an output path inside the input folder', async () => {
    article('a.txt', 'Text.');
    await expect(go({ output: path.join(input, 'dataset.json') })).rejects.toThrow(/inside the input folder/);
    expect(readdirSync(input)).toEqual(['a.txt']);
  });

  it('refuses an output reached through a symlink into the input folder', async () => {
    article('a.txt', 'Text.');
    symlinkSync(input, path.join(root, 'link'));
    await expect(go({ output: path.join(root, 'link', 'dataset.json') })).rejects.toThrow(/inside the input folder/);
  });

  it('does not follow symlinked articles out of the folder', async () => {
    article('a.txt', 'Text.');
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    symlinkSync(path.join(root, 'secret.txt'), path.join(input, 'b.txt'));
    const { dataset, warnings } = await go();
    expect(dataset.documents.map((d) => d.file)).toEqual(['a.txt']);
    expect(warnings.join('\n')).toMatch(/b\.txt: skipped: symbolic links/);
  });

  it('leaves no temporary files behind', async () => {
    article('a.txt', 'Text.');
    await go();
    expect(readdirSync(path.join(root, 'out'))).toEqual(['dataset.json']);
  });
});
