// Compiles the TypeScript engine to plain JavaScript once, so no TypeScript loader runs when the command does.
// npm runs this at install (`prepare`); the command runs it again whenever a source differs from what was compiled.
//
// Output: dist/<hash>/ — the hash is of every source file's bytes (and of this file), so a compiled folder always
// matches the sources it names and concurrent first runs cannot see each other's half-written files (each writes
// its own temporary folder and renames it into place). Pure-JavaScript packages are bundled in; those named in
// EXTERNAL stay in node_modules.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');

/** What gets compiled: the CLI, the render thread, and the modules the benchmark loads on their own. */
export const ENTRIES = {
  cli: 'src/cli/main.ts',
  'render-worker': 'src/pipeline/render-worker.ts',
  build: 'src/pipeline/build.ts',
  load: 'src/content/load.ts',
  compose: 'src/compose/compose.ts',
  view: 'src/compose/view.ts',
  writers: 'src/writers/index.ts',
};
const KEEP = 3;

// Packages loaded from node_modules as they are: pdfkit reads data files relative to its own folder and loads
// fontkit and linebreak itself (bundled, they would be loaded twice), and esbuild is a native program. Every other
// package is bundled in: zod, yaml and handlebars alone are some 230 small module files, each resolved, read and
// compiled on every start.
const EXTERNAL = ['pdfkit', 'fontkit', 'linebreak', 'esbuild'];

// The CommonJS packages our code imports, taken with Node's require rather than an ES import: an ES import of
// CommonJS makes Node scan the whole file for its export names first, and `linebreak` has an ES build of its own,
// so importing it gave a second copy (decompressing its Unicode tables again) beside the one pdfkit requires.
const REQUIRED = ['pdfkit', 'linebreak'];
const requireExternals = {
  name: 'require-externals',
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'required' ? { path: args.path, external: true } : { path: args.path, namespace: 'required' }));
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// The workspace's browser scripts are served from src/ as they are, never compiled: editing one needs no compile.
const SERVED = path.join(ROOT, 'src', 'workspace', 'static');

/** What the compiled code is made from: the sources, and the settings and package versions that compile them. */
function sources(root) {
  const served = path.join(root, path.relative(ROOT, SERVED));
  const own = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json)$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((file) => !file.startsWith(served + path.sep));
  const settings = ['tsconfig.json', 'package-lock.json'].map((f) => path.join(root, f)).filter((f) => existsSync(f));
  return [...own.sort(), ...settings];
}

/** The hash that names the compiled folder of the sources as they are now (of the project at `root`, by default this one). */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  hash
    .update(path.relative(ROOT, fileURLToPath(import.meta.url)))
    .update('\0')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update('\0');
  for (const file of sources(root)) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The compiled folder for the current sources, compiling it first if there is none. */
export async function compiled() {
  const hash = sourceHash();
  const dir = path.join(DIST, hash);
  if (!existsSync(path.join(dir, 'cli.js'))) await compileInto(dir, hash);
  return dir;
}

/**
 * How the engine is bundled (esbuild options without entries or output): the command's compile, and the benchmark's
 * child (bench/measure.ts), which must start the same code the command starts.
 */
export function bundleOptions(hash) {
  return {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [requireExternals],
    // The compiled code knows the hash of the sources it was made from: the manifest's tool version
    // (src/pipeline/manifest.ts) without reading every source again on each run.
    define: { PLAN_PIPELINE_SOURCE_HASH: JSON.stringify(hash) },
    // Bundled CommonJS packages (handlebars, jszip) require Node's own modules: give the bundle a require.
    banner: { js: "import { createRequire as __planPipelineRequire } from 'node:module'; const require = __planPipelineRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}

async function compileInto(dir, hash) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await build({ ...bundleOptions(hash), absWorkingDir: ROOT, entryPoints: ENTRIES, outdir: tmp, sourcemap: 'linked', chunkNames: 'chunk-[hash]' });
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process compiled the same sources first: theirs is identical.
      if (!existsSync(path.join(dir, 'cli.js'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(dir);
}

/** Keeps the newest few compiled folders (a long-running `build --watch` may still start workers from one). */
function prune(current) {
  const dirs = readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && path.join(DIST, e.name) !== current)
    .map((e) => ({ dir: path.join(DIST, e.name), mtime: statSync(path.join(DIST, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { dir } of dirs.slice(KEEP - 1)) rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = await compiled();
  process.stdout.write(`compiled ${path.relative(ROOT, dir)}\n`);
}
