// Source notes: a comment line `# source: …` that the DOCX importer writes above a field whose printed text
// the program now generates (deadlines, legal basis, executors), holding the text as the DOCX had it where
// it differs. Lint checks these notes for conflicts and misspellings; a person deletes a note once checked.

export const NOTE_MARK = '# source: ';

/** The comment line for a note, indented like the field it stands above. */
export function noteLine(text: string, indent = ''): string {
  return `${indent}${NOTE_MARK}${text.replace(/\s+/g, ' ').trim()}`;
}

export interface Note {
  /** Offset in the file's text where the note's text (after the mark) begins. */
  offset: number;
  text: string;
  /** The key of the field the note stands above (the next line that holds a key), or null. */
  key: string | null;
}

export function findNotes(source: string): Note[] {
  const notes: Note[] = [];
  const lines = source.split('\n');
  let offset = 0;
  lines.forEach((line, i) => {
    const at = line.indexOf(NOTE_MARK);
    if (at >= 0 && line.slice(0, at).trim() === '') {
      let key: string | null = null;
      for (const next of lines.slice(i + 1)) {
        if (next.trim() === '' || next.trim().startsWith('#')) continue;
        key = /^\s*([\w-]+):/.exec(next)?.[1] ?? null;
        break;
      }
      notes.push({ offset: offset + at + NOTE_MARK.length, text: line.slice(at + NOTE_MARK.length).replace(/\r$/, ''), key });
    }
    offset += line.length + 1;
  });
  return notes;
}
