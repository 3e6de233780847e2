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

/**
 * Runs the backtest; returns the exit code (0, 1 internal error, 2 bad input, 3 the report could not be written, 130/143 stopped).
 *
 * @example
 * await backtestCommand({ kind: 'backtest', scenario: 'bench/backtests/national-2000-urgd.yml', sets: [],
 *   format: 'table', quiet: true }, processIO);
 */
export async function backtestCommand(cmd: BacktestCommand, io: CliIO): Promise<number> {
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
    if (cmd.out === undefined) printOutput({ text }, io, cmd.quiet);
    else {
      const out = cmd.out;
      printOutput({ files: [await holdSignals(() => writeOutputFile(out, text))] }, io, cmd.quiet);
    }
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    return reportError(e, io.stderr, loaded?.locate);
  }
}
