#!/usr/bin/env node
/**
 * `npm run build` (and `prepare`): compiles the TypeScript into dist/ (`tsc -p tsconfig.json`),
 * bundles the npm packages read at start-up (scripts/bundle-vendor.mjs) and the interactive
 * report's browser code (scripts/bundle-explore.mjs), writes the parse cache of the project's YAML
 * files (scripts/yaml-cache.mjs), then writes dist/.build-stamp.
 *
 * `--if-stale` (the `prepare` script) builds only when dist/ is older than a source: no stamp,
 * or a file under src/, models/ or tests/fixtures/ (what tsconfig.json compiles), tsconfig.json,
 * package.json or a build script newer than the stamp. (An edited scenario needs no build: the
 * YAML parse cache is found by content, and an edited file is simply parsed.) `npm install` builds a fresh clone as
 * before; what it spares is the second build of an unchanged tree, e.g. the one `npx simulate`
 * runs the first time it is called in a project folder (npm installs the folder into its npx
 * cache, running `prepare`: 6–7 s of `tsc` on this 2-core machine).
 *
 * @example
 * node scripts/build.mjs              # always builds
 * node scripts/build.mjs --if-stale   # builds unless dist/ is up to date
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The files whose change needs a new build, relative to the project root. */
export const INPUTS = ['src', 'models', 'tests/fixtures', 'tsconfig.json', 'package.json', 'scripts/build.mjs', 'scripts/bundle-explore.mjs', 'scripts/bundle-vendor.mjs', 'scripts/yaml-cache.mjs'];

/** Newest modification time (ms) of a file, or of every file below a folder; 0 if it does not exist. */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) t = Math.max(t, newest(join(path, e.name)));
  return t;
}

/**
 * Whether `root`'s dist/ needs building: no stamp, or an input newer than it.
 *
 * @example
 * isStale('/work/urbcast'); // false right after a build
 */
export function isStale(root) {
  const stamp = join(root, 'dist/.build-stamp');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((p) => newest(join(root, p)) > built);
}

/** Builds `root` (tsc, then the explorer's bundle) and stamps it; exits with the failing step's code. */
function build(root) {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  for (const args of [[tsc, '-p', join(root, 'tsconfig.json')], [join(root, 'scripts/bundle-vendor.mjs')], [join(root, 'scripts/bundle-explore.mjs')], [join(root, 'scripts/yaml-cache.mjs')]]) {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  writeFileSync(join(root, 'dist/.build-stamp'), `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(here, '..');
  if (!(process.argv.includes('--if-stale') && !isStale(root))) build(root);
}
