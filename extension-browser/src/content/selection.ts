const MAX_SELECTION_LENGTH = 4000;

/** The text the user selected in the page (not inside an editor they are typing in), as text. */
export function selectedText(): string | undefined {
  const text = document.getSelection()?.toString().trim() ?? '';
  return text ? text.slice(0, MAX_SELECTION_LENGTH) : undefined;
}
