/**
 * The parse cache of the project's YAML files (src/scenario/yaml-cache.ts, built by
 * scripts/yaml-cache.mjs in `npm run build`): a shipped file reads back as the parser gives it,
 * positions included, and nothing else is served from it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cachedYamlValue, yamlCacheKey } from '../../src/scenario/yaml-cache.js';
import { parseYamlText, readYamlFile } from '../../src/scenario/yaml-source.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ymlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ymlFiles(join(dir, e.name)) : e.name.endsWith('.yml') ? [join(dir, e.name)] : []));
const shipped = ['scenarios', 'seeds'].flatMap((d) => ymlFiles(join(root, d)));

describe('the YAML parse cache', () => {
  it('holds every shipped scenario and seed file, and reads each back as parsed, positions included', () => {
    expect(shipped.length).toBeGreaterThan(10);
    for (const file of shipped) {
      // Arrange
      const text = readFileSync(file, 'utf8');
      const parsed = parseYamlText(text, file);
      // Act
      const doc = readYamlFile(file);
      // Assert
      expect(cachedYamlValue(text), file).toBeDefined();
      expect(doc.value, file).toEqual(parsed.value);
      expect(doc.loc, file).toEqual(parsed.loc);
    }
  });

  it('serves nothing for a text that differs by one byte, or when turned off', () => {
    const text = readFileSync(join(root, 'scenarios/heze.yml'), 'utf8');
    const saved = process.env.URBCAST_YAML_CACHE;

    const edited = cachedYamlValue(`${text}\n`);
    process.env.URBCAST_YAML_CACHE = '0';
    let off: unknown;
    try {
      off = cachedYamlValue(text);
    } finally {
      if (saved === undefined) delete process.env.URBCAST_YAML_CACHE;
      else process.env.URBCAST_YAML_CACHE = saved;
    }

    expect(edited).toBeUndefined();
    expect(off).toBeUndefined();
    expect(cachedYamlValue(text)).toBeDefined();
  });

  it('serves nothing from a damaged entry, so the text is parsed instead', () => {
    // Arrange: a cache folder whose entry for this text holds bytes that are no serialized value
    const text = 'a: 1\n';
    const dir = mkdtempSync(join(tmpdir(), 'urbcast-yaml-cache-'));
    try {
      writeFileSync(join(dir, `${yamlCacheKey(text)}.bin`), 'not a value');
      // Act / Assert
      expect(cachedYamlValue(text, dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
