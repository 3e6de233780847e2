/**
 * The command line, parsed with yargs into a typed {@link Command}. Parsing only: nothing runs
 * here, and nothing is printed (help and version come back as text), so the CLI can be called
 * in-process by tests.
 *
 * @module
 */
import yargs from 'yargs';
import type { Lang, OutputFormat } from './contracts.js';
import { engineVersion } from '../engine/version.js';

import { UsageError } from './usage-error.js';
import { once, wholeNumber } from './flag-values.js';

export { UsageError };

/** Largest --draws (and --batch-size, --replay-draw): the scenario schema's limit on draws. */
const MAX_DRAWS = 1_000_000_000;

/** `simulate --scenario FILE …`: a Monte Carlo run, or the deterministic projection. */
export interface RunCommand {
  kind: 'run';
  scenario: string;
  sets: string[];
  draws?: number;
  seed?: number;
  workers?: number;
  batchSize?: number;
  out?: string;
  format: OutputFormat;
  quiet: boolean;
  deterministic: boolean;
  dumpSchedules?: string;
  /** `--replay-draw i`: re-run draw i alone and print its inputs and path. */
  replayDraw?: number;
  lang: Lang;
}

/** `simulate backtest --scenario FILE …`: project from the origin and score the later observations. */
export interface BacktestCommand {
  kind: 'backtest';
  scenario: string;
  sets: string[];
  /** Must equal the scenario's baseline year when given. */
  origin?: number;
  draws?: number;
  seed?: number;
  workers?: number;
  format: 'table' | 'json' | 'csv';
  /** Write the report to this file instead of stdout. */
  out?: string;
  quiet: boolean;
}

/** What to do. `output` is help or version text, printed as is. */
export type Command =
  | RunCommand
  | BacktestCommand
  | { kind: 'validate'; files: string[]; sets: string[] }
  | { kind: 'schema' }
  | { kind: 'output'; text: string };

const FORMATS: OutputFormat[] = ['table', 'json', 'csv', 'html'];
const LANGS: Lang[] = ['en', 'zh'];


/**
 * Parses the arguments (without `node` and the script).
 *
 * @example
 * await parseArgs(['--scenario', 'scenarios/heze.yml', '--draws', '2000']);
 * // { kind: 'run', scenario: 'scenarios/heze.yml', draws: 2000, format: 'table', … }
 */
