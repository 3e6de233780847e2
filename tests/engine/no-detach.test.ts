/**
 * No thread of a run ever detaches an ArrayBuffer. The first detach in a thread invalidates V8's
 * "array buffer detaching" protector and every later draw in that thread pays for detach checks
 * (src/engine/kernel.ts, bench/experiments/detach.mjs). V8 reports the invalidation with
 * `--trace-protector-invalidation`; a control run that does detach shows the report is there to see.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FLAG = '--trace-protector-invalidation';
const REPORT = 'Invalidating protector cell ArrayBufferDetaching';

function node(args: string[]): string {
  const r = spawnSync(process.execPath, [FLAG, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

describe('array buffer detaching', () => {
  it('is reported by V8 when a worker transfers a buffer (control)', () => {
    const script = `const { Worker } = require('node:worker_threads');
      const w = new Worker("const { parentPort } = require('node:worker_threads'); const ab = new ArrayBuffer(8); parentPort.postMessage(ab, [ab]);", { eval: true });
      w.on('message', () => w.terminate());`;

    expect(node(['-e', script])).toContain(REPORT);
  });

  it.each([1, 2])('never happens in a Heze run with %i worker(s), levers and hukou accounts included', (workers) => {
    const out = node(['bin/simulate.js', '--scenario', join(root, 'scenarios/heze.yml'), '--draws', '1200', '--workers', String(workers), '--quiet']);

    expect(out).toContain('heze.P001');
    expect(out).not.toContain(REPORT);
  });
});
