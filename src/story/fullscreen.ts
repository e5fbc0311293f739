/** Full screen for presenting: asked for on the Present click (a user gesture); refusals are harmless. */

/** Requests full screen for the whole page; resolves false when the browser refuses or has no full screen. */
export async function enterFullscreen(): Promise<boolean> {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return false;
  try {
    await root.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    // Not allowed here (an iframe without allowfullscreen, no gesture): the in-page presentation still works.
    return false;
  }
}

/** Leaves full screen if the page is in it. */
export async function exitFullscreen(): Promise<void> {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  try {
    await document.exitFullscreen();
  } catch {
    // Already left (Escape pressed in the browser's own handler).
  }
}
