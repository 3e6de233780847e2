import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/census/index.js';
import { prefectureFits, PREFECTURE_FITS_FILE } from '../../src/calibration/prefecture-fits.js';
import { fitPrefecture, fitReferenceClass, predictRates, prefectureFitsCsv, predictors } from '../../src/calibration/reference-class.js';
import { loadVitals } from '../../src/calibration/vitals.js';
import { dataDir } from '../../src/scenario/paths.js';

describe('reference class', () => {
  const fits = prefectureFits();

  it('the committed table is what fitPrefecture gives (a sample of rows refitted)', () => {
    const cat = loadCatalogue();
    const vitals = loadVitals(dataDir);
    const lines = readFileSync(join(dataDir, PREFECTURE_FITS_FILE), 'utf8').trim().split('\n');
    for (const k of [1, 100, 250]) {
      const code = lines[k].split(',')[0];
      const refit = prefectureFitsCsv([fitPrefecture(cat.byCode(code)!, vitals, dataDir)]).trim().split('\n')[1];
      expect(refit).toBe(lines[k]);
    }
  });

  it('covers the catalogue units with urban figures but those whose change no rate in the domain reproduces', () => {
    expect(fits.length).toBeGreaterThan(340);
  });

  it('leaves a province out when asked', () => {
    const all = fitReferenceClass(fits);
    const noShandong = fitReferenceClass(fits, '370000');

    expect(all.n - noShandong.n).toBe(fits.filter((f) => f.provinceCode === '370000').length);
    expect(noShandong.coef.logRho).not.toEqual(all.coef.logRho);
  });

  it('predicts more net in-migration where more residents were registered elsewhere in 2010', () => {
    const rc = fitReferenceClass(fits);
    const base = predictors(loadCatalogue().byCode('371700')!);
    const moreMigrants = [...base];
    moreMigrants[3] += 0.3;

    expect(predictRates(rc, moreMigrants).nu).toBeGreaterThan(predictRates(rc, base).nu);
  });
});
