/**
 * The project's own folders, found from this module's location so that they resolve the same
 * from any working directory and from both `src/` (vitest) and `dist/src/` (the installed CLI).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'urbcast') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the urbcast project folder above ${start}`);
    dir = up;
  }
}

/** Absolute path of the project root (the folder holding urbcast's package.json). */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of `seeds/` (the plans' figures). */
export const seedsDir: string = join(projectRoot, 'seeds');

/** Absolute path of `seeds/data/` (the demographic tables models read). */
export const dataDir: string = join(seedsDir, 'data');
