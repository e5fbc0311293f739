/**
 * Closing behaviour shared by popovers (filter menus, the export menu): a pointer-down outside, focus moving out
 * (Tab away) or Escape inside closes the popover, and Escape returns focus to its button. Escape is handled in the capture phase, so it runs
 * before the header's document-level "Escape clears the selection" listener and does not also clear the selection.
 */
import { useEffect, type RefObject } from 'react';

/** While `open`, closes on an outside pointer-down, on focus leaving `rootRef`, or on Escape inside it (focusing
 * `buttonRef`). */
export function useDismissable(
  open: boolean,
  close: () => void,
  rootRef: RefObject<HTMLElement | null>,
  buttonRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) close();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !(e.target instanceof Node) || !rootRef.current?.contains(e.target)) return;
      e.preventDefault();
      close();
      buttonRef.current?.focus();
    };
    // Focus moved to another element outside (Tab away); a click outside is the pointer-down's business.
    const onFocusOut = (e: FocusEvent) => {
      const next = e.relatedTarget;
      if (next instanceof Node && !rootRef.current?.contains(next)) close();
    };
    const root = rootRef.current;
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    root?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
      root?.removeEventListener('focusout', onFocusOut);
    };
  }, [open, close, rootRef, buttonRef]);
}
