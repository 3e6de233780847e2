/**
 * Parsed values of the project's own YAML files (scenarios/ and seeds/), made at build time
 * (scripts/yaml-cache.mjs) and found by the SHA-256 of a file's text: a file whose text is byte for
 * byte one of those gets its value without parsing. The `yaml` package parses about 1 MB/s on this
 * machine (heze.yml, shandong.yml and seeds/heze.yml: about 75 ms of every Heze run's start-up);
 * reading a stored value takes well under a millisecond.
 *
 * Positions are not stored: a cached document parses its text when its positions are first asked
 * for (`readYamlFile`), which happens only to report an error, or to follow `extends:` and `--set`.
 * Any other text (an edited copy, a user's own scenario) is parsed as before; the cache cannot be
 * stale, since a changed file has another hash. `URBCAST_YAML_CACHE=0` turns it off.
 *
 * Layout: dist/yaml-cache/<sha256 hex>.bin, each the `v8.serialize` of the value (`toJS()` as
 * parseYamlText gives it: Infinity and NaN survive, unlike JSON).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { compiledUrl } from '../engine/compiled-url.js';

/** The cache's folder (dist/yaml-cache/, also when this module runs from source). */
export const YAML_CACHE_DIR = fileURLToPath(compiledUrl('../../yaml-cache/', import.meta.url));

/**
 * The key of a text: its SHA-256, hex.
 *
 * @example
 * yamlCacheKey('a: 1\n'); // 64 hex digits
 */
export function yamlCacheKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The stored value of `text`, or undefined when it is not one of the project's files (or the cache
 * is off, missing or its entry unreadable).
 *
 * @example
 * cachedYamlValue(readFileSync('scenarios/heze.yml', 'utf8')); // the parsed scenario, unparsed
 */
export function cachedYamlValue(text: string, dir = YAML_CACHE_DIR): unknown {
  if (process.env.URBCAST_YAML_CACHE === '0') return undefined;
  try {
    return deserialize(readFileSync(`${dir}/${yamlCacheKey(text)}.bin`));
  } catch {
    return undefined; // not cached, or a damaged entry: the text is parsed
  }
}
