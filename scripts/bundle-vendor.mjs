/**
 * Replaces dist/src/vendor/*.js (each a re-export of one npm package: src/vendor/) by a bundle of
 * that package, with esbuild (`npm run build` runs this after tsc). Importing a package spread
 * over dozens of files costs Node a resolution, a read and a compilation each; one file is read
 * and compiled once. Measured on this 2-core machine, importing on its own: yargs 70 → 40 ms,
 * yaml 34 → 14 ms (`node -e "…import('yargs')…"` against the bundle). The source keeps importing
 * the packages, so tests and type checking see them as they are.
 */
import { build } from 'esbuild';
import { renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

for (const name of ['yaml', 'yargs', 'zod']) {
  const file = join(root, 'dist/src/vendor', `${name}.js`);
  const tmp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [file],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'inline',
    // CommonJS inside the bundle (yaml) requires Node's built-ins: give it a real `require`
    banner: { js: "import { createRequire as __urbcastRequire } from 'node:module'; const require = __urbcastRequire(import.meta.url);" },
  });
  renameSync(tmp, file);
}
