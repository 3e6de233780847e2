/**
 * The Piscina pool of draw workers, started before its scenario exists: threads boot, import the
 * engine and (given {@link WorkerPool.preload}) the model modules while the main thread is still
 * loading and compiling, and receive the compiled scenario when it is handed over
 * ({@link WorkerPool.handOver}).
 *
 * **Hand-over.** Every worker of a pool opens the same `BroadcastChannel` (its name is the pool's
 * `workerData`). The main thread posts the scenario there once it has it; a worker that opens the
 * channel later (Piscina replaces a worker that died, or a worker still booting) asks for it
 * (`need`) and the main thread posts it again. A worker holding its scenario closes its end, so it
 * receives no repeats. Both ends are unreferenced: an idle pool never keeps a process alive (a
 * task in flight does, through Piscina's own reference to its worker).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { BroadcastChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { compiledUrl } from './compiled-url.js';
import type { CompiledScenario } from './compile.js';
import type { BatchResult, DrawTask } from './kernel.js';
import { chooseWorkers } from './workers.js';

/** What a pool's workers get as `workerData`. */
export interface PoolWorkerData {
  /** Name of the pool's `BroadcastChannel`. */
  channel: string;
}

/** Messages on a pool's channel. */
export type PoolMessage =
  | { kind: 'need' }
  | { kind: 'preload'; modules: string[] }
  | { kind: 'scenario'; scenario: CompiledScenario; modules: string[] };

/** A started pool of draw workers, waiting for (or holding) its scenario. */
export interface WorkerPool {
  /** Worker threads (fixed: minimum = maximum). */
  readonly workers: number;
  /** The Piscina pool (tasks wait in the workers until the scenario is handed over). */
  readonly piscina: Piscina<DrawTask, BatchResult>;
  /** Asks every worker to import these module URLs now (a hint: model modules a scenario will use). */
  preload(modules: readonly string[]): void;
  /** Gives the workers their scenario (once per pool). */
  handOver(cs: CompiledScenario): void;
  /** Whether a scenario was handed over. */
  readonly handedOver: boolean;
  /** Terminates the threads; idempotent. */
  close(): Promise<void>;
}

/**
 * Starts `workers` draw worker threads now, without a scenario.
 *
 * @example
 * const pool = startWorkerPool(2);          // threads boot while the scenario loads
 * pool.preload([loaded.modelModule]);
 * pool.handOver(compileScenario(loaded));
 * const exec = await createExecutor(cs, 2, pool);
 */
export function startWorkerPool(workers: number): WorkerPool {
  const data: PoolWorkerData = { channel: `urbcast-pool-${randomUUID()}` };
  const piscina = new Piscina<DrawTask, BatchResult>({
    filename: compiledUrl('./worker.js', import.meta.url),
    workerData: data,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 2,
    // an idle worker must keep its event loop running to receive the scenario (Piscina's default
    // blocks it in Atomics.wait between tasks)
    atomics: 'disabled',
  });
  // Errors not tied to a running task (a reply to a task cancelled meanwhile, a worker dying
  // between tasks): every task's own failure rejects its promise, so these only must not crash
  // the process as an unhandled 'error' event.
  piscina.on('error', () => {});
  const channel = new BroadcastChannel(data.channel);
  channel.unref();
  let modules: string[] = [];
  let scenario: CompiledScenario | null = null;
  let closed: Promise<void> | null = null;
  const post = (m: PoolMessage) => channel.postMessage(m);
  channel.onmessage = (ev) => {
    if ((ev.data as PoolMessage | undefined)?.kind !== 'need') return;
    if (scenario !== null) post({ kind: 'scenario', scenario, modules });
    else if (modules.length > 0) post({ kind: 'preload', modules });
  };
  return {
    workers,
    piscina,
    preload(more) {
      const fresh = more.filter((m) => !modules.includes(m));
      if (fresh.length === 0 || scenario !== null) return;
      modules = [...modules, ...fresh];
      post({ kind: 'preload', modules: fresh });
    },
    handOver(cs) {
      if (scenario !== null) throw new Error('this worker pool already has its scenario');
      scenario = cs;
      post({ kind: 'scenario', scenario, modules });
    },
    get handedOver() {
      return scenario !== null;
    },
    close() {
      closed ??= (async () => {
        channel.close();
        await piscina.destroy();
      })();
      return closed;
    },
  };
}

/** What a run will ask for, as far as it is known before its scenario is loaded. */
export interface PoolPlan {
  /** Draws (unknown: the scenario's, assumed large). */
  draws?: number;
  /** Workers asked for. */
  workers?: number;
  batchSize?: number;
}

/**
 * Starts the worker pool a run will most likely use ({@link chooseWorkers} on what is known, the
 * draws assumed large when not given), or nothing when it would run in the main thread. A run
 * that turns out to need another number of workers closes this pool and starts its own.
 *
 * @example
 * const pool = startPoolFor({ workers: 2 });   // before loading the scenario
 * await runScenario(loaded, { workers: 2, pool });
 */
export function startPoolFor(plan: PoolPlan, cores: number = availableParallelism()): WorkerPool | undefined {
  const { workers } = chooseWorkers(plan.draws ?? Number.MAX_SAFE_INTEGER, plan.workers, plan.batchSize, cores);
  return workers > 1 ? startWorkerPool(workers) : undefined;
}

/**
 * In a worker: the scenario of its pool, from the pool's channel (see the module), importing the
 * modules named by `preload` messages meanwhile.
 *
 * @example
 * const cs = await receiveScenario(Piscina.workerData as PoolWorkerData);
 */
export function receiveScenario(data: PoolWorkerData): Promise<CompiledScenario> {
  const channel = new BroadcastChannel(data.channel);
  channel.unref();
  const imported = new Set<string>();
  const preload = (modules: string[]) => {
    for (const m of modules) {
      if (imported.has(m)) continue;
      imported.add(m);
      import(m).catch(() => {}); // a hint only: the kernel imports it again and reports failures
    }
  };
  return new Promise((resolve) => {
    channel.onmessage = (ev) => {
      const m = (ev.data as PoolMessage | undefined);
      if (m?.kind === 'preload') preload(m.modules);
      else if (m?.kind === 'scenario') {
        channel.close();
        resolve(m.scenario);
      }
    };
    channel.postMessage({ kind: 'need' } satisfies PoolMessage);
  });
}
