/**
 * Init regions for tests built from the calibration's plan-region inputs (seeds/data/cities_census.csv),
 * so that init's tests do not depend on the census catalogue.
 */
import { planRegionInput } from '../../src/calibration/cities.js';
import type { InitRegion } from '../../src/init/region.js';
import { dataDir } from '../../src/scenario/paths.js';

const NAMES = { heze: ['371700', '菏泽市', 'Heze'], jining: ['370800', '济宁市', 'Jining'], jinan: ['370100', '济南市', 'Jinan'] } as const;

/** A plan city as an {@link InitRegion}. */
export function testRegion(id: keyof typeof NAMES): InitRegion {
  const input = planRegionInput(dataDir, id);
  const [code, name, pinyin] = NAMES[id];
  return { code, name, province: '山东省', pinyin, start: input.start, end: input.end, notes: [] };
}
