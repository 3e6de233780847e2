/**
 * Worker pools started before their scenario (src/engine/worker-pool.ts): handed over, they give
 * the same bits as the main thread; a worker Piscina starts later (after one died) still gets the
 * scenario; a pool of the wrong size is discarded; an idle pool never keeps a process alive.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.js';
import type { DrawTask } from '../../src/engine/kernel.js';
import { createExecutor, WorkerFault } from '../../src/engine/pool.js';
import { startPoolFor, startWorkerPool } from '../../src/engine/worker-pool.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function toyCompiled() {
  return compileScenario(
    toyInput({ assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'uniform', min: 0, max: 0.01 } }, targets: [{ year: 2025 }] }),
  );
}

describe('a worker pool started before its scenario', () => {
  afterEach(() => {
    delete process.env.URBCAST_FAULT;
  });

  it('runs the handed-over scenario with the same bits as the main thread', async () => {
    const pool = startWorkerPool(2);
    const cs = toyCompiled();
    pool.preload([cs.main.modelModule]);
    const warm = await createExecutor(cs, 2, pool);
    const local = await createExecutor(cs, 1);
    try {
      const task: DrawTask = { start: 10, count: 25, full: true };
      const [a, b] = await Promise.all([local.run(task), warm.run(task)]);
      expect(pool.handedOver).toBe(true);
      expect(Array.from(b.series!)).toEqual(Array.from(a.series!));
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
      expect(Array.from(b.uniforms!)).toEqual(Array.from(a.uniforms!));
    } finally {
      await Promise.all([local.close(), warm.close()]);
    }
    expect(pool.piscina.threads).toHaveLength(0);
  });

  it('hands the scenario to a worker Piscina starts after one died', async () => {
    process.env.URBCAST_FAULT = 'exit:3'; // read by the workers started from now on
    const pool = startWorkerPool(2);
    const cs = toyCompiled();
    const exec = await createExecutor(cs, 2, pool);
    const local = await createExecutor(cs, 1);
    try {
      await expect(exec.run({ start: 0, count: 5, full: false })).rejects.toThrow(WorkerFault);
      // every later task, on the survivor or on the replacement, has the scenario
      const tasks = Array.from({ length: 6 }, (_, k): DrawTask => ({ start: 10 + 4 * k, count: 4, full: false }));
      const got = await Promise.all(tasks.map((t) => exec.run(t)));
      const want = await Promise.all(tasks.map((t) => local.run(t)));
      expect(got.map((b) => Array.from(b.values))).toEqual(want.map((b) => Array.from(b.values)));
    } finally {
      await Promise.all([local.close(), exec.close()]);
    }
  });

  it('is closed, and a pool of the right size started, when the run needs another number of workers', async () => {
    const wrong = startWorkerPool(3);
    const cs = toyCompiled();
    const exec = await createExecutor(cs, 2, wrong);
    try {
      expect(exec.workers).toBe(2);
      expect(wrong.handedOver).toBe(false);
      expect(Array.from((await exec.run({ start: 0, count: 4, full: false })).values)).toHaveLength(4);
    } finally {
      await exec.close();
    }
    await wrong.close(); // closing twice is harmless
    expect(wrong.piscina.threads).toHaveLength(0);
  });

  it('is closed when the run uses the main thread', async () => {
    const pool = startWorkerPool(2);
    const exec = await createExecutor(toyCompiled(), 1, pool);
    await exec.close();
    await pool.close();
    expect(exec.workers).toBe(1);
    expect(pool.piscina.threads).toHaveLength(0);
  });

  it('refuses a second scenario', async () => {
    const pool = startWorkerPool(2);
    try {
      pool.handOver(toyCompiled());
      expect(() => pool.handOver(toyCompiled())).toThrow(/already has its scenario/);
    } finally {
      await pool.close();
    }
  });
});

describe('startPoolFor', () => {
  it('starts the workers a run would choose, none for a run in the main thread', async () => {
    const none = startPoolFor({ draws: 100 }, 2);
    const two = startPoolFor({ workers: 4 }, 2);
    try {
      expect(none).toBeUndefined();
      expect(two?.workers).toBe(2);
    } finally {
      await two?.close();
    }
  });
});

describe('an idle pool', () => {
  it('never keeps a process alive, handed over or not', () => {
    // a process that starts pools and never closes them still ends (the spawn would time out)
    const script = `
      const { startWorkerPool } = await import(${JSON.stringify(join(root, 'dist/src/engine/worker-pool.js'))});
      startWorkerPool(2);
      const other = startWorkerPool(2);
      other.preload([]);
      console.log('started');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('started\n');
  });
});
