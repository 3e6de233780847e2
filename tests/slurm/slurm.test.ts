/**
 * A real one-node Slurm cluster (tests/slurm/local-cluster.ts): the repository's example batch
 * script runs a 4-task array of the Heze scenario (`sbatch --wait`), `simulate sweep --merge`
 * merges it, and the result's bytes are compared with a local unsharded run's. Skips, saying why,
 * when Slurm cannot start on this machine (not root, packages missing: `.ci/run` installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type LocalCluster } from './local-cluster.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'simulate.js');
const heze = join(root, 'scenarios', 'heze.yml');
const DRAWS = '400';

let cluster: LocalCluster | null = null;
let reason = '';
const work = mkdtempSync(join(tmpdir(), 'urbcast-slurm-run-'));

beforeAll(async () => {
  const c = await startCluster();
  if ('reason' in c) reason = c.reason;
  else cluster = c;
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

/** The files of a folder and their bytes. */
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('Slurm: a 4-task job array of Heze, merged', () => {
  it('gives the same bytes as one local run', { timeout: 300_000 }, (ctx) => {
    if (cluster === null) {
      console.warn(`skipping the Slurm test: Slurm cannot start here: ${reason}`);
      ctx.skip();
      return;
    }
    const out = join(work, 'sweep');
    const simulate = `node ${bin}`;
    // the example script, as a user submits it: 4 tasks, each shard (i mod 4) + 1 of Heze
    execFileSync('sbatch', ['--wait', '--array=0-3', `--chdir=${root}`, `--output=${join(work, 'slurm-%A_%a.out')}`, join(root, 'examples/slurm/sweep.sbatch'), heze, '--shards', '4', '--out', out, '--draws', DRAWS, '--workers', '1'], {
      env: { ...cluster.env, SIMULATE: simulate },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    const logs = readdirSync(work).filter((f) => f.startsWith('slurm-'));
    expect(logs).toHaveLength(4);
    expect(readdirSync(join(out, 'heze')).sort()).toEqual(['shard-1-of-4', 'shard-2-of-4', 'shard-3-of-4', 'shard-4-of-4']);

    execFileSync('node', [bin, 'sweep', heze, '--shards', '4', '--out', out, '--merge', '--format', 'csv', '--quiet'], { cwd: root });
    execFileSync('node', [bin, '--scenario', heze, '--draws', DRAWS, '--format', 'csv', '--out', join(work, 'local'), '--quiet'], { cwd: root });

    const merged = files(join(out, 'heze', 'result'));
    expect(Object.keys(merged)).toEqual(['quantiles.csv', 'targets.csv']);
    expect(merged).toEqual(files(join(work, 'local')));
  });
});
