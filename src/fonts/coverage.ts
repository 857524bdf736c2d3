// The fonts, checked before anything is rendered: fonts/fonts.yaml read like content (YAML + zod, messages at
// their line), every font file present and readable, and every character the documents hold printable by the
// fonts. pdfkit silently leaves out a character its font lacks while the DOCX keeps it, so the two formats
// would carry different text; here it is an error at the first place in the content (or template) that has it.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { ContentError, type Diagnostic, type Place } from '../content/diagnostics.js';
import { describeChar } from '../content/text-hygiene.js';
import { readYamlFile, type YamlSource } from '../content/yaml-source.js';
import { zodDiagnostics } from '../content/zod-diagnostics.js';
import type { Block, DocumentModel, Paragraph } from '../document/types.js';
import { held } from '../memo.js';
import { createHash } from 'node:crypto';
import { checkKey, passedBefore, rememberPass } from './check-memo.js';
import { parseFont, type Font } from './shared.js';

const FACES = ['normal', 'bold', 'italics', 'bolditalics'] as const;
const fontFile = z.string().regex(/^[^/\\]+\.(ttf|otf)$/i, 'expected the name of a .ttf or .otf file in the fonts folder');
export const fontsFileSchema = z.record(z.string().min(1), z.strictObject({ normal: fontFile, bold: fontFile, italics: fontFile, bolditalics: fontFile }));
export type FontTable = Record<string, Record<(typeof FACES)[number], string>>;

const display = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

export interface LoadedFonts {
  table: FontTable;
  fonts: Map<string, Font>;
  source: YamlSource;
}

/** Each parsed font's sha256, which names it in the memo of checks passed (check-memo.ts). */
const digests = new WeakMap<Font, string>();

/** What a fonts folder read last time gave, with the files' stats then: read again only when one changed. */
const loaded = new Map<string, { stamp: string; fonts: LoadedFonts }>();
async function stamp(files: string[]): Promise<string> {
  const stats = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`,
        () => '-',
      ),
    ),
  );
  return stats.join('|');
}

/**
 * fonts.yaml as a table of family → face → absolute file path, every file checked to exist and to be a font.
 * Throws ContentError with each problem at its place. Read once per process for each fonts folder (again when a
 * file in it changed): the layout, the coverage check and every PDF writer ask for it.
 */
export async function loadFontTable(fontsDir: string): Promise<LoadedFonts> {
  const key = path.resolve(fontsDir);
  const known = loaded.get(key);
  if (known && (await stamp([path.join(key, 'fonts.yaml'), ...known.fonts.fonts.keys()])) === known.stamp) return known.fonts;
  const fonts = await readFontTable(fontsDir);
  loaded.set(key, { stamp: await stamp([path.join(key, 'fonts.yaml'), ...fonts.fonts.keys()]), fonts });
  return fonts;
}

async function readFontTable(fontsDir: string): Promise<LoadedFonts> {
  const file = path.join(fontsDir, 'fonts.yaml');
  const read = await readYamlFile(file, display(file));
  if (!read)
    throw new ContentError([
      {
        file: display(file),
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'fonts/missing',
        field: '',
        message: 'Missing fonts.yaml, expected the fonts folder to list its font files there',
      },
    ]);
  if ('diagnostics' in read) throw new ContentError(read.diagnostics);
  const data = read.source.data();
  const parsed = fontsFileSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(zodDiagnostics(read.source, data, parsed.error));
  const problems: Diagnostic[] = [];
  const table: FontTable = {};
  const fonts = new Map<string, Font>();
  for (const [family, faces] of Object.entries(parsed.data)) {
    table[family] = { ...faces };
    for (const face of FACES) {
      const full = path.join(fontsDir, faces[face]);
      table[family]![face] = full;
      if (fonts.has(full)) continue;
      const at = { ...read.source.placeOf([family, face]), severity: 'error' as const, field: `${family}.${face}` };
      const bytes = await readFile(full).catch((e: NodeJS.ErrnoException) => e);
      if (bytes instanceof Error) {
        problems.push(
          bytes.code === 'ENOENT'
            ? { ...at, ruleId: 'fonts/missing-file', message: `Missing font file \`${faces[face]}\`, expected it in ${display(fontsDir) || '.'}` }
            : {
                ...at,
                ruleId: 'fonts/read',
                message: `Cannot read font file \`${faces[face]}\` (${bytes.code ?? bytes.message}), expected a readable TrueType or OpenType file`,
              },
        );
        continue;
      }
      try {
        const font = cached(bytes);
        fonts.set(full, font);
        digests.set(font, createHash('sha256').update(bytes).digest('hex'));
      } catch {
        problems.push({
          ...at,
          ruleId: 'fonts/corrupt',
          message: `Font file \`${faces[face]}\` cannot be read as a font, expected a TrueType or OpenType file`,
        });
      }
    }
  }
  if (problems.length) throw new ContentError(problems);
  return { table, fonts, source: read.source };
}

