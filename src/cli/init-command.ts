/**
 * `simulate init --region NAME [--baseline 2020] [--model cohort] [--out FILE|DIR] [--target …]
 * [--plan PLAN.txt] [--horizon 2035] [--draws N] [--partial]`: a complete, calibrated scenario for
 * a census unit, or for a province the sum of its prefecture-level units (src/init/province.ts),
 * validated before it is written.
 *
 * @module
 */
import { join } from 'node:path';
import { findPlace, loadCatalogue, loadProvinces, type CensusUnit, type Province } from '../census/index.js';
import { initRegionOf } from '../init/census-region.js';
import { buildInit, cityStem, InitError, writeInit } from '../init/init.js';
import { buildProvinceInit, provinceStem, writeProvinceInit } from '../init/province.js';
import { parseTargetArg } from '../init/target-arg.js';
import { dataDir, seedsDir } from '../scenario/paths.js';
import type { InitCommand } from './args.js';
import { importEngine } from './engine.js';
import type { CliIO } from './io.js';

const commandLine = (argv: string[]) => ['simulate', ...argv].map((a) => (/[\s"'<>|&;]/.test(a) ? JSON.stringify(a) : a)).join(' ');

/**
 * Runs `simulate init`; returns the exit code.
 *
 * @example
 * await initCommand({ kind: 'init', region: '临沂市', baseline: 2020, model: 'cohort', partial: false, targets: [], horizon: 2035, draws: 10000, argv }, processIO);
 */
export async function initCommand(cmd: InitCommand, io: CliIO): Promise<number> {
  const catalogue = loadCatalogue();
  const place = findPlace(catalogue, loadProvinces(catalogue), cmd.region);
  return place.kind === 'province' ? initProvince(cmd, place.province, io) : initUnit(cmd, place.unit, io);
}

async function initUnit(cmd: InitCommand, unit: CensusUnit, io: CliIO): Promise<number> {
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
    commandLine: commandLine(cmd.argv),
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

async function initProvince(cmd: InitCommand, p: Province, io: CliIO): Promise<number> {
  if (cmd.plan !== undefined) throw new InitError(`--plan: a plan's figures are a city's; init a province without --plan (its targets with --target), or the plan's city with --region`);
  const outDir = cmd.out ?? join('scenarios', `${provinceStem(p)}-prefectures`);
  const files = await buildProvinceInit(p, loadCatalogue(), {
    outDir,
    partial: cmd.partial,
    baselineYear: cmd.baseline,
    horizon: cmd.horizon,
    model: cmd.model,
    draws: cmd.draws,
    targets: cmd.targets.map(parseTargetArg),
    seedsDir,
    dataDir,
    commandLine: commandLine(cmd.argv),
  });
  const compile = await importEngine('compileForValidation');
  await writeProvinceInit(files, compile !== undefined ? { compile } : {});
  const c = files.coverage;
  io.stderr.write(
    `${p.name} (${p.pinyin}, ${p.code}): wrote ${files.scenario.path} and ${files.included.length} units (${files.parts.length} files under ${join(outDir, 'prefectures')}); ` +
      `they hold ${c.population} residents, ${(100 * c.share).toFixed(2)}% of the province's 2020 census (${p.census2020.population})\n`,
  );
  for (const r of files.refused) io.stderr.write(`left out: ${r.why}\n`);
  io.stderr.write(`run it: npx simulate --scenario ${files.scenario.path}\n`);
  return 0;
}
