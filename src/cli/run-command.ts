/**
 * `simulate --scenario FILE`: load, then the Monte Carlo run and its report, or with
 * `--deterministic` / `--dump-schedules` the median projection. The engine and the report are
 * imported only now, so that `validate`, `schema` and `--help` stay fast.
 *
 * @module
 */
import { holdSignals } from '../io/hold-signals.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import type { RunCommand } from './args.js';
import { UsageError } from './args.js';
import { importEngine } from './engine.js';
import { interruptible, Interrupted } from './interrupt.js';
import type { CliIO } from './io.js';
import type { WorkerPool } from '../engine/worker-pool.js';
import { printOutput } from './output.js';
import { formatReplay, replayFailure } from './replay-output.js';
import { reportError } from './report-error.js';
import { formatTimings } from './timings.js';
import type { RunPhase } from '../engine/run.js';

async function required<K extends Parameters<typeof importEngine>[0]>(name: K) {
  const f = await importEngine(name);
  if (f === undefined) throw new Error(`this build has no ${name} (its module is missing)`);
  return f;
}

/** `--replay-draw i`: prints the draw; returns 2 when the draw cannot be projected (after printing what it can). */
async function replay(loaded: LoadedScenario, cmd: RunCommand & { replayDraw: number }, io: CliIO): Promise<number> {
  if (cmd.deterministic || cmd.dumpSchedules !== undefined) throw new UsageError('--replay-draw re-runs one Monte Carlo draw; drop --deterministic and --dump-schedules');
  if (cmd.format !== 'table' && cmd.format !== 'json') throw new UsageError(`--replay-draw prints a table or json, not ${cmd.format}`);
  if (cmd.out !== undefined) throw new UsageError('--replay-draw prints on stdout; drop --out');
  const replayDraw = await required('replayDraw');
  const r = await replayDraw(loaded, cmd.replayDraw, { ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}), ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}) });
  io.stdout.write(formatReplay(r, cmd.format));
  if (r.failure === null) return 0;
  io.stderr.write(`${replayFailure(r)}\n`);
  return 2;
}

/** Whether `cmd` runs Monte Carlo draws (not a replay, the median projection or a schedule dump). */
function runsDraws(cmd: RunCommand): boolean {
  return cmd.replayDraw === undefined && !cmd.deterministic && cmd.dumpSchedules === undefined;
}

async function runLoaded(loaded: LoadedScenario, cmd: RunCommand, io: CliIO, pool?: WorkerPool): Promise<number> {
  if (cmd.timings && !runsDraws(cmd)) {
    throw new UsageError('--timings times a Monte Carlo run; drop it with --deterministic, --dump-schedules and --replay-draw');
  }
  if (cmd.replayDraw !== undefined) return replay(loaded, { ...cmd, replayDraw: cmd.replayDraw }, io);
  if (cmd.deterministic || cmd.dumpSchedules !== undefined) {
    if (cmd.format === 'html') {
      if (cmd.dumpSchedules !== undefined) throw new UsageError('--dump-schedules writes JSON beside a table, json or csv projection; drop it or use --format json');
      (await required('checkRenderOptions'))({ format: cmd.format, lang: cmd.lang });
      const deterministicHtml = await required('deterministicHtml');
      const files = await holdSignals(() => deterministicHtml(loaded, { ...(cmd.out !== undefined ? { out: cmd.out } : {}), lang: cmd.lang, sets: cmd.sets, stdout: io.stdout }));
      printOutput({ files }, io, cmd.quiet);
      return 0;
    }
    const runDeterministic = await required('runDeterministic');
    const options = {
      format: cmd.format,
      ...(cmd.out !== undefined ? { out: cmd.out } : {}),
      ...(cmd.dumpSchedules !== undefined ? { dumpSchedules: cmd.dumpSchedules } : {}),
    };
    // Ctrl-C while the files are written waits for them (src/io/hold-signals.ts)
    const out = await holdSignals(() => runDeterministic(loaded, options));
    const files = new Set([...(out.files ?? []), ...(cmd.dumpSchedules !== undefined ? [cmd.dumpSchedules] : [])]);
    printOutput({ ...out, files: [...files] }, io, cmd.quiet);
    return 0;
  }
  const [runScenario, render] = [await required('runScenario'), await required('render')];
  (await required('checkRenderOptions'))({ format: cmd.format, lang: cmd.lang });
  const startup = performance.now() / 1000;
  const phases: RunPhase[] = [];
  const result = await interruptible((signal) =>
    runScenario(loaded, {
      ...(cmd.draws !== undefined ? { draws: cmd.draws } : {}),
      ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
      ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}),
      ...(cmd.batchSize !== undefined ? { batchSize: cmd.batchSize } : {}),
      progress: !cmd.quiet,
      signal,
      sets: cmd.sets,
      ...(pool !== undefined ? { pool } : {}),
      ...(cmd.timings ? { onPhase: (p: RunPhase) => phases.push(p) } : {}),
    }),
  );
  const rendering = performance.now() / 1000;
  // Ctrl-C while the files are written waits for them (src/io/hold-signals.ts)
  const files = await holdSignals(() => render(result, { format: cmd.format, ...(cmd.out !== undefined ? { out: cmd.out } : {}), lang: cmd.lang, stdout: io.stdout }));
  printOutput({ files }, io, cmd.quiet);
  if (cmd.timings) {
    const end = performance.now() / 1000;
    io.stderr.write(`${formatTimings({ startup, phases, report: end - rendering, total: end })}\n`);
  }
  return 0;
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
  let pool: WorkerPool | undefined;
  try {
    // the worker threads boot while the scenario loads and compiles (src/engine/worker-pool.ts)
    if (runsDraws(cmd)) pool = (await importEngine('startPoolFor'))?.({ draws: cmd.draws, workers: cmd.workers, batchSize: cmd.batchSize });
    const early = pool;
    loaded = await loadScenario(cmd.scenario, { sets: cmd.sets, ...(early !== undefined ? { onModel: (m: string) => early.preload([m]) } : {}) });
    return await runLoaded(loaded, cmd, io, pool);
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message}${cmd.out !== undefined ? ` (${cmd.out} is as it was)` : ''}\n`);
      return e.exitCode;
    }
    const code = reportError(e, io.stderr, loaded?.locate);
    const draw = failedDraw(e);
    if (draw !== undefined) io.stderr.write(`re-run that draw alone: ${replayHint(cmd, draw)}\n`);
    return code;
  } finally {
    // the run closed it if it started; not, after an error before (e.g. a bad scenario)
    await pool?.close();
  }
}

/** The command line that replays draw `draw` of the run `cmd`. */
function replayHint(cmd: RunCommand, draw: number): string {
  const sets = cmd.sets.map((x) => ` --set '${x.replaceAll("'", "'\\''")}'`).join('');
  const draws = cmd.draws !== undefined ? ` --draws ${cmd.draws}` : '';
  const seed = cmd.seed !== undefined ? ` --seed ${cmd.seed}` : '';
  return `simulate --scenario ${cmd.scenario}${sets}${draws}${seed} --replay-draw ${draw}`;
}

/** The index of the draw a run failed on (a `DrawFailure` or a `NonFiniteOutput`), if any. */
function failedDraw(e: unknown): number | undefined {
  if (!(e instanceof Error) || (e.name !== 'DrawFailure' && e.name !== 'NonFiniteOutput')) return undefined;
  const draw = (e as Error & { info?: { draw?: unknown } }).info?.draw;
  return typeof draw === 'number' && draw >= 0 ? draw : undefined;
}
