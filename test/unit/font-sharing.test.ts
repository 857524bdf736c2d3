// The font sharing of src/fonts/shared.ts: the fontkit patch still applies, a file's bytes give one parsed font,
// and PDFs rendered after others in the same process are byte for byte those of a process that rendered them alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/compose/compose.js';
import { extractView, planView } from '../../src/compose/view.js';
import { loadPlan } from '../../src/content/load.js';
import { selectExtracts } from '../../src/extracts/select.js';
import { fontSharing, parseFont } from '../../src/fonts/shared.js';
import { writePdf } from '../../src/writers/pdf/index.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('fonts shared across documents', () => {
  it('patches fontkit (a library update that breaks the patch fails here)', async () => {
    parseFont(await readFile('fonts/LiberationSerif-Italic.ttf'));
    expect(fontSharing()).toEqual({ parsing: true, naming: true });
  });

  it('parses the same bytes once, and other bytes apart', async () => {
    const regular = await readFile('fonts/LiberationSerif-Regular.ttf');
    const bold = await readFile('fonts/LiberationSerif-Bold.ttf');
    expect(parseFont(Buffer.from(regular))).toBe(parseFont(Buffer.from(regular)));
    expect(parseFont(bold)).not.toBe(parseFont(regular));
    expect(parseFont(bold).postscriptName).not.toBe(parseFont(regular).postscriptName);
  });

  it('gives an extract the same bytes after the plan as in a process that renders only the extract', async () => {
    const plan = await loadPlan('content');
    const templates = await loadTemplates('templates');
    const extract = selectExtracts(plan).find((e) => e.items.length > 0)!;
    const model = templates.render('extract', extractView(plan, extract, []));
    await writePdf(templates.render('plan', planView(plan)), { fontsDir: 'fonts' });
    const shared = sha(await writePdf(model, { fontsDir: 'fonts' }));
    const script = `
      import { loadTemplates } from './src/compose/compose.ts';
      import { extractView } from './src/compose/view.ts';
      import { loadPlan } from './src/content/load.ts';
      import { selectExtracts } from './src/extracts/select.ts';
      import { writePdf } from './src/writers/pdf/index.ts';
      import { createHash } from 'node:crypto';
      const plan = await loadPlan('content');
      const templates = await loadTemplates('templates');
      const extract = selectExtracts(plan).find((e) => e.items.length > 0);
      const bytes = await writePdf(templates.render('extract', extractView(plan, extract, [])), { fontsDir: 'fonts' });
      process.stdout.write(createHash('sha256').update(bytes).digest('hex'));`;
    const alone = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve('.') }).toString();
    expect(shared).toBe(alone);
  });
});
