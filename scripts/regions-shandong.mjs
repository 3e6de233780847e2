// Writes scenarios/shandong-prefectures.yml, scenarios/prefectures/*.yml and their age CSVs
// (src/regions/province-scenario.ts). Run after `npm run build`: npm run regions:shandong
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../dist/src/census/index.js';
import { shandongScenarios } from '../dist/src/regions/province-scenario.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'seeds/data');
const files = shandongScenarios(loadCatalogue(dataDir), { dataDir, horizon: 2035, seed: 20221205 });
for (const [path, text] of Object.entries(files)) {
  const file = join(root, 'scenarios', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote scenarios/${path}`);
}
