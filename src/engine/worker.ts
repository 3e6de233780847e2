/**
 * The Piscina worker: receives the compiled scenario once, from its pool's channel
 * (`worker-pool.ts`: the pool may start before the scenario exists), imports the model modules,
 * creates a {@link DrawKernel} as soon as the scenario arrives, and runs tasks (ranges of draw
 * indices). Results go back
 * as views of one `SharedArrayBuffer`: shared, not copied, and never transferred, since a transfer
 * would detach a buffer in this thread and slow every later draw (see `kernel.ts`).
 *
 * For robustness tests a fault can be injected with the environment variable `URBCAST_FAULT`
 * (read when the worker starts): `throw:K` throws, `exit:K` ends the worker thread and `hang:K`
 * blocks it, in the task that contains draw K.
 *
 * @module
 */
import { Piscina } from 'piscina';
import { DrawKernel, type BatchResult, type DrawTask } from './kernel.js';
import { receiveScenario, type PoolWorkerData } from './worker-pool.js';

/** An injected fault: what to do, and in the task containing which draw. */
export interface Fault {
  kind: 'throw' | 'exit' | 'hang';
  draw: number;
}

/**
 * Parses `URBCAST_FAULT` (`throw:K`, `exit:K` or `hang:K`); anything else is no fault.
 *
 * @example
 * parseFault('exit:12'); // { kind: 'exit', draw: 12 }
 * parseFault(undefined); // null
 */
export function parseFault(text: string | undefined): Fault | null {
  const m = /^(throw|exit|hang):(\d+)$/.exec(text ?? '');
  return m === null ? null : { kind: m[1] as Fault['kind'], draw: Number(m[2]) };
}

const fault = parseFault(process.env.URBCAST_FAULT);

function inject(f: Fault): void {
  switch (f.kind) {
    case 'throw':
      throw new Error(`injected fault at draw ${f.draw}`);
    case 'exit':
      process.exit(70); // in a worker thread: ends this thread only
      break;
    case 'hang': {
      process.stderr.write(`injected fault: worker hangs at draw ${f.draw}\n`);
      const cell = new Int32Array(new SharedArrayBuffer(4));
      for (;;) Atomics.wait(cell, 0, 0, 50); // until the pool terminates this thread
    }
  }
}

/** This worker's kernel, created as soon as the scenario arrives (before the first task when the pool started early). */
const data = Piscina.workerData as PoolWorkerData | undefined;
const kernel: Promise<DrawKernel> | null = Piscina.isWorkerThread && typeof data?.channel === 'string' ? receiveScenario(data).then((cs) => DrawKernel.create(cs, { alloc: sharedResult })) : null;
kernel?.catch(() => {}); // a failure is reported by the first task that awaits it

/** Spent result buffers given back by the main thread, ready for reuse (a few at most). */
const spare: SharedArrayBuffer[] = [];
const SPARE_MAX = 4;

/**
 * A zero-filled result buffer of `length` doubles in shared memory: a spare of that size if there
 * is one, else a new one.
 *
 * @example
 * sharedResult(600).buffer instanceof SharedArrayBuffer; // true
 */
export function sharedResult(length: number): Float64Array {
  const i = spare.findIndex((b) => b.byteLength === length * 8);
  if (i < 0) return new Float64Array(new SharedArrayBuffer(length * 8));
  const out = new Float64Array(spare.splice(i, 1)[0]);
  out.fill(0);
  return out;
}

/** Keeps buffers given back for reuse, the newest {@link SPARE_MAX}. */
export function keepSpares(buffers: SharedArrayBuffer[]): void {
  spare.push(...buffers);
  if (spare.length > SPARE_MAX) spare.splice(0, spare.length - SPARE_MAX);
}

/**
 * Runs one task in this worker.
 *
 * @example
 * // in the main thread: await pool.run({ start: 0, count: 100, full: true });
 */
export default async function runTask(task: DrawTask): Promise<BatchResult> {
  if (fault !== null && task.start <= fault.draw && fault.draw < task.start + task.count) inject(fault);
  if (task.recycle !== undefined) keepSpares(task.recycle);
  if (kernel === null) throw new Error('worker.js runs in a worker of a pool from startWorkerPool');
  return (await kernel).run(task);
}
