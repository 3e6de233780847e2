/**
 * `simulate --scenario FILE --shard K/N --out DIR`: runs shard K of N of the run's draws and
 * writes its partial state into DIR (`src/engine/shard-run.ts`), for `simulate merge`.
 *
 * @module
 */
import { join } from 'node:path';
import { asOutputError } from '../io/index.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { UsageError, type RunCommand } from './args.js';
import { interruptible, Interrupted } from './interrupt.js';
import type { CliIO } from './io.js';
import { printOutput } from './output.js';
import { reportError } from './report-error.js';

/** What a shard needs of the run command. */
export type ShardRun = Pick<RunCommand, 'scenario' | 'sets' | 'draws' | 'seed' | 'workers' | 'batchSize' | 'quiet'> & { shard: { k: number; n: number }; out: string };

/**
 * Loads the scenario and runs the shard; returns the files written. Throws what the run throws.
 *
 * @example
 * await runShardOf({ scenario: 'scenarios/heze.yml', sets: [], quiet: true, shard: { k: 1, n: 4 }, out: 'shards/1' });
 */
export async function runShardOf(cmd: ShardRun, onLoaded: (l: LoadedScenario) => void = () => {}): Promise<string[]> {
  const loaded = await loadScenario(cmd.scenario, { sets: cmd.sets });
  onLoaded(loaded);
  const { runShard } = await import('../engine/shard-run.js');
  // a full disk or a folder that cannot be written is the environment's, not a bug: exit 3
  await interruptible((signal) =>
    runShard(loaded, {
      shard: cmd.shard,
      out: cmd.out,
      ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
      ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
      ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
      ...(cmd.batchSize !== undefined ? { batchSize: cmd.batchSize } : {}),
      sets: cmd.sets,
      progress: !cmd.quiet,
      signal,
    }).catch((e: unknown) => {
      throw asOutputError(e, cmd.out, 'no complete shard was written there: run it again');
    }),
  );
  return [join(cmd.out, 'draws.f64'), join(cmd.out, 'partial.json')];
}

/**
 * Runs the command; returns the exit code (2: bad input or a shard that cannot run; 130/143:
 * stopped, nothing written).
 *
 * @example
 * await shardCommand({ kind: 'run', scenario: 'scenarios/heze.yml', shard: { k: 1, n: 4 }, out: 'shards/1', … }, processIO);
 */
export async function shardCommand(cmd: RunCommand & { shard: { k: number; n: number } }, io: CliIO): Promise<number> {
  let locate: LoadedScenario['locate'] | undefined;
  try {
    if (cmd.out === undefined) throw new UsageError('--shard K/N writes a partial state: give its folder with --out DIR');
    if (cmd.deterministic || cmd.dumpSchedules !== undefined || cmd.replayDraw !== undefined) throw new UsageError('--shard runs Monte Carlo draws; drop --deterministic, --dump-schedules and --replay-draw');
    if (cmd.format !== 'table') throw new UsageError('--shard writes a partial state, not a report: drop --format (give it to simulate merge)');
    const files = await runShardOf({ ...cmd, out: cmd.out }, (l) => (locate = l.locate));
    printOutput({ files }, io, cmd.quiet);
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message} (no partial state written)\n`);
      return e.exitCode;
    }
    const code = reportError(e, io.stderr, locate);
    if (e instanceof UsageError) io.stderr.write('Run simulate --help for usage.\n');
    return code;
  }
}
