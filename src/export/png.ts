/**
 * Rasterises a serialised SVG figure to a PNG at `scale` times its size (2 by default), on white. The SVG text is
 * loaded as an image from a blob URL (the figure is self-contained: no external resources), drawn on a canvas and
 * encoded with canvas.toBlob. Browser only (needs Image and canvas).
 */

/** Largest canvas side and area we ask a browser for (Chromium's limits are 32767 px and about 268 Mpx; Safari's
 * area limit is lower). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_PIXELS = 64 * 1024 * 1024;

/** The PNG of an SVG text drawn at size x scale, on a white background. */
export async function svgToPng(svgText: string, size: { width: number; height: number }, scale = 2): Promise<Blob> {
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  if (!(width > 0 && height > 0)) throw new Error(`Cannot make a PNG of ${width} x ${height} px.`);
  if (width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE || width * height > MAX_CANVAS_PIXELS) {
    throw new Error(
      `The PNG would be ${width} x ${height} px, over the limit of ${MAX_CANVAS_SIDE} px per side and ` +
        `${MAX_CANVAS_PIXELS / (1024 * 1024)} Mpx in all: export the SVG instead, or narrow the view.`,
    );
  }
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The figure could not be drawn as an image.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
