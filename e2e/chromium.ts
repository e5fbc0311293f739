/** Finds Debian's Chromium for the browser tests, or fails with how to install it (never a silent skip). */
import { existsSync } from 'node:fs';

/** Flags for headless Chromium on this kind of machine (no sandbox as root, no background network chatter). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DEFAULT_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(candidatePaths: readonly string[] = DEFAULT_CHROMIUM_PATHS): string {
  const candidates = [process.env.CHROMIUM_PATH, ...candidatePaths].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium is not installed, so the browser tests cannot run.\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
  return found;
}
