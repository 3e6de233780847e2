/**
 * `simulate extract PLAN --region NAME [--out FILE] [--city STEM]`: a plan's figures as a seed
 * file (seeds/FORMAT.md), printed or written atomically; and `simulate extract-eval`: the
 * extractor scored against the hand-made seed files.
 *
 * @module
 */
import { basename, resolve } from 'node:path';
import { renderScore, scoreExtraction } from '../extract/evaluate.js';
import { extractPlanFile, type Extraction } from '../extract/plan-file.js';
import { projectRoot, seedsDir } from '../scenario/paths.js';
import { writeOutputFile } from '../io/output-file.js';
import type { ExtractCommand, ExtractEvalCommand } from './args.js';
import { UsageError } from './args.js';
import type { CliIO } from './io.js';
import { lookupRegion } from './region.js';

/**
 * Resolves the region and the seed file's stem, then reads the plan (nothing is written).
 *
 * @example
 * const x = extractPlan({ plan: 'plan.txt', region: '临沂市', out: 'seeds/linyi.yml' });
 * x.entries.length;
 */
export function extractPlan(o: { plan: string; region: string; out?: string; city?: string }): Extraction {
  const stem = o.out !== undefined ? basename(o.out).replace(/\.ya?ml$/, '') : undefined;
  const given = o.city ?? (stem !== undefined && /^[a-z]+$/.test(stem) ? stem : undefined);
  // a name outside the catalogue (a county, a metro area) is taken as written when the stem is given
  const region = lookupRegion(o.region, { asWritten: given !== undefined });
  const city = given ?? region.pinyin?.toLowerCase().replace(/[^a-z]/g, '');
  if (city === undefined || city === '') {
    throw new UsageError(`give the seed file's stem with --city (lower-case letters), or an --out file named like linyi.yml`);
  }
  const name = region.pinyin !== undefined ? `${region.name} ${region.pinyin}` : region.name;
  return extractPlanFile(o.plan, { region: region.name, name, city });
}

/**
 * Runs `simulate extract`: prints the seed file, or writes it to `--out` and says so on stderr.
 *
 * @example
 * await extractCommand({ kind: 'extract', plan: 'plan.txt', region: '临沂市' }, processIO);
 */
export function extractCommand(cmd: ExtractCommand, io: CliIO): number {
  const x = extractPlan(cmd);
  if (cmd.out === undefined) {
    io.stdout.write(x.yaml);
  } else {
    writeOutputFile(cmd.out, x.yaml);
    io.stderr.write(`wrote ${cmd.out}: ${x.entries.length} figures of ${x.region} from ${x.document}\n`);
  }
  return 0;
}

/**
 * Runs `simulate extract-eval`: the score table, the misses and the false finds.
 *
 * @example
 * await extractEvalCommand({ kind: 'extract-eval' }, processIO);
 */
export function extractEvalCommand(cmd: ExtractEvalCommand, io: CliIO): number {
  const seeds = cmd.seeds ?? seedsDir;
  const documents = cmd.documents ?? resolve(projectRoot, '..', 'shared', 'seeds');
  io.stdout.write(renderScore(scoreExtraction(seeds, documents)));
  return 0;
}
