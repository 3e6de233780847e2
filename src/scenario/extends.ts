/**
 * `extends: other.yml`: a scenario derived from another one. The base is read first (itself
 * possibly derived), then the derived document is merged over it: mappings merge key by key,
 * lists and scalars replace, a distribution (a mapping with `dist`) replaces whole, and `key: null`
 * removes a key of the base (e.g. `external: {urban: {rate: null, count: -5000}}` switches from a
 * rate to a count). Positions keep pointing at whichever file each value came from.
 *
 * @module
 */
import { dirname, resolve } from 'node:path';
import { InputError } from './errors.js';
import { isMapping, locateIn, mergeLocated, type Located } from './located.js';
import { readYamlFile } from './yaml-source.js';

/** The merged document and the files it was read from, most derived first. */
export interface ScenarioChain {
  doc: Located;
  files: string[];
}

/** A distribution is one value: a derived scenario replaces it whole. */
const isDistribution = (v: Record<string, unknown>) => 'dist' in v;

function readChain(file: string, doc: Located, stack: string[]): ScenarioChain {
  const ext = isMapping(doc.value) ? doc.value.extends : undefined;
  if (typeof ext !== 'string') return { doc, files: [file] };
  const at = locateIn(doc.loc, ['extends']);
  const baseFile = resolve(dirname(file), ext);
  const seen = [...stack, file];
  if (seen.includes(baseFile)) {
    const cycle = [...seen.slice(seen.indexOf(baseFile)), baseFile].map((f) => f.split('/').at(-1)).join(' → ');
    throw new InputError({ ...at, path: 'extends', detail: `extends cycle: ${cycle}` });
  }
  const baseDoc = readYamlFile(baseFile, { at, path: 'extends', what: 'the scenario it extends,' });
  const base = readChain(baseFile, baseDoc, seen);
  return { doc: mergeLocated(base.doc, doc, isDistribution), files: [file, ...base.files] };
}

/**
 * Reads a scenario file and everything it extends, merged.
 *
 * @example
 * const { doc, files } = readScenarioChain('/abs/scenarios/heze-fast.yml');
 * files; // ['/abs/scenarios/heze-fast.yml', '/abs/scenarios/heze.yml']
 */
export function readScenarioChain(file: string): ScenarioChain {
  return readChain(file, readYamlFile(file), []);
}
