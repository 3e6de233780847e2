/**
 * The command line, parsed with yargs into a typed {@link Command}. Parsing only: nothing runs
 * here, and nothing is printed (help and version come back as text), so the CLI can be called
 * in-process by tests.
 *
 * @module
 */
import yargs from '../vendor/yargs.js';
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
  /** `--shard K/N`: run only shard K's block of draws and write its partial state into `out` (`shard-command.ts`). */
  shard?: { k: number; n: number };
  /** `--timings`: where the run's wall time went, on stderr after the report (`timings.ts`). */
  timings: boolean;
}

/** `simulate merge DIR…`: one run's result from its shards (`merge-command.ts`). */
export interface MergeCommand {
  kind: 'merge';
  dirs: string[];
  /** The scenario file, if not where the shards were run from (its SHA-256 must match). */
  scenario?: string;
  workers?: number;
  out?: string;
  format: OutputFormat;
  quiet: boolean;
  lang: Lang;
}

/** `simulate sweep FILE… --shards N --out DIR`: one task of a job array, the task list, or the merges (`sweep-command.ts`). */
export interface SweepCommand {
  kind: 'sweep';
  scenarios: string[];
  shards: number;
  out: string;
  /** Task index (default: $SLURM_ARRAY_TASK_ID, else $JOB_COMPLETION_INDEX). */
  index?: number;
  action: 'run' | 'list' | 'merge';
  draws?: number;
  seed?: number;
  workers?: number;
  format: OutputFormat;
  quiet: boolean;
}

