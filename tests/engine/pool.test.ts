import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.js';
import type { BatchResult, DrawTask } from '../../src/engine/kernel.js';
import { createExecutor, runInOrder, splitTasks, type Executor } from '../../src/engine/pool.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

/** An executor whose tasks finish after a scripted number of event-loop turns (no clocks). */
function fakeExecutor(delays: (task: DrawTask) => number, fail?: (task: DrawTask) => boolean) {
  let running = 0;
  let maxRunning = 0;
  const started: number[] = [];
  const exec: Executor = {
    workers: 3,
    async run(task, signal) {
      started.push(task.start);
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        for (let i = 0; i < delays(task); i++) {
          await new Promise((r) => setImmediate(r));
          if (signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
        }
        if (fail?.(task)) throw new Error(`task ${task.start} failed`);
        return { start: task.start, count: task.count, series: null, values: new Float64Array(0), uniforms: null, inputs: null, refParts: null, logWeights: null, failed: 0, error: null } satisfies BatchResult;
      } finally {
        running--;
      }
    },
    release: () => {},
    medianRun: () => ({ series: new Float64Array(0), values: new Float64Array(0) }),
    close: async () => {},
  };
  return { exec, started, maxRunning: () => maxRunning };
}

describe('splitTasks', () => {
  it('covers the range in order with batches of at most batchSize', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.nat({ max: 500 }), fc.integer({ min: 1, max: 80 }), (from, len, size) => {
        const tasks = [...splitTasks(from, from + len, size, true)];
        let next = from;
        for (const t of tasks) {
          if (t.start !== next || t.count < 1 || t.count > size) return false;
          next += t.count;
        }
        return next === from + len;
      }),
    );
  });

  it('carries extra fields such as a lever shift', () => {
    expect([...splitTasks(0, 3, 2, false, { shift: { param: 1, delta: 0.5 } })]).toEqual([
      { shift: { param: 1, delta: 0.5 }, start: 0, count: 2, full: false },
      { shift: { param: 1, delta: 0.5 }, start: 2, count: 1, full: false },
    ]);
  });
});

describe('runInOrder', () => {
  it('hands results over in task order, with at most maxInFlight tasks running', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (delays, maxInFlight) => {
        const { exec, maxRunning } = fakeExecutor((t) => delays[t.start]);
        const seen: number[] = [];

        await runInOrder(exec, splitTasks(0, delays.length, 1, false), (r) => seen.push(r.start), { maxInFlight });

        return seen.join() === delays.map((_, i) => i).join() && maxRunning() <= maxInFlight;
      }),
      { numRuns: 50 },
    );
  });

  it('pulls tasks from the iterable only as it submits them', async () => {
    const { exec } = fakeExecutor(() => 1);
    let pulled = 0;
    let maxAhead = 0;
    let consumed = 0;
    function* tasks() {
      for (const t of splitTasks(0, 100, 1, false)) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - consumed);
        yield t;
      }
    }
    await runInOrder(exec, tasks(), () => consumed++, { maxInFlight: 3 });
    expect(consumed).toBe(100);
    expect(maxAhead).toBeLessThanOrEqual(4);
  });

  it('stops submitting after a failure and rethrows it', async () => {
    const { exec, started } = fakeExecutor(() => 1, (t) => t.start === 3);
    await expect(runInOrder(exec, splitTasks(0, 50, 1, false), () => {}, { maxInFlight: 2 })).rejects.toThrow('task 3 failed');
    expect(Math.max(...started)).toBeLessThan(10);
  });

  it('rethrows an error of the consumer', async () => {
    const { exec } = fakeExecutor(() => 0);
    await expect(
      runInOrder(exec, splitTasks(0, 5, 1, false), (r) => {
        if (r.start === 2) throw new Error('bad batch');
      }, { maxInFlight: 2 }),
    ).rejects.toThrow('bad batch');
  });

  it('rejects with an AbortError when aborted', async () => {
    const { exec } = fakeExecutor(() => 2);
    const ac = new AbortController();
    const run = runInOrder(exec, splitTasks(0, 100, 1, false), (r) => r.start === 5 && ac.abort(), { maxInFlight: 3, signal: ac.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createExecutor', () => {
  it('gives identical batches in the main thread and in worker threads', async () => {
    const cs = compileScenario(
      toyInput({ assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 }, growth: { dist: 'uniform', min: 0, max: 0.01 } }, targets: [{ year: 2025 }] }),
    );
    const local = await createExecutor(cs, 1);
    const pool = await createExecutor(cs, 2);
    try {
      const task: DrawTask = { start: 10, count: 25, full: true };
      const [a, b] = await Promise.all([local.run(task), pool.run(task)]);
      expect(pool.workers).toBe(2);
      expect(Array.from(b.series!)).toEqual(Array.from(a.series!));
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
      expect(Array.from(b.uniforms!)).toEqual(Array.from(a.uniforms!));
    } finally {
      await Promise.all([local.close(), pool.close()]);
    }
  });

  it('shares worker results through a SharedArrayBuffer, so no worker ever detaches a buffer', async () => {
    // a transfer would detach the result in the worker and slow its later draws (kernel.ts)
    const cs = compileScenario(toyInput({ assumptions: { migration: { dist: 'uniform', min: 0.01, max: 0.03 } }, targets: [{ year: 2025 }] }));
    const pool = await createExecutor(cs, 2);
    const local = await createExecutor(cs, 1);
    try {
      const b = await pool.run({ start: 0, count: 8, full: true });
      const a = await local.run({ start: 0, count: 8, full: true });
      for (const view of [b.values, b.series!, b.uniforms!]) expect(view.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(a.values.buffer).toBeInstanceOf(ArrayBuffer);
    } finally {
      await Promise.all([local.close(), pool.close()]);
    }
  });
});

describe('runInOrder and Node warnings', () => {
  it('many tasks in flight, each listening on the abort signal (as Piscina does), print no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const { exec } = fakeExecutor(() => 3);
    const listening: Executor = {
      ...exec,
      run: (task, signal) => {
        const listener = () => {};
        signal?.addEventListener('abort', listener);
        return exec.run(task, signal).finally(() => signal?.removeEventListener('abort', listener));
      },
    };

    await runInOrder(listening, splitTasks(0, 400, 4, true), () => {}, { maxInFlight: 50 });
    await new Promise((r) => setImmediate(r)); // warnings are emitted on a later tick

    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
  });
});
