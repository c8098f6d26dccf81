/** Line bookkeeping shared by the sync modules. Line endings are CRLF, LF or a lone CR, as in CommonMark. */

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line ending. */
  end: number;
  /** The line ending itself: "\r\n", "\n", "\r", or "" for a last line without one. */
  eol: string;
}

const LINE_ENDING = /\r\n|\n|\r/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  LINE_ENDING.lastIndex = 0;
  for (let m = LINE_ENDING.exec(text); m; m = LINE_ENDING.exec(text)) {
    lines.push({ start, end: m.index, eol: m[0] });
    start = m.index + m[0].length;
  }
  // A trailing line ending does not open an empty last line.
  if (start < text.length || lines.length === 0) lines.push({ start, end: text.length, eol: '' });
  return lines;
}

/** The document's line ending: the first one it uses, LF for a single-line document. */
export function detectEol(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/** Text split into lines without their endings; a trailing line ending adds no empty line. */
export function textLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split(/\r\n|\n|\r/);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * Generated text in the document's line ending, ending with one line ending, trailing blank lines
 * dropped; '' for blank text.
 */
export function withEol(text: string, eol: string): string {
  const lines = textLines(text);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.length === 0 ? '' : lines.join(eol) + eol;
}

export const BOM = '\uFEFF';
