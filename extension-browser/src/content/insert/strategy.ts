/** One rung of the insertion ladder: an editor kind it recognises and how that editor takes text. */
export interface InsertStrategy {
  /** The editor kind, reported back to the panel (e.g. 'lexical'). */
  id: string;
  /** Whether `editor` (the outermost editable element) is this kind of editor. */
  matches(editor: HTMLElement): boolean;
  /** Inserts `text` at the editor's current selection; the caller has focused it already. */
  insert(editor: HTMLElement, text: string): void;
}
