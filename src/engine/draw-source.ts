/**
 * Where a run's main draws come from: {@link poolSource} runs them on the executor (an ordinary
 * run); `simulate merge` reads them back from shards' partial states (`partial-state.ts`). Either
 * way they reach the run in draw-index order, so its aggregates have the same bits.
 *
 * @module
 */
import type { DigestSpec } from './aggregate/digest.js';
import type { BatchResult } from './kernel.js';
import { runInOrder, splitTasks, type Executor } from './pool.js';

/** What a source may use: the run's executor and its batching. */
export interface SourceContext {
  exec: Executor;
  batchSize: number;
  inFlight: number;
  signal?: AbortSignal;
  /** Asks the pool's workers to digest the series (`DrawTask.digest`); a source may ignore it. */
  digest?: DigestSpec;
}

/**
 * Delivers draws `from … to − 1`, full (series, uniforms, target values, reference parts and
 * log-weights), to `consume` in draw order, in batches of any size.
 */
export type DrawSource = (from: number, to: number, consume: (b: BatchResult) => void, ctx: SourceContext) => Promise<void>;

/**
 * Runs the draws on the executor.
 *
 * @example
 * await poolSource(0, 1000, (b) => acc.add(b), { exec, batchSize: 100, inFlight: 6 });
 */
export const poolSource: DrawSource = (from, to, consume, ctx) =>
  runInOrder(ctx.exec, splitTasks(from, to, ctx.batchSize, true, ctx.digest !== undefined ? { digest: ctx.digest } : {}), consume, { maxInFlight: ctx.inFlight, signal: ctx.signal });