function cached(bytes: Buffer): Font {
  const font = parseFont(bytes);
  // fontkit reads lazily: touch the character map now so a corrupt file fails here, not while rendering.
  font.hasGlyphForCodePoint(0x41);
  nameGlyphs(font);
  return font;
}

/**
 * fontkit names a glyph by the characters that first reached it (a space and a no-break space share one), and the
 * PDF's text layer copies that name. Laying out the letters of both editions first, in every process and render
 * thread, names each glyph they reach by the same letter, whatever is shaped before the documents are.
 */
function nameGlyphs(font: Font): void {
  try {
    font.layout(sampleOf(font));
  } catch {
    // A damaged font: the check below reports it at its fonts.yaml line.
  }
}

const exercised = new WeakMap<Font, Map<string, boolean>>();
function exercise(font: Font, text: string): boolean {
  const results = held(exercised, font, () => new Map<string, boolean>());
  const known = results.get(text);
  if (known !== undefined) return known;
  const digest = digests.get(font);
  const key = digest === undefined ? undefined : checkKey(digest, text);
  let ok = true;
  try {
    // Nothing to lay out for a pass remembered: the glyphs were named as the font was read (nameGlyphs).
    if (!key || !passedBefore(key)) {
      const subset = font.createSubset();
      for (const glyph of font.layout(text).glyphs) {
        void glyph.advanceWidth;
        subset.includeGlyph(glyph);
      }
      subset.encode();
    }
  } catch {
    ok = false;
  }
  results.set(text, ok);
  if (ok && key) rememberPass(key);
  return ok;
}

/** Every character of the documents' text (the extracts share paragraphs with the plan: each is read once). */
function usedCharacters(models: DocumentModel[]): Set<string> {
  const texts = new Set<string>();
  const seen = new Set<Paragraph>();
  const paragraph = (p: Paragraph) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const inline of p.inlines) if (inline.kind === 'text') texts.add(inline.text);
  };
  const block = (b: Block) => {
    if (b.kind === 'paragraph') paragraph(b);
    else if (b.kind === 'frame') b.blocks.forEach(paragraph);
    else for (const row of b.rows) for (const cell of row.cells) cell.blocks.forEach(paragraph);
  };
  for (const model of models) {
    model.blocks.forEach(block);
    model.footer?.forEach(paragraph);
  }
  const used = new Set<string>();
  for (const text of texts) for (const ch of text) used.add(ch);
  return used;
}

/** The first place in the files below `dir` (YAML and templates, sorted; items by number) where `ch` is written. */
async function firstPlace(dirs: string[], ch: string): Promise<Place | null> {
  for (const dir of dirs) {
    const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[]))
      .filter((f) => /\.(ya?ml|hbs)$/.test(f) && !f.startsWith('issued'))
      .sort();
    for (const f of files) {
      const text = await readFile(path.join(dir, f), 'utf8').catch(() => '');
      const at = text.indexOf(ch);
      if (at === -1) continue;
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      return { file: display(path.join(dir, f)), line, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
    }
  }
  return null;
}

