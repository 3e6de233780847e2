/**
 * Where a run's main draws come from: {@link poolSource} runs them on the executor (an ordinary
 * run); `simulate merge` reads them back from shards' partial states (`partial-state.ts`). Either
 * way they reach the run in draw-index order, so its aggregates have the same bits.
 *
 * @module
 */
import type { DigestSpec } from './aggregate/digest.js';
import type { BatchResult, DrawTask } from './kernel.js';
import { runInOrder, splitTasks, type Executor } from './pool.js';

/** What a source may use: the run's executor and its batching. */
export interface SourceContext {
  exec: Executor;
  batchSize: number;
  inFlight: number;
  signal?: AbortSignal;
  /** Draws before `to` (the pilot) go in batches of `batchSize` instead (a source may ignore it). */
  pilot?: { to: number; batchSize: number };
  /**
   * What the pool's workers need to digest the series (`DrawTask.digest`), read as each task is
   * submitted (undefined: none yet); a source may ignore it.
   */
  digest?: () => DigestSpec | undefined;
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
export const poolSource: DrawSource = (from, to, consume, ctx) => runInOrder(ctx.exec, poolTasks(from, to, ctx), consume, { maxInFlight: ctx.inFlight, signal: ctx.signal });

/**
 * The full tasks covering draws `from … to − 1` (see {@link SourceContext}), generated as they are
 * submitted.
 *
 * @example
 * [...poolTasks(0, 300, { exec, batchSize: 100, inFlight: 4, pilot: { to: 64, batchSize: 32 } })].map((t) => t.count);
 * // [32, 32, 100, 100, 36]
 */
export function* poolTasks(from: number, to: number, ctx: SourceContext): Generator<DrawTask> {
  const pilotTo = Math.min(to, Math.max(from, ctx.pilot?.to ?? from));
  for (const part of [splitTasks(from, pilotTo, ctx.pilot?.batchSize ?? ctx.batchSize, true), splitTasks(pilotTo, to, ctx.batchSize, true)]) {
    for (const task of part) {
      const digest = ctx.digest?.();
      yield digest === undefined ? task : { ...task, digest };
    }
  }
}
