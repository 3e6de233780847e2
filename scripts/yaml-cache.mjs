/**
 * Writes dist/yaml-cache/: the parsed value of every YAML file under scenarios/ and seeds/, keyed by
 * the SHA-256 of its text (src/scenario/yaml-cache.ts), parsed by the product's own parseYamlText.
 * A file that does not parse cleanly is left out (it is parsed, and reported, at run time).
 * `npm run build` runs this after tsc.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const { parseYamlText } = await import(pathToFileURL(join(dist, 'src/scenario/yaml-source.js')).href);
const { YAML_CACHE_DIR, yamlCacheKey } = await import(pathToFileURL(join(dist, 'src/scenario/yaml-cache.js')).href);

/** Every .yml file below `dir`. */
function ymlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ymlFiles(join(dir, e.name)) : e.name.endsWith('.yml') ? [join(dir, e.name)] : []));
}

const tmp = `${YAML_CACHE_DIR.replace(/\/$/, '')}.${process.pid}.tmp`;
mkdirSync(tmp, { recursive: true });
for (const file of ['scenarios', 'seeds'].flatMap((d) => ymlFiles(join(root, d)))) {
  const text = readFileSync(file, 'utf8');
  let value;
  try {
    value = parseYamlText(text, file).value;
  } catch {
    continue;
  }
  writeFileSync(join(tmp, `${yamlCacheKey(text)}.bin`), serialize(value));
}
rmSync(YAML_CACHE_DIR, { recursive: true, force: true });
renameSync(tmp, YAML_CACHE_DIR);
