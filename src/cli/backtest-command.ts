/**
 * `simulate backtest --scenario FILE [--origin YEAR]`: projects from the scenario's baseline (the
 * origin) to its horizon and scores every `history:` observation after the origin against the
 * run's median and its 80 % and 95 % intervals.
 *
 * Semantics (src/backtest/run-backtest.ts): the origin is the scenario's `baseline.year`, one
 * scenario per origin; `--origin`, if given, must equal it (a guard against running the wrong
 * file). Observations with origin < year ≤ horizon are scored, whatever their `vintage`; a
 * scenario with `calibration:` is refused (look-ahead).
 *
 * @module
 */
import type { BacktestResult } from '../backtest/backtest.js';
import { backtestCsv, backtestTable } from '../backtest/render.js';
import { runPrefectureSuite, suiteTable } from '../backtest/prefecture-suite.js';
import { runBacktest } from '../backtest/run-backtest.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { holdSignals } from '../io/hold-signals.js';
import { writeOutputFile } from '../io/output-file.js';
import type { BacktestCommand } from './args.js';
import { interruptible, Interrupted } from './interrupt.js';
import type { CliIO } from './io.js';
import { printOutput } from './output.js';
import { reportError } from './report-error.js';

function formatBacktest(bt: BacktestResult, format: BacktestCommand['format']): string {
  if (format === 'json') return `${JSON.stringify(bt, null, 2)}\n`;
  if (format === 'csv') return backtestCsv(bt);
  return backtestTable(bt);
}

/** Prints the report, or writes it to --out (signals held while writing) and says so. */
async function emit(text: string, cmd: BacktestCommand, io: CliIO): Promise<void> {
  if (cmd.out === undefined) printOutput({ text }, io, cmd.quiet);
  else {
    const out = cmd.out;
    printOutput({ files: [await holdSignals(() => writeOutputFile(out, text))] }, io, cmd.quiet);
  }
}

/**
 * Runs the backtest; returns the exit code (0, 1 internal error, 2 bad input, 3 the report could not be written, 130/143 stopped).
 *
 * @example
 * await backtestCommand({ kind: 'backtest', scenario: 'bench/backtests/national-2000-urgd.yml', sets: [],
 *   format: 'table', quiet: true }, processIO);
 */
export async function backtestCommand(cmd: BacktestCommand, io: CliIO): Promise<number> {
  if (cmd.suite === 'prefectures') return suiteCommand(cmd, io);
  let loaded: LoadedScenario | undefined;
  try {
    loaded = await loadScenario(cmd.scenario, { sets: cmd.sets });
    const l = loaded;
    const bt = await interruptible((signal) =>
      runBacktest(l, {
        ...(cmd.origin !== undefined ? { origin: cmd.origin } : {}),
        ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
        ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
        ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
        progress: !cmd.quiet,
        signal,
      }),
    );
    const text = formatBacktest(bt, cmd.format);
    await emit(text, cmd, io);
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    return reportError(e, io.stderr, loaded?.locate);
  }
}

/** `--suite prefectures`: the table (Markdown), JSON (rows and summary) or CSV (rows). */
async function suiteCommand(cmd: BacktestCommand, io: CliIO): Promise<number> {
  try {
    const r = await runPrefectureSuite({
      ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
      ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
      ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
      ...(cmd.codes !== undefined ? { codes: cmd.codes } : {}),
      ...(cmd.quiet ? {} : { progress: (i: number, n: number, u: { code: string; name: string }) => io.stderr.write(`\r${i}/${n} ${u.code} ${u.name}   `) }),
    });
    if (!cmd.quiet) io.stderr.write('\n');
    if (r.units === 0) {
      io.stderr.write(`--codes: none of ${cmd.codes?.join(', ')} is a catalogue unit with urban figures (seeds/data/census_prefectures.csv)\n`);
      return 2;
    }
    const text =
      cmd.format === 'json'
        ? `${JSON.stringify({ schema: 'urbcast.backtest-suite/1', suite: 'prefectures', units: r.units, summary: r.summary, rows: r.rows }, null, 2)}\n`
        : cmd.format === 'csv'
          ? ['code,province,method,metric,error,in80,in95', ...r.rows.map((x) => [x.code, x.province, x.method, x.metric, x.error, x.in80 ?? '', x.in95 ?? ''].join(','))].join('\n') + '\n'
          : `Prefecture backtest: ${r.units} units, 2010 census → 2020 census (errors: share in points, population in %)\n\n${suiteTable(r.summary)}`;
    await emit(text, cmd, io);
    return 0;
  } catch (e) {
    return reportError(e, io.stderr);
  }
}