export async function parseArgs(argv: string[]): Promise<Command> {
  let command: Command | undefined;
  const parser = yargs(argv)
    .scriptName('simulate')
    .locale('en')
    .exitProcess(false)
    .strict()
    .wrap(110)
    .usage('$0 --scenario FILE [options]\n\nProjects the urban share of a city under uncertain assumptions and tells how likely each plan target is.')
    .command(
      '$0',
      'Run a scenario: Monte Carlo draws, then the probability of each target',
      (y) =>
        y
          .option('scenario', { type: 'string', describe: 'Scenario file (YAML), required' })
          .option('draws', { type: 'string', describe: "Number of draws (default: the scenario's draws)" })
          .option('seed', { type: 'string', describe: "Random seed, a whole number 0 … 2^53 − 1 (default: the scenario's seed)" })
          .option('workers', { type: 'string', describe: 'Worker threads (default: os.availableParallelism(), fewer for small runs; never more than the cores or the batches); never changes the results' })
          .option('batch-size', { type: 'string', describe: 'Draws per worker task; never changes the results' })
          .option('out', { type: 'string', describe: 'Write files into this folder instead of printing' })
          .option('format', { choices: FORMATS, default: 'table' as OutputFormat, describe: 'Output format' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a field: --set path=value (value in YAML), repeatable' })
          .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no list of files written' })
          .option('deterministic', { type: 'boolean', default: false, describe: 'One projection with every uncertain input at its median' })
          .option('dump-schedules', { type: 'string', describe: "Write the model's compiled per-year inputs (deterministic run) to this JSON file" })
          .option('replay-draw', { type: 'string', describe: 'Re-run draw i of the run alone (same --draws and --seed) and print its inputs, parameters and path' })
          .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of the report' }),
      (a) => {
        if (a.scenario === undefined || a.scenario === '') throw new UsageError('give the scenario file with --scenario FILE (or a command: validate, schema)');
        once(a, ['format', 'quiet', 'deterministic', 'lang'], ['scenario', 'out', 'dump-schedules']);
        const draws = wholeNumber('draws', a.draws, 1, MAX_DRAWS);
        const seed = wholeNumber('seed', a.seed, 0);
        const workers = wholeNumber('workers', a.workers, 1);
        const batchSize = wholeNumber('batch-size', a.batchSize, 1, MAX_DRAWS);
        const replayDraw = wholeNumber('replay-draw', a.replayDraw, 0, MAX_DRAWS - 1);
        command = {
          kind: 'run',
          scenario: a.scenario,
          sets: a.set.map(String),
          ...(draws !== undefined ? { draws } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(workers !== undefined ? { workers } : {}),
          ...(batchSize !== undefined ? { batchSize } : {}),
          ...(a.out !== undefined ? { out: a.out } : {}),
          format: a.format,
          quiet: a.quiet,
          deterministic: a.deterministic,
          ...(a.dumpSchedules !== undefined ? { dumpSchedules: a.dumpSchedules } : {}),
          ...(replayDraw !== undefined ? { replayDraw } : {}),
          lang: a.lang,
        };
      },
    )
    .command(
      'validate <files..>',
      'Check scenario files (every stage up to compiling the model) without running them',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a field in every file: --set path=value' }),
      (a) => {
        command = { kind: 'validate', files: a.files.map(String), sets: a.set.map(String) };
      },
    )
    .command(
      'backtest',
      "Project from the scenario's baseline (the origin) and score its history: observations after it (median error, 80%/95% interval coverage)",
      (y) =>
        y
          .option('scenario', { type: 'string', describe: 'Scenario file (YAML) with history: observations, required' })
          .option('origin', { type: 'string', describe: "Origin year; must equal the scenario's baseline year (a check)" })
          .option('draws', { type: 'string', describe: "Number of draws (default: the scenario's draws)" })
          .option('seed', { type: 'string', describe: "Random seed, a whole number 0 … 2^53 − 1 (default: the scenario's seed)" })
          .option('workers', { type: 'string', describe: 'Worker threads; never changes the results' })
          .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'table' as const, describe: 'Output format' })
          .option('out', { type: 'string', describe: 'Write the report to this file instead of printing it' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a field: --set path=value, repeatable' })
          .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no list of files written' }),
      (a) => {
        if (a.scenario === undefined || a.scenario === '') throw new UsageError('give the scenario file with --scenario FILE');
        once(a, ['format', 'quiet'], ['scenario', 'out']);
        const origin = wholeNumber('origin', a.origin, 1900, 9999);
        const draws = wholeNumber('draws', a.draws, 1, MAX_DRAWS);
        const seed = wholeNumber('seed', a.seed, 0);
        const workers = wholeNumber('workers', a.workers, 1);
        command = {
          kind: 'backtest',
          scenario: a.scenario,
          sets: a.set.map(String),
          ...(origin !== undefined ? { origin } : {}),
          ...(draws !== undefined ? { draws } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(workers !== undefined ? { workers } : {}),
          format: a.format,
          ...(a.out !== undefined ? { out: a.out } : {}),
          quiet: a.quiet,
        };
      },
    )
    .command('schema', 'Print the scenario language as JSON Schema (for editors)', (y) => y, () => {
      command = { kind: 'schema' };
    })
    .example('$0 --scenario scenarios/heze.yml', 'How likely is each target of the Heze plan?')
    .example('$0 --scenario scenarios/heze.yml --deterministic', 'One projection at the median inputs, year by year')
    .example('$0 --scenario scenarios/heze.yml --set assumptions.ruralToUrban.value=0.025', 'Change one assumption')
    .example('$0 --scenario scenarios/heze.yml --format json --out out/', 'Write the result as JSON into out/')
    .example('$0 --scenario scenarios/heze.yml --replay-draw 4711', 'Re-run one draw and print its inputs and path')
    .example('$0 validate scenarios/*.yml', 'Check scenario files; exit code 2 if any is wrong')
    .example('$0 backtest --scenario bench/backtests/national-2010-cohort.yml --origin 2010', 'Score a projection from 2010 against what happened after')
    .example('$0 schema > scenario.schema.json', 'JSON Schema for editors')
    .epilogue('Exit codes: 0 done, 1 internal error, 2 bad input (file:line:column: field: what was found, what was expected), 3 output not written (disk full, read-only, no permission: DIR is as it was), 130 or 143 stopped by SIGINT or SIGTERM (nothing written).')
    .version(engineVersion())
    .help()
    .alias('help', 'h')
    .fail((msg, err) => {
      throw err instanceof UsageError ? err : new UsageError(msg ?? err?.message ?? 'invalid arguments');
    });
  const output = await new Promise<string>((resolveOutput, reject) => {
    parser.parse(argv, {}, (err: Error | undefined, _args: unknown, out: string) => (err ? reject(err) : resolveOutput(out)));
  }).catch((e: unknown) => {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  });
  if (command !== undefined) return command;
  return { kind: 'output', text: output.endsWith('\n') ? output : `${output}\n` };
}
