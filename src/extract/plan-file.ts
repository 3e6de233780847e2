/**
 * A plan file → its figures and the text of their seed file (nothing written): what
 * `simulate extract` prints and what `simulate init --plan` writes beside the scenario.
 *
 * @module
 */
import { basename } from 'node:path';
import { readPlan } from './decode.js';
import { extractFigures, type ExtractedEntry } from './extract.js';
import { seedYaml } from './seed-yaml.js';

/** What a plan gave. */
export interface Extraction {
  /** The region's Chinese name (figures for the whole of it carry it). */
  region: string;
  /** The seed file's stem and `name:` (e.g. `linyi`, `临沂市 Linyi`). */
  city: string;
  name: string;
  /** The plan's file name, as cited in `source.document`. */
  document: string;
  entries: ExtractedEntry[];
  /** The seed file's text. */
  yaml: string;
}

/** The first line of every seed file extract writes (init recognises its own files by it). */
export const EXTRACT_MARK = 'figures read by `simulate extract';

/**
 * Reads a plan file and extracts its figures as a seed file's text.
 *
 * @example
 * extractPlanFile('plan.txt', { region: '临沂市', name: '临沂市 Linyi', city: 'linyi' }).entries.length;
 */
export function extractPlanFile(file: string, o: { region: string; name: string; city: string }): Extraction {
  const { text, encoding } = readPlan(file);
  const document = basename(file);
  const entries = extractFigures(text, { document, region: o.region, city: o.city, file });
  const counts = (k: string) => entries.filter((e) => e.kind === k).length;
  const header = [
    `${o.name}: ${EXTRACT_MARK} ${document} --region ${o.region}\` (${encoding}); format: seeds/FORMAT.md.`,
    `${entries.length} entries: ${counts('baseline') + counts('history')} baseline/history, ${counts('target_level')} target levels, ${counts('target_flow')} flows, ${counts('relative_target')} relative to the province;`,
    `${entries.filter((e) => e.conflict !== undefined).length} marked as text/table conflicts. Machine-read: check each entry against its quote before relying on it.`,
  ];
  return { region: o.region, city: o.city, name: o.name, document, entries, yaml: seedYaml({ city: o.city, name: o.name, document, entries, header }) };
}
