// Synthetic plans for the benchmark, in the content folder format, so build() loads them like real content.
// Deterministic: a seeded PRNG (no Math.random, no clock), and every distribution is taken from the seed content
// (content/): word pools and text lengths per field, step counts, per-step deadlines, legal acts, executors.
//
//   npx tsx bench/generate.ts --items 1000 --departments 50 --out .tmp/bench-1000 [--seed 1] [--from content]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadPlan } from '../src/content/load.js';
import type { Deadline, Plan } from '../src/domain/types.js';
import { deadlineSyntax } from '../src/domain/deadline.js';

export interface GenerateOptions {
  items: number;
  departments: number;
  /** PRNG seed; the same options give the same bytes. */
  seed?: number;
}

/** What the generator samples from, read once from the seed content. */
export interface Corpus {
  planYaml: string;
  actsYaml: string;
  plan: Plan;
}

export async function readCorpus(contentDir = 'content'): Promise<Corpus> {
  const [plan, planYaml, actsYaml] = await Promise.all([
    loadPlan(contentDir),
    readFile(path.join(contentDir, 'plan.yaml'), 'utf8'),
    readFile(path.join(contentDir, 'acts.yaml'), 'utf8'),
  ]);
  return { plan, planYaml, actsYaml };
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
/** Words as they stand inside a sentence: no sentence-ending punctuation. */
const inner = (w: string) => w.replace(/[.;:]+$/u, '');

export { deadlineSyntax };

type Role = 'department' | 'group' | 'mention';

/** The distributions, each as the list of values seen in the seed (sampling one picks with the seed's frequency). */
function distributions(plan: Plan) {
  const items = plan.items;
  const withSteps = items.filter((i) => i.mechanism.steps.length > 0);
  const perStep = withSteps.filter((i) => i.deadlines.scope === 'steps');
  const units = plan.departments.filter((d) => d.kind === 'department');
  return {
    textWords: items
      .flatMap((i) => [i.measure, i.result, i.mechanism.intro ?? '', ...i.mechanism.steps])
      .flatMap(wordsOf)
      .map(inner)
      .filter(Boolean),
    measureLength: items.map((i) => wordsOf(i.measure).length),
    resultLength: items.map((i) => wordsOf(i.result).length),
    paragraphLength: items.filter((i) => !i.mechanism.steps.length).map((i) => wordsOf(i.mechanism.intro ?? '').length),
    introLength: withSteps.filter((i) => i.mechanism.intro).map((i) => wordsOf(i.mechanism.intro!).length),
    stepLength: items.flatMap((i) => i.mechanism.steps.map((s) => wordsOf(s).length)),
    stepCount: items.map((i) => Math.min(5, i.mechanism.steps.length)),
    introShare: withSteps.filter((i) => i.mechanism.intro).length / Math.max(1, withSteps.length),
    unnumberedShare: withSteps.filter((i) => !i.mechanism.numbered).length / Math.max(1, withSteps.length),
    perStepShare: perStep.length / Math.max(1, withSteps.length),
    itemDeadline: items.filter((i) => i.deadlines.scope === 'item').map((i) => (i.deadlines.scope === 'item' ? i.deadlines.deadline : null)!),
    stepDeadline: perStep.flatMap((i) => (i.deadlines.scope === 'steps' ? i.deadlines.perStep : [])),
    basisCount: items.map((i) => i.basis.length),
    /** Who carries each seed item, as kinds in printed order: [department], [department, group], [mention, department]… */
    shape: items.map((i) => i.responsible.map((d) => d.kind as Role)),
    nameWords: units.flatMap((d) => wordsOf(d.name).slice(0, -1)),
    nameEnd: units.map((d) => wordsOf(d.name).at(-1)!),
    nameLength: units.map((d) => wordsOf(d.name).length),
  };
}

/** Folded YAML block (`key: >-`), lines of about 100 characters, as content/ is written. */
function folded(key: string, text: string, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let line = '';
  for (const w of wordsOf(text)) {
    if (line && line.length + 1 + w.length > 100 - pad.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return `${' '.repeat(indent)}${key}>-\n${lines.map((l) => pad + l).join('\n')}\n`;
}

/** Every file of a content folder, by path relative to it. Pure: the same corpus and options give the same text. */
export function generateFiles(corpus: Corpus, options: GenerateOptions): Map<string, string> {
  const { items: count, departments } = options;
  if (count < 1 || departments < 2) throw new Error('expected at least 1 item and 2 departments');
  const random = prng((options.seed ?? 1) * 1_000_003 + count * 101 + departments);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const d = distributions(corpus.plan);
  const sentence = (length: number, end: string) => capital(`${Array.from({ length: Math.max(2, length) }, () => pick(d.textWords)).join(' ')}${end}`);

  // Departments: unit-01 … unit-NN with names made of the seed's unit-name words, then the seed's groups and mentions.
  const width = String(departments).length < 2 ? 2 : String(departments).length;
  const unitIds = Array.from({ length: departments }, (_, i) => `unit-${String(i + 1).padStart(width, '0')}`);
  let deptYaml = 'departments:\n';
  for (const id of unitIds) {
    const words = Array.from({ length: Math.max(0, pick(d.nameLength) - 1) }, () => pick(d.nameWords));
    const name = capital([...words, pick(d.nameEnd)].join(' '));
    deptYaml += `  - id: ${id}\n${folded('name: ', name, 4)}${folded('short: ', [...wordsOf(name).slice(0, Math.min(2, words.length)), wordsOf(name).at(-1)].join(' '), 4)}    kind: department\n`;
  }
  const seedUnits = corpus.plan.departments.filter((x) => x.kind === 'department').length;
  const groups = corpus.plan.departments.filter((x) => x.kind === 'group' && x.members.length === seedUnits);
  const mentions = corpus.plan.departments.filter((x) => x.kind === 'mention');
  for (const g of groups) deptYaml += `  - id: ${g.id}\n${folded('name: ', g.name, 4)}${folded('short: ', g.short, 4)}    kind: group\n    members: all\n`;
  for (const m of mentions) deptYaml += `  - id: ${m.id}\n${folded('name: ', m.name, 4)}${folded('short: ', m.short, 4)}    kind: mention\n`;

  const files = new Map<string, string>([
    ['plan.yaml', corpus.planYaml],
    ['departments.yaml', deptYaml],
    ['acts.yaml', corpus.actsYaml],
  ]);
  const actIds = corpus.plan.acts.map((a) => a.id);
  const numberWidth = Math.max(2, String(count).length);
  for (let n = 1; n <= count; n++) files.set(`items/${String(n).padStart(numberWidth, '0')}.yaml`, item(n));
  return files;

  function item(number: number): string {
    // One in ten items takes any step count 0–5, so counts the seed lacks (one step) occur too.
    const steps = random() < 0.1 ? Math.floor(random() * 6) : pick(d.stepCount);
    let text = `number: ${number}\n${folded('measure: ', sentence(pick(d.measureLength), ''), 0)}`;
    if (steps === 0) text += folded('mechanism: ', sentence(pick(d.paragraphLength), '.'), 0);
    else {
      text += 'mechanism:\n';
      if (random() < d.introShare) text += folded('intro: ', sentence(pick(d.introLength), ':'), 2);
      if (random() < d.unnumberedShare) text += '  numbered: false\n';
      text += '  steps:\n';
      for (let s = 0; s < steps; s++) text += folded('- ', sentence(pick(d.stepLength), s === steps - 1 ? '.' : ';'), 4);
    }
    if (steps > 0 && random() < d.perStepShare) {
      // Step deadlines from the seed's, in month order; a repeat now and then makes merged deadline cells.
      const list: Deadline[] = [];
      for (let s = 0; s < steps; s++) list.push(s > 0 && random() < 0.3 ? list[s - 1]! : pick(d.stepDeadline));
      const key = (x: Deadline) => (x.kind === 'month' ? x.month.year * 12 + x.month.month : 1e6);
      list.sort((a, b) => key(a) - key(b));
      text += `deadlines: [${list.map(deadlineSyntax).join(', ')}]\n`;
    } else text += `deadline: ${deadlineSyntax(pick(d.itemDeadline))}\n`;
    const basis = new Set<string>();
    const want = Math.min(actIds.length, pick(d.basisCount));
    while (basis.size < want) basis.add(pick(actIds));
    text += `basis: [${actIds.filter((a) => basis.has(a)).join(', ')}]\n`;
    text += folded('result: ', sentence(pick(d.resultLength), '.'), 0);
    return `${text}responsible: [${responsible().join(', ')}]\n`;
  }

  function responsible(): string[] {
    const shape = pick(d.shape);
    const used = new Set<string>();
    const ids = shape.map((role) => {
      if (role === 'group' && groups.length) return pick(groups).id;
      if (role === 'mention' && mentions.length) return pick(mentions).id;
      let id = pick(unitIds);
      while (used.has(id)) id = pick(unitIds);
      used.add(id);
      return id;
    });
    return [...new Set(ids)];
  }
}

/** Writes a fresh content folder (the folder is emptied first). */
export async function generateContent(dir: string, options: GenerateOptions, corpus?: Corpus): Promise<string[]> {
  const files = generateFiles(corpus ?? (await readCorpus()), options);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'items'), { recursive: true });
  await Promise.all([...files].map(([rel, text]) => writeFile(path.join(dir, rel), text)));
  return [...files.keys()];
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href;
if (invokedDirectly) {
  const { values } = parseArgs({
    options: {
      items: { type: 'string' },
      departments: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: 'content' },
    },
  });
  if (!values.items || !values.departments || !values.out) {
    console.error('usage: npx tsx bench/generate.ts --items N --departments M --out DIR [--seed S] [--from content]');
    process.exit(2);
  }
  const files = await generateContent(
    values.out,
    { items: Number(values.items), departments: Number(values.departments), seed: Number(values.seed) },
    await readCorpus(values.from),
  );
  console.log(`wrote ${files.length} files to ${values.out}`);
}
