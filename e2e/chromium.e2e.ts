import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';

describe('finding Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('fails with install instructions when no Chromium is found, instead of skipping', () => {
    delete process.env.CHROMIUM_PATH;
    expect(() => chromiumPath(['/nonexistent/chromium'])).toThrow(/apt-get install -y chromium/);
  });

  it('prefers CHROMIUM_PATH when it exists', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(chromiumPath(['/nonexistent/chromium'])).toBe(process.execPath);
  });
});
