/** Whether a key press belongs to a text field, a select or an editable region (page-wide shortcuts skip those). */

/** True when the event target is an input, textarea, select or contenteditable element. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}
