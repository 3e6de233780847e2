/**
 * `simulate --scenario FILE`: load, then the Monte Carlo run and its report, or with
 * `--deterministic` / `--dump-schedules` the median projection. The engine and the report are
 * imported only now, so that `validate`, `schema` and `--help` stay fast.
 *
 * @module
 */
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import type { RunCommand } from './args.js';
import { UsageError } from './args.js';
import { importEngine } from './engine.js';
import type { CliIO } from './io.js';
import { printOutput } from './output.js';
import { reportError } from './report-error.js';

async function required<K extends Parameters<typeof importEngine>[0]>(name: K) {
  const f = await importEngine(name);
  if (f === undefined) throw new Error(`this build has no ${name} (its module is missing)`);
  return f;
}

async function runLoaded(loaded: LoadedScenario, cmd: RunCommand, io: CliIO): Promise<void> {
  if (cmd.deterministic || cmd.dumpSchedules !== undefined) {
    if (cmd.format === 'html') throw new UsageError('--format html is not available with --deterministic; use table, json or csv');
    const runDeterministic = await required('runDeterministic');
    const out = await runDeterministic(loaded, {
      format: cmd.format,
      ...(cmd.out !== undefined ? { out: cmd.out } : {}),
      ...(cmd.dumpSchedules !== undefined ? { dumpSchedules: cmd.dumpSchedules } : {}),
    });
    const files = new Set([...(out.files ?? []), ...(cmd.dumpSchedules !== undefined ? [cmd.dumpSchedules] : [])]);
    printOutput({ ...out, files: [...files] }, io, cmd.quiet);
    return;
  }
  const [runScenario, render] = [await required('runScenario'), await required('render')];
  (await required('checkRenderOptions'))({ format: cmd.format, lang: cmd.lang });
  const result = await runScenario(loaded, {
    ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
    ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
    ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
    ...(cmd.batchSize !== undefined ? { batchSize: cmd.batchSize } : {}),
    progress: !cmd.quiet,
  });
  const files = await render(result, { format: cmd.format, ...(cmd.out !== undefined ? { out: cmd.out } : {}), lang: cmd.lang, stdout: io.stdout });
  printOutput({ files }, io, cmd.quiet);
}

/**
 * Runs the default command; returns the exit code.
 *
 * @example
 * await runCommand({ kind: 'run', scenario: 'scenarios/heze.yml', sets: [], format: 'table', quiet: true,
 *   deterministic: true, lang: 'en' }, processIO);
 */
export async function runCommand(cmd: RunCommand, io: CliIO): Promise<number> {
  let loaded: LoadedScenario | undefined;
  try {
    loaded = await loadScenario(cmd.scenario, { sets: cmd.sets });
    await runLoaded(loaded, cmd, io);
    return 0;
  } catch (e) {
    return reportError(e, io.stderr, loaded?.locate);
  }
}
