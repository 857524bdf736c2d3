// Incremental rebuild after a one-item change on the seed plan: in a warm process (like `build --watch`) against a
// full rebuild there, and in a fresh process (the README's `npm run build`, and the command itself) per change.
// Part of `npm run bench`; alone: npx tsx bench/incremental.ts [rounds].
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline/build.js';
import { RenderPool } from '../src/pipeline/render-pool.js';
import { median, npmBuild, timedRun } from './measure.js';

export interface IncrementalResult {
  rounds: number;
  /** Medians, ms. */
  fullWarm: number;
  incrementalWarm: number;
  incrementalNpm: number;
  incrementalCommand: number;
  rendered: string[];
  stages: Record<string, number>;
}

export async function measureIncremental(rounds: number): Promise<IncrementalResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-incremental-'));
  const content = path.join(root, 'content');
  const out = path.join(root, 'out');
  await cp('content', content, { recursive: true });
  // Like `build --watch`: one render pool for the whole session, its threads kept warm between saves.
  const pool = new RenderPool();
  const options = { contentDir: content, templatesDir: 'templates', fontsDir: 'fonts', outDir: out, pool };
  const itemFile = path.join(content, 'items/14.yaml');
  const original = await readFile(itemFile, 'utf8');
  if (!original.includes('deadline: 2024-05')) throw new Error(`${itemFile} no longer has the deadline this benchmark moves`);
  let flip = false;
  /** One save of one item: its deadline moves (the plan and one department's extract change). */
  const change = () => writeFile(itemFile, (flip = !flip) ? original.replace('deadline: 2024-05', 'deadline: 2024-06') : original);
  try {
    await build(options); // first build fills out/ and the manifest
    for (let i = 0; i < 2; i++) await build({ ...options, outDir: path.join(root, `warmup-${i}`) }); // warm the JIT like a watching process
    const full: number[] = [];
    const incremental: number[] = [];
    let rendered: string[] = [];
    let stages: Record<string, number> = {};
    for (let i = 0; i < rounds; i++) {
      let t0 = performance.now();
      await build({ ...options, outDir: path.join(root, `full-${i}`) });
      full.push(performance.now() - t0);
      await change();
      t0 = performance.now();
      const result = await build(options);
      incremental.push(performance.now() - t0);
      rendered = result.rendered.map((f) => path.relative(out, f));
      stages = result.timings;
    }
    const npm: number[] = [];
    const command: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await change();
      npm.push((await npmBuild(content, out)).wall);
      await change();
      command.push((await timedRun(process.execPath, ['bin/plan-pipeline.js', 'build', '--content', content, '--out', out])).wall);
    }
    return {
      rounds,
      fullWarm: median(full),
      incrementalWarm: median(incremental),
      incrementalNpm: median(npm),
      incrementalCommand: median(command),
      rendered,
      stages,
    };
  } finally {
    await pool.close();
    await rm(root, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (invokedDirectly) {
  const r = await measureIncremental(Number(process.argv[2] ?? 5));
  const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  console.log(
    `full rebuild, warm process ${s(r.fullWarm)}; incremental: warm ${s(r.incrementalWarm)}, fresh npm run build ${s(r.incrementalNpm)}, fresh command ${s(r.incrementalCommand)}; rendered ${r.rendered.join(', ')}`,
  );
}
