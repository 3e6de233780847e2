/**
 * `simulate sweep FILE… --shards N --out DIR`: one task of a job array over scenarios × shards
 * (`sweep-plan.ts`), `--list` to print the tasks, `--merge` to merge every scenario's shards
 * after the array. Examples: `examples/slurm/sweep.sbatch`, `examples/kubernetes/sweep-job.yaml`.
 *
 * @module
 */
import { join } from 'node:path';
import type { SweepCommand } from './args.js';
import { UsageError } from './args.js';
import { Interrupted } from './interrupt.js';
import type { CliIO } from './io.js';
import { mergeDirs } from './merge-command.js';
import { printOutput } from './output.js';
import { reportError } from './report-error.js';
import { runShardOf } from './shard-command.js';
import { scenarioDir, sweepTasks, taskIndex } from './sweep-plan.js';

/**
 * Runs the command; returns the exit code.
 *
 * @example
 * await sweepCommand({ kind: 'sweep', scenarios: ['scenarios/heze.yml'], shards: 4, out: 'sweep', action: 'list', format: 'json', quiet: false }, processIO);
 */
export async function sweepCommand(cmd: SweepCommand, io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let locate: Parameters<typeof reportError>[2];
  try {
    const tasks = sweepTasks(cmd.scenarios, cmd.shards, cmd.out);
    if (cmd.action === 'list') {
      io.stdout.write(['index\tscenario\tshard\tfolder', ...tasks.map((t) => `${t.index}\t${t.scenario}\t${t.k}/${t.n}\t${t.dir}`)].join('\n') + '\n');
      io.stdout.write(`${tasks.length} tasks: sbatch --array=0-${tasks.length - 1}, or an Indexed Job with completions: ${tasks.length}\n`);
      return 0;
    }
    if (cmd.action === 'merge') {
      const files: string[] = [];
      for (let s = 0; s < tasks.length; s += cmd.shards) {
        const group = tasks.slice(s, s + cmd.shards);
        const out = join(scenarioDir(cmd.out, group[0].name), 'result');
        files.push(...(await mergeDirs({ dirs: group.map((t) => t.dir), ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}), out, format: cmd.format, quiet: cmd.quiet, lang: 'en' }, io)));
      }
      printOutput({ files }, io, cmd.quiet);
      return 0;
    }
    const t = tasks[taskIndex(cmd.index, env, tasks.length)];
    if (!cmd.quiet) io.stderr.write(`task ${t.index} of ${tasks.length}: ${t.scenario}, shard ${t.k}/${t.n}\n`);
    const files = await runShardOf({
      scenario: t.scenario,
      sets: [],
      ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
      ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
      ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
      quiet: cmd.quiet,
      shard: { k: t.k, n: t.n },
      out: t.dir,
    }, (l) => (locate = l.locate));
    printOutput({ files }, io, cmd.quiet);
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    const code = reportError(e, io.stderr, locate);
    if (e instanceof UsageError) io.stderr.write('Run simulate sweep --help for usage.\n');
    return code;
  }
}
