/**
 * The Piscina worker: receives the compiled scenario once (as `workerData`), imports the model
 * modules, creates a {@link DrawKernel}, and runs tasks (ranges of draw indices). Results go back
 * as one transferred buffer.
 *
 * @module
 */
import { Piscina, move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from './compile.js';
import { DrawKernel, type BatchResult, type DrawTask } from './kernel.js';

let kernel: Promise<DrawKernel> | undefined;

/**
 * Runs one task in this worker.
 *
 * @example
 * // in the main thread: await pool.run({ start: 0, count: 100, full: true });
 */
export default async function runTask(task: DrawTask): Promise<unknown> {
  kernel ??= DrawKernel.create(Piscina.workerData as CompiledScenario);
  const result: BatchResult = (await kernel).run(task);
  // all arrays are views of one buffer: transferring it moves every one of them
  return move({
    get [transferableSymbol]() {
      return [result.values.buffer];
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
