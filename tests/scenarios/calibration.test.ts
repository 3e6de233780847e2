/**
 * The calibrated numbers in scenarios/*.yml are those bench/calibration/scenario-inputs.mjs derived
 * (bench/calibration/scenario-inputs.json): a rerun of the calibration that changes them, or a hand
 * edit of a scenario that departs from them, fails here until the two agree again.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const inputs = JSON.parse(readFileSync(join(ROOT, 'bench', 'calibration', 'scenario-inputs.json'), 'utf8'));

type Param = { value: unknown; change?: unknown };
const valueAndChange = (p: Param) => ({ value: p.value, change: p.change });

describe.each(['heze', 'jining', 'jinan', 'shandong'])('scenarios/%s.yml', (region) => {
  const doc = parse(readFileSync(join(ROOT, 'scenarios', `${region}.yml`), 'utf8'));
  const r = inputs.regions[region];
  const A = doc.assumptions;

  it('has the derived baseline population and age structure', () => {
    const population = doc.baseline.population;

    if ('value' in population) expect(population.value).toBe(r.population.value);
    else expect(population.seed).toMatch(/^jinan\.P008$/);
    expect(doc.baseline.year).toBe(r.baseYear);
    expect(doc.baseline.ageStructure).toBe(`data/${basename(r.ageStructure.file)}`);
  });

  it('has the calibrated migration, reclassification and external rates', () => {
    const external = (area: string) => valueAndChange(A.external[area].rate);

    expect(valueAndChange(A.ruralToUrban)).toEqual({ value: r.ruralToUrban.value, change: r.ruralToUrban.change });
    expect(valueAndChange(A.reclassification)).toEqual({ value: r.reclassification.value, change: r.reclassification.change });
    expect(external('urban')).toEqual({ value: r.externalRate.value, change: r.externalRate.change });
    expect(external('rural')).toEqual({ value: r.externalRate.value, change: r.externalRate.change });
  });

  it('has the derived fertility, mortality and sex ratio at birth', () => {
    expect(valueAndChange(A.tfr.urban)).toEqual(r.tfr.urban);
    expect(valueAndChange(A.tfr.rural)).toEqual(r.tfr.rural);
    for (const area of ['urban', 'rural']) {
      expect(valueAndChange(A.e0[area].female)).toEqual(r.e0.female);
      expect(valueAndChange(A.e0[area].male)).toEqual(r.e0.male);
    }
    expect(A.srb.value).toEqual(r.srb);
  });
});
