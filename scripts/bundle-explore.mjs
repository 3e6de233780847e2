/**
 * Bundles the interactive report's browser code (src/report/html/explore/*-entry.ts and everything
 * they import: the engine's sampler, kernels, aggregation, the models, the report's table and
 * charts) into two self-contained scripts, with esbuild, into dist/src/report/html/explore/ where
 * the HTML renderer reads them (`npm run build` runs this after tsc).
 *
 * The browser has no `node:` modules: the few the bundled modules import (paths and files, used only
 * when loading and compiling a scenario, which the page never does) become stubs that throw if
 * called; `Buffer.from(base64)` (the WebAssembly bytes) gets a small shim; `process.env.URBCAST_KERNEL`
 * reads `globalThis.URBCAST_KERNEL` (the worker sets it from the page's `#kernel=js|wasm`).
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/src/report/html/explore');
mkdirSync(outdir, { recursive: true });

/** Every `node:` import (and bare builtin) becomes a module whose named exports throw when called. */
const nodeStubs = {
  name: 'node-stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|path|url|os|crypto|module|worker_threads|child_process)$/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `const stub = (name) => () => { throw new Error('${args.path}: ' + name + ' is not available in the browser'); };
export const join = stub('join'), resolve = stub('resolve'), dirname = stub('dirname'), relative = stub('relative'), basename = stub('basename'), extname = stub('extname'), isAbsolute = stub('isAbsolute'), sep = '/';
export const readFileSync = stub('readFileSync'), existsSync = stub('existsSync'), statSync = stub('statSync'), readdirSync = stub('readdirSync');
export const fileURLToPath = stub('fileURLToPath'), pathToFileURL = stub('pathToFileURL'), createHash = stub('createHash'), createRequire = stub('createRequire'), availableParallelism = stub('availableParallelism');
export default {};`,
      loader: 'js',
    }));
  },
};

/**
 * zod (the scenario schemas, which the models declare at load time and the page never uses: it
 * receives compiled scenarios) becomes a callable proxy that accepts any chain of schema calls.
 * It would be 90 % of the bundle.
 */
const zodStub = {
  name: 'zod-stub',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'zod-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-stub' }, () => ({
      contents: `const z = new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => 'zod-stub' : z), apply: () => z, construct: () => z });
export { z }; export default z;`,
      loader: 'js',
    }));
  },
};

const bufferShim = join(outdir, 'buffer-shim.mjs');
const { writeFileSync } = await import('node:fs');
writeFileSync(
  bufferShim,
  `export const Buffer = { from(s, enc) { if (enc !== 'base64') throw new Error('Buffer shim: base64 only'); const b = atob(s); const u = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u; } };\n`,
);

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [nodeStubs, zodStub],
  // the kernel as URBCAST_KERNEL names it in Node: set by the worker from the page's #kernel=js|wasm
  define: { 'process.env.URBCAST_KERNEL': 'globalThis.URBCAST_KERNEL' },
  inject: [bufferShim],
};

await build({ ...common, entryPoints: [join(root, 'src/report/html/explore/worker-entry.ts')], outfile: join(outdir, 'worker.bundle.js') });
await build({ ...common, entryPoints: [join(root, 'src/report/html/explore/page-entry.ts')], outfile: join(outdir, 'page.bundle.js'), globalName: 'urbcastExplore' });
