// Incremental rebuild after a one-item change on the seed plan, against a full rebuild in the same run.
// Run: npx tsx bench/incremental.ts [rounds]. Prints medians; "warm" is a long-lived process (build --watch),
// "cold" a fresh `plan-pipeline build` process per change.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline/build.js';
import { RenderPool } from '../src/pipeline/render-pool.js';

const rounds = Number(process.argv[2] ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

const root = await mkdtemp(path.join(os.tmpdir(), 'bench-incremental-'));
const content = path.join(root, 'content');
const out = path.join(root, 'out');
await cp('content', content, { recursive: true });
// Like `build --watch`: one render pool for the whole session, its threads kept warm between saves.
const pool = new RenderPool();
const options = { contentDir: content, templatesDir: 'templates', fontsDir: 'fonts', outDir: out, pool };
const itemFile = path.join(content, 'items/14.yaml');
const original = await readFile(itemFile, 'utf8');
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
  const cold: number[] = [];
  for (let i = 0; i < Math.min(3, rounds); i++) {
    await change();
    const t0 = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'build', '--content', content, '--out', out], { stdio: 'ignore' });
    cold.push(performance.now() - t0);
  }
  console.log(`Seed plan (30 items, 8 departments), one item's deadline changed; ${rounds} rounds, medians, ${os.cpus().length} cores`);
  console.log(`| route | time | documents rendered |`);
  console.log(`|---|---|---|`);
  console.log(`| full rebuild, warm process | ${fmt(median(full))} | all 18 files |`);
  console.log(`| incremental rebuild, warm process (build --watch) | ${fmt(median(incremental))} | ${rendered.length}: ${rendered.join(', ')} |`);
  console.log(`| incremental rebuild, fresh CLI process | ${fmt(median(cold))} | same |`);
  console.log(`speed-up of incremental over full (warm): ${(median(full) / median(incremental)).toFixed(1)}×; goal < 0.3 s of work: ${median(incremental) < 300 ? 'PASS' : 'MISS'}`);
  console.log(`stages of the last incremental build (ms): ${Object.entries(stages).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
} finally {
  await pool.close();
  await rm(root, { recursive: true, force: true });
}
