/** One rung of the insertion ladder: an editor kind it recognises and how that editor takes text. */
export interface InsertStrategy {
  /** The editor kind, reported back to the panel (e.g. 'lexical'). */
  id: string;
  /** Whether `editor` (the outermost editable element) is this kind of editor. */
  matches(editor: HTMLElement): boolean;
  /**
   * Whether the editor reads edits made straight to its DOM back into its own state, so that a
   * plain insertText is a safe second try when its own way did nothing. Editors that render only
   * from their model (Slate, Draft.js) would drift from the page, so they get no second try.
   */
  readsDomEdits: boolean;
  /** Inserts `text` at the editor's current selection; the caller has focused it already. */
  insert(editor: HTMLElement, text: string): void;
}
