// Writes scenarios/shandong-prefectures.yml, scenarios/prefectures/*.yml (src/regions/province-scenario.ts),
// scenarios/jining-counties.yml, scenarios/counties/*.yml (src/regions/jining-metro.ts) and their age CSVs. Run after `npm run build`: npm run regions:shandong
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../dist/src/census/index.js';
import { shandongScenarios } from '../dist/src/regions/province-scenario.js';
import { jiningMetroScenarios } from '../dist/src/regions/jining-metro.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'seeds/data');
const catalogue = loadCatalogue(dataDir);
const options = { dataDir, horizon: 2035, seed: 20221205 };
const files = { ...shandongScenarios(catalogue, options), ...jiningMetroScenarios(catalogue, options) };
for (const [path, text] of Object.entries(files)) {
  const file = join(root, 'scenarios', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote scenarios/${path}`);
}