/** Letters, digits and marks of both editions: what the layout measures before it knows the documents' text. */
const SAMPLE =
  'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЪЫЬЭЮЯЎҚҒҲабвгдеёжзийклмнопрстуфхцчшъыьэюяўқғҳ' +
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,;:!?()«»“”"-‐–—№ʻʼ\u00A0';
/** The characters of `chars` that `font` has, as one text to lay out. */
const printable = (font: Font, chars: Iterable<string>) => [...chars].filter((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!)).join('');
const sampleOf = (font: Font) => printable(font, SAMPLE);

/**
 * fonts.yaml read and checked, and every face able to lay out the letters of both editions: what the layout step
 * needs before it measures anything. A damaged font is an error at its fonts.yaml line.
 */
export async function loadReadableFonts(fontsDir: string): Promise<FontTable> {
  const { table, fonts, source } = await loadFontTable(fontsDir);
  const problems: Diagnostic[] = [];
  for (const [family, faces] of Object.entries(table)) {
    for (const face of FACES) {
      const font = fonts.get(faces[face])!;
      if (!exercise(font, sampleOf(font))) {
        problems.push({
          ...source.placeOf([family, face]),
          severity: 'error',
          ruleId: 'fonts/corrupt',
          field: `${family}.${face}`,
          message: `Font file \`${path.basename(faces[face])}\` is damaged (its glyphs cannot be read), expected a complete TrueType or OpenType file`,
        });
      }
    }
  }
  if (problems.length) throw new ContentError(problems);
  return table;
}

/** Checks the fonts and that they can print every character of `models`; throws ContentError otherwise. */
export async function checkFontCoverage(fontsDir: string, models: DocumentModel[], where: { contentDir: string; templatesDir: string }): Promise<void> {
  const { table, fonts, source } = await loadFontTable(fontsDir);
  const used = usedCharacters(models);
  const problems: Diagnostic[] = [];
  for (const family of new Set(models.map((m) => m.font.family))) {
    const faces = table[family];
    // Lay out and subset what the documents use, as the PDF writer will: a truncated font fails here, not there.
    for (const face of faces ? FACES : []) {
      if (!exercise(fonts.get(faces![face])!, printable(fonts.get(faces![face])!, used))) {
        problems.push({
          ...source.placeOf([family, face]),
          severity: 'error',
          ruleId: 'fonts/corrupt',
          field: `${family}.${face}`,
          message: `Font file \`${path.basename(faces![face])}\` is damaged (its glyphs cannot be read), expected a complete TrueType or OpenType file`,
        });
      }
    }
    if (!faces) {
      problems.push({
        ...source.placeOf([]),
        severity: 'error',
        ruleId: 'fonts/family',
        field: '',
        message: `No font family \`${family}\` in fonts.yaml, expected one the templates name: ${Object.keys(table).join(', ')}`,
      });
      continue;
    }
    const missing = [...used].filter(
      (ch) => ch.codePointAt(0)! >= 0x20 && !FACES.every((face) => fonts.get(faces[face])!.hasGlyphForCodePoint(ch.codePointAt(0)!)),
    );
    for (const ch of missing.slice(0, 10)) {
      const at = (await firstPlace([where.contentDir, where.templatesDir], ch)) ?? source.placeOf([family]);
      problems.push({
        ...at,
        severity: 'error',
        ruleId: 'fonts/missing-glyph',
        field: '',
        message: `Character ${describeChar(ch)} is not in the font \`${family}\` (${path.basename(faces.normal)}), expected characters it can print: the PDF would leave it out while the DOCX keeps it`,
      });
    }
    if (missing.length > 10)
      problems.push({
        ...source.placeOf([family]),
        severity: 'error',
        ruleId: 'fonts/missing-glyph',
        field: '',
        message: `and ${missing.length - 10} more characters the font lacks`,
      });
  }
  if (problems.length) throw new ContentError(problems);
}
