// Text at the border: every file the tool reads as text (content, templates, locale, fonts list) must be UTF-8
// and hold only characters a DOCX (XML 1.0) and a PDF can carry. Problems are diagnostics at their place.
import type { Diagnostic } from './diagnostics.js';

/** Content, template and configuration files larger than this are refused before they are parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Characters XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF) and lone surrogates. */
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, 'g');

export function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return `${hex} (an invisible control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex} (half of a surrogate pair, not a character)`;
  if (code === 0xfffe || code === 0xffff) return `${hex} (not a character)`;
  return `\`${ch}\` (${hex})`;
}

export function illegalCharMessage(ch: string): string {
  return `Character ${describeChar(ch)} cannot be written to a document, expected printable text; delete it (most editors do not show it)`;
}

const ENCODING_HINT = 'save the file as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8; see content/README.md, "Encoding")';

/** Offset of the first byte that does not belong to valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const b1 = bytes[i + 1]!;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

function place(file: string, text: string, offset: number): { file: string; line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { file, line, column: [...text.slice(start, offset)].length + 1 };
}

export type Decoded = { text: string } | { diagnostic: Diagnostic };

/** Reads bytes as UTF-8 (a byte-order mark is dropped; CRLF is left for the YAML reader), or says where it is not. */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const at = (p: { line: number; column: number }, message: string): Decoded => ({
    diagnostic: { file, ...p, severity: 'error', ruleId: 'file/encoding', field: '', message },
  });
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return at({ line: 1, column: 1 }, `File saved as UTF-16, expected UTF-8: ${ENCODING_HINT}`);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad === -1) return { text: new TextDecoder('utf-8').decode(body) };
  const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
  const high = body.filter((b) => b >= 0xc0).length;
  const guess = high > body.filter((b) => b >= 0x80).length / 2 ? ' (it looks like Windows-1251, the old Cyrillic encoding)' : '';
  return at(place(file, prefix, prefix.length), `Byte 0x${body[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad + (body === bytes ? 0 : 3)} is not UTF-8${guess}, expected a UTF-8 file: ${ENCODING_HINT}`);
}

/** Every character XML forbids, written literally in `text`, at its line and column (at most `limit`). */
export function illegalChars(text: string, file: string, limit = 20): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(XML_ILLEGAL_ALL)) {
    out.push({ ...place(file, text, m.index), severity: 'error', ruleId: 'text/illegal-character', field: '', message: illegalCharMessage(m[0]) });
    if (out.length >= limit) break;
  }
  return out;
}
