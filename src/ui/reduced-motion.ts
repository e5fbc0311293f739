/** The user's motion preference, read when needed (scrolls and programmatic moves are instant under "reduce"). */

/** True when the user asks for reduced motion (false where matchMedia is missing). */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
