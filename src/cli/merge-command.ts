/**
 * `simulate merge DIR… [--scenario FILE] [--out FINAL] [--format …]`: checks the shards make up
 * one whole run of an unchanged scenario, and reports its result (`src/engine/merge.ts`): the
 * same bits as one unsharded run.
 *
 * @module
 */
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import type { MergeCommand } from './args.js';
import { importEngine } from './engine.js';
import { interruptible, Interrupted } from './interrupt.js';
import type { CliIO } from './io.js';
import { printOutput } from './output.js';
import { reportError } from './report-error.js';
import { UserError } from '../util/user-error.js';

/** A scenario that is not the one the shards ran (exit code 2). */
class ScenarioChanged extends UserError {}

/**
 * Merges and renders; returns the files written (none when printing).
 *
 * @example
 * await mergeDirs({ dirs: ['s/1', 's/2'], format: 'json', out: 'final', quiet: true, lang: 'en' }, io);
 */
export async function mergeDirs(cmd: Omit<MergeCommand, 'kind'>, io: CliIO, onLoaded: (l: LoadedScenario) => void = () => {}): Promise<string[]> {
  const [{ readPartial }, { mergeShards }, { sha256 }] = await Promise.all([import('../engine/partial-state.js'), import('../engine/merge.js'), import('../engine/run.js')]);
  const shards = cmd.dirs.map(readPartial);
  const { scenario } = shards[0].header;
  const file = cmd.scenario ?? scenario.file;
  const now = sha256(file);
  if (now !== scenario.sha256) {
    const moved = cmd.scenario === undefined ? '' : ` (the shards ran ${scenario.file})`;
    throw new ScenarioChanged(
      now === null
        ? `scenario ${file} cannot be read${cmd.scenario === undefined ? ': give its new place with --scenario FILE' : ''}`
        : `scenario ${file} has SHA-256 ${now}, but shard ${shards[0].dir} ran one with ${scenario.sha256}${moved}: the scenario changed since; run the shards again`,
    );
  }
  const loaded = await loadScenario(file, { sets: scenario.sets });
  onLoaded(loaded);
  const render = await importEngine('render');
  if (render === undefined) throw new Error('this build has no render (its module is missing)');
  (await importEngine('checkRenderOptions'))?.({ format: cmd.format, lang: cmd.lang });
  const result = await interruptible((signal) => mergeShards(loaded, shards, { ...(cmd.workers !== undefined ? { workers: cmd.workers } : {}), progress: !cmd.quiet, signal }));
  return render(result, { format: cmd.format, ...(cmd.out !== undefined ? { out: cmd.out } : {}), lang: cmd.lang, stdout: io.stdout });
}

/**
 * Runs the command; returns the exit code (2: missing, duplicate, mismatched or damaged shards,
 * or a changed scenario, naming them).
 *
 * @example
 * await mergeCommand({ kind: 'merge', dirs: ['s/1', 's/2'], format: 'csv', out: 'final', quiet: false, lang: 'en' }, processIO);
 */
export async function mergeCommand(cmd: MergeCommand, io: CliIO): Promise<number> {
  let locate: LoadedScenario['locate'] | undefined;
  try {
    const files = await mergeDirs(cmd, io, (l) => (locate = l.locate));
    printOutput({ files }, io, cmd.quiet);
    return 0;
  } catch (e) {
    if (e instanceof Interrupted) {
      io.stderr.write(`${e.message}${cmd.out !== undefined ? ` (${cmd.out} is as it was)` : ''}\n`);
      return e.exitCode;
    }
    return reportError(e, io.stderr, locate);
  }
}