/** `simulate backtest --scenario FILE …`: project from the origin and score the later observations. */
export interface BacktestCommand {
  kind: 'backtest';
  /** The scenario file ('' with `suite`). */
  scenario: string;
  /** A suite instead of one scenario: `prefectures` (src/backtest/prefecture-suite.ts). */
  suite?: 'prefectures';
  /** With `suite`: only these catalogue codes. */
  codes?: string[];
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

/** `simulate extract PLAN --region NAME`: a plan's figures as a seed file. */
export interface ExtractCommand {
  kind: 'extract';
  plan: string;
  region: string;
  /** Seed file to write (atomically); stdout when absent. */
  out?: string;
  /** The seed file's stem (ids `<city>.P001`); default: the --out file's stem, else the region's pinyin. */
  city?: string;
}

/** `simulate init --region NAME …`: a calibrated scenario for a census unit. */
export interface InitCommand {
  kind: 'init';
  region: string;
  baseline: number;
  model: string;
  /** Scenario file (default scenarios/<pinyin>.yml); for a province, a folder (default scenarios/<pinyin>-prefectures). */
  out?: string;
  /** A province: write it without the units init cannot initialise (else refuse). */
  partial: boolean;
  /** `--target YEAR:METRIC<cmp>VALUE`, as typed. */
  targets: string[];
  plan?: string;
  horizon: number;
  draws: number;
  /** The arguments as given, for the scenario's header. */
  argv: string[];
}

/** `simulate extract-eval`: the extractor against the hand-made seed files. */
export interface ExtractEvalCommand {
  kind: 'extract-eval';
  /** Folder of the seed files (default: the project's seeds/). */
  seeds?: string;
  /** Folder of the documents they cite (default: ../shared/seeds beside the project). */
  documents?: string;
}

/** What to do. `output` is help or version text, printed as is. */
export type Command =
  | RunCommand
  | BacktestCommand
  | MergeCommand
  | SweepCommand
  | ExtractCommand
  | InitCommand
  | ExtractEvalCommand
  | { kind: 'validate'; files: string[]; sets: string[] }
  | { kind: 'schema' }
  | { kind: 'output'; text: string };

const FORMATS: OutputFormat[] = ['table', 'json', 'csv', 'html'];
const LANGS: Lang[] = ['en', 'zh'];


/** `K/N` with 1 ≤ K ≤ N. */
function shardOf(v: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const [k, n] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2])];
  if (!(k >= 1 && k <= n)) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (shard K of N, counted from 1), got ${v}`);
  return { k, n };
}

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
          .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of the report' })
          .option('shard', { type: 'string', describe: 'Run only shard K of N (a contiguous block of the draws) and write its partial state into --out DIR, for simulate merge' })
          .option('timings', { type: 'boolean', default: false, describe: 'After the report, print on stderr where the wall time went (start-up, draws, what would it take, …)' }),
      (a) => {
        if (a.scenario === undefined || a.scenario === '') throw new UsageError('give the scenario file with --scenario FILE (or a command: validate, schema)');
        once(a, ['format', 'quiet', 'deterministic', 'lang', 'timings'], ['scenario', 'out', 'dump-schedules', 'shard']);
        const shard = a.shard === undefined ? undefined : shardOf(a.shard);
        if (shard !== undefined && a.timings) throw new UsageError('--timings times a whole run; drop it with --shard (simulate merge gives the result)');
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
          ...(shard !== undefined ? { shard } : {}),
          timings: a.timings,
        };
      },
    )
    .command(
      'merge <dirs..>',
      "Merge shards' partial states (simulate --shard K/N) into the run's result: the same bits as one unsharded run",
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Shard folders, every shard 1 … N once, any order' })
          .option('scenario', { type: 'string', describe: 'The scenario file, if it moved since the shards ran (its SHA-256 must match theirs)' })
          .option('workers', { type: 'string', describe: "Worker threads for the lever search (it runs at merge time); never changes the results" })
          .option('out', { type: 'string', describe: 'Write files into this folder instead of printing' })
          .option('format', { choices: FORMATS, default: 'table' as OutputFormat, describe: 'Output format' })
          .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no list of files written' })
          .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of the report' }),
      (a) => {
        once(a, ['format', 'quiet', 'lang'], ['scenario', 'out']);
        const workers = wholeNumber('workers', a.workers, 1);
        command = {
          kind: 'merge',
          dirs: a.dirs.map(String),
          ...(a.scenario !== undefined ? { scenario: a.scenario } : {}),
          ...(workers !== undefined ? { workers } : {}),
          ...(a.out !== undefined ? { out: a.out } : {}),
          format: a.format,
          quiet: a.quiet,
          lang: a.lang,
        };
      },
    )
    .command(
      'sweep <scenarios..>',
      'Scenarios × shards as a job array: run task i (--index, $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX), --list the tasks, or --merge every scenario',
      (y) =>
        y
          .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
          .option('shards', { type: 'string', demandOption: true, describe: 'Shards per scenario' })
          .option('out', { type: 'string', demandOption: true, describe: 'Folder of the sweep: OUT/<scenario>/shard-K-of-N, merged into OUT/<scenario>/result' })
          .option('index', { type: 'string', describe: 'Task to run, 0 … scenarios × shards − 1 (default: $SLURM_ARRAY_TASK_ID, else $JOB_COMPLETION_INDEX)' })
          .option('list', { type: 'boolean', default: false, describe: 'Print the tasks and their number instead of running one' })
          .option('merge', { type: 'boolean', default: false, describe: "Merge every scenario's shards (after the array)" })
          .option('draws', { type: 'string', describe: "Number of draws (default: each scenario's draws)" })
          .option('seed', { type: 'string', describe: "Random seed, a whole number 0 … 2^53 − 1 (default: each scenario's seed)" })
          .option('workers', { type: 'string', describe: 'Worker threads per task; never changes the results' })
          .option('format', { choices: FORMATS, default: 'json' as OutputFormat, describe: 'Output format of the merged results' })
          .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no list of files written' }),
      (a) => {
        once(a, ['format', 'quiet', 'list', 'merge'], ['out']);
        const shards = wholeNumber('shards', a.shards, 1, MAX_DRAWS)!;
        const index = wholeNumber('index', a.index, 0);
        const draws = wholeNumber('draws', a.draws, 1, MAX_DRAWS);
        const seed = wholeNumber('seed', a.seed, 0);
        const workers = wholeNumber('workers', a.workers, 1);
        if (a.list && a.merge) throw new UsageError('give --list or --merge, not both');
        command = {
          kind: 'sweep',
          scenarios: a.scenarios.map(String),
          shards,
          out: a.out,
          ...(index !== undefined ? { index } : {}),
          action: a.list ? 'list' : a.merge ? 'merge' : 'run',
          ...(draws !== undefined ? { draws } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(workers !== undefined ? { workers } : {}),
          format: a.format,
          quiet: a.quiet,
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
          .option('scenario', { type: 'string', describe: 'Scenario file (YAML) with history: observations, required unless --suite' })
          .option('suite', { choices: ['prefectures'] as const, describe: 'Run a suite instead: prefectures = every catalogue prefecture from its 2010 census to 2020, each model and two baselines' })
          .option('codes', { type: 'string', describe: 'With --suite: only these catalogue codes, comma-separated' })
          .option('origin', { type: 'string', describe: "Origin year; must equal the scenario's baseline year (a check)" })
          .option('draws', { type: 'string', describe: "Number of draws (default: the scenario's draws)" })
          .option('seed', { type: 'string', describe: "Random seed, a whole number 0 … 2^53 − 1 (default: the scenario's seed)" })
          .option('workers', { type: 'string', describe: 'Worker threads; never changes the results' })
          .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'table' as const, describe: 'Output format' })
          .option('out', { type: 'string', describe: 'Write the report to this file instead of printing it' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a field: --set path=value, repeatable' })
          .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no list of files written' }),
      (a) => {
        if (a.suite === undefined && (a.scenario === undefined || a.scenario === '')) throw new UsageError('give the scenario file with --scenario FILE (or a suite with --suite prefectures)');
        if (a.suite !== undefined && a.scenario !== undefined) throw new UsageError('give either --scenario or --suite, not both');
        if (a.codes !== undefined && a.suite === undefined) throw new UsageError('--codes goes with --suite');
        once(a, ['format', 'quiet', 'suite', 'codes'], [...(a.suite === undefined ? ['scenario'] : []), 'out']);
        const origin = wholeNumber('origin', a.origin, 1900, 9999);
        const draws = wholeNumber('draws', a.draws, 1, MAX_DRAWS);
        const seed = wholeNumber('seed', a.seed, 0);
        const workers = wholeNumber('workers', a.workers, 1);
        command = {
          kind: 'backtest',
          scenario: a.scenario ?? '',
          ...(a.suite !== undefined ? { suite: a.suite } : {}),
          ...(a.codes !== undefined ? { codes: a.codes.split(',').map((c) => c.trim()).filter((c) => c !== '') } : {}),
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
    .command(
      'init',
      'Write a complete scenario for a prefecture from its census: baseline, pyramid, calibrated assumptions, targets',
      (y) =>
        y
          .option('region', { type: 'string', describe: 'Prefecture (临沂市, 临沂, Linyi, 山东临沂, 371300) or province (河南省, Henan, 41) (required)' })
          .option('baseline', { type: 'number', default: 2020, describe: 'Baseline year (the 2020 census)' })
          .option('model', { type: 'string', default: 'cohort', describe: 'Model (init calibrates the cohort model)' })
          .option('out', { type: 'string', describe: 'Scenario file to write (default: scenarios/<pinyin>.yml); the pyramid goes to data/ beside it. For a province, a folder (default: scenarios/<pinyin>-prefectures)' })
          .option('partial', { type: 'boolean', default: false, describe: 'A province: leave out the units init cannot initialise (named in the scenario) instead of refusing' })
          .option('target', { type: 'string', array: true, default: [] as string[], describe: 'A target YEAR:METRIC<cmp>VALUE, e.g. 2025:urbanShare>=0.60, repeatable' })
          .option('plan', { type: 'string', describe: "A plan text: its figures become the scenario's targets (its seed file goes to seeds/<pinyin>.yml)" })
          .option('horizon', { type: 'number', default: 2035, describe: 'Last projected year' })
          .option('draws', { type: 'number', default: 10000, describe: 'Number of draws written into the scenario' }),
      (a) => {
        if (a.region === undefined || a.region.trim() === '') throw new UsageError('give the prefecture with --region NAME (e.g. --region 临沂市, Linyi or 371300)');
        wholeNumber('baseline', a.baseline, 1900);
        wholeNumber('horizon', a.horizon, 1900);
        wholeNumber('draws', a.draws, 1);
        command = {
          kind: 'init',
          region: a.region,
          baseline: a.baseline,
          model: a.model,
          ...(a.out !== undefined ? { out: a.out } : {}),
          partial: a.partial,
          targets: a.target.map(String),
          ...(a.plan !== undefined ? { plan: a.plan } : {}),
          horizon: a.horizon,
          draws: a.draws,
          argv: [...argv],
        };
      },
    )
    .command(
      'extract <plan>',
      "Read a plan's population and urbanisation figures (text and indicator tables) into a seed file with provenance",
      (y) =>
        y
          .positional('plan', { type: 'string', demandOption: true, describe: 'Plan text (UTF-8 or GBK)' })
          .option('region', { type: 'string', describe: 'The prefecture the plan is about, e.g. 临沂市 or Linyi (required; another region, e.g. a county, with --city)' })
          .option('out', { type: 'string', describe: 'Write the seed file here (default: print it)' })
          .option('city', { type: 'string', describe: "Seed file stem, lower-case letters (default: --out's stem, else the region's pinyin)" }),
      (a) => {
        if (a.region === undefined || a.region.trim() === '') throw new UsageError('give the region the plan is about with --region NAME (e.g. --region 临沂市)');
        if (a.city !== undefined && !/^[a-z]+$/.test(a.city)) throw new UsageError(`--city must be lower-case letters (a seed file stem such as linyi), got ${a.city}`);
        command = { kind: 'extract', plan: String(a.plan), region: a.region.trim(), ...(a.out !== undefined ? { out: a.out } : {}), ...(a.city !== undefined ? { city: a.city } : {}) };
      },
    )
    .command(
      'extract-eval',
      'Score extract against the hand-made seed files: recall, precision, every miss and false find',
      (y) =>
        y
          .option('seeds', { type: 'string', describe: "Folder of the seed files (default: the project's seeds/)" })
          .option('documents', { type: 'string', describe: 'Folder of the documents they cite (default: ../shared/seeds beside the project)' }),
      (a) => {
        command = { kind: 'extract-eval', ...(a.seeds !== undefined ? { seeds: a.seeds } : {}), ...(a.documents !== undefined ? { documents: a.documents } : {}) };
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
    .example('$0 backtest --suite prefectures --draws 500', 'Every prefecture from its 2010 census to 2020: errors and interval coverage by model')
    .example('$0 init --region 临沂市 --target 2025:urbanShare>=0.60', 'A calibrated scenario for Linyi (scenarios/linyi.yml)')
    .example('$0 init --region 临沂市 --plan plan.txt', "The same, with the plan's own targets")
    .example('$0 init --region 河南省 --target 2030:urbanShare>=0.65', 'Henan as the sum of its 18 prefecture-level units (scenarios/henan-prefectures/)')
    .example('$0 extract plan.txt --region 临沂市 --out seeds/linyi.yml', "A plan's figures as a seed file")
    .example('$0 extract-eval', 'Recall and precision of extract on the seed documents')
    .example('$0 schema > scenario.schema.json', 'JSON Schema for editors')
    .example('$0 --scenario scenarios/heze.yml --shard 2/4 --out shards/2', 'Run the second quarter of the draws (on another machine)')
    .example('$0 merge shards/1 shards/2 shards/3 shards/4 --format csv --out final', "The shards' result: the same bytes as one run")
    .example('$0 sweep scenarios/*.yml --shards 4 --out sweep --list', 'The tasks of a job array (examples/slurm, examples/kubernetes)')
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
