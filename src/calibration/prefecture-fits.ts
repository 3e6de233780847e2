/**
 * Writes the reference-class table seeds/data/prefecture_fits.csv: every catalogue prefecture with
 * urban figures fitted to its 2010 → 2020 change (`npm run calibrate:prefectures`, about 3 minutes).
 * tests/calibration/reference-class.test.ts refits a sample of rows and compares.
 *
 * @module
 */
import { join } from 'node:path';
import { hasUrbanFigures, loadCatalogue } from '../census/index.js';
import { dataDir as defaultDataDir } from '../scenario/paths.js';
import { writeFileAtomic } from '../util/atomic.js';
import { fitPrefecture, loadPrefectureFits, prefectureFitsCsv, type PrefectureFit } from './reference-class.js';
import { loadVitals } from './vitals.js';

/** The table's file name in seeds/data/. */
export const PREFECTURE_FITS_FILE = 'prefecture_fits.csv';

/**
 * Fits every prefecture and writes the table; returns its path, the count and the units that could
 * not be fitted (a target outside the rates' domains), with why.
 *
 * @example
 * writePrefectureFits(); // { file: '…/seeds/data/prefecture_fits.csv', n: 3xx, failed: [] }
 */
export function writePrefectureFits(o: { dataDir?: string; progress?: (i: number, n: number) => void } = {}): { file: string; n: number; failed: string[] } {
  const dir = o.dataDir ?? defaultDataDir;
  const units = loadCatalogue(dir).units.filter(hasUrbanFigures);
  const vitals = loadVitals(dir);
  const fits: PrefectureFit[] = [];
  const failed: string[] = [];
  units.forEach((u, i) => {
    o.progress?.(i + 1, units.length);
    try {
      fits.push(fitPrefecture(u, vitals, dir));
    } catch (e) {
      failed.push(`${u.code} ${u.name}: ${(e as Error).message}`);
    }
  });
  const file = join(dir, PREFECTURE_FITS_FILE);
  writeFileAtomic(file, prefectureFitsCsv(fits));
  return { file, n: fits.length, failed };
}

/**
 * The committed fits, joined to the catalogue's predictors.
 *
 * @example
 * prefectureFits().length;
 */
export function prefectureFits(dataDir: string = defaultDataDir): PrefectureFit[] {
  const cat = loadCatalogue(dataDir);
  return loadPrefectureFits(join(dataDir, PREFECTURE_FITS_FILE), cat.byCode);
}
