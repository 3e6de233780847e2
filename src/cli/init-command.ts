/**
 * `simulate init --region NAME [--baseline 2020] [--model cohort] [--out FILE] [--target …]
 * [--plan PLAN.txt] [--horizon 2035] [--draws N]`: a complete, calibrated scenario for a census
 * unit, validated before it is written.
 *
 * @module
 */
import { join } from 'node:path';
import { findRegion, loadCatalogue } from '../census/index.js';
import { initRegionOf } from '../init/census-region.js';
import { buildInit, cityStem, writeInit } from '../init/init.js';
import { parseTargetArg } from '../init/target-arg.js';
import { dataDir, seedsDir } from '../scenario/paths.js';
import type { InitCommand } from './args.js';
import { importEngine } from './engine.js';
import type { CliIO } from './io.js';

/**
 * Runs `simulate init`; returns the exit code.
 *
 * @example
 * await initCommand({ kind: 'init', region: '临沂市', baseline: 2020, model: 'cohort', targets: [], horizon: 2035, draws: 10000, argv }, processIO);
 */
export async function initCommand(cmd: InitCommand, io: CliIO): Promise<number> {
  const unit = findRegion(loadCatalogue(), cmd.region);
  const region = initRegionOf(unit);
  const out = cmd.out ?? join('scenarios', `${cityStem(region)}.yml`);
  const files = await buildInit(region, {
    out,
    baselineYear: cmd.baseline,
    horizon: cmd.horizon,
    model: cmd.model,
    draws: cmd.draws,
    targets: cmd.targets.map(parseTargetArg),
    ...(cmd.plan !== undefined ? { plan: cmd.plan } : {}),
    seedsDir,
    dataDir,
    commandLine: ['simulate', ...cmd.argv].map((a) => (/[\s"'<>|&;]/.test(a) ? JSON.stringify(a) : a)).join(' '),
  });
  const compile = await importEngine('compileForValidation');
  await writeInit(files, compile !== undefined ? { compile } : {});
  const wrote = [files.scenario.path, files.pyramid.path, ...(files.seeds !== undefined ? [files.seeds.path] : [])];
  io.stderr.write(`${region.name} (${region.pinyin}, ${region.province}, ${region.code}): wrote ${wrote.join(', ')}\n`);
  if (files.extraction !== undefined) {
    const n = files.scenario.text.match(/^ {2}- seed: /gm)?.length ?? 0;
    io.stderr.write(`${files.extraction.entries.length} figures read from ${files.extraction.document}; ${n} are targets, ${files.left.length} are not (listed at the end of the scenario)\n`);
  }
  io.stderr.write(`run it: npx simulate --scenario ${out}\n`);
  return 0;
}
