/**
 * The tasks of a sweep (scenarios × shards) as a job array: task i runs shard (i mod N) + 1 of
 * scenario ⌊i / N⌋, into `OUT/<scenario>/shard-K-of-N`; each scenario's shards merge into
 * `OUT/<scenario>/result`. The index comes from `--index`, else the scheduler: Slurm job arrays
 * set `SLURM_ARRAY_TASK_ID` (submit with `--array=0-(tasks − 1)`), Kubernetes Indexed Jobs set
 * `JOB_COMPLETION_INDEX` (`completions: tasks`).
 *
 * @module
 */
import { basename, extname, join } from 'node:path';
import { UsageError } from './args.js';

/** One task of the array. */
export interface SweepTask {
  index: number;
  scenario: string;
  /** The scenario's folder name in the sweep (its file name without extension). */
  name: string;
  k: number;
  n: number;
  /** Folder of the shard's partial state. */
  dir: string;
}

/** A scenario's folder in the sweep. */
export const scenarioDir = (out: string, name: string): string => join(out, name);

/**
 * Every task, in index order (a usage error when two scenarios share a file name).
 *
 * @example
 * sweepTasks(['a.yml', 'b.yml'], 2, 'out')[3]; // { index: 3, scenario: 'b.yml', name: 'b', k: 2, n: 2, dir: 'out/b/shard-2-of-2' }
 */
export function sweepTasks(scenarios: readonly string[], shards: number, out: string): SweepTask[] {
  const names = new Map<string, string>();
  for (const s of scenarios) {
    const name = basename(s, extname(s));
    const other = names.get(name);
    if (other !== undefined) throw new UsageError(`sweep: ${other} and ${s} would share the folder ${scenarioDir(out, name)}: give scenarios distinct file names`);
    names.set(name, s);
  }
  return [...names].flatMap(([name, scenario], s) =>
    Array.from({ length: shards }, (_, i) => ({ index: s * shards + i, scenario, name, k: i + 1, n: shards, dir: join(scenarioDir(out, name), `shard-${i + 1}-of-${shards}`) })),
  );
}

/**
 * The task index: `given` (from --index), else `SLURM_ARRAY_TASK_ID`, else `JOB_COMPLETION_INDEX`;
 * a usage error when none is set, or it is not a whole number below `tasks`.
 *
 * @example
 * taskIndex(undefined, { SLURM_ARRAY_TASK_ID: '3' }, 8); // 3
 */
export function taskIndex(given: number | undefined, env: NodeJS.ProcessEnv, tasks: number): number {
  const [from, raw] =
    given !== undefined
      ? ['--index', String(given)]
      : env.SLURM_ARRAY_TASK_ID !== undefined
        ? ['SLURM_ARRAY_TASK_ID', env.SLURM_ARRAY_TASK_ID]
        : env.JOB_COMPLETION_INDEX !== undefined
          ? ['JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX]
          : [undefined, ''];
  if (from === undefined) throw new UsageError('sweep: which task? give --index I, or run it in a Slurm job array (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX); --list shows the tasks');
  const i = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(i < tasks)) throw new UsageError(`sweep: ${from} is ${raw}, expected a task index from 0 to ${tasks - 1} (${tasks} tasks: submit the array as 0-${tasks - 1})`);
  return i;
}
