/**
 * `simulate --shard K/N`: runs one contiguous block of a run's draws and writes them as a partial
 * state (`partial-state.ts`) for `simulate merge`.
 *
 * **Contiguous blocks, not interleaved draws.** Shard k of n runs draws ⌊(k−1)·D/n⌋ … ⌊k·D/n⌋ − 1.
 * Draws are counter-based and independent, so no block costs more than another on average (the
 * reason to interleave, load balance, does not arise); a block runs as the ordinary run's batches
 * (a start and a count: the kernel is unchanged), and the merge reads the shards one after another,
 * sequentially, in draw order — the order the run's aggregates need. The pilot (draws 0 … 255)
 * and the lever search's draws (0 … leverDraws − 1) sit in the first shard(s).
 *
 * The shard checks what the unsharded run checks of each draw (an infeasible draw or a non-finite
 * output stops it, exit code 2, naming the draw), and the median path first.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { compileScenario } from './compile.js';
import { DrawFailure } from './draw-failure.js';
import { poolSource } from './draw-source.js';
import type { EngineInput } from './input.js';
import { PartialWriter, recordLayout, shardRange, type PartialHeader } from './partial-state.js';
import { createExecutor } from './pool.js';
import { createProgress } from './progress.js';
import { checkFinite, medianRun, sha256 } from './run.js';
import { engineVersion } from './version.js';

/** Options of {@link runShard}. */
export interface ShardOptions {
  /** Shard number k (1 … n) and number of shards n. */
  shard: { k: number; n: number };
  /** Folder of the partial state. */
  out: string;
  draws?: number;
  seed?: number;
  workers?: number;
  batchSize?: number;
  /** The `--set` overrides the scenario was loaded with (recorded; the merge loads it with them). */
  sets?: readonly string[];
  progress?: boolean;
  signal?: AbortSignal;
}

const usage = (message: string) => Object.assign(new RangeError(message), { exitCode: 2 });

/**
 * Runs shard k of n of a scenario's draws and writes its partial state into `out`.
 *
 * @example
 * const h = await runShard(loaded, { shard: { k: 2, n: 4 }, out: 'out/shard-2-of-4', draws: 4000 });
 * h.shard; // { k: 2, n: 4, from: 1000, to: 2000 }
 */
export async function runShard(loaded: EngineInput, o: ShardOptions): Promise<PartialHeader> {
  const { k, n } = o.shard;
  for (const [what, v] of [['draws', o.draws], ['workers', o.workers], ['batchSize', o.batchSize]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw usage(`${what} must be a whole number ≥ 1, got ${v}`);
  }
  const startedAt = new Date();
  const t0 = performance.now();
  const cs = compileScenario(loaded, { draws: o.draws, seed: o.seed });
  const D = cs.main.sampling.draws;
  if (!(Number.isInteger(n) && n >= 1 && n <= D && Number.isInteger(k) && k >= 1 && k <= n)) {
    throw usage(`--shard K/N needs 1 ≤ K ≤ N ≤ draws (${D}), got ${k}/${n}`);
  }
  const { from, to } = shardRange(k, n, D);
  const count = to - from;
  const workers = o.workers ?? Math.max(1, Math.min(availableParallelism(), Math.floor(count / 500)));
  const batchSize = o.batchSize ?? Math.max(1, Math.min(200, Math.ceil(count / (workers * 8))));
  // the output first: a folder that cannot be written fails before any worker starts
  const writer = new PartialWriter(o.out, recordLayout(cs));
  let exec: Awaited<ReturnType<typeof createExecutor>>;
  try {
    exec = await createExecutor(cs, workers);
  } catch (e) {
    writer.abort();
    throw e;
  }
  const progress = createProgress(count, o.progress ?? true);
  let done = false;
  try {
    checkFinite(cs, medianRun(exec, cs).series, -1, 1);
    const T = cs.targets.length;
    let seen = 0;
    await poolSource(
      from,
      to,
      (b) => {
        if (b.error !== null) throw new DrawFailure(b.error, cs.main.sampling.seed);
        checkFinite(cs, b.series!, b.start, b.count);
        for (let i = 0; i < b.count * T; i++) {
          if (!Number.isFinite(b.values[i])) throw new Error(`target ${cs.targets[i % T].id} has a non-finite value in draw ${b.start + Math.floor(i / T)}`);
        }
        writer.append(b);
        exec.release(b);
        progress.draws((seen += b.count));
      },
      { exec, batchSize, inFlight: 2 * workers + 2, signal: o.signal },
    );
    const header = writer.finish({
      engineVersion: engineVersion(),
      scenario: { file: cs.main.file, sha256: sha256(cs.main.file), sets: [...(o.sets ?? [])] },
      seed: cs.main.sampling.seed,
      draws: D,
      lhs: cs.main.sampling.lhs,
      shard: { k, n, from, to },
      run: { workers: exec.workers, batchSize, startedAt: startedAt.toISOString(), seconds: (performance.now() - t0) / 1000 },
    });
    done = true;
    return header;
  } finally {
    if (!done) writer.abort();
    progress.end();
    await exec.close();
  }
}
