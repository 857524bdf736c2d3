// What a lint fix is: replacements in a scalar's value and the same replacements in its file's source text.

/** One replacement in a content file, in offsets of its source text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A replacement of characters `start`–`end` of a scalar's value. */
export interface ValueEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * A mechanical correction of one scalar: its edits in value positions (to know what the value must read
 * after them) and the same edits in offsets of the file's text (to splice the file without touching its layout).
 */
export interface Fix {
  /** Path inside the content folder: `items/05.yaml`. */
  file: string;
  path: (string | number)[];
  before: string;
  edits: ValueEdit[];
  sourceEdits: Edit[];
}
