/**
 * Where draws run: in the main thread (one worker) or in a Piscina pool of worker threads,
 * behind one {@link Executor} interface; and {@link runInOrder}, which keeps a bounded number of
 * tasks in flight and hands their results over strictly in task order, so that everything
 * accumulated from them is the same whatever the number of workers or the batch size.
 *
 * @module
 */
import { setMaxListeners } from 'node:events';
import type { CompiledScenario } from './compile.js';
import { DrawKernel, type BatchResult, type DrawTask } from './kernel.js';
import { startWorkerPool, type WorkerPool } from './worker-pool.js';

/** Runs tasks (ranges of draws). */
export interface Executor {
  /** Threads running draws (1 = the main thread). */
  readonly workers: number;
  run(task: DrawTask, signal?: AbortSignal): Promise<BatchResult>;
  /**
   * The caller is done with `result` (nothing refers to its arrays any more): its buffer may be
   * filled again by a later task. Optional; a result never released is simply collected.
   */
  release(result: BatchResult): void;
  /** The deterministic projection (every input at its median, optionally a lever shift), in the main thread. */
  medianRun(shift?: DrawTask['shift']): { series: Float64Array; values: Float64Array };
  close(): Promise<void>;
}

/**
 * A worker that threw or died while running draws (an internal error: exit code 1). The run stops
 * and the pool is destroyed.
 *
 * @example
 * new WorkerFault({ start: 0, count: 100, full: true }, new Error('boom')).message;
 * // 'a worker failed while running draws 0–99: boom'
 */
export class WorkerFault extends Error {
  constructor(task: DrawTask, cause: unknown) {
    super(`a worker failed while running draws ${task.start}–${task.start + task.count - 1}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WorkerFault';
    // where the worker failed is what helps: its stack, not the pool's
    if (cause instanceof Error && cause.stack !== undefined) this.stack = `${this.name}: ${this.message}\ncaused by ${cause.stack}`;
  }
}

/** Stops a run on request: rejects with an `AbortError`. */
function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw Object.assign(new Error('the run was aborted'), { name: 'AbortError' });
}

/**
 * Creates an executor with `workers` threads (≤ 1: in the main thread, no worker started).
 * Both kinds run the same {@link DrawKernel} on the same compiled model modules. `started`, a pool
 * started early ({@link startWorkerPool}), is used and gets the scenario when it has `workers`
 * threads and no scenario yet; otherwise it is closed and, for `workers` > 1, a new pool started.
 * The executor owns the pool it uses: `close()` terminates it.
 *
 * @example
 * const exec = await createExecutor(compiled, 2);
 * try { await exec.run({ start: 0, count: 10, full: true }); } finally { await exec.close(); }
 */
export async function createExecutor(cs: CompiledScenario, workers: number, started?: WorkerPool): Promise<Executor> {
  const fits = started !== undefined && workers > 1 && started.workers === workers && !started.handedOver;
  // discarded in the background: its threads end while the run goes on
  if (started !== undefined && !fits) started.close().catch(() => {});
  const warm = fits ? started : workers > 1 ? startWorkerPool(workers) : null;
  // the workers build their kernels meanwhile
  warm?.handOver(cs);
  let local: DrawKernel;
  try {
    local = await DrawKernel.create(cs);
  } catch (e) {
    await warm?.close();
    throw e;
  }
  if (warm === null) {
    return {
      workers: 1,
      async run(task, signal) {
        // yield to the event loop between batches: progress output and abort signals get through
        await new Promise((r) => setImmediate(r));
        checkAbort(signal);
        return local.run(task);
      },
      release: () => {},
      medianRun: (shift) => local.medianRun(shift),
      close: async () => {},
    };
  }
  const pool = warm.piscina;
  // spent result buffers, each given back to a worker with the next task (one per task: a worker
  // gets about as many as it fills)
  const spent: SharedArrayBuffer[] = [];
  return {
    workers,
    run: (task, signal) => {
      const given = spent.length > 0 ? { ...task, recycle: [spent.shift()!] } : task;
      return pool.run(given, signal ? { signal } : {}).catch((e: unknown) => {
        throw signal?.aborted || (e as Error)?.name === 'AbortError' ? e : new WorkerFault(task, e);
      });
    },
    release: (result) => {
      const b = result.values.buffer;
      if (b instanceof SharedArrayBuffer && spent.length < 2 * workers + 4) spent.push(b);
    },
    medianRun: (shift) => local.medianRun(shift),
    close: () => warm.close(),
  };
}

/** Options of {@link runInOrder}. */
export interface InOrderOptions {
  /** Tasks submitted but not yet consumed (bounds memory). */
  maxInFlight: number;
  signal?: AbortSignal;
}

/**
 * Runs `tasks` on `exec`, at most `maxInFlight` at a time, and calls `consume` with each result
 * in task order (results that arrive early wait, at most `maxInFlight` of them). Tasks are pulled
 * from the iterable only as they are submitted, so a run of any length holds O(maxInFlight) of
 * them. On an error or an abort nothing more is submitted, tasks still running are cancelled and
 * the error is thrown.
 *
 * @example
 * await runInOrder(exec, splitTasks(0, 10_000, 100, true), (r) => acc.add(r), { maxInFlight: 4 });
 */
export async function runInOrder(
  exec: Executor,
  tasks: Iterable<DrawTask>,
  consume: (r: BatchResult) => void,
  opts: InOrderOptions,
): Promise<void> {
  const cancel = new AbortController();
  // each task in flight listens on `cancel` (Piscina): more than Node's default 10 is expected, not a leak
  setMaxListeners(Math.max(10, opts.maxInFlight + 2), cancel.signal);
  const onAbort = () => cancel.abort();
  opts.signal?.addEventListener('abort', onAbort);
  const inFlight = new Map<number, Promise<BatchResult>>();
  const source = tasks[Symbol.iterator]();
  let next = source.next();
  let submitted = 0;
  try {
    for (let consumed = 0; ; consumed++) {
      while (!next.done && submitted - consumed < Math.max(1, opts.maxInFlight)) {
        checkAbort(opts.signal);
        const p = exec.run(next.value, cancel.signal);
        p.catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
        inFlight.set(submitted++, p);
        next = source.next();
      }
      if (consumed === submitted) break;
      const result = await inFlight.get(consumed)!;
      inFlight.delete(consumed);
      checkAbort(opts.signal);
      consume(result);
    }
  } catch (e) {
    cancel.abort();
    await Promise.allSettled(inFlight.values());
    if (opts.signal?.aborted) checkAbort(opts.signal);
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The tasks covering draws `from … to − 1`, at most `batchSize` draws each, generated lazily.
 *
 * @example
 * [...splitTasks(0, 250, 100, true)].map((t) => t.count); // [100, 100, 50]
 */
export function* splitTasks(from: number, to: number, batchSize: number, full: boolean, extra: Partial<DrawTask> = {}): Generator<DrawTask> {
  for (let s = from; s < to; s += batchSize) yield { ...extra, start: s, count: Math.min(batchSize, to - s), full };
}
